#include "core/ml/class_weights.h"

#include "core/common/error.h"

#include <algorithm>
#include <cmath>

namespace gs::ml {

ParameterSpec classWeightSpec()
{
    return {"class_weight", 2, 0, 2,
            "0 = none, 1 = balanced (w = n / (k n_c)), 2 = auto: balanced when the largest class has >= 1.5x "
            "the songs of the smallest"};
}

ClassWeightMode classWeightMode(double value)
{
    const long v = std::lround(value);
    if (!std::isfinite(value) || v < 0 || v > 2)
        throw Error(ErrorKind::InvalidArgument, "class_weight", "must be 0 (none), 1 (balanced) or 2 (auto)");
    return ClassWeightMode(v);
}

std::vector<long> classCounts(const std::vector<int>& labels, int classes)
{
    std::vector<long> counts(std::size_t(std::max(classes, 0)), 0);
    for (int label : labels)
        if (label >= 0 && label < classes)
            ++counts[std::size_t(label)];
    return counts;
}

double imbalanceRatio(const std::vector<long>& counts)
{
    long largest = 0, smallest = 0;
    for (long c : counts) {
        if (c <= 0)
            continue;
        largest = std::max(largest, c);
        smallest = smallest == 0 ? c : std::min(smallest, c);
    }
    return smallest > 0 ? double(largest) / double(smallest) : 1.0;
}

bool isImbalanced(const std::vector<long>& counts)
{
    return imbalanceRatio(counts) >= kImbalanceRatio;
}

std::vector<double> balancedClassWeights(const std::vector<long>& counts)
{
    long n = 0, present = 0;
    for (long c : counts)
        if (c > 0) {
            n += c;
            ++present;
        }
    std::vector<double> w(counts.size(), 0.0);
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c] > 0)
            w[c] = double(n) / (double(present) * double(counts[c]));
    return w;
}

std::vector<double> trainingClassWeights(ClassWeightMode mode, const std::vector<int>& labels, int classes)
{
    const auto counts = classCounts(labels, classes);
    const bool balanced =
        mode == ClassWeightMode::Balanced || (mode == ClassWeightMode::Auto && isImbalanced(counts));
    if (!balanced)
        return std::vector<double>(counts.size(), 1.0);
    return balancedClassWeights(counts);
}

bool allWeightsOne(const std::vector<double>& weights)
{
    return std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0.0 || w == 1.0; });
}

} // namespace gs::ml
