#include "core/audio/file_signature.h"

#include <cstdio>
#include <cstring>

namespace gs {

bool FileSignature::has(std::size_t at, const char* tag) const
{
    const std::size_t n = std::strlen(tag);
    return at + n <= size && std::memcmp(bytes + at, tag, n) == 0;
}

FileSignature readFileSignature(const std::filesystem::path& file)
{
    FileSignature sig;
    if (std::FILE* fp = std::fopen(file.c_str(), "rb")) {
        sig.size = std::fread(sig.bytes, 1, sizeof sig.bytes, fp);
        std::fclose(fp);
    }
    return sig;
}

} // namespace gs
