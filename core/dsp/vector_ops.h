#pragma once
// Small numeric kernels used by several features.
#include <cstddef>

namespace gs::dsp {

// sum a[i]*b[i] with eight float partial sums (a fixed, documented summation order).
float dot(const float* a, const float* b, std::size_t n);

// sum a[i]*b[i] in double, eight lanes (a fixed summation order).
double dotDouble(const double* a, const double* b, std::size_t n);

// True when no value is NaN or infinite.
bool allFinite(const float* values, std::size_t n);

// Largest of n >= 1 values (NaN-free input).
float maxValue(const float* values, std::size_t n);

// numpy.median of n values (mean of the two middle ones for even n, in float as numpy
// does for float32). Reorders `values`. n == 0 gives 0.
float medianInPlace(float* values, std::size_t n);

} // namespace gs::dsp
