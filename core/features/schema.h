#pragma once
// The genre feature vector: the Kaggle GTZAN `features_30_sec.csv` layout the music-genre
// community already uses (57 values), plus how it was extracted. Models store the schema
// they were trained on and refuse vectors made under another one.
#include "core/common/parameter.h"

#include <string>
#include <vector>

namespace gs {

enum class PadMode { Constant, Reflect };  // librosa >= 0.9 default; Kaggle CSV (librosa < 0.9)

const char* toString(PadMode mode);
PadMode padModeFromString(const std::string& text); // throws InvalidArgument

struct ExtractionParams {
    int sampleRate = 22050;    // 0 = keep the file's native rate
    double clipSeconds = 30.0; // 0 = whole file
    double offsetSeconds = 0.0;
    PadMode pad = PadMode::Constant;
    // Older librosa's effects.hpss (istft without length=), which the Kaggle CSV used.
    bool legacyHpss = false;

    static const std::vector<ParameterSpec>& specs();
    void validate() const; // throws InvalidArgument
    bool operator==(const ExtractionParams&) const = default;
};

struct FeatureSchema {
    std::string name;                 // "gtzan-57"
    int version = 1;                  // bumped whenever any value would change
    std::vector<std::string> columns; // 57 names, Kaggle order
    ExtractionParams params;

    // One line, stable: stored in caches and model files, compared on load.
    std::string fingerprint() const;
    bool operator==(const FeatureSchema&) const = default;
};

// The 57 Kaggle column names in order (chroma_stft_mean ... mfcc20_var).
const std::vector<std::string>& genreFeatureNames();
FeatureSchema genreFeatureSchema(const ExtractionParams& params = {});
constexpr int kGenreFeatureSchemaVersion = 1;

} // namespace gs
