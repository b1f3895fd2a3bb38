#include "core/common/read_file.h"

#include "core/common/error.h"

#include <fstream>
#include <sstream>

namespace gs {

std::string readWholeFile(const std::filesystem::path& file)
{
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw Error(ErrorKind::NotFound, file.string(), "is a folder, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, file.string(),
                    std::filesystem::exists(file, ec) ? "cannot be opened for reading" : "file does not exist");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw Error(ErrorKind::NotFound, file.string(), "cannot be read");
    return std::move(text).str();
}

} // namespace gs
