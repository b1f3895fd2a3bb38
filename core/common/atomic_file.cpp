#include "core/common/atomic_file.h"

#include "core/common/error.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <signal.h>
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

// A temporary of this target left by a process that is gone (kill -9, power cut in the middle
// of a write): "<target>.tmp<pid>-<n>" whose pid no longer runs. Removed before the next write
// of the same target, so an interrupted run leaves nothing behind once the file is written again.
// Temporaries of live processes (another writer right now) are left alone.
void removeStaleTemporaries(const fs::path& target)
{
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = target.filename().string() + ".tmp";
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(prefix))
            continue;
        const std::string rest = name.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos ||
            rest.find_first_not_of("0123456789-") != std::string::npos)
            continue;
        const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
        if (pid > 0 && pid != long(::getpid()) && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

// Why the stream failed, from errno when the failing call set it (ENOSPC, EFBIG, EIO...).
std::string writeFailure(int error)
{
    if (error == ENOSPC)
        return "writing failed: no space left on the device";
    if (error == EFBIG)
        return "writing failed: file too large (size limit reached)";
    if (error != 0)
        return std::string("writing failed: ") + std::strerror(error);
    return "writing failed (disk full?)";
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
    removeStaleTemporaries(target);
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
            // The first failing call's errno says why (ENOSPC, EFBIG): keep it before close().
            errno = 0;
            fill(out);
            int error = out ? 0 : errno;
            out.flush();
            if (!out && error == 0)
                error = errno;
            out.close();
            if (!out)
                throw Error(ErrorKind::Internal, target.string(), writeFailure(error != 0 ? error : errno));
        },
        options);
}

void writeFileAtomically(const fs::path& target, std::string_view content, const AtomicWriteOptions& options)
{
    writeFileAtomically(
        target, [content](std::ostream& out) { out.write(content.data(), std::streamsize(content.size())); }, options);
}

} // namespace gs
