#include "core/audio/envelope.h"

#include <algorithm>

namespace gs {

namespace {

EnvelopeColumn extremaOf(std::span<const float> s)
{
    const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    return {*lo, *hi};
}

EnvelopeColumn extremaOf(std::span<const EnvelopeColumn> blocks)
{
    EnvelopeColumn e = blocks.front();
    for (const auto& b : blocks) {
        e.min = std::min(e.min, b.min);
        e.max = std::max(e.max, b.max);
    }
    return e;
}

} // namespace

std::vector<EnvelopeColumn> minMaxColumns(std::span<const float> samples, std::size_t first,
                                          std::size_t last, std::size_t columns)
{
    last = std::min(last, samples.size());
    if (columns == 0 || first >= last)
        return std::vector<EnvelopeColumn>(columns);
    std::vector<EnvelopeColumn> out(columns);
    const double span = double(last - first);
    for (std::size_t c = 0; c < columns; ++c) {
        std::size_t a = first + std::size_t(span * double(c) / double(columns));
        std::size_t b = first + std::size_t(span * double(c + 1) / double(columns));
        a = std::min(a, last - 1);
        b = std::clamp(b, a + 1, last);
        out[c] = extremaOf(samples.subspan(a, b - a));
    }
    return out;
}

WaveformEnvelope::WaveformEnvelope(std::vector<float> samples, std::size_t blockSize)
    : samples_(std::move(samples)), blockSize_(std::max<std::size_t>(blockSize, 1))
{
    const std::span<const float> all(samples_);
    blocks_.reserve(all.size() / blockSize_ + 1);
    for (std::size_t i = 0; i < all.size(); i += blockSize_)
        blocks_.push_back(extremaOf(all.subspan(i, std::min(blockSize_, all.size() - i))));
}

std::vector<EnvelopeColumn> WaveformEnvelope::columns(std::size_t first, std::size_t last,
                                                      std::size_t columns) const
{
    last = std::min(last, samples_.size());
    if (columns == 0 || first >= last)
        return std::vector<EnvelopeColumn>(columns);
    const double perColumn = double(last - first) / double(columns);
    // Below a few blocks per column the raw samples are cheap enough and exact.
    if (perColumn < 4.0 * double(blockSize_))
        return minMaxColumns(samples_, first, last, columns);

    std::vector<EnvelopeColumn> out(columns);
    const std::span<const EnvelopeColumn> blocks(blocks_);
    for (std::size_t c = 0; c < columns; ++c) {
        const std::size_t a = first + std::size_t(perColumn * double(c));
        const std::size_t b = std::min(last, first + std::size_t(perColumn * double(c + 1)));
        // Partial blocks at both ends come from the samples, whole ones from the pyramid.
        const std::size_t blockA = (a + blockSize_ - 1) / blockSize_;
        const std::size_t blockB = b / blockSize_;
        EnvelopeColumn e{samples_[a], samples_[a]};
        auto merge = [&e](EnvelopeColumn x) {
            e.min = std::min(e.min, x.min);
            e.max = std::max(e.max, x.max);
        };
        if (blockA < blockB) {
            merge(extremaOf(blocks.subspan(blockA, blockB - blockA)));
            if (a < blockA * blockSize_)
                merge(extremaOf(std::span<const float>(samples_).subspan(a, blockA * blockSize_ - a)));
            if (blockB * blockSize_ < b)
                merge(extremaOf(std::span<const float>(samples_).subspan(blockB * blockSize_, b - blockB * blockSize_)));
        } else if (a < b) {
            merge(extremaOf(std::span<const float>(samples_).subspan(a, b - a)));
        }
        out[c] = e;
    }
    return out;
}

} // namespace gs
