#pragma once
// Min/max waveform envelope for drawing: one (min, max) pair per pixel column.
// A 10-minute song has ~13 M samples; a coarse min/max pyramid built once lets every
// repaint at any zoom touch at most a few thousand values.
#include <cstddef>
#include <span>
#include <vector>

namespace gs {

struct EnvelopeColumn {
    float min = 0.0f;
    float max = 0.0f;
};

// Min/max of samples[first, last) split into `columns` equal parts (columns >= 1).
// Columns that cover no sample (zoomed in beyond one sample per column) repeat the
// nearest sample, so the line stays continuous.
std::vector<EnvelopeColumn> minMaxColumns(std::span<const float> samples, std::size_t first,
                                          std::size_t last, std::size_t columns);

class WaveformEnvelope {
public:
    WaveformEnvelope() = default;
    explicit WaveformEnvelope(std::vector<float> samples, std::size_t blockSize = 256);

    std::size_t size() const { return samples_.size(); }
    std::span<const float> samples() const { return samples_; }
    std::size_t blockSize() const { return blockSize_; }

    // Exactly minMaxColumns(samples(), first, last, columns), but whole blocks inside a
    // column are read from the pyramid instead of the samples.
    std::vector<EnvelopeColumn> columns(std::size_t first, std::size_t last, std::size_t columns) const;

private:
    std::vector<float> samples_;
    std::size_t blockSize_ = 256;
    std::vector<EnvelopeColumn> blocks_; // min/max of each block of blockSize_ samples
};

} // namespace gs
