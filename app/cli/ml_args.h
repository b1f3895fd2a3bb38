#pragma once
// The arguments the learning commands (evaluate, train, classify) share: the dataset input
// (folder or CSV, feature cache, fold grouping), model overrides and the seed.
#include "app/cli/command.h"
#include "core/common/progress.h"
#include "core/ml/labelled_set.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace gs::cli::ml {

// "svm-rbf.C=3,knn.k=7" -> per-model overrides; a bare "C=3" applies to defaultModel.
std::map<std::string, gs::ml::Hyperparameters> parseOverrides(const std::string& text, const std::string& defaultModel = {});

// Load options with Ctrl-C cancel and console progress (app/cli/console.h).
gs::ml::DatasetLoadOptions interruptibleLoad(const ExtractionParams& params, const std::string& groupBy, int threads,
                                             bool quiet);

// Loads DIR or CSV, printing extraction failures; throws UsageError for bad arguments.
gs::ml::DatasetLoad loadInput(const std::string& input, const gs::ml::DatasetLoadOptions& options, bool quiet);

// --cache FILE / --no-cache: the feature cache a dataset folder is read from and written to
// (default FeatureCache::defaultLocation(), the one the app fills); empty path = no cache.
std::filesystem::path cacheOption(ArgParser& args);
extern const char* const kCacheArgsHelp;

// --group-by MODE, checked against the grouping modes (UsageError otherwise).
std::string groupByOption(ArgParser& args);
extern const char* const kGroupByHelp;
// "duplicates" needs audio: a dataset folder, not a CSV (UsageError otherwise).
void checkGroupingFitsInput(const std::string& groupBy, const std::string& input);

// --labels needs a dataset folder (UsageError otherwise).
void checkLabelsFitInput(const LabelSource& labels, const std::string& input);

// After every option is read: rejects unknown ones and returns the one positional
// argument, a dataset folder or a features CSV (UsageError otherwise).
std::string singleDatasetInput(ArgParser& args);

// --seed N (default 42): the one seed every fold split and model initialisation derives from.
std::uint64_t seedOption(ArgParser& args);

} // namespace gs::cli::ml
