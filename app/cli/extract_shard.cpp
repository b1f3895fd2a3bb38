#include "app/cli/extract_shard.h"

#include "app/cli/command.h"
#include "app/cli/console.h"

#include "core/common/error.h"

#include <cstdio>
#include <filesystem>

namespace gs::cli {
namespace {

namespace fs = std::filesystem;

ShardRecord expectedRecord(const ShardRun& run, const std::vector<SongEntry>& songs)
{
    ShardRecord r;
    r.schema = genreFeatureSchema(run.params).fingerprint();
    r.layout = run.layout == CsvLayout::Kaggle ? "kaggle" : "ours";
    r.shard = run.shard;
    r.totalSongs = songs.size();
    r.songList = songListChecksum(songs);
    return r;
}

int exitCodeFor(std::size_t failed)
{
    return failed == 0 ? kExitOk : kExitSomeFailed;
}

// Stage: extract the shard's songs, remembering which index of the whole list each row has.
struct ShardExtraction {
    BatchResult result;
    std::vector<std::size_t> rowOrder;
};

ShardExtraction extractShardSongs(const ShardRun& run, const std::vector<SongEntry>& songs,
                                  const std::vector<std::size_t>& mine)
{
    std::vector<SongEntry> subset;
    subset.reserve(mine.size());
    for (std::size_t i : mine)
        subset.push_back(songs[i]);
    std::vector<char> ok(subset.size(), 0);
    BatchOptions options = run.options;
    options.onSong = [&ok](const SongOutcome& outcome) { ok[outcome.index] = outcome.ok; };

    ShardExtraction out;
    out.result = extractBatch(subset, run.params, options);
    if (!subset.empty())
        endProgressLine(run.quiet);
    for (std::size_t i = 0; i < subset.size(); ++i)
        if (ok[i])
            out.rowOrder.push_back(mine[i]);
    if (!out.result.cancelled && out.rowOrder.size() != out.result.table.rows.size())
        throw Error(ErrorKind::Internal, run.out.string(), "rows and finished songs disagree");
    return out;
}

// Stage: CSV, then log, then the record; the record last, so that it marks a complete shard.
std::size_t writeShardOutputs(const ShardRun& run, ShardRecord record, const ShardExtraction& done,
                              const std::vector<std::string>& problems)
{
    writeFeatureCsv(run.out, done.result.table, run.layout);
    std::vector<ShardFailure> failures;
    for (const auto& f : done.result.failures)
        failures.push_back({f.file, f.reason + " (" + toString(f.kind) + ")"});
    for (const auto& p : problems)
        failures.push_back({p, "unreadable folder"});
    writeShardLog(run.out, failures);
    record.songsInShard = done.rowOrder.size() + done.result.failures.size();
    record.failed = done.result.failures.size();
    record.rowOrder = done.rowOrder;
    record.csvChecksum = fileChecksum(run.out);
    writeShardRecord(run.out, record);
    return failures.size();
}

} // namespace

std::optional<ShardSpec> parseShardOption(ArgParser& args)
{
    const std::string text = args.option("--shard");
    if (text.empty())
        return std::nullopt;
    try {
        return parseShardSpec(text);
    } catch (const Error& e) {
        throw UsageError("--shard " + text + ": " + e.reason());
    }
}

int runExtractShard(const ShardRun& run, const std::vector<SongEntry>& songs,
                    const std::vector<ExtractionFailure>& inputFailures, const std::vector<std::string>& problems)
{
    const std::string shard = toString(run.shard);
    if (!inputFailures.empty()) {
        for (const auto& f : inputFailures)
            std::fprintf(stderr, "  %s: %s (%s)\n", f.file.c_str(), f.reason.c_str(), toString(f.kind));
        std::fprintf(stderr, "shard %s not extracted: every shard must see the same inputs\n", shard.c_str());
        return kExitSomeFailed;
    }
    const ShardRecord expected = expectedRecord(run, songs);
    const std::string why = whyShardIsIncomplete(run.out, expected);
    if (why.empty()) {
        const auto record = readShardRecord(run.out);
        std::fprintf(stderr, "shard %s: %s is already complete (%zu songs, %zu failed), skipped\n", shard.c_str(),
                     run.out.c_str(), record->songsInShard, record->failed);
        return exitCodeFor(record->failed);
    }
    // A stale record must not vouch for the new CSV if this run dies half-way.
    std::error_code ec;
    fs::remove(shardRecordPath(run.out), ec);

    const auto mine = songsInShard(songs, run.shard);
    std::fprintf(stderr, "shard %s: %zu of %zu songs (%s)\n", shard.c_str(), mine.size(), songs.size(), why.c_str());
    const ShardExtraction done = extractShardSongs(run, songs, mine);
    if (done.result.cancelled) {
        std::fprintf(stderr, "cancelled: shard %s not written\n", shard.c_str());
        return kExitSomeFailed;
    }
    const std::vector<std::string> myProblems = run.shard.index == 0 ? problems : std::vector<std::string>{};
    const std::size_t failed = writeShardOutputs(run, expected, done, myProblems);

    std::fprintf(stderr, "shard %s: extracted %zu of %zu songs in %.1f s -> %s\n", shard.c_str(),
                 done.result.table.rows.size(), mine.size(), done.result.seconds, run.out.c_str());
    for (const auto& w : done.result.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (failed)
        std::fprintf(stderr, "failed: %zu, listed in %s\n", failed, shardLogPath(run.out).c_str());
    return exitCodeFor(failed);
}

} // namespace gs::cli
