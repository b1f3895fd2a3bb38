#pragma once
// Running medians as scipy.ndimage.median_filter(size=k along one axis, mode='reflect'):
// the window is centred (k odd), and positions past an edge mirror the data including
// the edge sample (d c b a | a b c d | d c b a). Results are exact input elements.
#include <cstddef>

namespace gs::dsp {

// in/out: row-major rows x cols, not overlapping (results are written while `in` is still
// being read). The window slides along each row (the contiguous axis).
void medianFilterAlongRows(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out);
// The window slides along each column (across rows).
void medianFilterAlongColumns(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out);

} // namespace gs::dsp
