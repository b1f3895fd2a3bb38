#pragma once
// How songs are analysed, as given on the command line: one parser for extract, evaluate
// and train so the same options mean the same thing everywhere.
#include "app/cli/command.h"
#include "core/features/schema.h"

namespace gs::cli {

// --schema gtzan-57|rich-680 (featureSetChoices()), --clip SECONDS, --offset SECONDS, --sr HZ|native, --pad constant|reflect, --legacy-hpss and
// --kaggle (reflect padding + legacy HPSS: how the public Kaggle GTZAN CSV was made). Throws UsageError naming the bad option.
ExtractionParams parseExtractionArgs(ArgParser& args);
extern const char* const kExtractionArgsHelp;

} // namespace gs::cli
