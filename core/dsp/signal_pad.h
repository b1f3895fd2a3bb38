#pragma once
// How a signal is extended past its ends before framing (numpy.pad modes librosa uses).
#include <cstddef>
#include <span>
#include <vector>

namespace gs::dsp {

enum class Pad {
    Zeros,   // np.pad mode='constant' (librosa >= 0.9 STFT default)
    Reflect, // mode='reflect': d c b | a b c d | c b a (edge not repeated)
    Edge,    // mode='edge': a a a | a b c d | d d d (librosa's zero_crossing_rate)
};

// Index into a signal of length n for position i (may be negative or >= n) under `pad`;
// -1 means "zero" (constant padding or an empty signal).
std::ptrdiff_t padIndex(std::ptrdiff_t i, std::size_t n, Pad pad);

// y extended by `before` and `after` samples.
void padSignal(std::span<const float> y, std::size_t before, std::size_t after, Pad pad, std::vector<float>& out);

} // namespace gs::dsp
