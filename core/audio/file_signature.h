#pragma once
// The first bytes of a file, to recognise audio containers by their magic numbers (the
// scanner uses it for files without a known extension, the decoder to skip probing
// containers whose header already says everything).
#include <cstddef>
#include <filesystem>

namespace gs {

struct FileSignature {
    unsigned char bytes[12] = {};
    std::size_t size = 0; // how many bytes could be read (0 when the file cannot be opened)

    // True when `tag` stands at offset `at` and was read whole.
    bool has(std::size_t at, const char* tag) const;
};

FileSignature readFileSignature(const std::filesystem::path& file);

} // namespace gs
