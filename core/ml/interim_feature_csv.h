#pragma once
// TEMPORARY: a minimal features-CSV reader until gs::readFeatureCsv (core/dataset, helper
// "io") is on main. Delete this file and call gs::readFeatureCsv once it lands.
#include "core/dataset/feature_table.h"

namespace gs::ml::detail {

FeatureTable readFeatureCsvInterim(const std::filesystem::path& file);

} // namespace gs::ml::detail
