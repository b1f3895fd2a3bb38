#include "core/features/summary.h"

namespace gs {

namespace {
template <typename T>
MeanVar meanVarOf(std::span<const T> values)
{
    MeanVar r;
    if (values.empty())
        return r;
    double sum = 0;
    for (T v : values)
        sum += double(v);
    r.mean = sum / double(values.size());
    double sq = 0;
    for (T v : values) {
        const double d = double(v) - r.mean;
        sq += d * d;
    }
    r.var = sq / double(values.size());
    return r;
}
} // namespace

MeanVar meanVar(std::span<const double> values) { return meanVarOf(values); }
MeanVar meanVar(std::span<const float> values) { return meanVarOf(values); }

} // namespace gs
