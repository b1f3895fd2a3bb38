#include "app/cli/ml_args.h"

#include "app/cli/console.h"
#include "app/cli/label_args.h"

#include "core/common/error.h"
#include "core/dataset/cache.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace gs::cli::ml {

std::map<std::string, gs::ml::Hyperparameters> parseOverrides(const std::string& text, const std::string& defaultModel)
{
    std::map<std::string, gs::ml::Hyperparameters> out;
    std::stringstream s(text);
    for (std::string item; std::getline(s, item, ',');) {
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw UsageError("--set expects model.param=value, got '" + item + "'");
        std::string key = item.substr(0, eq);
        std::string model = defaultModel;
        // Model names contain '-' but no '.'; parameter names contain neither.
        const auto dot = key.find('.');
        if (dot != std::string::npos) {
            model = key.substr(0, dot);
            key = key.substr(dot + 1);
        }
        if (model.empty())
            throw UsageError("--set: say which model '" + key + "' is for (model.param=value)");
        const std::string valueText = item.substr(eq + 1);
        char* end = nullptr;
        const double value = std::strtod(valueText.c_str(), &end);
        if (valueText.empty() || *end != '\0' || !std::isfinite(value))
            throw UsageError("--set: '" + valueText + "' is not a number");
        out[model][key] = value;
    }
    return out;
}

gs::ml::DatasetLoad loadInput(const std::string& input, const gs::ml::DatasetLoadOptions& options, bool quiet)
{
    auto load = gs::ml::loadDataset(input, options);
    if (load.fromFolder && load.songsAnalysed > 0)
        endProgressLine(quiet);
    if (!load.cacheProblem.empty())
        std::fprintf(stderr, "warning: %s\n", load.cacheProblem.c_str());
    if (load.fromFolder && !quiet) {
        if (options.cacheFile.empty())
            std::fprintf(stderr, "%zu songs analysed (feature cache not used)\n", load.songsAnalysed);
        else
            std::fprintf(stderr, "%zu songs from the feature cache, %zu analysed (%s)\n", load.songsFromCache,
                         load.songsAnalysed, options.cacheFile.string().c_str());
    }
    if ((options.groupBy == "duplicates" || (options.groupBy == "auto" && load.fromFolder)) && !quiet)
        std::fprintf(stderr, "%zu groups of duplicate recordings kept together in the folds\n", load.duplicateGroups);
    if (!load.labelFormat.empty()) {
        LabelMatchSummary summary;
        summary.format = load.labelFormat;
        summary.labelled = load.set.samples.size();
        summary.withoutGenre = load.tracksWithoutGenre;
        summary.outsideSubset = load.tracksOutsideSubset;
        summary.labelsWithoutFile = &load.labelsWithoutFile;
        summary.filesWithoutLabel = &load.filesWithoutLabel;
        summary.labelProblems = &load.labelProblems;
        printLabelMatch(summary, options.labels);
        const auto several = std::count_if(load.set.samples.begin(), load.set.samples.end(),
                                           [](const gs::ml::Sample& s) { return s.genres.size() > 1; });
        if (several > 0 && !quiet)
            std::fprintf(stderr,
                         "%ld songs have several genres (all kept with the song; the models learn one: "
                         "genre_top, else the lowest-id top-level genre)\n",
                         long(several));
        if (load.groupedByLabels && !quiet)
            std::fprintf(stderr, "songs grouped by the labels' artist: an artist never sits on both sides of a split\n");
    }
    for (const auto& w : load.warnings)
        std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!load.failures.empty()) {
        std::fprintf(stderr, "%zu songs could not be analysed and are left out:\n", load.failures.size());
        for (const auto& f : load.failures)
            std::fprintf(stderr, "  %s\n", f.c_str());
    }
    if (!quiet)
        std::fprintf(stderr, "%zu labelled songs, %zu genres (%s)\n", load.set.samples.size(), load.set.classes.size(),
                     load.set.schema.fingerprint().c_str());
    return load;
}

gs::ml::DatasetLoadOptions interruptibleLoad(const ExtractionParams& params, const std::string& groupBy, int threads,
                                             bool quiet)
{
    gs::ml::DatasetLoadOptions load;
    load.params = params;
    load.groupBy = groupBy;
    load.threads = threads;
    load.progress = consoleProgress(quiet);
    load.cancel = &interruptOnSignal();
    return load;
}

std::uint64_t seedOption(ArgParser& args)
{
    const double seed = args.number("--seed", 42);
    if (seed < 0 || seed != std::floor(seed) || seed > 9.0e15)
        throw UsageError("--seed expects a whole number >= 0");
    return std::uint64_t(seed);
}

const char* const kCacheArgsHelp =
    "  --cache FILE      feature cache of dataset folders (default: the app's, i.e.\n"
    "                    $GENRESCOPE_CACHE_DIR/features.sqlite if set, else\n"
    "                    ${XDG_DATA_HOME:-~/.local/share}/Genrescope/genrescope/features.sqlite);\n"
    "                    songs already analysed there are not decoded again, new ones are added\n"
    "  --no-cache        neither read nor write the feature cache\n";

std::filesystem::path cacheOption(ArgParser& args)
{
    const bool none = args.flag("--no-cache");
    const std::string file = args.option("--cache");
    if (none && !file.empty())
        throw UsageError("--cache and --no-cache contradict each other");
    if (none)
        return {};
    return file.empty() ? FeatureCache::defaultLocation() : std::filesystem::path(file);
}

const char* const kGroupByHelp =
    "  --group-by MODE   how songs are kept together in the folds: auto (a CSV: its group column,\n"
    "                    else none; a folder: as the app, clips of one song and duplicate\n"
    "                    recordings) | none | group | song (file name without segment number) |\n"
    "                    duplicates (folders only: recordings whose audio fingerprints match, e.g.\n"
    "                    the same song twice, share a fold). With --labels giving artists (FMA's\n"
    "                    artist.id, a CSV's artist|group column), auto keeps each artist's songs together\n";

std::string groupByOption(ArgParser& args)
{
    const std::string groupBy = args.option("--group-by", "auto");
    const auto& modes = gs::ml::groupingModes();
    if (std::find(modes.begin(), modes.end(), groupBy) == modes.end())
        throw UsageError("--group-by expects auto, none, group, song or duplicates");
    return groupBy;
}

void checkGroupingFitsInput(const std::string& groupBy, const std::string& input)
{
    std::error_code ec;
    if (groupBy == "duplicates" && !std::filesystem::is_directory(input, ec) && std::filesystem::exists(input, ec))
        throw UsageError("--group-by duplicates needs a dataset folder (audio to fingerprint), not a CSV");
}

void checkLabelsFitInput(const LabelSource& labels, const std::string& input)
{
    std::error_code ec;
    if (!labels.file.empty() && !std::filesystem::is_directory(input, ec))
        throw UsageError("--labels labels the audio of a dataset folder; " + input + " is not a folder");
}

std::string singleDatasetInput(ArgParser& args)
{
    args.rejectUnknown();
    const auto inputs = args.positional();
    if (inputs.size() != 1)
        throw UsageError("give exactly one dataset folder or features CSV");
    return inputs[0];
}

} // namespace gs::cli::ml
