#include "core/features/mel.h"

#include "core/common/error.h"
#include "core/common/simd.h"
#include "core/dsp/vector_ops.h"
#include "core/features/mfcc.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>
#include <tuple>

namespace gs {

const std::vector<ParameterSpec>& MelOptions::specs()
{
    static const std::vector<ParameterSpec> list = {
        {"n_fft", 2048, 16, 65536, "FFT length in samples"},
        {"hop", 512, 1, 65536, "hop between frames in samples"},
        {"n_mels", 128, 1, 1024, "number of mel bands"},
        {"fmin", 0, 0, 96000, "lowest mel filter edge in Hz"},
        {"fmax", 0, 0, 96000, "highest mel filter edge in Hz; 0 = sample rate / 2"},
        {"top_db", 80, 0, 300, "dynamic range kept below the loudest value, in dB"},
    };
    return list;
}

namespace {
typedef float Lanes8 __attribute__((vector_size(32)));

// Two frames per pass: each weight loaded feeds both, and the two horizontal sums share
// their shuffles. Long filters run eight bins at a time, rounded up to whole groups of
// eight (the bank row is zero there, so no scalar tail); short ones (the linear part of
// the mel scale, a few bins each) are plain scalar sums.
GS_SIMD_CLONES
void melProducts(const float* power, std::size_t frames, std::size_t bins, const float* weights, std::size_t stride,
                 const std::size_t* first, const std::size_t* end, std::size_t nMels, float* out, float* spare)
{
    const std::size_t limit = std::min(bins, stride);
    for (std::size_t t = 0; t < frames; t += 2) {
        const bool pair = t + 1 < frames;
        const float* p0 = power + t * bins;
        const float* p1 = pair ? p0 + bins : p0;
        float* m0 = out + t * nMels;
        float* m1 = pair ? m0 + nMels : spare;
        for (std::size_t k = 0; k < nMels; ++k) {
            const float* w = weights + k * stride;
            const std::size_t stop = std::min(end[k], limit);
            std::size_t b = first[k];
            float s0 = 0, s1 = 0;
            if (stop > b + 8) {
                Lanes8 acc0 = {}, acc1 = {};
                for (; b + 8 <= limit && b < stop; b += 8) {
                    Lanes8 x, y0, y1;
                    __builtin_memcpy(&x, w + b, sizeof x);
                    __builtin_memcpy(&y0, p0 + b, sizeof y0);
                    __builtin_memcpy(&y1, p1 + b, sizeof y1);
                    acc0 += x * y0;
                    acc1 += x * y1;
                }
                const Lanes8 halves = __builtin_shufflevector(acc0, acc1, 0, 1, 2, 3, 8, 9, 10, 11) +
                                      __builtin_shufflevector(acc0, acc1, 4, 5, 6, 7, 12, 13, 14, 15);
                s0 = (halves[0] + halves[2]) + (halves[1] + halves[3]);
                s1 = (halves[4] + halves[6]) + (halves[5] + halves[7]);
            }
            for (; b < stop; ++b) {
                s0 += w[b] * p0[b];
                s1 += w[b] * p1[b];
            }
            m0[k] = s0;
            m1[k] = s1;
        }
    }
}
} // namespace

void melFromPower(const dsp::FrameMatrix& power, const dsp::MelFilterBank& bank, dsp::FrameMatrix& out)
{
    const std::size_t nMels = bank.weights.rows;
    out.resize(power.frames, nMels);
    std::vector<float> spare(nMels); // the partner of an odd last frame
    melProducts(power.data.data(), power.frames, power.bins, bank.weights.data.data(), bank.weights.cols,
                bank.firstBin.data(), bank.endBin.data(), nMels, out.data.data(), spare.data());
}

namespace {
// 10*log10(x) for each value, clamped below at amin = 1e-10 as librosa. glibc's log10f is
// a libm call per value and costs as much as the whole mel product; this loop vectorises.
// x = m 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172,
// evaluated in double to ~1e-12 relative: the float result is numpy's float32 log10 but
// for rare last-bit ties.
typedef float Floats4 __attribute__((vector_size(16)));
typedef std::int32_t Ints4 __attribute__((vector_size(16)));
typedef double Doubles4 __attribute__((vector_size(32)));

// By reference: a 32-byte vector passed by value would change the ABI between clones.
template <typename Double>
__attribute__((always_inline)) inline void naturalLogOfMantissa(const Double& m, Double& ln) // m in [sqrt(1/2), sqrt(2))
{
    const Double s = (m - 1.0) / (m + 1.0);
    const Double s2 = s * s;
    const Double series =
        1.0 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11 + s2 * (1.0 / 13))))));
    ln = 2.0 * s * series;
}

GS_SIMD_CLONES
void decibelsInPlace(float* values, std::size_t n)
{
    const double ln2 = std::numbers::ln2;
    const double decibelsPerNeper = 10.0 / std::numbers::ln10;
    constexpr float amin = 1e-10f, sqrt2 = 1.41421356f;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        Floats4 x;
        __builtin_memcpy(&x, values + i, sizeof x);
        x = x > amin ? x : Floats4{amin, amin, amin, amin};
        Ints4 bits;
        __builtin_memcpy(&bits, &x, sizeof bits);
        const Ints4 mantissaBits = (bits & 0x007fffff) | 0x3f800000;
        Floats4 mantissa;
        __builtin_memcpy(&mantissa, &mantissaBits, sizeof mantissa);
        const Ints4 upper = mantissa > sqrt2; // -1 where true
        mantissa = upper ? mantissa * 0.5f : mantissa; // exact
        const Ints4 exponent = (bits >> 23) - 127 - upper;
        Doubles4 lnMantissa;
        naturalLogOfMantissa(__builtin_convertvector(mantissa, Doubles4), lnMantissa);
        const Doubles4 ln = __builtin_convertvector(exponent, Doubles4) * ln2 + lnMantissa;
        const Floats4 db = __builtin_convertvector(ln * decibelsPerNeper, Floats4);
        __builtin_memcpy(values + i, &db, sizeof db);
    }
    for (; i < n; ++i) {
        const float x = std::max(amin, values[i]);
        int exponent = 0;
        const float mantissa = 2.0f * std::frexp(x, &exponent); // in [1, 2)
        const bool upper = mantissa > sqrt2;
        const double m = upper ? double(mantissa * 0.5f) : double(mantissa);
        double lnMantissa;
        naturalLogOfMantissa(m, lnMantissa);
        const double ln = double(exponent - 1 + (upper ? 1 : 0)) * ln2 + lnMantissa;
        values[i] = float(ln * decibelsPerNeper);
    }
}
} // namespace

void powerToDbInPlace(std::span<float> values, double topDb)
{
    // 10*log10(max(amin, S)) - 10*log10(max(amin, ref=1)); the second term is 0.
    decibelsInPlace(values.data(), values.size());
    if (topDb < 0 || values.empty())
        return;
    const float floor = float(double(dsp::maxValue(values.data(), values.size())) - topDb);
    for (float& v : values)
        v = std::max(v, floor);
}

Matrix mfccFromMelDb(const dsp::FrameMatrix& melDb, int nMfcc)
{
    const int nMels = int(melDb.bins);
    nMfcc = std::min(nMfcc, nMels);
    // In double: a constant log-mel frame (silence) then gives MFCCs 2..n of ~1e-13, as
    // librosa's exact 0, where a float sum would leave ~1e-5.
    const auto dct = dsp::dctOrthoMatrix(nMfcc, nMels);
    Matrix out(std::size_t(nMfcc), melDb.frames);
    std::vector<double> frame(static_cast<std::size_t>(nMels)); // converted once, not once per coefficient
    for (std::size_t t = 0; t < melDb.frames; ++t) {
        const float* x = melDb.frame(t);
        std::copy(x, x + nMels, frame.begin());
        for (int k = 0; k < nMfcc; ++k) {
            const double* row = dct.data() + std::size_t(k) * std::size_t(nMels);
            out(std::size_t(k), t) = float(dsp::dotDouble(row, frame.data(), std::size_t(nMels)));
        }
    }
    return out;
}

namespace {
void validate(const MelOptions& o, int sampleRate)
{
    const auto& s = MelOptions::specs();
    checkRange(findSpec(s, "n_fft"), o.nFft);
    checkRange(findSpec(s, "hop"), o.hop);
    checkRange(findSpec(s, "n_mels"), o.nMels);
    checkRange(findSpec(s, "fmin"), o.fmin);
    checkRange(findSpec(s, "fmax"), o.fmax);
    checkRange(findSpec(s, "top_db"), o.topDb);
    if (sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "sample_rate", "must be positive");
    const double fmax = o.fmax > 0 ? o.fmax : sampleRate / 2.0;
    if (o.fmin >= fmax)
        throw Error(ErrorKind::InvalidArgument, "fmin", "must be below fmax");
}

// Filter banks are cached per (sr, n_fft, n_mels, fmin, fmax): building one costs more
// than the mel product of a short clip.
const dsp::MelFilterBank& cachedMelBank(int sampleRate, const MelOptions& o)
{
    using Key = std::tuple<int, int, int, double, double>;
    static std::mutex mutex;
    static std::map<Key, std::unique_ptr<dsp::MelFilterBank>> cache;
    const Key key{sampleRate, o.nFft, o.nMels, o.fmin, o.fmax};
    std::lock_guard lock(mutex);
    auto& slot = cache[key];
    if (!slot)
        slot = std::make_unique<dsp::MelFilterBank>(dsp::melFilterBank(sampleRate, o.nFft, o.nMels, o.fmin, o.fmax));
    return *slot;
}
} // namespace

const dsp::MelFilterBank& melFilterBankFor(int sampleRate, const MelOptions& options)
{
    return cachedMelBank(sampleRate, options);
}

Matrix melSpectrogramDb(std::span<const float> y, int sampleRate, const MelOptions& options)
{
    validate(options, sampleRate);
    const dsp::Pad pad = options.pad == PadMode::Reflect ? dsp::Pad::Reflect : dsp::Pad::Zeros;
    // Frame by frame: a 10-minute song never holds its complex spectrogram (200+ MB),
    // only the mel matrix.
    const dsp::StftShape shape{options.nFft, options.hop};
    const dsp::MelFilterBank& bank = cachedMelBank(sampleRate, options);
    dsp::FrameMatrix mel;
    mel.resize(shape.frames(y.size()), bank.weights.rows);
    dsp::FrameMatrix power, magnitude; // one frame each
    power.resize(1, shape.bins());
    magnitude.resize(1, shape.bins());
    dsp::FrameMatrix melFrame;
    dsp::forEachStftFrame(y, shape, pad, [&](std::size_t t, const std::complex<float>* bins) {
        dsp::magnitudeAndPower(bins, shape.bins(), magnitude.frame(0), power.frame(0));
        melFromPower(power, bank, melFrame);
        std::copy(melFrame.data.begin(), melFrame.data.end(), mel.frame(t));
    });
    powerToDbInPlace(mel.data, options.topDb);
    return dsp::toLibrosaLayout(mel);
}

} // namespace gs
