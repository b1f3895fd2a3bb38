// genrescope-cli merge: the parts of a sharded extraction (extract --shard I/N) → one CSV,
// byte for byte what a single `extract` run over the same inputs writes.
#include "app/cli/command.h"

#include "core/common/error.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/shard.h"

#include <cstdio>
#include <filesystem>

namespace gs::cli {
namespace {

namespace fs = std::filesystem;

int runMerge(const Args& raw)
{
    ArgParser args(raw);
    const std::string out = args.option("--out");
    args.rejectUnknown();
    const auto inputs = args.positional();
    if (inputs.empty())
        throw UsageError("no part given (e.g. parts/part-*.csv)");
    if (out.empty())
        throw UsageError("--out FILE is required");
    std::vector<fs::path> parts;
    for (const auto& input : inputs) {
        if (fs::weakly_canonical(input) == fs::weakly_canonical(out))
            throw UsageError("--out is one of the parts: " + out);
        parts.emplace_back(input);
    }

    const MergedShards merged = mergeShards(parts);
    writeFeatureCsv(out, merged.table, merged.layout);
    std::fprintf(stderr, "merged %d shards: %zu of %zu songs -> %s\n", merged.shardCount, merged.table.rows.size(),
                 merged.totalSongs, out.c_str());
    if (merged.failed)
        std::fprintf(stderr, "%zu songs failed during extraction; the parts' .log files list them\n", merged.failed);
    return kExitOk;
}

const CommandRegistrar registrar({
    "merge",
    "join the parts of a sharded extraction (extract --shard) into one CSV",
    "usage: genrescope-cli merge PART.csv... --out FILE.csv\n"
    "\n"
    "PART.csv are the outputs of `extract --shard I/N` (each with its PART.shard.json record).\n"
    "Checks that every shard 0..N-1 is there exactly once, that all come from the same song\n"
    "list, settings and layout, that no part was changed since and no song appears twice, then\n"
    "writes the rows in the order a single `extract` run writes them: the merged file equals\n"
    "that run's output byte for byte. Songs that failed are listed in the parts' .log files.\n"
    "\n"
    "options:\n"
    "  --out FILE        CSV to write (required; written atomically)\n"
    "\n"
    "exit code: 0 merged, 1 a part is missing, duplicated or inconsistent (nothing written),\n"
    "2 usage error",
    runMerge,
});

} // namespace
} // namespace gs::cli
