#include "core/dsp/stft.h"

#include "core/dsp/fft.h"
#include "core/dsp/window.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs::dsp {

Matrix toLibrosaLayout(const FrameMatrix& m)
{
    Matrix out(m.bins, m.frames);
    for (std::size_t t = 0; t < m.frames; ++t) {
        const float* f = m.frame(t);
        for (std::size_t b = 0; b < m.bins; ++b)
            out(b, t) = f[b];
    }
    return out;
}

void stft(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out)
{
    const int n = shape.nFft;
    const std::size_t half = std::size_t(n / 2);
    const std::size_t bins = shape.bins();
    const std::size_t frames = shape.frames(y.size());
    out.shape = shape;
    out.frames = frames;
    out.values.resize(frames * bins);

    thread_local std::vector<float> padded;
    padSignal(y, half, half, pad, padded);
    // librosa multiplies a float64 window with float32 frames; a float window differs by
    // < 1 ulp of the product, far below the float FFT's own rounding.
    thread_local std::vector<float> window;
    thread_local int windowSize = 0;
    if (windowSize != n) {
        const auto w = hannPeriodic(n);
        window.assign(w.begin(), w.end());
        windowSize = n;
    }
    RealFft fft(n);
    float* in = fft.timeData();
    const std::complex<float>* spec = fft.freqData();
    for (std::size_t t = 0; t < frames; ++t) {
        const float* src = padded.data() + t * std::size_t(shape.hop);
        for (int j = 0; j < n; ++j)
            in[j] = window[std::size_t(j)] * src[j];
        fft.forward();
        std::copy(spec, spec + bins, out.frame(t));
    }
}

void magnitudeAndPower(const ComplexSpectrogram& x, FrameMatrix& magnitude, FrameMatrix& power)
{
    const std::size_t bins = x.shape.bins();
    magnitude.resize(x.frames, bins);
    power.resize(x.frames, bins);
    const std::size_t total = x.frames * bins;
    const float* v = reinterpret_cast<const float*>(x.values.data());
    float* mag = magnitude.data.data();
    float* pow = power.data.data();
    for (std::size_t i = 0; i < total; ++i) {
        const float re = v[2 * i], im = v[2 * i + 1];
        // numpy's abs of complex64 is hypotf, which glibc evaluates in double and rounds
        // once: the same value, without the slow libm call. abs**2 squares that float.
        const float m = float(std::sqrt(double(re) * re + double(im) * im));
        mag[i] = m;
        pow[i] = m * m;
    }
}

void istft(const ComplexSpectrogram& x, std::size_t length, std::vector<float>& out)
{
    const int n = x.shape.nFft;
    const std::size_t hop = std::size_t(x.shape.hop);
    const std::size_t half = std::size_t(n / 2);
    const std::size_t bins = x.shape.bins();
    const std::size_t frames = x.frames;
    const std::size_t outLength = length > 0 ? length : (frames > 0 ? hop * (frames - 1) : 0);
    out.assign(outLength, 0.0f);
    if (frames == 0 || outLength == 0)
        return;

    const std::size_t fullLength = std::size_t(n) + hop * (frames - 1);
    thread_local std::vector<double> acc, windowSum;
    acc.assign(fullLength, 0.0);
    windowSum.assign(fullLength, 0.0);
    const auto window = hannPeriodic(n);
    RealFft fft(n);
    std::complex<float>* spec = fft.freqData();
    const float* time = fft.timeData();
    const double scale = 1.0 / n; // FFTW's inverse is unnormalised
    for (std::size_t t = 0; t < frames; ++t) {
        std::copy(x.frame(t), x.frame(t) + bins, spec);
        fft.inverse();
        double* dst = acc.data() + t * hop;
        double* ws = windowSum.data() + t * hop;
        for (int j = 0; j < n; ++j) {
            dst[j] += window[std::size_t(j)] * (time[j] * scale);
            ws[j] += window[std::size_t(j)] * window[std::size_t(j)];
        }
    }
    const double tiny = std::numeric_limits<float>::min();
    const std::size_t available = fullLength - half;
    const std::size_t count = std::min(outLength, available);
    for (std::size_t i = 0; i < count; ++i) {
        const double s = windowSum[half + i];
        out[i] = float(s > tiny ? acc[half + i] / s : acc[half + i]);
    }
}

} // namespace gs::dsp
