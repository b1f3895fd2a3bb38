#pragma once
// One song analysed for the feature cache, the same way by the app (DatasetSession) and the
// CLI (evaluate / train on a folder): one decode gives the 57 features, the format and the
// Chromaprint fingerprint. A failure is recorded in the record (error), as the cache keeps
// failures too, so a broken file is not decoded again until it changes.
#include "core/common/progress.h"
#include "core/dataset/cache.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"

namespace gs {

class GenreFeatureExtractor;

// What the cache keeps for a song before it is analysed: path, size, time, label.
CachedSong identityRecord(const SongEntry& song);

// Throws only gs::Error(Cancelled); every other failure ends up in the record's error.
CachedSong analyseSongForCache(const SongEntry& song, const ExtractionParams& params, GenreFeatureExtractor& extractor,
                               const CancelToken* cancel = nullptr);

} // namespace gs
