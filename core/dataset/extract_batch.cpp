#include "core/dataset/extract_batch.h"

#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/dataset/whole_file.h"
#include "core/features/extract.h"
#include "core/jobs/parallel.h"

#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>

namespace gs {

namespace {
double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
} // namespace

namespace {

// Whole files (--clip 0) of the 57-value set stream through the extractor in blocks: a
// 60-minute recording in ~130 MB instead of gigabytes (streaming_extract.h; same values).
bool streamsWholeFile(const ExtractionParams& params)
{
    return params.clipSeconds == 0 && params.features == FeatureSet::Gtzan57;
}

// What onDecoded callers (fingerprint, format) need of a streamed file: its first two
// minutes, which hold any duplicate's matching start, decoded apart.
constexpr double kStreamedPreviewSeconds = 120.0;

SongOutcome finishRow(SongOutcome out, const SongEntry& song, double length, std::vector<double> values,
                      const std::vector<std::string>& names)
{
    const std::string name = song.path.string();
    if (values.size() != names.size())
        throw Error(ErrorKind::Internal, name,
                    "extractor returned " + std::to_string(values.size()) + " values instead of " + std::to_string(names.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))  // never let a NaN into a table; say where it came from
            throw Error(ErrorKind::Internal, name, "feature " + names[i] + " is not finite");
    out.ok = true;
    out.row.file = song.relativePath;
    out.row.label = song.label;
    out.row.group = song.group; // from a labels file (e.g. the artist), written as the CSV group column
    out.row.length = length;
    out.row.values = std::move(values);
    return out;
}

SongOutcome extractWholeSongStreaming(const SongEntry& song, const ExtractionParams& params, const CancelToken* cancel,
                                      const std::function<void(const Audio&)>& onDecoded)
{
    SongOutcome out;
    auto t = std::chrono::steady_clock::now();
    WholeFileFeatures whole = extractWholeFileStreaming(song.path, params, cancel);
    out.featureSeconds = since(t);
    out.warning = whole.warning;
    if (onDecoded) {
        DecodeOptions preview;
        preview.sampleRate = params.sampleRate;
        preview.offsetSeconds = params.offsetSeconds;
        preview.durationSeconds = kStreamedPreviewSeconds;
        t = std::chrono::steady_clock::now();
        const Audio audio = decodeAudio(song.path, preview, cancel);
        out.decodeSeconds = since(t);
        onDecoded(audio);
    }
    return finishRow(std::move(out), song, double(whole.samples), std::move(whole.values), featureNames(params.features));
}

} // namespace

SongOutcome extractSong(const SongEntry& song, const ExtractionParams& params, GenreFeatureExtractor& extractor,
                        const CancelToken* cancel, const std::function<void(const Audio&)>& onDecoded)
{
    if (streamsWholeFile(params))
        return extractWholeSongStreaming(song, params, cancel, onDecoded);
    SongOutcome out;
    const std::string name = song.path.string();
    DecodeOptions decode;
    decode.sampleRate = params.sampleRate;
    decode.offsetSeconds = params.offsetSeconds;
    decode.durationSeconds = params.clipSeconds;
    auto t = std::chrono::steady_clock::now();
    Audio audio = decodeAudio(song.path, decode, cancel);
    out.decodeSeconds = since(t);
    if (audio.partial)
        out.warning = audio.warning;
    if (cancel)
        cancel->throwIfCancelled(name);

    t = std::chrono::steady_clock::now();
    std::vector<double> values = extractor.compute(audio.samples, audio.sampleRate);
    out.featureSeconds = since(t);
    SongOutcome row = finishRow(std::move(out), song, double(audio.samples.size()), std::move(values),
                                featureNames(extractor.features()));
    if (onDecoded)
        onDecoded(audio);
    return row;
}

BatchResult extractBatch(const std::vector<SongEntry>& songs, const ExtractionParams& params, const BatchOptions& options)
{
    params.validate();
    BatchResult result;
    result.table.columns = featureNames(params.features);

    std::vector<SongOutcome> outcomes(songs.size());
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    // One extractor per worker, created on first use inside that worker (FFT plans are not cheap).
    std::vector<std::unique_ptr<GenreFeatureExtractor>> extractors(std::size_t(std::max(threads, 1)));
    std::mutex deliver;
    std::vector<char> ready(songs.size(), 0);
    std::size_t nextInOrder = 0;

    ParallelOptions parallel;
    parallel.threads = threads;
    parallel.cancel = options.cancel;
    parallel.progress = options.progress;

    auto body = [&](std::size_t index, int worker) {
        const SongEntry& song = songs[index];
        SongOutcome outcome;
        try {
            auto& extractor = extractors[std::size_t(worker)];
            if (!extractor)
                extractor = std::make_unique<GenreFeatureExtractor>(params);
            outcome = extractSong(song, params, *extractor, options.cancel);
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            outcome.failure = {song.relativePath, e.reason(), e.kind()};
        } catch (const std::exception& e) {
            outcome.failure = {song.relativePath, e.what(), ErrorKind::Internal};
        }
        outcome.index = index;
        outcomes[index] = std::move(outcome);  // each index is written by exactly one worker
        if (!options.onSong)
            return;
        std::lock_guard lock(deliver);
        ready[index] = 1;
        if (!options.deliverInOrder) {
            options.onSong(outcomes[index]);
            return;
        }
        while (nextInOrder < songs.size() && ready[nextInOrder])
            options.onSong(outcomes[nextInOrder++]);
    };
    const ParallelOutcome run = parallelFor(songs.size(), body, parallel);
    if (options.onSong && options.deliverInOrder)  // after a cancel: the finished songs behind a gap
        for (std::size_t i = nextInOrder; i < songs.size(); ++i)
            if (ready[i])
                options.onSong(outcomes[i]);

    for (const auto& f : run.failures)  // only reached by exceptions escaping body (none expected)
        if (!outcomes[f.index].ok && outcomes[f.index].failure.reason.empty())
            outcomes[f.index].failure = {songs[f.index].relativePath, f.reason, f.kind};
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        auto& o = outcomes[i];
        result.decodeSeconds += o.decodeSeconds;
        result.featureSeconds += o.featureSeconds;
        if (o.ok) {
            result.table.rows.push_back(std::move(o.row));
            if (!o.warning.empty())
                result.warnings.push_back(songs[i].relativePath + ": " + o.warning);
        } else if (!o.failure.reason.empty()) {
            result.failures.push_back(std::move(o.failure));
        }
    }
    result.cancelled = run.cancelled;
    result.seconds = run.elapsedSeconds;
    return result;
}

} // namespace gs
