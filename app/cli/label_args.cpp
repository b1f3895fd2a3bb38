#include "app/cli/label_args.h"

#include "core/common/error.h"

#include <algorithm>
#include <cstdio>

namespace gs::cli {

const char* const kLabelArgsHelp =
    "  --labels FILE     genre labels from a metadata file instead of genre folders: FMA's tracks.csv\n"
    "                    (genres.csv beside it; audio found by track id, 000/000002.mp3) or a CSV\n"
    "                    path,genre (paths relative to the folder; optional header with split and\n"
    "                    artist|group columns). Labels without a file and files without a label are listed\n"
    "  --label-field F   genre_top (default; FMA tracks without one are counted and left out) or\n"
    "                    genres_all (every genre kept; models learn genre_top, else the track's\n"
    "                    top-level genre with the lowest id)\n"
    "  --subset S        FMA small | medium | large (nested: medium includes small)\n";

LabelSource parseLabelArgs(ArgParser& args)
{
    LabelSource source;
    source.file = args.option("--labels");
    const std::string field = args.option("--label-field");
    source.subset = args.option("--subset");
    if (source.file.empty() && (!field.empty() || !source.subset.empty()))
        throw UsageError("--label-field and --subset need --labels FILE");
    if (!field.empty()) {
        if (field != "genre_top" && field != "genres_all")
            throw UsageError("--label-field expects genre_top or genres_all");
        source.field = labelFieldFromName(field);
    }
    const auto& subsets = fmaSubsets();
    if (!source.subset.empty() && std::find(subsets.begin(), subsets.end(), source.subset) == subsets.end())
        throw UsageError("--subset expects small, medium or large");
    std::error_code ec;
    if (!source.file.empty() && !std::filesystem::is_regular_file(source.file, ec))
        throw UsageError("--labels: no such file: " + source.file.string());
    return source;
}

namespace {

void printList(const char* title, const std::vector<std::string>* items, std::size_t examples)
{
    if (!items || items->empty())
        return;
    std::fprintf(stderr, "%zu %s:\n", items->size(), title);
    const std::size_t shown = examples == 0 ? items->size() : std::min(items->size(), examples);
    for (std::size_t i = 0; i < shown; ++i)
        std::fprintf(stderr, "  %s\n", (*items)[i].c_str());
    if (shown < items->size())
        std::fprintf(stderr, "  ... and %zu more\n", items->size() - shown);
}

} // namespace

void printLabelMatch(const LabelMatchSummary& s, const LabelSource& source, std::size_t examples)
{
    const std::string kind = s.format == "fma" ? std::string("FMA tracks.csv, ") + labelFieldName(source.field)
                                               : std::string("CSV path,genre");
    std::fprintf(stderr, "labels from %s (%s): %zu songs labelled\n", source.file.string().c_str(), kind.c_str(),
                 s.labelled);
    if (s.withoutGenre > 0)
        std::fprintf(stderr, "%zu tracks have no %s and are left out\n", s.withoutGenre,
                     s.format == "fma" ? labelFieldName(source.field) : "genre");
    if (s.outsideSubset > 0)
        std::fprintf(stderr, "%zu tracks are outside subset %s and are left out\n", s.outsideSubset,
                     source.subset.c_str());
    printList("labels name no audio file in the folder", s.labelsWithoutFile, examples);
    printList("audio files have no label", s.filesWithoutLabel, examples);
    printList("rows of the labels file could not be used", s.labelProblems, examples);
}

} // namespace gs::cli
