#pragma once
// Classification metrics from a confusion matrix (rows = true genre, columns = predicted).
#include <string>
#include <vector>

namespace gs::ml {

using Confusion = std::vector<std::vector<long>>;

struct ClassScores {
    std::string name;
    double precision = 0; // 0 when the class was never predicted
    double recall = 0;    // 0 when the class never occurs
    double f1 = 0;
    long support = 0;     // true samples of the class
};

struct Metrics {
    double accuracy = 0;
    double balancedAccuracy = 0; // mean recall over classes that occur
    double macroF1 = 0;          // mean F1 over classes that occur
    std::vector<ClassScores> perClass;
};

Confusion emptyConfusion(std::size_t classes);
Metrics computeMetrics(const Confusion& confusion, const std::vector<std::string>& classes);
// Each row divided by its sum (rows with no samples stay 0).
std::vector<std::vector<double>> normalizeRows(const Confusion& confusion);

} // namespace gs::ml
