#pragma once
// What every fuzz target shares: a private temporary folder for readers that take a path,
// and the checks that turn a broken promise into a crash libFuzzer can report.
//
// The promise under test (house rule): bad input never crashes, never yields NaN and
// always fails as a gs::Error naming the file with a reason. A target calls expectClean()
// around the reader; any other exception escapes and aborts the run.
#include "core/common/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace gs::fuzz {

// <temp>/gs-fuzz-<pid>, made on first use and removed when the process ends normally.
const std::filesystem::path& tempDir();
// Writes the bytes to tempDir()/name (replacing it) and returns the path.
std::filesystem::path writeInput(const std::string& name, std::span<const std::uint8_t> bytes);
std::filesystem::path writeInput(const std::string& name, const std::string& bytes);

// Prints the broken invariant and aborts (libFuzzer saves the input as a crash).
[[noreturn]] void fail(const std::string& what);
inline void require(bool ok, const std::string& what)
{
    if (!ok)
        fail(what);
}

// Runs `read`; a gs::Error is the accepted way to refuse bad bytes, as long as it names
// `subject` (when given) and says why. Returns true when `read` returned normally.
template <typename F>
bool expectClean(const std::string& subject, F&& read)
{
    try {
        read();
        return true;
    } catch (const Error& e) {
        require(!e.reason().empty(), "gs::Error without a reason: " + std::string(e.what()));
        require(subject.empty() || e.subject() == subject,
                "gs::Error names '" + e.subject() + "' instead of '" + subject + "': " + e.reason());
        return false;
    }
}

// Little-endian field helpers for targets that repair checksums or lengths in an input.
std::uint32_t readLe32(const std::string& bytes, std::size_t at);
void writeLe32(std::string& bytes, std::size_t at, std::uint32_t value);
void writeLe64(std::string& bytes, std::size_t at, std::uint64_t value);

} // namespace gs::fuzz

namespace gs::fuzz {

// Shared by the targets and the seed writer (make_seeds.cpp).
inline constexpr const char* kCacheSchema = "gtzan-57 v1 fuzz"; // sqlite_cache's schema fingerprint
inline constexpr int kSpectrogramMels = 4;                      // spectrogram_cache's n_mels

} // namespace gs::fuzz
