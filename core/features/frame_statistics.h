#pragma once
// Clip-level statistics of one per-frame descriptor for the rich schema, as the FMA
// dataset's features.py (Defferrard et al., "FMA: A Dataset for Music Analysis", ISMIR
// 2017): mean, std, skew, kurtosis, median, min, max, each over the frames of one row.
#include <array>
#include <span>
#include <vector>

namespace gs {

struct FrameStatistics {
    double mean = 0;
    double std = 0;      // np.std (population, ddof=0)
    double skew = 0;     // scipy.stats.skew (bias=True)
    double kurtosis = 0; // scipy.stats.kurtosis (fisher=True, bias=True)
    double median = 0;   // np.median (mean of the two middle values for an even count)
    double min = 0, max = 0;

    static constexpr int kCount = 7;
    std::array<double, kCount> values() const { return {mean, std, skew, kurtosis, median, min, max}; }
};

// The names of values() in order: "mean", "std", "skew", "kurtosis", "median", "min", "max".
const std::array<const char*, FrameStatistics::kCount>& frameStatisticNames();

// All in float64 over the float values (scipy on the array cast to float64). Where scipy
// returns NaN (an empty row, or a row whose variance is below (1e-15 * mean)^2, i.e.
// constant up to rounding), skew and kurtosis are 0; an empty row gives all zeros.
// `scratch` is reused for the median (resized as needed).
FrameStatistics frameStatistics(std::span<const float> values, std::vector<float>& scratch);

} // namespace gs
