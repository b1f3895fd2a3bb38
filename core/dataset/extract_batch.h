#pragma once
// Feature extraction over many songs: decode (per ExtractionParams), compute the features
// of params.features (gtzan-57 or rich) with one GenreFeatureExtractor per worker thread, collect a FeatureTable and
// the failures. Failed songs never stop the batch.
#include "core/common/error.h"
#include "core/common/progress.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"

#include <functional>
#include <string>
#include <vector>

namespace gs {

class GenreFeatureExtractor;
struct Audio;

struct ExtractionFailure {
    std::string file;    // SongEntry::relativePath
    std::string reason;  // for the user
    ErrorKind kind = ErrorKind::Internal;
};

struct SongOutcome {                 // what one song gave, for callers that show songs as they finish
    std::size_t index = 0;           // into the songs vector
    bool ok = false;
    FeatureRow row;                  // when ok
    ExtractionFailure failure;       // when not ok
    std::string warning;             // partial decode etc. (row is still valid)
    double decodeSeconds = 0, featureSeconds = 0;
};

struct BatchOptions {
    int threads = 0;                 // 0 = hardware threads
    ProgressFn progress;             // done/total/ETA; stage = the song just finished
    const CancelToken* cancel = nullptr;
    // Called once per song (serialised, from worker threads): as songs finish, or in the
    // order of `songs` when deliverInOrder (a slow song then holds back the ones after it).
    std::function<void(const SongOutcome&)> onSong;
    bool deliverInOrder = false;
};

struct BatchResult {
    FeatureTable table;                       // successful songs, in the order of `songs`
    std::vector<ExtractionFailure> failures;  // in the order of `songs`
    std::vector<std::string> warnings;        // "file: warning" for partial decodes
    bool cancelled = false;
    double seconds = 0;
    double decodeSeconds = 0, featureSeconds = 0;  // summed over songs (CPU-ish time)
};

// One song with a caller-owned extractor. Throws gs::Error naming the song. onDecoded, when
// set, sees the decoded audio once the features are computed (the app records its format and
// fingerprints it there, so a song is decoded once for everything).
SongOutcome extractSong(const SongEntry& song, const ExtractionParams& params, GenreFeatureExtractor& extractor,
                        const CancelToken* cancel = nullptr,
                        const std::function<void(const Audio&)>& onDecoded = {});

BatchResult extractBatch(const std::vector<SongEntry>& songs, const ExtractionParams& params,
                         const BatchOptions& options = {});

} // namespace gs
