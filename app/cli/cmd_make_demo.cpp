// genrescope-cli make-demo: a small synthetic dataset to try the app without music at hand.
#include "app/cli/command.h"
#include "app/cli/console.h"

#include "core/common/error.h"
#include "core/dataset/demo.h"

#include <cstdio>

namespace gs::cli {
namespace {

int runMakeDemo(const Args& raw)
{
    ArgParser args(raw);
    DemoOptions options;
    const double perGenre = args.number("--per-genre", options.perGenre);
    const double seconds = args.number("--seconds", options.seconds);
    const double seed = args.number("--seed", double(options.seed));
    options.threads = args.threads();
    options.compressedCopies = !args.flag("--wav-only");
    options.lengthSpread = args.number("--length-spread", kDemoLengthSpread);
    if (!(options.lengthSpread >= 0 && options.lengthSpread <= 1))
        throw UsageError("--length-spread must be 0..1");
    args.rejectUnknown();
    const auto dirs = args.positional();
    if (dirs.size() != 1)
        throw UsageError("give exactly one output folder");
    if (perGenre != int(perGenre) || seed < 0 || seed != double(std::uint64_t(seed)))
        throw UsageError("--per-genre and --seed take whole numbers");
    options.perGenre = int(perGenre);
    options.seconds = seconds;
    options.seed = std::uint64_t(seed);
    if (options.perGenre < 1 || options.perGenre > 500 || !(options.seconds >= 1 && options.seconds <= 120))
        throw UsageError("--per-genre must be 1..500 and --seconds 1..120");
    const DemoResult result = makeDemoDataset(dirs[0], options, consoleProgress(false), &interruptOnSignal());
    endProgressLine(false);
    std::fprintf(stderr, "wrote %zu clips (%d per genre, %.0f s each, seed %llu) in %zu genres to %s\n",
                 result.files.size(), options.perGenre, options.seconds, static_cast<unsigned long long>(options.seed),
                 result.genres.size(), dirs[0].c_str());
    return kExitOk;
}

const CommandRegistrar registrar({
    "make-demo",
    "synthesise a small deterministic demo dataset",
    "usage: genrescope-cli make-demo DIR [--per-genre N] [--seconds S] [--length-spread X] [--seed K] [--wav-only] [-j N]\n"
    "\n"
    "Writes DIR/<Genre>/<genre>_NN.wav for the genres Electronic, Piano, Rock and Strings:\n"
    "synthetic clips with the timbre and rhythm typical of each, varied per clip (key, tempo,\n"
    "instrumentation, level). Some clips are written as FLAC, Ogg Vorbis and MP3 unless\n"
    "--wav-only. The same seed always gives byte-identical files.\n"
    "\n"
    "  --per-genre N   clips per genre (default 12)\n"
    "  --seconds S     mean length of a clip (default 15)\n"
    "  --length-spread X  0 = every clip lasts S; default 0.4: genre means and clips vary by +-X/2\n"
    "  --seed K        random seed (default 1)\n"
    "  -j N, --jobs N  threads (default 0 = all cores)",
    runMakeDemo,
});

} // namespace
} // namespace gs::cli
