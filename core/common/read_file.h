#pragma once
// The one way to read a small file whole (CSVs, metadata, shard records): the bytes as they
// are, or gs::Error(NotFound) naming the file and the reason.
#include <filesystem>
#include <string>

namespace gs {

std::string readWholeFile(const std::filesystem::path& file);

} // namespace gs
