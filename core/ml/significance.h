#pragma once
// Is one model really better than another on this data? Two tests over the same
// cross-validation, both from the report alone:
//
// * The corrected resampled t-test (Nadeau & Bengio 2003, "Inference for the Generalization
//   Error", Machine Learning 52:239-281): per-fold accuracy differences d_j over the J folds,
//   t = mean(d) / sqrt((1/J + n_test/n_train) * var(d)), Student t with J-1 degrees of freedom.
//   The n_test/n_train term corrects for the folds' overlapping training sets, which make the
//   plain paired t-test far too eager (Dietterich 1998; Bouckaert & Frank 2004). This is the
//   one the app leads with: it asks whether the *recipe* generalises better.
// * McNemar's test on the pooled out-of-fold predictions: songs only A got right (b) against
//   songs only B got right (c); exact two-sided binomial p with n = b + c. It asks whether the
//   two sets of predictions on *these songs* differ, ignoring variation between training sets.
#include "core/ml/evaluate.h"

#include <string>
#include <vector>

namespace gs::ml {

struct PairwiseComparison {
    std::string modelA, modelB;   // A = the better mean accuracy
    double meanDifference = 0;    // mean over folds of accuracy(A) - accuracy(B)
    double tStatistic = 0;        // corrected resampled t
    double tPValue = 1;           // two-sided
    long onlyACorrect = 0;        // McNemar b
    long onlyBCorrect = 0;        // McNemar c
    double mcnemarPValue = 1;     // exact two-sided binomial
};

// Every pair of models in the report (A before B in report order). Models without per-fold
// results or predictions for the same samples get p = 1 and t = 0.
std::vector<PairwiseComparison> compareModels(const EvaluationReport& report);

// The corrected resampled t statistic of per-fold differences; testTrainRatio = n_test/n_train
// (1/(k-1) for k-fold). Zero variance: t = 0 when the mean is 0, else +-infinity (p = 0).
double correctedResampledT(const std::vector<double>& differences, double testTrainRatio);
// Two-sided p-value of Student's t with dof degrees of freedom (regularised incomplete beta).
double studentTTwoSidedP(double t, double dof);
// Exact two-sided McNemar p-value: 2 * P(X <= min(b, c)) for X ~ Binomial(b + c, 1/2), at most 1.
double mcnemarExactP(long b, long c);

} // namespace gs::ml
