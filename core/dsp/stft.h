#pragma once
// Short-time Fourier transform as librosa.stft / istft (periodic Hann, center=True).
// Spectrograms are stored frame-major (the bins of one frame are contiguous), the
// transpose of librosa's layout, because every per-frame feature walks along frequency.
#include "core/dsp/matrix.h"
#include "core/dsp/signal_pad.h"

#include <complex>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace gs::dsp {

struct StftShape {
    int nFft = 2048;
    int hop = 512;
    std::size_t bins() const { return std::size_t(nFft / 2 + 1); }
    // librosa with center=True: 1 + len // hop frames (len + 2*(nFft/2) padded samples).
    std::size_t frames(std::size_t signalLength) const { return 1 + signalLength / std::size_t(hop); }
};

struct ComplexSpectrogram {
    StftShape shape;
    std::size_t frames = 0;
    std::vector<std::complex<float>> values; // frames * bins
    std::complex<float>* frame(std::size_t t) { return values.data() + t * shape.bins(); }
    const std::complex<float>* frame(std::size_t t) const { return values.data() + t * shape.bins(); }
};

// Real-valued frame-major spectrogram (magnitude or power).
struct FrameMatrix {
    std::size_t frames = 0;
    std::size_t bins = 0;
    std::vector<float> data;
    void resize(std::size_t f, std::size_t b) { frames = f; bins = b; data.resize(f * b); }
    float* frame(std::size_t t) { return data.data() + t * bins; }
    const float* frame(std::size_t t) const { return data.data() + t * bins; }
};

// librosa layout (rows = bins, cols = frames), for tests and views.
Matrix toLibrosaLayout(const FrameMatrix& m);

// librosa.stft(y, n_fft, hop_length, window='hann', center=True, pad_mode).
void stft(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out);

// stft() plus magnitudeAndPower() in one pass, while each frame is still in cache.
void stft(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out, FrameMatrix& magnitude,
          FrameMatrix& power);

// The same frames one at a time, for callers that reduce each frame right away (a long
// song's full complex spectrogram would take hundreds of megabytes).
void forEachStftFrame(std::span<const float> y, StftShape shape, Pad pad,
                      const std::function<void(std::size_t frame, const std::complex<float>* bins)>& visit);

// |X| and |X|^2 of every bin (numpy's abs of complex64, and that float squared).
void magnitudeAndPower(const ComplexSpectrogram& x, FrameMatrix& magnitude, FrameMatrix& power);
void magnitudeAndPower(const std::complex<float>* x, std::size_t count, float* magnitude, float* power);

// librosa.istft(X, n_fft, hop_length, center=True, length=...). With length > 0 the output
// has exactly `length` samples (librosa >= 0.8). With length == 0 it has hop*(frames-1)
// samples, as older librosa without length= gave.
void istft(const ComplexSpectrogram& x, std::size_t length, std::vector<float>& out);
// istft of `frames` spectra that fill(t, bins) writes one at a time (shape.bins() each), so
// that a masked or filtered spectrogram never has to exist as a whole.
using SpectrumFill = std::function<void(std::size_t frame, std::complex<float>* bins)>;
void istftFromFrames(StftShape shape, std::size_t frames, std::size_t length, const SpectrumFill& fill,
                     std::vector<float>& out);

} // namespace gs::dsp
