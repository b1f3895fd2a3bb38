// genrescope-cli extract: dataset folders and/or files → one CSV row of genre features per song.
#include "app/cli/command.h"
#include "app/cli/console.h"
#include "app/cli/extraction_args.h"
#include "app/cli/extract_shard.h"
#include "app/cli/label_args.h"

#include "core/common/error.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"
#include "core/jobs/parallel.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace gs::cli {
namespace {

namespace fs = std::filesystem;

// --labels: the folder's songs labelled by the file; what does not match is listed.
ScanResult scanFolderWithLabels(const fs::path& folder, const LabelSource& labels)
{
    LabelledScan labelled = scanWithLabels(folder, labels);
    printLabelMatch({labelled.format, labelled.scan.songs.size(), labelled.withoutGenre, labelled.outsideSubset,
                     &labelled.labelsWithoutFile, &labelled.filesWithoutLabel, &labelled.labelProblems},
                    labels);
    return std::move(labelled.scan);
}

int runExtract(const Args& raw)
{
    ArgParser args(raw);
    const std::string out = args.option("--out");
    ExtractionParams params = parseExtractionArgs(args);
    const int threads = args.threads();
    const bool quiet = args.flag("--quiet");
    const std::string layoutName = args.option("--layout", "ours");
    if (layoutName != "ours" && layoutName != "kaggle")
        throw UsageError("--layout expects ours or kaggle");
    const CsvLayout layout = layoutName == "kaggle" ? CsvLayout::Kaggle : CsvLayout::Ours;
    const LabelSource labels = parseLabelArgs(args);
    const std::optional<ShardSpec> shard = parseShardOption(args);
    args.rejectUnknown();
    const auto inputs = args.positional();
    if (inputs.empty())
        throw UsageError("no input folder or file given");
    if (out.empty())
        throw UsageError("--out FILE is required");
    {
        // Fail before minutes of work, not after.
        const fs::path parent = fs::absolute(fs::path(out)).parent_path();
        std::error_code ec;
        if (!fs::is_directory(parent, ec))
            throw UsageError("the folder for --out does not exist: " + parent.string());
        if (fs::is_directory(fs::path(out), ec))
            throw UsageError("--out names a folder, not a file: " + out);
    }

    // Collect songs: folders are datasets (sub-folders = genres); files stand alone.
    std::vector<SongEntry> songs;
    std::vector<ExtractionFailure> failures;
    std::size_t hidden = 0, notAudio = 0;
    std::vector<std::string> problems;
    for (const auto& input : inputs) {
        const fs::path path(input);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            try {
                ScanResult scan = labels.file.empty() ? scanDataset(path) : scanFolderWithLabels(path, labels);
                hidden += scan.skippedHidden;
                notAudio += scan.skippedNotAudio;
                problems.insert(problems.end(), scan.problems.begin(), scan.problems.end());
                songs.insert(songs.end(), scan.songs.begin(), scan.songs.end());
            } catch (const Error& e) {
                failures.push_back({input, e.reason(), e.kind()});
            }
        } else if (fs::exists(path, ec)) {
            songs.push_back(songEntryForFile(path));
        } else {
            failures.push_back({input, "does not exist", ErrorKind::NotFound});
        }
    }

    BatchOptions options;
    options.threads = threads;
    options.cancel = &interruptOnSignal();
    options.progress = consoleProgress(quiet);
    if (shard)
        return runExtractShard({*shard, out, layout, params, options, quiet}, songs, failures, problems);

    const BatchResult result = extractBatch(songs, params, options);
    if (!songs.empty())
        endProgressLine(quiet);
    if (result.cancelled) {
        std::fprintf(stderr, "cancelled after %zu of %zu songs; %s not written\n",
                     result.table.rows.size() + result.failures.size(), songs.size(), out.c_str());
        return kExitSomeFailed;
    }
    failures.insert(failures.end(), result.failures.begin(), result.failures.end());
    writeFeatureCsv(out, result.table, layout);

    std::fprintf(stderr, "extracted %zu of %zu songs in %.1f s (%s) -> %s\n", result.table.rows.size(), songs.size(),
                 result.seconds, genreFeatureSchema(params).fingerprint().c_str(), out.c_str());
    if (hidden || notAudio)
        std::fprintf(stderr, "skipped: %zu hidden, %zu not audio\n", hidden, notAudio);
    for (const auto& p : problems)
        std::fprintf(stderr, "unreadable folder: %s\n", p.c_str());
    for (const auto& w : result.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!failures.empty()) {
        std::fprintf(stderr, "failed: %zu\n", failures.size());
        for (const auto& f : failures)
            std::fprintf(stderr, "  %s: %s (%s)\n", f.file.c_str(), f.reason.c_str(), toString(f.kind));
    }
    return failures.empty() && problems.empty() ? kExitOk : kExitSomeFailed;
}

const CommandRegistrar registrar({
    "extract",
    "compute the genre features of songs (gtzan-57 or rich-680) into a CSV",
    "usage: genrescope-cli extract PATH... --out FILE.csv [options]\n"
    "\n"
    "PATH is a dataset folder (each sub-folder is a genre; files directly inside have no\n"
    "label) or a single audio file. One CSV row per song: filename (relative to the folder\n"
    "it was found in), label, length (samples analysed), then the features: the 57 Kaggle GTZAN\n"
    "values (default) or the 680 of --schema rich-680.\n"
    "Files that fail are listed at the end and never stop the batch.\n"
    "\n"
    "options:\n"
    "  --out FILE        CSV to write (required)\n"
    + std::string(kLabelArgsHelp) +
    "  --layout L        ours (filename,label,length,<57>; default) or kaggle (filename,length,<57>,label,\n"
    "                    the public GTZAN features_30_sec.csv layout)\n"
    + std::string(kExtractionArgsHelp) +
    std::string(kShardHelp) +
    "  -j N, --jobs N    worker threads (default 0 = all cores)\n"
    "  --quiet           no progress line\n"
    "\n"
    "exit code: 0 all songs extracted, 1 some failed, 2 usage error",
    runExtract,
});

} // namespace
} // namespace gs::cli
