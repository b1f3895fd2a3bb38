#include "core/common/npy.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace gs {

namespace {

constexpr char kMagic[] = "\x93NUMPY";   // 6 bytes, then major 1, minor 0
constexpr std::size_t kPreludeBytes = 10; // magic + version + uint16 header length
constexpr std::size_t kAlignment = 64;    // numpy >= 1.14 aligns the data to 64 bytes

// Python's tuple repr: "()", "(n,)", "(a, b)", ...
std::string shapeText(std::span<const std::size_t> shape)
{
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text.append(i ? ", " : "").append(std::to_string(shape[i]));
    return text.append(shape.size() == 1 ? ",)" : ")");
}

void appendLittleEndian(std::string& out, float value)
{
    std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    for (int byte = 0; byte < 4; ++byte)
        out.push_back(char((bits >> (8 * byte)) & 0xff));
}

} // namespace

std::string npyHeader2D(std::size_t rows, std::size_t cols)
{
    const std::size_t shape[] = {rows, cols};
    return npyHeader("<f4", shape);
}

std::string npyHeader(std::string_view descr, std::span<const std::size_t> shape)
{
    std::string dict = "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
    // Pad with spaces so that prelude + dict + '\n' is a multiple of the alignment.
    const std::size_t unpadded = kPreludeBytes + dict.size() + 1;
    dict.append((kAlignment - unpadded % kAlignment) % kAlignment, ' ');
    dict.push_back('\n');
    const auto length = std::uint16_t(dict.size());
    std::string header;
    header.reserve(kPreludeBytes + dict.size());
    header.append(kMagic, 6);
    header.push_back(char(1)); // version 1.0: the header length is a uint16
    header.push_back(char(0));
    header.push_back(char(length & 0xff));
    header.push_back(char(length >> 8));
    header.append(dict);
    return header;
}

std::string npyBytes2D(std::span<const float> values, std::size_t rows, std::size_t cols)
{
    if (values.size() != rows * cols)
        throw Error(ErrorKind::InvalidArgument, "npy array",
                    std::to_string(values.size()) + " values do not fill a " + std::to_string(rows) + " x " +
                        std::to_string(cols) + " matrix");
    std::string out = npyHeader2D(rows, cols);
    out.reserve(out.size() + values.size() * 4);
    for (float v : values)
        appendLittleEndian(out, v);
    return out;
}

void writeNpy2D(const std::filesystem::path& file, std::span<const float> values, std::size_t rows, std::size_t cols)
{
    std::string bytes;
    try {
        bytes = npyBytes2D(values, rows, cols);
    } catch (const Error& e) {
        throw Error(e.kind(), file.string(), e.reason());
    }
    writeFileAtomically(file, bytes);
}

} // namespace gs
