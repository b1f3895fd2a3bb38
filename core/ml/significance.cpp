#include "core/ml/significance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs::ml {
namespace {

// Continued fraction of the incomplete beta function, evaluated by the modified Lentz
// method (Press et al., "Numerical Recipes in C", 2nd ed., 6.4, betacf). Converges fast for
// x < (a + 1) / (a + b + 2); the caller uses the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
// otherwise.
double betaContinuedFraction(double a, double b, double x)
{
    constexpr int kMaxIterations = 300;
    constexpr double kEpsilon = 1e-15;
    constexpr double kTiny = 1e-300;
    const double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (std::abs(d) < kTiny)
        d = kTiny;
    d = 1 / d;
    double h = d;
    // One Lentz update with the next partial numerator aa; returns the factor h grows by.
    auto lentzStep = [&](double aa) {
        d = 1 + aa * d;
        if (std::abs(d) < kTiny)
            d = kTiny;
        c = 1 + aa / c;
        if (std::abs(c) < kTiny)
            c = kTiny;
        d = 1 / d;
        return d * c;
    };
    for (int m = 1; m <= kMaxIterations; ++m) {
        const double m2 = 2.0 * m;
        // even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m))
        h *= lentzStep(m * (b - m) * x / ((qam + m2) * (a + m2)));
        // odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
        const double delta = lentzStep(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        h *= delta;
        if (std::abs(delta - 1) < kEpsilon)
            break;
    }
    return h;
}

// The regularised incomplete beta function I_x(a, b) (Numerical Recipes 6.4, betai).
double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    // x^a (1-x)^b / (a B(a, b)), in logs to survive large a, b
    const double front =
        std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

double mean(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return v.empty() ? 0 : s / double(v.size());
}

// n_test / n_train of the cross-validation, from the folds' own sizes (1/(k-1) for equal folds).
double testTrainRatio(const ModelReport& m)
{
    double test = 0, train = 0;
    for (const auto& f : m.folds) {
        test += f.testSize;
        train += f.trainSize;
    }
    return train > 0 ? test / train : 0;
}

bool samePredictedSamples(const ModelReport& a, const ModelReport& b)
{
    if (a.predictions.empty() || a.predictions.size() != b.predictions.size())
        return false;
    for (std::size_t i = 0; i < a.predictions.size(); ++i)
        if (a.predictions[i].sample != b.predictions[i].sample || a.predictions[i].truth != b.predictions[i].truth)
            return false;
    return true;
}

PairwiseComparison compare(const ModelReport& a, const ModelReport& b)
{
    PairwiseComparison out;
    out.modelA = a.name;
    out.modelB = b.name;
    out.meanDifference = a.accuracyMean - b.accuracyMean;
    if (!a.folds.empty() && a.folds.size() == b.folds.size()) {
        std::vector<double> differences;
        for (std::size_t f = 0; f < a.folds.size(); ++f)
            differences.push_back(a.folds[f].accuracy - b.folds[f].accuracy);
        out.meanDifference = mean(differences);
        out.tStatistic = correctedResampledT(differences, testTrainRatio(a));
        out.tPValue = studentTTwoSidedP(out.tStatistic, double(differences.size() - 1));
    }
    if (samePredictedSamples(a, b)) {
        for (std::size_t i = 0; i < a.predictions.size(); ++i) {
            const bool aRight = a.predictions[i].predicted == a.predictions[i].truth;
            const bool bRight = b.predictions[i].predicted == b.predictions[i].truth;
            out.onlyACorrect += aRight && !bRight;
            out.onlyBCorrect += bRight && !aRight;
        }
        out.mcnemarPValue = mcnemarExactP(out.onlyACorrect, out.onlyBCorrect);
    }
    return out;
}

} // namespace

double correctedResampledT(const std::vector<double>& differences, double testTrainRatio)
{
    const std::size_t J = differences.size();
    if (J < 2)
        return 0;
    const double m = mean(differences);
    double variance = 0; // sample variance (J - 1), as Nadeau & Bengio's sigma-hat^2
    for (double d : differences)
        variance += (d - m) * (d - m);
    variance /= double(J - 1);
    const double scale = (1.0 / double(J) + std::max(testTrainRatio, 0.0)) * variance;
    // Identical differences in every fold: no spread to test against. Compared with a
    // tolerance because a constant difference still leaves rounding noise in the variance.
    if (!(scale > 1e-24 * std::max(1.0, m * m))) {
        if (std::abs(m) <= 1e-12)
            return 0;
        return m > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    }
    return m / std::sqrt(scale);
}

double studentTTwoSidedP(double t, double dof)
{
    if (std::isnan(t) || !(dof > 0))
        return 1;
    if (std::isinf(t))
        return 0;
    // P(|T| > |t|) = I_{dof / (dof + t^2)}(dof / 2, 1 / 2)  (Abramowitz & Stegun 26.7.1, 26.5.27)
    const double x = dof / (dof + t * t);
    return std::clamp(regularizedIncompleteBeta(dof / 2, 0.5, x), 0.0, 1.0);
}

double mcnemarExactP(long b, long c)
{
    if (b < 0 || c < 0)
        return 1;
    const long n = b + c;
    if (n == 0)
        return 1;
    const long k = std::min(b, c);
    // P(X <= k), X ~ Binomial(n, 1/2). Up to n = 1000, 2^-n is a normal double and each term
    // C(n, i) 2^-n follows from the previous one by (n - i) / (i + 1): exact for small n.
    // Beyond that the coefficients are taken in logs.
    double tail = 0;
    if (n <= 1000) {
        double term = std::ldexp(1.0, -int(n));
        for (long i = 0; i <= k; ++i) {
            tail += term;
            term *= double(n - i) / double(i + 1);
        }
    } else {
        const double logHalfPowN = -double(n) * std::log(2.0);
        const double logNFactorial = std::lgamma(double(n) + 1);
        for (long i = 0; i <= k; ++i)
            tail += std::exp(logNFactorial - std::lgamma(double(i) + 1) - std::lgamma(double(n - i) + 1) + logHalfPowN);
    }
    return std::min(1.0, 2 * tail);
}

std::vector<PairwiseComparison> compareModels(const EvaluationReport& report)
{
    std::vector<PairwiseComparison> out;
    for (std::size_t i = 0; i < report.models.size(); ++i)
        for (std::size_t j = i + 1; j < report.models.size(); ++j) {
            const ModelReport& first = report.models[i];
            const ModelReport& second = report.models[j];
            // A = the better mean accuracy; report order decides ties.
            const bool swap = second.accuracyMean > first.accuracyMean;
            out.push_back(swap ? compare(second, first) : compare(first, second));
        }
    return out;
}

} // namespace gs::ml
