#pragma once
// The genre feature vector: the Kaggle GTZAN `features_30_sec.csv` layout the music-genre
// community already uses (57 values), plus how it was extracted. Models store the schema
// they were trained on and refuse vectors made under another one.
#include "core/common/parameter.h"

#include <optional>
#include <string>
#include <vector>

namespace gs {

enum class PadMode { Constant, Reflect };  // librosa >= 0.9 default; Kaggle CSV (librosa < 0.9)

const char* toString(PadMode mode);
PadMode padModeFromString(const std::string& text); // throws InvalidArgument

// Which feature vector is extracted. Gtzan57: the Kaggle GTZAN layout (57 values, the
// default). Rich: per-frame descriptors with seven statistics each (rich_features.h).
enum class FeatureSet { Gtzan57, Rich };

struct FeatureSetChoice {
    FeatureSet set;
    const char* name;        // the schema name, also what --schema takes
    const char* description; // one line, for --help and tooltips
};
// Declared once: the CLI's --schema and any UI choice read this list.
const std::vector<FeatureSetChoice>& featureSetChoices();
const char* toString(FeatureSet set);                     // the schema name
FeatureSet featureSetFromString(const std::string& name); // throws InvalidArgument
std::optional<FeatureSet> featureSetNamed(const std::string& schemaName); // none for "custom" etc.

struct ExtractionParams {
    int sampleRate = 22050;    // 0 = keep the file's native rate
    double clipSeconds = 30.0; // 0 = whole file
    double offsetSeconds = 0.0;
    PadMode pad = PadMode::Constant;
    // Older librosa's effects.hpss (istft without length=), which the Kaggle CSV used.
    bool legacyHpss = false;
    FeatureSet features = FeatureSet::Gtzan57;

    static const std::vector<ParameterSpec>& specs();
    void validate() const; // throws InvalidArgument
    bool operator==(const ExtractionParams&) const = default;
};

struct FeatureSchema {
    std::string name;                 // "gtzan-57", "rich-680" (toString(params.features)), "custom"
    int version = 1;                  // bumped whenever any value would change
    std::vector<std::string> columns; // gtzan-57: 57 names, Kaggle order
    ExtractionParams params;

    // One line, stable: stored in caches and model files, compared on load.
    std::string fingerprint() const;
    bool operator==(const FeatureSchema&) const = default;
};

// The 57 Kaggle column names in order (chroma_stft_mean ... mfcc20_var).
const std::vector<std::string>& genreFeatureNames();
// The column names of a feature set (genreFeatureNames() or richFeatureNames()).
const std::vector<std::string>& featureNames(FeatureSet set);
// The feature set whose columns these are, if any (a CSV's header says which it holds).
std::optional<FeatureSet> featureSetWithColumns(const std::vector<std::string>& columns);
// The schema params.features selects (gtzan-57 by default) with these parameters: the one
// entry point, so that caches and model files always carry the set that was extracted.
FeatureSchema genreFeatureSchema(const ExtractionParams& params = {});
constexpr int kGenreFeatureSchemaVersion = 1;
constexpr int kRichFeatureSchemaVersion = 1;

} // namespace gs
