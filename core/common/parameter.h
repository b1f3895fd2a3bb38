#pragma once
// Parameters are declared once, with their range and meaning (as Essentia's algorithms
// do); validation, CLI help and UI spin boxes all read the same declaration.
#include <string>
#include <vector>

namespace gs {

struct ParameterSpec {
    std::string name;        // e.g. "clip_seconds"
    double defaultValue = 0;
    double minimum = 0;
    double maximum = 0;
    std::string description; // one line, for --help and tooltips
};

// Throws gs::Error(InvalidArgument) naming the parameter when value is outside its range.
void checkRange(const ParameterSpec& spec, double value);
const ParameterSpec& findSpec(const std::vector<ParameterSpec>& specs, const std::string& name);

} // namespace gs
