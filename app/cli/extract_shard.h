#pragma once
// genrescope-cli extract --shard I/N: one deterministic share of the songs into its own CSV,
// with a failure log and a shard record (core/dataset/shard.h); a rerun of a finished shard
// is skipped. cmd_extract.cpp collects the songs and hands over here.
#include "app/cli/command.h"

#include "core/dataset/extract_batch.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"
#include "core/dataset/shard.h"
#include "core/features/schema.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// The --shard option (consumed from args); nullopt when absent. Throws UsageError on junk.
std::optional<ShardSpec> parseShardOption(ArgParser& args);

struct ShardRun {
    ShardSpec shard;
    std::filesystem::path out;
    CsvLayout layout = CsvLayout::Ours;
    ExtractionParams params;
    BatchOptions options;
    bool quiet = false;
};

// `songs` is the whole list, as a single `extract` would process it; `inputFailures` the
// inputs that could not be read (then nothing is extracted: every shard must see the same
// list); `problems` the unreadable sub-folders (logged by shard 0 only, so once per job).
int runExtractShard(const ShardRun& run, const std::vector<SongEntry>& songs,
                    const std::vector<ExtractionFailure>& inputFailures, const std::vector<std::string>& problems);

constexpr const char* kShardHelp =
    "  --shard I/N       extract only shard I of N (0 <= I < N): the songs whose path relative to\n"
    "                    their folder hashes (FNV-1a 64) to I mod N. Writes --out, OUT.log (failed\n"
    "                    songs) and OUT.shard.json (written last: the shard is complete); a rerun\n"
    "                    of a complete shard is skipped. Join the parts with `merge`\n";

} // namespace gs::cli
