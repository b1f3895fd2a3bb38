#include "fuzz/harness.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace gs::fuzz {

namespace fs = std::filesystem;

namespace {

struct TempFolder {
    fs::path path;
    TempFolder()
    {
        std::error_code ec;
        fs::path base = fs::temp_directory_path(ec);
        if (ec)
            base = "/tmp";
        path = base / ("gs-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(path, ec);
        if (ec)
            fail("cannot create " + path.string() + ": " + ec.message());
    }
    ~TempFolder()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

const fs::path& tempDir()
{
    static TempFolder folder;
    return folder.path;
}

fs::path writeInput(const std::string& name, std::span<const std::uint8_t> bytes)
{
    const fs::path file = tempDir() / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    out.close();
    if (!out)
        fail("cannot write " + file.string());
    return file;
}

fs::path writeInput(const std::string& name, const std::string& bytes)
{
    return writeInput(name, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

void fail(const std::string& what)
{
    std::fprintf(stderr, "\n*** fuzz invariant broken: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

std::uint32_t readLe32(const std::string& bytes, std::size_t at)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(bytes[at + std::size_t(i)]);
    return v;
}

void writeLe32(std::string& bytes, std::size_t at, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes[at + std::size_t(i)] = char((value >> (8 * i)) & 0xff);
}

void writeLe64(std::string& bytes, std::size_t at, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        bytes[at + std::size_t(i)] = char((value >> (8 * i)) & 0xff);
}

} // namespace gs::fuzz
