#pragma once
// A dense row-major float matrix. Feature matrices follow librosa's layout:
// rows = coefficients (mel bands, chroma bins, ...), columns = frames.
#include <cassert>
#include <cstddef>
#include <span>
#include <vector>

namespace gs {

struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<float> data;

    Matrix() = default;
    Matrix(std::size_t r, std::size_t c, float fill = 0.0f) : rows(r), cols(c), data(r * c, fill) {}

    float& operator()(std::size_t r, std::size_t c) { return data[r * cols + c]; }
    float operator()(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
    std::span<float> row(std::size_t r) { return {data.data() + r * cols, cols}; }
    std::span<const float> row(std::size_t r) const { return {data.data() + r * cols, cols}; }
    bool empty() const { return data.empty(); }
    void resize(std::size_t r, std::size_t c) { rows = r; cols = c; data.assign(r * c, 0.0f); }
};

} // namespace gs
