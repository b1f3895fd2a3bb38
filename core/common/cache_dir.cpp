#include "core/common/cache_dir.h"

#include <cstdlib>

namespace gs {

std::filesystem::path userCacheDirectory()
{
    namespace fs = std::filesystem;
    if (const char* dir = std::getenv("GENRESCOPE_CACHE_DIR"); dir && *dir)
        return fs::path(dir);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "genrescope";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "genrescope";
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    return (ec ? fs::path("/tmp") : temp) / "genrescope";
}

} // namespace gs
