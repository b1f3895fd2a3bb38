#pragma once
// Mean and population variance of a sequence seen a block at a time: each block's own
// two-pass meanVar (summary.h), merged as Chan, Golub & LeVeque (1979) combine partial
// results (pairwise update of count, mean and sum of squared deviations). In double the
// merge stays within a few ulps of the two-pass result over the whole sequence.
#include "core/features/summary.h"

#include <cstddef>
#include <span>

namespace gs {

class RunningMeanVar {
public:
    void add(std::span<const float> block) { merge(block.size(), meanVar(block)); }
    void add(std::span<const double> block) { merge(block.size(), meanVar(block)); }
    std::size_t count() const { return count_; }
    // {0, 0} when nothing was added, as meanVar of an empty span.
    MeanVar result() const { return {mean_, count_ ? squares_ / double(count_) : 0.0}; }

private:
    void merge(std::size_t n, MeanVar block)
    {
        if (n == 0)
            return;
        const double na = double(count_), nb = double(n), total = na + nb;
        const double delta = block.mean - mean_;
        mean_ = count_ == 0 ? block.mean : mean_ + delta * (nb / total);
        squares_ += block.var * nb + delta * delta * (na * nb / total);
        count_ += n;
    }
    std::size_t count_ = 0;
    double mean_ = 0, squares_ = 0;
};

} // namespace gs
