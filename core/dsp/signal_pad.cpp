#include "core/dsp/signal_pad.h"

#include <algorithm>

namespace gs::dsp {

std::ptrdiff_t padIndex(std::ptrdiff_t i, std::size_t n, Pad pad)
{
    const auto len = static_cast<std::ptrdiff_t>(n);
    if (i >= 0 && i < len)
        return i;
    if (len == 0)
        return -1;
    switch (pad) {
    case Pad::Zeros:
        return -1;
    case Pad::Edge:
        return i < 0 ? 0 : len - 1;
    case Pad::Reflect: {
        if (len == 1) // numpy treats a single sample like edge padding
            return 0;
        // numpy reflects repeatedly when the pad is longer than the signal: period 2(n-1).
        const std::ptrdiff_t period = 2 * (len - 1);
        std::ptrdiff_t m = i % period;
        if (m < 0)
            m += period;
        return m < len ? m : period - m;
    }
    }
    return -1;
}

void padSignal(std::span<const float> y, std::size_t before, std::size_t after, Pad pad, std::vector<float>& out)
{
    out.resize(before + y.size() + after);
    std::copy(y.begin(), y.end(), out.begin() + static_cast<std::ptrdiff_t>(before));
    const auto sample = [&](std::ptrdiff_t i) {
        const std::ptrdiff_t k = padIndex(i, y.size(), pad);
        return k < 0 ? 0.0f : y[static_cast<std::size_t>(k)];
    };
    for (std::size_t j = 0; j < before; ++j)
        out[j] = sample(static_cast<std::ptrdiff_t>(j) - static_cast<std::ptrdiff_t>(before));
    for (std::size_t j = 0; j < after; ++j)
        out[before + y.size() + j] = sample(static_cast<std::ptrdiff_t>(y.size() + j));
}

} // namespace gs::dsp
