#include "core/ml/binary_io.h"

#include "core/common/error.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <istream>
#include <ostream>

namespace gs::ml::bin {
namespace {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

template <typename T>
void writeRaw(std::ostream& out, T value)
{
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
T readRaw(std::istream& in, const char* what)
{
    T value{};
    if (!in.read(reinterpret_cast<char*>(&value), sizeof value))
        throw Error(ErrorKind::Format, "model", std::string("truncated data while reading ") + what);
    return value;
}

// n bytes, grown while reading, so that a lying length in a short stream cannot allocate much.
std::string readBytes(std::istream& in, std::size_t n, const char* what)
{
    std::string bytes;
    constexpr std::size_t kChunk = 1u << 16;
    for (std::size_t done = 0; done < n;) {
        const std::size_t take = std::min(kChunk, n - done);
        bytes.resize(done + take);
        if (!in.read(bytes.data() + done, std::streamsize(take)))
            throw Error(ErrorKind::Format, "model", std::string("truncated data while reading ") + what);
        done += take;
    }
    return bytes;
}

} // namespace

void writeU32(std::ostream& out, std::uint32_t value) { writeRaw(out, value); }
void writeU64(std::ostream& out, std::uint64_t value) { writeRaw(out, value); }
void writeI32(std::ostream& out, std::int32_t value) { writeRaw(out, value); }
void writeF32(std::ostream& out, float value) { writeRaw(out, value); }
void writeF64(std::ostream& out, double value) { writeRaw(out, value); }

void writeString(std::ostream& out, const std::string& text)
{
    writeU64(out, text.size());
    out.write(text.data(), std::streamsize(text.size()));
}

void writeString32(std::ostream& out, const std::string& text)
{
    writeU32(out, std::uint32_t(text.size()));
    out.write(text.data(), std::streamsize(text.size()));
}

void writeDoubles(std::ostream& out, const std::vector<double>& values)
{
    writeU64(out, values.size());
    out.write(reinterpret_cast<const char*>(values.data()), std::streamsize(values.size() * sizeof(double)));
}

std::uint32_t readU32(std::istream& in, const char* what) { return readRaw<std::uint32_t>(in, what); }
std::uint64_t readU64(std::istream& in, const char* what) { return readRaw<std::uint64_t>(in, what); }
std::int32_t readI32(std::istream& in, const char* what) { return readRaw<std::int32_t>(in, what); }
float readF32(std::istream& in, const char* what) { return readRaw<float>(in, what); }
double readF64(std::istream& in, const char* what) { return readRaw<double>(in, what); }

std::size_t readCount(std::istream& in, const char* what, std::size_t minimum, std::size_t maximum)
{
    const std::uint64_t n = readU64(in, what);
    if (n < minimum || n > maximum)
        throw Error(ErrorKind::Format, "model",
                    std::string("implausible ") + what + " count " + std::to_string(n) + " (allowed " +
                        std::to_string(minimum) + ".." + std::to_string(maximum) + ")");
    return std::size_t(n);
}

std::string readString(std::istream& in, const char* what, std::size_t maxLength)
{
    return readBytes(in, readCount(in, what, 0, maxLength), what);
}

std::string readString32(std::istream& in, const char* what, std::size_t maxLength)
{
    const std::uint32_t n = readU32(in, what);
    if (n > maxLength)
        throw Error(ErrorKind::Format, "model", std::string("implausible length of ") + what);
    return readBytes(in, n, what);
}

std::vector<double> readDoubles(std::istream& in, const char* what, std::size_t maxCount)
{
    const std::size_t n = readCount(in, what, 0, maxCount);
    std::vector<double> values;
    // Grow while reading, so that a lying count in a short stream cannot allocate much.
    constexpr std::size_t kChunk = 4096;
    for (std::size_t done = 0; done < n;) {
        const std::size_t take = std::min(kChunk, n - done);
        values.resize(done + take);
        if (!in.read(reinterpret_cast<char*>(values.data() + done), std::streamsize(take * sizeof(double))))
            throw Error(ErrorKind::Format, "model", std::string("truncated data while reading ") + what);
        done += take;
    }
    return values;
}

void writeTag(std::ostream& out, const std::string& tag) { writeString(out, tag); }

void expectTag(std::istream& in, const std::string& tag)
{
    const std::string found = readString(in, "model tag", 64);
    if (found != tag)
        throw Error(ErrorKind::Format, "model", "expected state of a '" + tag + "' model, found '" + found + "'");
}

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t hash)
{
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= bytes[i];
        hash *= 1099511628211ull;
    }
    return hash;
}

void writeRecord(std::ostream& out, const Magic& magic, std::uint32_t version, const std::string& payload)
{
    out.write(magic, sizeof magic);
    writeU32(out, version);
    writeU64(out, payload.size());
    out.write(payload.data(), std::streamsize(payload.size()));
    writeU64(out, fnv1a64(payload.data(), payload.size()));
}

std::string readRecord(std::istream& in, const Magic& magic, std::uint32_t version, const char* what,
                       std::size_t maxBytes)
{
    const std::string name(what);
    char found[sizeof magic];
    if (!in.read(found, sizeof found) || std::memcmp(found, magic, sizeof magic) != 0)
        throw Error(ErrorKind::Format, "model", "not a " + name);
    if (readU32(in, "version") != version)
        throw Error(ErrorKind::Format, "model", "unsupported " + name + " version");
    const std::uint64_t size = readU64(in, "length");
    if (size > maxBytes)
        throw Error(ErrorKind::Format, "model", "implausible " + name + " size");
    std::string payload;
    try {
        payload = readBytes(in, std::size_t(size), what);
    } catch (const Error&) {
        throw Error(ErrorKind::Format, "model", "truncated " + name);
    }
    if (readU64(in, "checksum") != fnv1a64(payload.data(), payload.size()))
        throw Error(ErrorKind::Format, "model", "damaged " + name + " (checksum mismatch)");
    return payload;
}

} // namespace gs::ml::bin
