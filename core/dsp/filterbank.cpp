#include "core/dsp/filterbank.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace gs::dsp {

namespace {
constexpr double kMelLinearStep = 200.0 / 3; // Hz per mel below 1 kHz
constexpr double kMinLogHz = 1000.0;
constexpr double kMinLogMel = kMinLogHz / kMelLinearStep;
const double kLogStep = std::log(6.4) / 27.0;
} // namespace

double hzToMelSlaney(double hz)
{
    if (hz >= kMinLogHz)
        return kMinLogMel + std::log(hz / kMinLogHz) / kLogStep;
    return hz / kMelLinearStep;
}

double melToHzSlaney(double mel)
{
    if (mel >= kMinLogMel)
        return kMinLogHz * std::exp(kLogStep * (mel - kMinLogMel));
    return kMelLinearStep * mel;
}

std::vector<double> fftFrequencies(double sampleRate, int nFft)
{
    std::vector<double> f(std::size_t(nFft / 2 + 1));
    const double step = 1.0 / (nFft * (1.0 / sampleRate)); // as numpy computes it
    for (std::size_t k = 0; k < f.size(); ++k)
        f[k] = double(k) * step;
    return f;
}

MelFilterBank melFilterBank(double sampleRate, int nFft, int nMels, double fmin, double fmax)
{
    if (fmax <= 0)
        fmax = sampleRate / 2;
    const auto fftFreqs = fftFrequencies(sampleRate, nFft);
    const std::size_t bins = fftFreqs.size();
    // mel_frequencies(n_mels + 2): np.linspace in mel, back to Hz.
    const int nPoints = nMels + 2;
    const double minMel = hzToMelSlaney(fmin), maxMel = hzToMelSlaney(fmax);
    std::vector<double> melF(static_cast<std::size_t>(nPoints));
    const double step = (maxMel - minMel) / (nPoints - 1);
    for (int i = 0; i < nPoints; ++i)
        melF[std::size_t(i)] = melToHzSlaney(i == nPoints - 1 ? maxMel : minMel + i * step);

    MelFilterBank bank;
    bank.weights.resize(std::size_t(nMels), bins);
    bank.firstBin.assign(std::size_t(nMels), 0);
    bank.endBin.assign(std::size_t(nMels), 0);
    for (int m = 0; m < nMels; ++m) {
        const std::size_t i = std::size_t(m);
        const double lowDiff = melF[i + 1] - melF[i];
        const double highDiff = melF[i + 2] - melF[i + 1];
        const double enorm = 2.0 / (melF[i + 2] - melF[i]);
        std::size_t first = bins, end = 0;
        for (std::size_t b = 0; b < bins; ++b) {
            const double lower = -(melF[i] - fftFreqs[b]) / lowDiff;
            const double upper = (melF[i + 2] - fftFreqs[b]) / highDiff;
            const double w = std::max(0.0, std::min(lower, upper));
            // librosa stores the triangle in float32, then scales it by the float64 enorm.
            const float wf = float(double(float(w)) * enorm);
            bank.weights(i, b) = wf;
            if (wf != 0.0f) {
                first = std::min(first, b);
                end = b + 1;
            }
        }
        bank.firstBin[i] = first < end ? first : 0;
        bank.endBin[i] = end;
    }
    return bank;
}

Matrix chromaFilterBank(double sampleRate, int nFft, int nChroma, double tuning)
{
    const std::size_t n = std::size_t(nFft);
    const double nc = nChroma;
    // Fractional chroma bin of every FFT bin (bin 0 gets a made-up value 1.5 octaves below bin 1).
    std::vector<double> frqBins(n);
    const double a440 = 440.0 * std::pow(2.0, tuning / nChroma);
    for (std::size_t k = 1; k < n; ++k) {
        const double freq = double(k) * (sampleRate / double(n)); // np.linspace(0, sr, n, endpoint=False)
        frqBins[k] = nc * std::log2(freq / (a440 / 16));
    }
    frqBins[0] = frqBins.size() > 1 ? frqBins[1] - 1.5 * nc : 0.0;
    std::vector<double> binWidth(n, 1.0);
    for (std::size_t k = 0; k + 1 < n; ++k)
        binWidth[k] = std::max(frqBins[k + 1] - frqBins[k], 1.0);

    const double half = std::round(nc / 2);
    std::vector<double> wts(std::size_t(nChroma) * n);
    for (int c = 0; c < nChroma; ++c)
        for (std::size_t k = 0; k < n; ++k) {
            double d = std::fmod(frqBins[k] - c + half + 10 * nc, nc);
            if (d < 0)
                d += nc; // np.remainder takes the sign of the divisor
            d -= half;
            const double z = 2 * d / binWidth[k];
            wts[std::size_t(c) * n + k] = std::exp(-0.5 * z * z);
        }
    // Unit L2 norm per FFT bin (column), then the octave-position Gaussian.
    for (std::size_t k = 0; k < n; ++k) {
        double ss = 0;
        for (int c = 0; c < nChroma; ++c)
            ss += wts[std::size_t(c) * n + k] * wts[std::size_t(c) * n + k];
        const double norm = std::sqrt(ss);
        const double dOct = (frqBins[k] / nc - 5.0) / 2.0;
        const double octWeight = std::exp(-0.5 * dOct * dOct);
        for (int c = 0; c < nChroma; ++c) {
            double& w = wts[std::size_t(c) * n + k];
            if (norm >= std::numeric_limits<double>::min())
                w /= norm;
            w *= octWeight;
        }
    }
    // base_c: roll so that row 0 is C (the filters above start at A).
    const std::size_t bins = n / 2 + 1;
    Matrix out(std::size_t(nChroma), bins);
    const int shift = 3 * (nChroma / 12);
    for (int c = 0; c < nChroma; ++c) {
        const std::size_t src = std::size_t((c + shift) % nChroma);
        for (std::size_t k = 0; k < bins; ++k)
            out(std::size_t(c), k) = float(wts[src * n + k]);
    }
    return out;
}

std::vector<double> dctOrthoMatrix(int nOut, int nIn)
{
    std::vector<double> m(std::size_t(nOut) * std::size_t(nIn));
    for (int k = 0; k < nOut; ++k) {
        const double scale = k == 0 ? std::sqrt(1.0 / nIn) : std::sqrt(2.0 / nIn);
        for (int i = 0; i < nIn; ++i)
            m[std::size_t(k) * std::size_t(nIn) + std::size_t(i)] =
                scale * std::cos(std::numbers::pi * k * (2.0 * i + 1) / (2.0 * nIn));
    }
    return m;
}

} // namespace gs::dsp
