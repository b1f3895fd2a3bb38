#include "core/common/parameter.h"

#include "core/common/error.h"

#include <cmath>
#include <sstream>

namespace gs {

void checkRange(const ParameterSpec& spec, double value)
{
    if (!std::isfinite(value) || value < spec.minimum || value > spec.maximum) {
        std::ostringstream reason;
        reason << value << " is outside [" << spec.minimum << ", " << spec.maximum << "] ("
               << spec.description << ")";
        throw Error(ErrorKind::InvalidArgument, spec.name, reason.str());
    }
}

const ParameterSpec& findSpec(const std::vector<ParameterSpec>& specs, const std::string& name)
{
    for (const auto& spec : specs)
        if (spec.name == name)
            return spec;
    throw Error(ErrorKind::InvalidArgument, name, "unknown parameter");
}

} // namespace gs
