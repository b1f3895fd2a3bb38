#pragma once
// Little-endian binary helpers for model state. Every reader bounds what it is told to
// allocate, because model files are untrusted input: a corrupt length must give a
// gs::Error(Format), never a huge allocation or a crash.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace gs::ml::bin {

inline constexpr std::size_t kMaxString = 16u << 20;   // 16 MiB
inline constexpr std::size_t kMaxElements = 64u << 20; // doubles in one vector

void writeU32(std::ostream& out, std::uint32_t value);
void writeU64(std::ostream& out, std::uint64_t value);
void writeI32(std::ostream& out, std::int32_t value);
void writeF32(std::ostream& out, float value);
void writeF64(std::ostream& out, double value);
void writeString(std::ostream& out, const std::string& text); // u64 length, then the bytes
void writeString32(std::ostream& out, const std::string& text); // u32 length (the CNN's files)
void writeDoubles(std::ostream& out, const std::vector<double>& values);

// Each throws gs::Error(Format, what, "truncated ...") when the stream runs dry.
std::uint32_t readU32(std::istream& in, const char* what);
std::uint64_t readU64(std::istream& in, const char* what);
std::int32_t readI32(std::istream& in, const char* what);
float readF32(std::istream& in, const char* what);
double readF64(std::istream& in, const char* what);
std::string readString(std::istream& in, const char* what, std::size_t maxLength = kMaxString);
std::string readString32(std::istream& in, const char* what, std::size_t maxLength = kMaxString);
std::vector<double> readDoubles(std::istream& in, const char* what, std::size_t maxCount = kMaxElements);
// A count that must lie in [minimum, maximum]; anything else is a corrupt file.
std::size_t readCount(std::istream& in, const char* what, std::size_t minimum, std::size_t maximum);

// A tag at the start of every model blob, so that loading one model's state into another
// kind fails clearly.
void writeTag(std::ostream& out, const std::string& tag);
void expectTag(std::istream& in, const std::string& tag);

// FNV-1a, 64 bits (Fowler, Noll, Vo): the checksum of records and the CNN cache's file names.
std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t hash = 14695981039346656037ull);

// A framed, checksummed record (the CNN's model blob and checkpoint): 8-byte magic, u32
// version, u64 payload length, the payload, FNV-1a 64 of the payload. readRecord throws
// gs::Error(Format) "not a <what>", "unsupported <what> version", "implausible <what> size"
// (over maxBytes), "truncated <what>" or "damaged <what> (checksum mismatch)".
using Magic = char[8];
void writeRecord(std::ostream& out, const Magic& magic, std::uint32_t version, const std::string& payload);
std::string readRecord(std::istream& in, const Magic& magic, std::uint32_t version, const char* what,
                       std::size_t maxBytes);

} // namespace gs::ml::bin
