#pragma once
// --labels FILE, --label-field and --subset: genre labels from a metadata file (FMA's
// tracks.csv or a plain path,genre CSV; core/dataset/metadata.h) instead of genre folders.
// One parser for extract, evaluate and train.
#include "app/cli/command.h"
#include "core/dataset/metadata.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gs::cli {

// Throws UsageError for an unknown field or subset, or --label-field/--subset without --labels.
LabelSource parseLabelArgs(ArgParser& args);
extern const char* const kLabelArgsHelp;

// What the labels and the folder disagree on, on stderr: counts always, then up to
// `examples` names of each list (all of them when examples = 0).
struct LabelMatchSummary {
    std::string format;
    std::size_t labelled = 0;
    std::size_t withoutGenre = 0, outsideSubset = 0;
    const std::vector<std::string>* labelsWithoutFile = nullptr;
    const std::vector<std::string>* filesWithoutLabel = nullptr;
    const std::vector<std::string>* labelProblems = nullptr;
};
void printLabelMatch(const LabelMatchSummary& summary, const LabelSource& source, std::size_t examples = 10);

} // namespace gs::cli
