// genrescope-cli classify: genre probabilities of songs with a saved model.
#include "app/cli/console.h"
#include "app/cli/ml_args.h"

#include "core/common/error.h"
#include "core/ml/classify_song.h"
#include "core/ml/metrics.h"
#include "core/ml/model_file.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace gs::cli {
namespace {

// How many of the song's genres (most probable first) to show: the --top N, or with
// --threshold P every genre of probability >= P, at least the most probable one.
std::size_t shownGenres(const gs::ml::SongClassification& result, int top, double threshold)
{
    if (threshold < 0)
        return std::min<std::size_t>(std::size_t(top), result.genres.size());
    std::vector<double> probabilities;
    for (const auto& g : result.genres)
        probabilities.push_back(g.probability);
    // result.genres is already sorted, so the selected genres are its first ones.
    return gs::ml::genresAboveThreshold(probabilities, threshold).size();
}

int runClassify(const Args& raw)
{
    ArgParser args(raw);
    const int top = args.wholeNumber("--top", 3, 1, 1000);
    const bool json = args.flag("--json");
    const double threshold = args.number("--threshold", -1);
    if (threshold != -1 && !(threshold >= 0 && threshold <= 1))
        throw UsageError("--threshold must be a probability between 0 and 1");
    gs::ml::ClassifyOptions options;
    options.maxWindows = args.wholeNumber("--windows", 5, 1, 100);
    args.rejectUnknown();
    const auto inputs = args.positional();
    if (inputs.size() < 2)
        throw UsageError("give a model file and at least one song");
    const auto model = gs::ml::loadModelFile(inputs[0]);

    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    int failures = 0;
    for (std::size_t i = 1; i < inputs.size(); ++i) {
        const std::string& song = inputs[i];
        try {
            const auto result = gs::ml::classifySong(model, song, options, &interruptOnSignal());
            const std::size_t shown = shownGenres(result, top, threshold);
            if (json) {
                nlohmann::ordered_json genres = nlohmann::ordered_json::array();
                for (std::size_t g = 0; g < shown; ++g)
                    genres.push_back({{"genre", result.genres[g].genre}, {"probability", result.genres[g].probability}});
                nlohmann::ordered_json item = {{"file", song}, {"genres", genres}, {"windows", result.windows}};
                if (!result.warning.empty())
                    item["warning"] = result.warning;
                out.push_back(item);
            } else {
                std::cout << song << ':';
                for (std::size_t g = 0; g < shown; ++g)
                    std::printf("%s %s %.0f%%", g ? "," : "", result.genres[g].genre.c_str(),
                                100 * result.genres[g].probability);
                std::cout << std::flush;
                std::printf("   (%d clip%s)\n", result.windows, result.windows == 1 ? "" : "s");
                if (!result.warning.empty())
                    std::fprintf(stderr, "warning: %s: %s\n", song.c_str(), result.warning.c_str());
            }
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            ++failures;
            if (json)
                out.push_back({{"file", song}, {"error", e.reason()}});
            std::fprintf(stderr, "genrescope-cli classify: %s\n", e.what());
        }
    }
    if (json)
        std::cout << out.dump(2) << '\n';
    return failures ? kExitSomeFailed : kExitOk;
}

const CommandRegistrar registrar({
    "classify",
    "genre probabilities of songs with a trained model",
    "usage: genrescope-cli classify MODEL.gsm SONG... [--top 3 | --threshold P] [--json] [--windows 5]\n"
    "\n"
    "Each song is analysed in up to --windows clips spread over its length (a short song is\n"
    "one clip); the clips' genre probabilities are averaged. Songs that fail are reported\n"
    "and the others carry on.\n"
    "\n"
    "  --top N       genres shown per song (default 3)\n"
    "  --threshold P instead of --top: every genre of probability >= P (0..1), at least the\n"
    "                most probable one; for songs that belong to several genres\n"
    "  --json        [{\"file\": ..., \"genres\": [{\"genre\": ..., \"probability\": ...}]}]\n"
    "  --windows N   largest number of clips per song (default 5)\n"
    "\n"
    "exit code: 0 all classified, 1 some failed, 2 usage error",
    runClassify,
});

} // namespace
} // namespace gs::cli
