#pragma once
// Hyper-parameter search that scales past grids: Dlib's global optimiser (MaxLIPO + trust
// region, the engine of dlib::find_max_global; King 2017, "A Global Optimization Algorithm
// Worth Using", after Malherbe & Vayatis 2017) over continuous, log-scaled ranges, with a
// fixed number of evaluations. Each evaluation is an inner stratified-group CV on the data
// given (inside an outer training fold when called from crossValidate), so the test fold
// is never seen.
//
// Reproducible: we drive dlib::global_function_search ourselves, seeded from the caller's
// seed. find_max_global itself is not: it shrinks its Monte Carlo sampling when the
// objective is fast *by the wall clock*, so two runs can ask for different points.
#include "core/ml/evaluate.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gs::ml {

// One searched hyper-parameter.
struct SearchDimension {
    std::string name;
    double low = 0;
    double high = 0;
    bool logScale = false; // searched as log(value): C, gamma, weights
    bool integer = false;  // k, 0/1 switches
};

struct GlobalSearchOptions {
    int budget = 40;                      // evaluations of the inner-CV objective
    int innerFolds = 3;
    std::string objective = "accuracy";   // "accuracy" (maximised) or "log-loss" (minimised)
    std::uint64_t seed = 42;
    const CancelToken* cancel = nullptr;
};

// What is searched for `model` once `fixed` (the user's overrides) are taken out:
// - a model with a search grid: each grid parameter over its grid's span widened by one
//   (geometric mean) grid step at each end, clipped to the parameter's declared range; log
//   scale when the values are positive, integer for whole-number parameters (whole grid,
//   range and default: knn's k, 0/1 switches);
// - the ensemble (no grid): the weight of every member it uses (weight > 0), log scale
//   over [1/20, 20]; the weights only matter relative to each other.
// Empty: nothing to search.
std::vector<SearchDimension> globalSearchSpace(const std::string& model, const Hyperparameters& fixed);

// Throws InvalidArgument for a bad budget (< 1), objective or inner-fold count; Cancelled.
// score = inner-CV accuracy of the chosen values (also with the log-loss objective, so that
// reports compare like with like); < 0 when there is nothing to search.
SearchResult globalSearchHyperparameters(const std::string& model, const LabelledSet& data,
                                         const Hyperparameters& overrides, const GlobalSearchOptions& options);

// The names crossValidate and the CLI accept.
bool isSearchMethod(const std::string& method);       // "grid", "global"
bool isSearchObjective(const std::string& objective); // "accuracy", "log-loss"

} // namespace gs::ml
