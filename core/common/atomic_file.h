#pragma once
// The one way files people care about are written: into a temporary file beside the target
// (same folder, so the rename is atomic), flushed, optionally fsync'ed, then renamed over the
// target. A failure at any step (disk full, read-only folder) throws gs::Error naming the
// target and the reason (e.g. "no space left on the device"), leaves the previous file intact
// and removes the temporary file. A temporary left by a killed process (kill -9, power cut) is
// removed by the next write of the same target.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace gs {

struct AtomicWriteOptions {
    bool durable = false; // fsync the file (and its folder) before returning: model files, caches
};

// Writes `content` as the whole new file.
void writeFileAtomically(const std::filesystem::path& target, std::string_view content,
                         const AtomicWriteOptions& options = {});
// Lets `fill` stream into the temporary file; a throw from fill aborts (old file kept).
void writeFileAtomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& fill,
                         const AtomicWriteOptions& options = {});
// For libraries that write by file name (HDF5): `fill` creates, writes and closes the file at
// the temporary path it is given; it is then renamed over the target like the above, and
// removed if fill throws.
void writeFileAtomicallyByName(const std::filesystem::path& target,
                               const std::function<void(const std::filesystem::path& temporary)>& fill,
                               const AtomicWriteOptions& options = {});

} // namespace gs
