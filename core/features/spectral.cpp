#include "core/features/spectral.h"

#include "core/common/error.h"
#include "core/dsp/filterbank.h"
#include "core/dsp/vector_ops.h"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>

namespace gs {

namespace {
// librosa.util.normalize leaves columns whose norm is below tiny(float32) unscaled.
constexpr double kTinyFloat = std::numeric_limits<float>::min();
} // namespace

std::vector<double> spectralCentroid(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::vector<double> out(magnitude.frames);
    const std::size_t bins = std::min(magnitude.bins, freq.size());
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        const double total = dsp::sumDouble(s, bins);
        const double moment = dsp::dotDouble(freq.data(), s, bins);
        out[t] = total < kTinyFloat ? moment : moment / total;
    }
    return out;
}

std::vector<double> spectralBandwidth(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                      const std::vector<double>& centroid)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::vector<double> out(magnitude.frames);
    const std::size_t bins = std::min(magnitude.bins, freq.size());
    std::vector<double> squaredDeviation(bins);
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        for (std::size_t b = 0; b < bins; ++b) {
            const double d = freq[b] - centroid[t];
            squaredDeviation[b] = d * d;
        }
        const double total = dsp::sumDouble(s, bins);
        const double moment = dsp::dotDouble(squaredDeviation.data(), s, bins);
        out[t] = std::sqrt(total < kTinyFloat ? moment : moment / total);
    }
    return out;
}

std::vector<double> spectralRolloff(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                    double rollPercent)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::vector<double> out(magnitude.frames);
    std::vector<float> cumulative(magnitude.bins);
    for (std::size_t t = 0; t < magnitude.frames && magnitude.bins > 0; ++t) {
        const float* s = magnitude.frame(t);
        // librosa: float32 np.cumsum (sequential) and a float32 threshold; the result is
        // a bin frequency, so reproducing the float arithmetic keeps the bin identical.
        float running = 0;
        for (std::size_t b = 0; b < magnitude.bins; ++b) {
            running += s[b];
            cumulative[b] = running;
        }
        const float threshold = float(rollPercent) * running;
        // The first bin whose cumulative sum is not below the threshold (sums never decrease).
        const std::size_t bin = std::size_t(std::lower_bound(cumulative.begin(), cumulative.end(), threshold) -
                                            cumulative.begin());
        out[t] = bin < magnitude.bins ? freq[bin] : freq.back();
    }
    return out;
}

std::vector<double> spectralFlatness(const dsp::FrameMatrix& magnitude)
{
    std::vector<double> out(magnitude.frames);
    const float amin = 1e-10f;
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        double logSum = 0, sum = 0;
        for (std::size_t b = 0; b < magnitude.bins; ++b) {
            const float p = std::max(amin, s[b] * s[b]);
            logSum += std::log(double(p));
            sum += p;
        }
        const double n = double(magnitude.bins);
        out[t] = n > 0 ? std::exp(logSum / n) / (sum / n) : 1.0;
    }
    return out;
}

Matrix spectralContrast(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft, double fmin, int nBands,
                        double quantile)
{
    if (nBands < 1 || !(quantile > 0 && quantile < 1) || !(fmin > 0))
        throw Error(ErrorKind::InvalidArgument, "spectral_contrast", "n_bands >= 1, 0 < quantile < 1, fmin > 0");
    std::vector<double> edges(std::size_t(nBands) + 2, 0.0);
    for (int i = 1; i < nBands + 2; ++i)
        edges[std::size_t(i)] = fmin * std::pow(2.0, i - 1);
    for (int i = 0; i < nBands + 1; ++i)
        if (edges[std::size_t(i)] >= 0.5 * sampleRate)
            throw Error(ErrorKind::InvalidArgument, "spectral_contrast",
                        "frequency band exceeds Nyquist; reduce fmin or n_bands");
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    const std::size_t bins = freq.size();
    const std::size_t rows = std::size_t(nBands) + 1;
    // Band k covers the bins in [edge_k, edge_k+1], plus the bin just below (k > 0) and,
    // for the top band, everything above; all bands but the top drop their last bin from
    // the statistics while counting it for the quantile size (librosa's quirk, kept).
    struct Band {
        std::size_t first = 0, end = 0; // bins used for sorting
        std::size_t count = 1;          // quantile length
    };
    std::vector<Band> bands(rows);
    for (std::size_t k = 0; k < rows; ++k) {
        std::size_t lo = bins, hi = 0;
        for (std::size_t b = 0; b < bins; ++b)
            if (freq[b] >= edges[k] && freq[b] <= edges[k + 1]) {
                lo = std::min(lo, b);
                hi = b + 1;
            }
        if (lo >= hi)
            throw Error(ErrorKind::InvalidArgument, "spectral_contrast", "empty frequency band");
        if (k > 0)
            lo -= 1;
        if (k == rows - 1)
            hi = bins;
        const std::size_t inBand = hi - lo;
        Band band;
        band.first = lo;
        band.end = k < rows - 1 ? hi - 1 : hi;
        band.count = std::max<std::size_t>(1, std::size_t(std::nearbyint(quantile * double(inBand))));
        bands[k] = band;
    }
    std::vector<double> peakD(rows * magnitude.frames), valleyD(rows * magnitude.frames);
    std::vector<float> sorted;
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        for (std::size_t k = 0; k < rows; ++k) {
            const Band& band = bands[k];
            sorted.assign(s + band.first, s + band.end);
            std::sort(sorted.begin(), sorted.end());
            const std::size_t n = std::min(band.count, sorted.size());
            double low = 0, high = 0;
            for (std::size_t i = 0; i < n; ++i) {
                low += sorted[i];
                high += sorted[sorted.size() - 1 - i];
            }
            valleyD[k * magnitude.frames + t] = n ? low / double(n) : 0.0;
            peakD[k * magnitude.frames + t] = n ? high / double(n) : 0.0;
        }
    }
    // power_to_db(peak) - power_to_db(valley), each clipped at its own max - 80 dB.
    auto toDb = [](std::vector<double>& v) {
        double top = -std::numeric_limits<double>::infinity();
        for (double& x : v) {
            x = 10.0 * std::log10(std::max(1e-10, x));
            top = std::max(top, x);
        }
        for (double& x : v)
            x = std::max(x, top - 80.0);
    };
    toDb(peakD);
    toDb(valleyD);
    Matrix out(rows, magnitude.frames);
    for (std::size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = float(peakD[i] - valleyD[i]);
    return out;
}

std::vector<double> zeroCrossingRate(std::span<const float> y, int frameLength, int hop)
{
    const std::size_t frames = 1 + y.size() / std::size_t(hop);
    std::vector<float> padded;
    const std::size_t half = std::size_t(frameLength / 2);
    dsp::padSignal(y, half, half, dsp::Pad::Edge, padded);
    // A sample counts as negative only below -1e-10 (librosa zeroes |x| <= 1e-10 first).
    // crossingsBefore[i] = sign changes between consecutive samples up to index i.
    std::vector<int> crossingsBefore(padded.size(), 0);
    for (std::size_t i = 1; i < padded.size(); ++i)
        crossingsBefore[i] = crossingsBefore[i - 1] +
                             ((double(padded[i]) < -1e-10) != (double(padded[i - 1]) < -1e-10));
    std::vector<double> out(frames);
    for (std::size_t t = 0; t < frames; ++t) {
        const std::size_t start = t * std::size_t(hop);
        // Changes inside the frame only; its first sample never counts (pad=False).
        const std::size_t last = std::min(crossingsBefore.size() - 1, start + std::size_t(frameLength) - 1);
        const int crossings = crossingsBefore[last] - crossingsBefore[std::min(start, last)];
        out[t] = double(crossings) / frameLength;
    }
    return out;
}

std::vector<double> rmsEnergy(std::span<const float> y, dsp::Pad pad, int frameLength, int hop)
{
    const std::size_t frames = 1 + y.size() / std::size_t(hop);
    std::vector<float> padded;
    const std::size_t half = std::size_t(frameLength / 2);
    dsp::padSignal(y, half, half, pad, padded);
    // Sum squares per hop-sized block once; a frame is then a few block sums (no
    // cancellation, unlike a running prefix sum, so silent frames stay exactly 0).
    const std::size_t blockLength = std::size_t(hop);
    const bool blocked = frameLength % hop == 0;
    const std::size_t blocksPerFrame = blocked ? std::size_t(frameLength / hop) : 0;
    std::vector<double> blockEnergy;
    if (blocked) {
        blockEnergy.assign(frames + blocksPerFrame - 1, 0.0);
        for (std::size_t k = 0; k < blockEnergy.size(); ++k) {
            const std::size_t begin = std::min(padded.size(), k * blockLength);
            const std::size_t end = std::min(padded.size(), begin + blockLength);
            double sum = 0;
            for (std::size_t j = begin; j < end; ++j)
                sum += double(padded[j]) * padded[j];
            blockEnergy[k] = sum;
        }
    }
    std::vector<double> out(frames);
    for (std::size_t t = 0; t < frames; ++t) {
        double sum = 0;
        if (blocked) {
            for (std::size_t k = 0; k < blocksPerFrame; ++k)
                sum += blockEnergy[t + k];
        } else {
            const std::size_t begin = std::min(padded.size(), t * std::size_t(hop));
            const std::size_t end = std::min(padded.size(), begin + std::size_t(frameLength));
            for (std::size_t j = begin; j < end; ++j)
                sum += double(padded[j]) * padded[j];
        }
        // librosa squares and averages in float32; the float64 sum is closer to the truth
        // and within 1e-7 of it. Rounding to float keeps librosa's output type.
        out[t] = double(float(std::sqrt(sum / frameLength)));
    }
    return out;
}

} // namespace gs
