#pragma once
// A minimal writer of NumPy's .npy format (version 1.0) for 2-D float32 matrices, so that
// what a view shows can be read with numpy.load() (format: numpy/lib/format.py and
// https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
// Little-endian float32 ('<f4'), C order (row-major, as gs::Matrix), written atomically.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace gs {

// The header of a 2-D '<f4' array: magic, version 1.0, header length and the dict
// "{'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }" padded with spaces and a
// final '\n' so that the data starts at a multiple of 64 bytes (as numpy writes it).
std::string npyHeader2D(std::size_t rows, std::size_t cols);
// The same header for any dtype descr ('<f4', '<i8', '<U12', ...) and shape ({} = a scalar,
// {n} = "(n,)" as numpy writes a 1-tuple).
std::string npyHeader(std::string_view descr, std::span<const std::size_t> shape);

// The whole file: header then rows*cols little-endian float32 values in C order.
// Throws gs::Error(InvalidArgument) when values.size() != rows * cols.
std::string npyBytes2D(std::span<const float> values, std::size_t rows, std::size_t cols);

// Writes npyBytes2D() to `file` through writeFileAtomically (gs::Error naming the file).
void writeNpy2D(const std::filesystem::path& file, std::span<const float> values, std::size_t rows, std::size_t cols);

} // namespace gs
