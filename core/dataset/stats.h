#pragma once
// Descriptive statistics behind the exploration charts: box plots, histograms, kernel
// density, correlation and PCA. Plain C++ so that the numbers can be checked against
// numpy / pandas / scikit-learn by hand.
#include <cstddef>
#include <span>
#include <vector>

namespace gs {

// Tukey box plot (matplotlib / seaborn defaults): quartiles by linear interpolation
// (numpy.percentile), whiskers at the most extreme data within 1.5 IQR of the box.
struct BoxStats {
    std::size_t count = 0;
    double minimum = 0, lowerWhisker = 0, q1 = 0, median = 0, q3 = 0, upperWhisker = 0, maximum = 0;
    double mean = 0;
    std::vector<double> outliers; // values beyond the whiskers, ascending
};
BoxStats boxStats(std::span<const double> values); // empty input gives count = 0

// numpy.percentile(values, p) with linear interpolation, p in [0, 100]; values need not be sorted.
double percentile(std::span<const double> values, double p);
double mean(std::span<const double> values);
double sampleVariance(std::span<const double> values); // ddof = 1; 0 for fewer than 2 values

struct Histogram {
    double low = 0, high = 0;      // edges of the first and last bin
    std::vector<double> counts;    // one per bin
    double binWidth() const { return counts.empty() ? 0.0 : (high - low) / double(counts.size()); }
    double binCentre(std::size_t i) const { return low + (double(i) + 0.5) * binWidth(); }
};
// Equal-width bins over [low, high]; values outside are dropped, `high` falls in the last bin.
// density = true scales counts so that the histogram integrates to 1 (numpy density=True).
Histogram histogram(std::span<const double> values, double low, double high, std::size_t bins,
                    bool density = false);

// Gaussian kernel density (scipy.stats.gaussian_kde, Scott's bandwidth) evaluated at xs.
// Constant or single-value input gives a narrow spike rather than NaN.
std::vector<double> gaussianKde(std::span<const double> values, std::span<const double> xs);

// Pearson correlation; 0 when either side is constant.
double pearson(std::span<const double> a, std::span<const double> b);
// columns[j] is one variable over all observations; result is k x k row-major.
std::vector<double> correlationMatrix(const std::vector<std::vector<double>>& columns);

struct PcaResult {
    std::size_t components = 0;
    std::vector<double> explainedVarianceRatio; // per component, descending
    std::vector<std::vector<double>> scores;    // scores[row][component]
    std::vector<std::vector<double>> loadings;  // loadings[component][variable], unit length
};
// PCA of rows (observations x variables). With standardise = true every variable is scaled to
// unit variance first (StandardScaler + PCA, as the notebook does). Component signs are made
// deterministic: the largest-magnitude loading of each component is positive.
PcaResult pca(const std::vector<std::vector<double>>& rows, std::size_t components, bool standardise = true);

// Eigen-decomposition of a symmetric n x n row-major matrix (cyclic Jacobi): eigenvalues
// descending, eigenvectors[k] the unit vector of eigenvalue k.
void symmetricEigen(std::vector<double> matrix, std::size_t n, std::vector<double>& eigenvalues,
                    std::vector<std::vector<double>>& eigenvectors);

} // namespace gs
