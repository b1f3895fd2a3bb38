#pragma once
// Clip-level statistics as the Kaggle CSV: np.mean and np.var (ddof=0) in float64.
#include <span>

namespace gs {

struct MeanVar {
    double mean = 0;
    double var = 0;
};

// Two-pass mean and population variance; an empty input gives {0, 0} (never NaN).
MeanVar meanVar(std::span<const double> values);
MeanVar meanVar(std::span<const float> values);

} // namespace gs
