#include "core/features/mel.h"

#include "core/common/error.h"
#include "core/dsp/vector_ops.h"
#include "core/features/mfcc.h"

#include <algorithm>
#include <cmath>
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

void melFromPower(const dsp::FrameMatrix& power, const dsp::MelFilterBank& bank, dsp::FrameMatrix& out)
{
    const std::size_t nMels = bank.weights.rows;
    out.resize(power.frames, nMels);
    for (std::size_t t = 0; t < power.frames; ++t) {
        const float* p = power.frame(t);
        float* m = out.frame(t);
        for (std::size_t k = 0; k < nMels; ++k) {
            const std::size_t first = bank.firstBin[k];
            const std::size_t end = std::min(bank.endBin[k], power.bins);
            m[k] = end > first ? dsp::dot(bank.weights.row(k).data() + first, p + first, end - first) : 0.0f;
        }
    }
}

void powerToDbInPlace(std::span<float> values, double topDb)
{
    float top = -std::numeric_limits<float>::infinity();
    // 10*log10(max(amin, S)) - 10*log10(max(amin, ref=1)); the second term is 0. glibc's
    // logf is twice as fast as its log10f; scaled in double, the float result stays within
    // 2 ulp of numpy's float32 log10.
    const double decibelsPerNeper = 10.0 / std::numbers::ln10;
    for (float& v : values) {
        v = float(double(std::log(std::max(1e-10f, v))) * decibelsPerNeper);
        top = std::max(top, v);
    }
    if (topDb < 0 || values.empty())
        return;
    const float floor = float(double(top) - topDb);
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
