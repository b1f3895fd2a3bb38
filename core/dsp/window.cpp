#include "core/dsp/window.h"

#include <cmath>
#include <numbers>

namespace gs::dsp {

std::vector<double> hannPeriodic(int n)
{
    std::vector<double> w(n > 0 ? std::size_t(n) : 0);
    for (int i = 0; i < n; ++i)
        w[std::size_t(i)] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n);
    return w;
}

} // namespace gs::dsp
