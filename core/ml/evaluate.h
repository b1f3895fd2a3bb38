#pragma once
// Honest model comparison: stratified (and grouped) k-fold cross-validation with a fixed
// seed, optional nested hyper-parameter search inside the training folds, metrics per
// model, and a report that serialises to JSON. The same numbers for the same data and seed,
// whatever the number of threads.
#include "core/ml/classifier.h"
#include "core/ml/metrics.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gs::ml {

// Test fold (0..folds-1) of every sample. Stratified by label; samples with the same group
// (>= 0) always share a fold; group -1 = a group of its own. Throws InvalidArgument when
// there are fewer groups than folds.
std::vector<int> assignFolds(const std::vector<int>& labels, const std::vector<int>& groups, int folds,
                             std::uint64_t seed);

struct FoldResult {
    double accuracy = 0;
    Hyperparameters params;   // what this fold's model was trained with (chosen by search or given)
    double searchScore = -1;  // inner-CV accuracy of the chosen values; < 0 = no search
    double fitSeconds = 0;    // wall clock
    double fitCpuSeconds = 0; // CPU time of the fitting thread: comparable on a busy machine
    double predictSeconds = 0;
    double searchSeconds = 0;
    int trainSize = 0;
    int testSize = 0;         // songs scored (a song of several clips counts once)
};

// One song's out-of-fold prediction: made by the model of the fold that held the song out.
// The pooled confusion matrix and every pooled score are counted from exactly these.
struct OutOfFoldPrediction {
    int sample = -1;                  // index into the evaluated LabelledSet
    int fold = -1;                    // 0-based test fold
    int truth = -1;                   // label index
    int predicted = -1;               // argmax of probabilities
    std::vector<double> probabilities; // one per class, sums to 1
    std::string song;                 // Sample::audioPath (empty for a features CSV)
    std::vector<int> genres;          // a multi-genre song's genres (cv::genreIndices); empty = one genre
};

struct ModelReport {
    std::string name;
    Hyperparameters params;     // without search: the values used; with: the most chosen ones
    double accuracyMean = 0;    // over folds
    double accuracyStd = 0;     // over folds (population std, as numpy)
    double balancedAccuracy = 0; // pooled over all test folds
    double macroF1 = 0;
    double logLoss = 0;         // mean -ln p(true genre): how good the probabilities are
    std::vector<ClassScores> perClass;
    Confusion confusion;        // pooled over folds, rows = true genre
    std::vector<std::vector<double>> confusionNormalized;
    double fitSeconds = 0;      // mean per fold (final fit, without the search), wall clock
    double fitCpuSeconds = 0;   // mean per fold, CPU time of the fitting thread
    double predictSeconds = 0;  // mean per fold, whole test fold
    double searchSeconds = 0;   // mean per fold
    std::vector<FoldResult> folds;
    std::vector<OutOfFoldPrediction> predictions; // one per song (rows sharing a Sample::song: one,
                                                  // at its first row, mean probabilities), in sample order
};

struct EvaluationProtocol {
    std::string method = "stratified-group-kfold";
    int folds = 10;
    std::uint64_t seed = 42;
    bool search = false;
    int innerFolds = 3;
    std::string searchMethod = "grid";    // with search: "grid" or "global" (global_search.h)
    int searchBudget = 0;                 // global: inner-CV evaluations per fold
    std::string searchObjective;          // global: "accuracy" or "log-loss"
    bool grouped = false;       // some samples share a group
    std::size_t samples = 0;
    std::size_t features = 0;
    std::string schema;         // FeatureSchema fingerprint
    std::string source;         // e.g. the CSV path or the folder
    std::string grouping;       // how songs were grouped: auto, none, group, song, duplicates
    std::string createdWith;    // "genrescope 0.1.0"
};

struct EvaluationReport {
    std::vector<std::string> classes;
    std::vector<ModelReport> models; // sorted by accuracy, best first
    EvaluationProtocol protocol;
};

struct EvaluationOptions {
    std::vector<std::string> models;                    // empty = every default-comparison model
    std::map<std::string, Hyperparameters> overrides;   // per model name
    int folds = 10;
    std::uint64_t seed = 42;
    bool search = false;
    int innerFolds = 3;
    std::string searchMethod = "grid";   // "grid": searchGrid; "global": global_search.h
    int searchBudget = 40;               // global: inner-CV evaluations per outer fold
    std::string searchObjective = "accuracy"; // global: "accuracy" or "log-loss"
    int threads = 0;                                    // 0 = hardware concurrency
    // stage text names the model (m of M), the fold (k of n) and, for network models, the epoch
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
};

// Throws gs::Error: InvalidArgument (unknown model, too few samples/groups, a model that
// needs audio on a feature-only set), Cancelled.
EvaluationReport crossValidate(const LabelledSet& data, const EvaluationOptions& options);

struct SearchResult {
    Hyperparameters params; // overrides merged with the best grid values
    double score = -1;      // inner-CV accuracy; < 0 when the model has no grid
};
// Grid search by inner stratified-group CV on data only (for `train --search` and nested CV).
SearchResult searchHyperparameters(const std::string& model, const LabelledSet& data, const Hyperparameters& overrides,
                                   int innerFolds, std::uint64_t seed, const CancelToken* cancel = nullptr);

// The models evaluated when none are named.
std::vector<std::string> defaultComparisonModels();

// Seed derivation shared by CV and training: stable across runs and platforms.
std::uint64_t mixSeed(std::uint64_t seed, const std::string& salt, std::uint64_t index = 0);

} // namespace gs::ml
