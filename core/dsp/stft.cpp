#include "core/dsp/stft.h"

#include "core/common/simd.h"
#include "core/dsp/fft.h"
#include "core/dsp/window.h"

#include <algorithm>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
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

namespace {
const std::vector<float>& cachedHann(int n)
{
    // librosa multiplies a float64 window with float32 frames; a float window differs by
    // < 1 ulp of the product, far below the float FFT's own rounding.
    thread_local std::vector<float> window;
    thread_local int windowSize = 0;
    if (windowSize != n) {
        const auto w = hannPeriodic(n);
        window.assign(w.begin(), w.end());
        windowSize = n;
    }
    return window;
}

// out[i] = a[i] * b[i]; AVX2 when the CPU has it (the compiler alone targets SSE2).
GS_SIMD_CLONES
void multiplyInto(float* __restrict out, const float* __restrict a, const float* __restrict b, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        out[i] = a[i] * b[i];
}

// dst[i] += window[i] * (frame[i] * scale): one inverse-FFT frame into the overlap-add sum.
GS_SIMD_CLONES
void overlapAdd(float* __restrict dst, const float* __restrict window, const float* __restrict frame, float scale,
                std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        dst[i] += window[i] * (frame[i] * scale);
}

// Frame t of the centred signal, windowed, into `in` (no padded copy of y is made: only
// the first and last few frames reach into the padding).
void windowedFrame(std::span<const float> y, std::size_t t, StftShape shape, Pad pad, const std::vector<float>& window,
                   float* in)
{
    const int n = shape.nFft;
    const std::ptrdiff_t start = std::ptrdiff_t(t * std::size_t(shape.hop)) - std::ptrdiff_t(n / 2);
    const auto len = static_cast<std::ptrdiff_t>(y.size());
    if (start >= 0 && start + n <= len) {
        multiplyInto(in, window.data(), y.data() + start, std::size_t(n));
        return;
    }
    for (int j = 0; j < n; ++j) {
        const std::ptrdiff_t k = padIndex(start + j, y.size(), pad);
        in[j] = k < 0 ? 0.0f : window[std::size_t(j)] * y[std::size_t(k)];
    }
}
} // namespace

void forEachStftFrame(std::span<const float> y, StftShape shape, Pad pad,
                      const std::function<void(std::size_t, const std::complex<float>*)>& visit)
{
    const auto& window = cachedHann(shape.nFft);
    RealFft fft(shape.nFft);
    const std::size_t frames = shape.frames(y.size());
    for (std::size_t t = 0; t < frames; ++t) {
        windowedFrame(y, t, shape, pad, window, fft.timeData());
        fft.forward();
        visit(t, fft.freqData());
    }
}

namespace {
void stftImpl(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out, FrameMatrix* magnitude,
              FrameMatrix* power);
}

void stft(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out)
{
    stftImpl(y, shape, pad, out, nullptr, nullptr);
}

void stft(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out, FrameMatrix& magnitude,
          FrameMatrix& power)
{
    stftImpl(y, shape, pad, out, &magnitude, &power);
}

namespace {

// numpy's abs of complex64 is hypotf, which glibc evaluates as sqrt(re^2 + im^2) in double,
// rounded once to float; abs**2 squares that float. Every path below does exactly that
// arithmetic; `copy` (may be null) also receives the complex bins, while they are in cache.
void spectrumOutputsScalar(const float* v, std::size_t begin, std::size_t total, std::complex<float>* copy,
                           float* mag, float* pow)
{
    for (std::size_t i = begin; i < total; ++i) {
        const float re = v[2 * i], im = v[2 * i + 1];
        const float m = float(std::sqrt(double(re) * re + double(im) * im));
        if (copy)
            copy[i] = {re, im};
        mag[i] = m;
        pow[i] = m * m;
    }
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) void spectrumOutputsAvx2(const float* v, std::size_t total, std::complex<float>* copy,
                                                         float* mag, float* pow)
{
    auto* copied = reinterpret_cast<float*>(copy);
    std::size_t i = 0;
    for (; i + 4 <= total; i += 4) { // four bins: re0 im0 re1 im1 re2 im2 re3 im3
        const __m256 bins = _mm256_loadu_ps(v + 2 * i);
        if (copied)
            _mm256_storeu_ps(copied + 2 * i, bins);
        const __m256d low = _mm256_cvtps_pd(_mm256_castps256_ps128(bins));
        const __m256d high = _mm256_cvtps_pd(_mm256_extractf128_ps(bins, 1));
        // hadd gives |0|^2 |2|^2 |1|^2 |3|^2, each re^2 + im^2 added once as in the scalar code.
        const __m256d squares = _mm256_hadd_pd(_mm256_mul_pd(low, low), _mm256_mul_pd(high, high));
        const __m128 shuffled = _mm256_cvtpd_ps(_mm256_sqrt_pd(squares));
        const __m128 m = _mm_shuffle_ps(shuffled, shuffled, _MM_SHUFFLE(3, 1, 2, 0));
        _mm_storeu_ps(mag + i, m);
        _mm_storeu_ps(pow + i, _mm_mul_ps(m, m));
    }
    spectrumOutputsScalar(v, i, total, copy, mag, pow);
}
#endif

void spectrumOutputs(const std::complex<float>* x, std::size_t total, std::complex<float>* copy, float* mag, float* pow)
{
    const float* v = reinterpret_cast<const float*>(x);
#if defined(__x86_64__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2)
        return spectrumOutputsAvx2(v, total, copy, mag, pow);
#endif
    spectrumOutputsScalar(v, 0, total, copy, mag, pow);
}

} // namespace

void magnitudeAndPower(const std::complex<float>* x, std::size_t total, float* mag, float* pow)
{
    spectrumOutputs(x, total, nullptr, mag, pow);
}

void magnitudeAndPower(const ComplexSpectrogram& x, FrameMatrix& magnitude, FrameMatrix& power)
{
    const std::size_t bins = x.shape.bins();
    magnitude.resize(x.frames, bins);
    power.resize(x.frames, bins);
    magnitudeAndPower(x.values.data(), x.frames * bins, magnitude.data.data(), power.data.data());
}

namespace {

void stftImpl(std::span<const float> y, StftShape shape, Pad pad, ComplexSpectrogram& out, FrameMatrix* magnitude,
              FrameMatrix* power)
{
    const std::size_t bins = shape.bins();
    const std::size_t frames = shape.frames(y.size());
    out.shape = shape;
    out.frames = frames;
    out.values.resize(frames * bins);
    if (magnitude && power) {
        magnitude->resize(frames, bins);
        power->resize(frames, bins);
    }
    const auto& window = cachedHann(shape.nFft);
    RealFft fft(shape.nFft);
    const std::complex<float>* spec = fft.freqData();
    for (std::size_t t = 0; t < frames; ++t) {
        windowedFrame(y, t, shape, pad, window, fft.timeData());
        fft.forward();
        if (magnitude && power)
            spectrumOutputs(spec, bins, out.frame(t), magnitude->frame(t), power->frame(t));
        else
            std::copy(spec, spec + bins, out.frame(t));
    }
}

} // namespace

void istftFromFrames(StftShape shape, std::size_t frames, std::size_t length, const SpectrumFill& fill,
                     std::vector<float>& out)
{
    const int n = shape.nFft;
    const std::size_t hop = std::size_t(shape.hop);
    const std::size_t half = std::size_t(n / 2);
    const std::size_t outLength = length > 0 ? length : (frames > 0 ? hop * (frames - 1) : 0);
    out.assign(outLength, 0.0f);
    if (frames == 0 || outLength == 0)
        return;

    // Overlap-add straight into the output (float, as librosa's float32 y), skipping the
    // nFft/2 samples of centre padding; frames reaching past the end are cut.
    const auto& window = cachedHann(n);
    RealFft fft(n);
    std::complex<float>* spec = fft.freqData();
    const float* time = fft.timeData();
    const float scale = 1.0f / float(n); // FFTW's inverse is unnormalised
    const auto outEnd = static_cast<std::ptrdiff_t>(outLength);
    for (std::size_t t = 0; t < frames; ++t) {
        fill(t, spec);
        fft.inverse();
        // Output index of this frame's sample j: t*hop + j - half.
        const std::ptrdiff_t offset = std::ptrdiff_t(t * hop) - std::ptrdiff_t(half);
        const std::ptrdiff_t jFirst = std::max<std::ptrdiff_t>(0, -offset);
        const std::ptrdiff_t jEnd = std::min<std::ptrdiff_t>(n, outEnd - offset);
        if (jEnd > jFirst)
            overlapAdd(out.data() + offset + jFirst, window.data() + jFirst, time + jFirst, scale,
                       std::size_t(jEnd - jFirst));
    }
    // Divide by the summed squared window (librosa's window_sumsquare), except where it
    // is below tiny(float32) (only at the very edges of the padded signal). Away from the
    // ends the sum is periodic in hop, so it is tabulated once.
    const double tiny = std::numeric_limits<float>::min();
    const std::size_t paddedLength = std::size_t(n) + hop * (frames - 1);
    auto windowSum = [&](std::size_t p) {
        const std::size_t tLast = std::min(frames - 1, p / hop);
        double sum = 0;
        for (std::size_t t = tLast + 1; t-- > 0;) {
            const std::size_t j = p - t * hop;
            if (j >= std::size_t(n))
                break;
            sum += double(window[j]) * window[j];
        }
        return sum;
    };
    std::vector<float> periodic(hop);
    const bool haveInterior = paddedLength >= 2 * std::size_t(n) + hop;
    if (haveInterior)
        for (std::size_t r = 0; r < hop; ++r)
            periodic[(std::size_t(n) + r) % hop] = float(windowSum(std::size_t(n) + r));
    // Interior output range [interiorBegin, interiorEnd): p = i + half in [n, paddedLength - n).
    const std::size_t interiorBegin = haveInterior ? std::min(outLength, std::size_t(n) - half) : outLength;
    const std::size_t interiorEnd = haveInterior ? std::min(outLength, paddedLength - std::size_t(n) - half) : outLength;
    auto edge = [&](std::size_t i) {
        const double sum = windowSum(i + half);
        if (sum > tiny)
            out[i] = float(double(out[i]) / sum);
    };
    for (std::size_t i = 0; i < interiorBegin; ++i)
        edge(i);
    for (std::size_t i = interiorBegin; i < interiorEnd;) {
        const std::size_t r = (i + half) % hop;
        const std::size_t run = std::min(hop - r, interiorEnd - i);
        float* o = out.data() + i;
        const float* w = periodic.data() + r;
        for (std::size_t j = 0; j < run; ++j) // librosa divides float32 by float32 here
            o[j] /= w[j];
        i += run;
    }
    for (std::size_t i = std::max(interiorEnd, interiorBegin); i < outLength; ++i)
        edge(i);
}

void istft(const ComplexSpectrogram& x, std::size_t length, std::vector<float>& out)
{
    const std::size_t bins = x.shape.bins();
    istftFromFrames(x.shape, x.frames, length,
                    [&](std::size_t t, std::complex<float>* spec) { std::copy(x.frame(t), x.frame(t) + bins, spec); },
                    out);
}

} // namespace gs::dsp
