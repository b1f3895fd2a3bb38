#include "core/common/atomic_file.h"

#include "core/common/error.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

namespace gs {
namespace {

namespace fs = std::filesystem;

// Unique per process and call, so two writers of the same target never share a temporary.
fs::path temporaryBeside(const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    fs::path temp = target;
    temp += ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return temp;
}

void syncPath(const fs::path& path, int flags)
{
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

void writeFileAtomicallyByName(const fs::path& target, const std::function<void(const fs::path&)>& fill,
                               const AtomicWriteOptions& options)
{
    const fs::path temp = temporaryBeside(target);
    std::error_code ec;
    try {
        fill(temp);
        if (options.durable)
            syncPath(temp, O_RDONLY);
        fs::rename(temp, target, ec);
        if (ec)
            throw Error(ErrorKind::Internal, target.string(), "cannot replace the file: " + ec.message());
        if (options.durable)
            syncPath(target.has_parent_path() ? target.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

void writeFileAtomically(const fs::path& target, const std::function<void(std::ostream&)>& fill,
                         const AtomicWriteOptions& options)
{
    writeFileAtomicallyByName(
        target,
        [&](const fs::path& temp) {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(ErrorKind::NotFound, target.string(),
                            std::string("cannot be created for writing: ") + std::strerror(errno));
            fill(out);
            out.flush();
            out.close();
            if (!out)
                throw Error(ErrorKind::Internal, target.string(), "writing failed (disk full?)");
        },
        options);
}

void writeFileAtomically(const fs::path& target, std::string_view content, const AtomicWriteOptions& options)
{
    writeFileAtomically(
        target, [content](std::ostream& out) { out.write(content.data(), std::streamsize(content.size())); }, options);
}

} // namespace gs
