#include "core/dataset/analyse_song.h"

#include "core/audio/decode.h"
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "core/dataset/extract_batch.h"

namespace gs {

CachedSong identityRecord(const SongEntry& song)
{
    CachedSong r;
    r.path = song.path.generic_string();
    r.size = std::int64_t(song.sizeBytes);
    r.modifiedMs = song.modifiedTime * 1000;
    r.label = song.label;
    return r;
}

CachedSong analyseSongForCache(const SongEntry& song, const ExtractionParams& params, GenreFeatureExtractor& extractor,
                               const CancelToken* cancel)
{
    CachedSong r = identityRecord(song);
    try {
        const SongOutcome outcome = extractSong(song, params, extractor, cancel, [&r](const Audio& audio) {
            r.durationSeconds = audio.info.durationSeconds > 0 ? audio.info.durationSeconds : audio.seconds();
            r.sampleRate = audio.info.nativeSampleRate;
            r.channels = audio.info.channels;
            r.codec = audio.info.codec;
            r.container = audio.info.container;
            try {
                r.fingerprint = computeFingerprint(audio.samples, audio.sampleRate, r.path);
            } catch (const Error&) {
                r.fingerprint.clear(); // too short to fingerprint: simply never a duplicate
            }
        });
        r.length = outcome.row.length;
        r.warning = outcome.warning.empty() ? std::string() : "decoded only in part: " + outcome.warning;
        r.features = outcome.row.values;
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw;
        r.features.clear();
        r.fingerprint.clear();
        r.error = std::string(toString(e.kind())) + ": " + e.reason();
    } catch (const std::exception& e) {
        r.features.clear();
        r.fingerprint.clear();
        r.error = std::string("internal error: ") + e.what();
    }
    return r;
}

} // namespace gs
