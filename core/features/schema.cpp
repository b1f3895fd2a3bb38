#include "core/features/schema.h"

#include "core/common/error.h"
#include "core/features/rich_features.h"

#include <sstream>

namespace gs {

const char* toString(PadMode mode)
{
    return mode == PadMode::Reflect ? "reflect" : "constant";
}

PadMode padModeFromString(const std::string& text)
{
    if (text == "constant")
        return PadMode::Constant;
    if (text == "reflect")
        return PadMode::Reflect;
    throw Error(ErrorKind::InvalidArgument, "pad", "'" + text + "' is not constant or reflect");
}

const std::vector<FeatureSetChoice>& featureSetChoices()
{
    static const std::vector<FeatureSetChoice> list = {
        {FeatureSet::Gtzan57, "gtzan-57", "the Kaggle GTZAN layout: 57 means and variances (default)"},
        {FeatureSet::Rich, "rich-680",
         "97 per-frame descriptors x 7 statistics + tempo (MFCC and deltas, chroma, CENS, tonnetz, contrast, "
         "spectral shape, onsets, tempogram ratio)"},
    };
    return list;
}

const char* toString(FeatureSet set)
{
    for (const auto& choice : featureSetChoices())
        if (choice.set == set)
            return choice.name;
    return "unknown";
}

std::optional<FeatureSet> featureSetNamed(const std::string& schemaName)
{
    for (const auto& choice : featureSetChoices())
        if (schemaName == choice.name)
            return choice.set;
    return std::nullopt;
}

FeatureSet featureSetFromString(const std::string& name)
{
    std::string known;
    for (const auto& choice : featureSetChoices()) {
        if (name == choice.name)
            return choice.set;
        known += (known.empty() ? "" : ", ") + std::string(choice.name);
    }
    throw Error(ErrorKind::InvalidArgument, "schema", "'" + name + "' is not one of " + known);
}

const std::vector<ParameterSpec>& ExtractionParams::specs()
{
    static const std::vector<ParameterSpec> list = {
        {"sample_rate", 22050, 0, 192000, "analysis rate in Hz; 0 keeps the file's native rate"},
        {"clip_seconds", 30, 0, 24 * 3600, "length of the analysed clip in seconds; 0 = whole file"},
        {"offset_seconds", 0, 0, 24 * 3600, "where the clip starts, in seconds"},
    };
    return list;
}

void ExtractionParams::validate() const
{
    const auto& s = specs();
    checkRange(findSpec(s, "sample_rate"), sampleRate);
    if (sampleRate != 0 && sampleRate < 4000)
        throw Error(ErrorKind::InvalidArgument, "sample_rate", "must be 0 (native) or at least 4000 Hz");
    checkRange(findSpec(s, "clip_seconds"), clipSeconds);
    checkRange(findSpec(s, "offset_seconds"), offsetSeconds);
    if (features != FeatureSet::Gtzan57 && legacyHpss)
        throw Error(ErrorKind::InvalidArgument, "schema",
                    std::string(toString(features)) + " has no HPSS columns; legacy HPSS applies to gtzan-57 only");
}

const std::vector<std::string>& genreFeatureNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const char* base : {"chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                                 "zero_crossing_rate", "harmony", "perceptr"}) {
            n.push_back(std::string(base) + "_mean");
            n.push_back(std::string(base) + "_var");
        }
        n.push_back("tempo");
        for (int i = 1; i <= 20; ++i) {
            n.push_back("mfcc" + std::to_string(i) + "_mean");
            n.push_back("mfcc" + std::to_string(i) + "_var");
        }
        return n;
    }();
    return names;
}

const std::vector<std::string>& featureNames(FeatureSet set)
{
    return set == FeatureSet::Rich ? richFeatureNames() : genreFeatureNames();
}

std::optional<FeatureSet> featureSetWithColumns(const std::vector<std::string>& columns)
{
    for (const auto& choice : featureSetChoices())
        if (columns == featureNames(choice.set))
            return choice.set;
    return std::nullopt;
}

FeatureSchema genreFeatureSchema(const ExtractionParams& params)
{
    if (params.features == FeatureSet::Rich)
        return FeatureSchema{toString(FeatureSet::Rich), kRichFeatureSchemaVersion, richFeatureNames(), params};
    return FeatureSchema{"gtzan-57", kGenreFeatureSchemaVersion, genreFeatureNames(), params};
}

std::string FeatureSchema::fingerprint() const
{
    std::ostringstream s;
    s << name << " v" << version << " n=" << columns.size() << " sr=" << params.sampleRate
      << " clip=" << params.clipSeconds << " offset=" << params.offsetSeconds << " pad=" << toString(params.pad);
    if (params.features == FeatureSet::Gtzan57) // the rich set has no HPSS columns
        s << " hpss=" << (params.legacyHpss ? "legacy" : "librosa-0.10");
    return s.str();
}

} // namespace gs
