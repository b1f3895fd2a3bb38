#include "core/ml/dlib_version.h"

#include <dlib/revision.h>

namespace gs {

std::string dlibVersion()
{
    return std::to_string(DLIB_MAJOR_VERSION) + '.' + std::to_string(DLIB_MINOR_VERSION) + '.' +
           std::to_string(DLIB_PATCH_VERSION);
}

} // namespace gs
