#pragma once
// The session's view of a folder scan: every audio file below the root with its genre
// (the first sub-folder), size and modification time.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gs::ui {

struct ScannedFile {
    std::string path;          // absolute, generic form
    std::string relativePath;  // to the root, generic form
    std::string label;         // genre sub-folder; empty for files directly in the root
    std::int64_t size = 0;
    std::int64_t modifiedMs = 0;
};

std::vector<ScannedFile> scanSongFiles(const std::filesystem::path& root);

// Generates the demo dataset into `folder` unless a complete one is already there.
// Throws gs::Error.
void ensureDemoDataset(const std::filesystem::path& folder);

} // namespace gs::ui
