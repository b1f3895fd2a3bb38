#pragma once
// `fusion`: late fusion of calibrated member probabilities, the weights and calibrations
// chosen by an inner cross-validation inside the training data (model_fusion.cpp).
#include "core/ml/model_entry.h"

#include <vector>

namespace gs::ml {

ModelEntry fusionModelEntry();

// The pieces of the fit, public for tests (known values) and for reuse.

// Temperature calibration (Guo et al. 2017, "On calibration of modern neural networks", on
// log-probabilities instead of logits): q_c ∝ p_c^beta. Returns the inverse temperature beta
// in [0.05, 20] minimising the mean negative log-likelihood of `truth` (golden-section search
// on log beta; the loss is convex in beta, a log-sum-exp minus a linear term).
double fitInverseTemperature(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& truth);
// p^beta, renormalised (p clipped at 1e-15 first, as the log-loss clips).
std::vector<double> temperatureScaled(const std::vector<double>& p, double beta);

// Weights of the linear pool sum_m w_m q_m over the simplex grid of step 1/steps, minimising
// the mean negative log-likelihood; ties keep the earlier grid point (the grid is enumerated
// with the first member's weight descending). memberProbabilities[m][row] = member m's
// (calibrated) distribution for row.
std::vector<double> fitPoolWeights(const std::vector<std::vector<std::vector<double>>>& memberProbabilities,
                                   const std::vector<int>& truth, int steps = 10);

} // namespace gs::ml
