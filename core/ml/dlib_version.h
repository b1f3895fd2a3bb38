#pragma once
// Dlib's version (header-only library: the version we were compiled against), for the About box.
#include <string>

namespace gs {

std::string dlibVersion(); // "19.24.0" from DLIB_MAJOR/MINOR/PATCH_VERSION

} // namespace gs
