// genrescope-cli export-mels: a collection's log-mel windows (what the CNN trains on) into
// one HDF5 file or a NumPy .npz, with track, genre label and split per window.
#include "app/cli/console.h"
#include "app/cli/command.h"
#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/dataset/mel_export.h"
#include "core/dataset/scan.h"
#include "core/ml/cnn/cnn_options.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

namespace gs::cli {
namespace {

namespace fs = std::filesystem;

// One CSV record (RFC 4180 quoting: "a,b" and "" inside quotes).
std::vector<std::string> csvFields(const std::string& line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
            fields.back().push_back(line[++i]);
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            fields.emplace_back();
        else if (c != '\r' || quoted)
            fields.back().push_back(c);
    }
    return fields;
}

// --splits FILE.csv: a header naming a `split` column and a path column (path, relative_path,
// filename or file); each row gives the split of the song whose relative path, or else file
// name, matches. Songs without a row get the split "".
std::vector<std::string> readSplits(const std::string& file, const std::vector<SongEntry>& songs, std::size_t& unmatched)
{
    std::ifstream in(file);
    if (!in)
        throw UsageError("cannot read --splits file " + file);
    std::string line;
    std::getline(in, line);
    const auto header = csvFields(line);
    std::optional<std::size_t> splitColumn, pathColumn;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "split")
            splitColumn = i;
        else if (!pathColumn && (header[i] == "path" || header[i] == "relative_path" || header[i] == "filename" ||
                                 header[i] == "file"))
            pathColumn = i;
    }
    if (!splitColumn || !pathColumn)
        throw UsageError("--splits " + file + ": the header needs a 'split' column and a 'path' (or filename) column");
    std::map<std::string, std::string> splitOf;
    while (std::getline(in, line)) {
        const auto fields = csvFields(line);
        if (fields.size() > std::max(*splitColumn, *pathColumn))
            splitOf[fields[*pathColumn]] = fields[*splitColumn];
    }
    std::vector<std::string> splits;
    unmatched = 0;
    for (const auto& song : songs) {
        auto it = splitOf.find(song.relativePath);
        if (it == splitOf.end())
            it = splitOf.find(song.path.filename().string());
        unmatched += it == splitOf.end();
        splits.push_back(it == splitOf.end() ? std::string() : it->second);
    }
    return splits;
}

// Folders are datasets (sub-folders = genres); files stand alone. Problems are printed.
std::vector<SongEntry> collectSongs(const std::vector<std::string>& inputs, bool& problems)
{
    std::vector<SongEntry> songs;
    for (const auto& input : inputs) {
        const fs::path path(input);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            try {
                ScanResult scan = scanDataset(path);
                for (const auto& p : scan.problems)
                    std::fprintf(stderr, "unreadable folder: %s\n", p.c_str());
                problems = problems || !scan.problems.empty();
                songs.insert(songs.end(), scan.songs.begin(), scan.songs.end());
            } catch (const Error& e) {
                std::fprintf(stderr, "%s: %s (%s)\n", input.c_str(), e.reason().c_str(), toString(e.kind()));
                problems = true;
            }
        } else if (fs::exists(path, ec)) {
            songs.push_back(songEntryForFile(path));
        } else {
            std::fprintf(stderr, "%s: does not exist\n", input.c_str());
            problems = true;
        }
    }
    return songs;
}

void printSummary(const MelExportResult& r, std::size_t songCount, const std::string& out)
{
    std::fprintf(stderr, "exported %zu windows of %zu of %zu songs (%zu genres, splits:", r.windowsWritten,
                 r.songsWritten, songCount, r.genres.size());
    for (const auto& s : r.splits)
        std::fprintf(stderr, " '%s'", s.c_str());
    std::fprintf(stderr, ") in %.1f s -> %s (%.1f MB)\n", r.seconds, out.c_str(), double(r.bytes) / (1 << 20));
    for (const auto& w : r.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!r.failures.empty()) {
        std::fprintf(stderr, "skipped: %zu\n", r.failures.size());
        for (const auto& f : r.failures)
            std::fprintf(stderr, "  %s: %s (%s)\n", f.file.c_str(), f.reason.c_str(), toString(f.kind));
    }
}

int runExportMels(const Args& raw)
{
    ArgParser args(raw);
    const std::string out = args.option("--out");
    const gs::ml::CnnOptions cnn; // the CNN's input settings are the defaults
    const ExtractionParams params = parseExtractionArgs(args);
    MelExportOptions options;
    options.windows.mel = gs::ml::cnnMelOptions();
    options.windows.mel.pad = params.pad;
    options.windows.sampleRate = params.sampleRate;
    options.windows.clipSeconds = params.clipSeconds;
    options.windows.clipOffsetSeconds = params.offsetSeconds;
    options.windows.windowFrames = args.wholeNumber("--window-frames", cnn.windowFrames, 1, 65536);
    options.windows.overlap = args.number("--overlap", cnn.inferenceOverlap);
    options.gzipLevel = args.wholeNumber("--gzip", options.gzipLevel, 0, 9);
    options.npzLimitBytes = std::uint64_t(args.wholeNumber("--npz-limit", int(options.npzLimitBytes >> 20), 1, 3999)) << 20;
    const std::string splitsFile = args.option("--splits");
    options.threads = args.threads();
    const bool quiet = args.flag("--quiet");
    args.rejectUnknown();
    const auto inputs = args.positional();
    if (inputs.empty())
        throw UsageError("no input folder or file given");
    if (out.empty())
        throw UsageError("--out FILE.h5 or FILE.npz is required");
    if (params.sampleRate == 0)
        throw UsageError("--sr native: exported windows need one sample rate for all songs");
    try {
        melExportFormatFor(out);
        options.windows.validate();
    } catch (const Error& e) {
        throw UsageError(e.subject() + ": " + e.reason());
    }
    const fs::path parent = fs::absolute(fs::path(out)).parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
        throw UsageError("the folder for --out does not exist: " + parent.string());

    bool problems = false;
    const std::vector<SongEntry> songs = collectSongs(inputs, problems);
    std::size_t unmatched = 0;
    const std::vector<std::string> splits = splitsFile.empty() ? std::vector<std::string>{}
                                                               : readSplits(splitsFile, songs, unmatched);
    if (unmatched)
        std::fprintf(stderr, "warning: %zu songs have no row in %s (split '')\n", unmatched, splitsFile.c_str());

    options.cancel = &interruptOnSignal();
    options.progress = consoleProgress(quiet);
    const MelExportResult result = exportMels(songs, splits, out, options);
    if (result.cancelled) {
        endProgressLine(quiet);
        std::fprintf(stderr, "cancelled; %s not written\n", out.c_str());
        return kExitSomeFailed;
    }
    endProgressLine(quiet);
    printSummary(result, songs.size(), out);
    return result.failures.empty() && !problems ? kExitOk : kExitSomeFailed;
}

const CommandRegistrar registrar({
    "export-mels",
    "export log-mel windows with labels to HDF5 (.h5) or NumPy (.npz) for deep learning",
    "usage: genrescope-cli export-mels PATH... --out FILE.h5|FILE.npz [options]\n"
    "\n"
    "PATH is a dataset folder (each sub-folder is a genre; files directly inside have no\n"
    "label) or a single audio file. Each song is cut into windows of its log-mel spectrogram\n"
    "with the CNN's settings (librosa defaults: n_fft 2048, hop 512, 128 mels, dB with\n"
    "top_db 80; 128-frame windows at 50 % overlap), written with its track, genre and split:\n"
    "  mels [N, n_mels, frames] float32, track [N] int64 (row in path), label [N] int32\n"
    "  (index in genre_names, -1 = none), split [N] int32 (index in split_names),\n"
    "  offset_seconds [N], path [T], genre_names, split_names, settings as attributes.\n"
    ".h5 is written as songs finish (any collection size; one compressed chunk per window);\n"
    ".npz is built in memory and refused above --npz-limit. Files that fail are listed\n"
    "and skipped. The file is replaced only when the export succeeds.\n"
    "\n"
    "options:\n"
    "  --out FILE        .h5 / .hdf5 (HDF5) or .npz (NumPy zip) to write (required)\n"
    "  --window-frames N frames per window (default 128, the CNN's)\n"
    "  --overlap F       overlap of consecutive windows, 0..0.95 (default 0.5)\n"
    "  --splits FILE.csv split of each song: a header with 'split' and 'path' (or 'filename')\n"
    "                    columns, matched by relative path or file name (default: all 'train')\n"
    "  --gzip N          HDF5 deflate level 0..9 (default 4)\n"
    "  --npz-limit MB    largest .npz to build in memory (default 1024)\n"
    + std::string(kExtractionArgsHelp) +
    "                    (--legacy-hpss has no effect on mel spectrograms)\n"
    "  -j N, --jobs N    worker threads (default 0 = all cores)\n"
    "  --quiet           no progress line\n"
    "\n"
    "exit code: 0 all songs exported, 1 some skipped or cancelled, 2 usage error",
    runExportMels,
});

} // namespace
} // namespace gs::cli
