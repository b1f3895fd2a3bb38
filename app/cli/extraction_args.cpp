#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/ml/labelled_set.h"

#include <cstdlib>

namespace gs::cli {

// A literal, not built from featureSetChoices(): commands concatenate it into their help
// during static initialisation. featureSetFromString() names the valid sets on a typo.
const char* const kExtractionArgsHelp =
    "  --schema NAME     feature set: gtzan-57 (default; the 57 Kaggle GTZAN values) or rich-680\n"
    "                    (97 per-frame descriptors x 7 statistics + tempo; no HPSS, so no --kaggle)\n"
    "  --clip SECONDS    length of the analysed clip (default 30; 0 = whole file)\n"
    "  --offset SECONDS  where the clip starts (default 0)\n"
    "  --sr HZ|native    analysis sample rate (default 22050)\n"
    "  --pad constant|reflect   STFT padding (constant = librosa >= 0.9; reflect = Kaggle CSV)\n"
    "  --legacy-hpss     old librosa HPSS reconstruction (with --pad reflect: reproduces Kaggle)\n"
    "  --kaggle          reflect padding + legacy HPSS: how the public Kaggle GTZAN CSV was made\n";

ExtractionParams parseExtractionArgs(ArgParser& args)
{
    ExtractionParams p = args.flag("--kaggle") ? gs::ml::kaggleExtractionParams() : ExtractionParams{};
    p.clipSeconds = args.number("--clip", p.clipSeconds);
    p.offsetSeconds = args.number("--offset", p.offsetSeconds);
    const std::string sr = args.option("--sr");
    if (sr == "native") {
        p.sampleRate = 0;
    } else if (!sr.empty()) {
        char* end = nullptr;
        const long v = std::strtol(sr.c_str(), &end, 10);
        if (end == sr.c_str() || *end != '\0')
            throw UsageError("--sr expects a rate in Hz or 'native', got '" + sr + "'");
        p.sampleRate = int(v);
    }
    const std::string pad = args.option("--pad");
    const std::string schema = args.option("--schema");
    try {
        if (!pad.empty())
            p.pad = padModeFromString(pad);
        if (!schema.empty())
            p.features = featureSetFromString(schema);
        if (args.flag("--legacy-hpss"))
            p.legacyHpss = true;
        p.validate();
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    return p;
}

} // namespace gs::cli
