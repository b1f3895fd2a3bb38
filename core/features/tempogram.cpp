#include "core/features/tempogram.h"

#include "core/common/error.h"
#include "core/dsp/fft.h"
#include "core/dsp/vector_ops.h"
#include "core/dsp/window.h"
#include "core/features/rhythm.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

const std::vector<double>& tempogramRatioFactors()
{
    static const std::vector<double> factors = {4.0,       8.0 / 3.0, 3.0,       2.0,       4.0 / 3.0, 3.0 / 2.0, 1.0,
                                                2.0 / 3.0, 3.0 / 4.0, 1.0 / 2.0, 1.0 / 3.0, 3.0 / 8.0, 1.0 / 4.0};
    return factors;
}

namespace {

// The smallest 2^a or 3 * 2^a length holding a linear autocorrelation of `win` values
// (FFTW is fastest there).
std::size_t autocorrelationFftSize(std::size_t win)
{
    std::size_t size = 1;
    while (size < 2 * win - 1)
        size *= 2;
    if (size / 4 * 3 >= 2 * win - 1)
        size = size / 4 * 3;
    return size;
}

// The tempo axis of a tempogram: lag k is 60 sr / (hop k) BPM (lag 0 = infinity), and its
// log-normal prior around startBpm (std 1 octave), -inf at or above maxTempo.
struct TempoAxis {
    std::vector<double> bpm, logPrior, prior; // prior = exp(logPrior)
    std::size_t firstAllowed = 0;
};

TempoAxis tempoAxis(std::size_t win, double sampleRate, int hop, double startBpm, double maxTempo)
{
    TempoAxis axis;
    axis.bpm.resize(win);
    axis.logPrior.resize(win);
    axis.bpm[0] = std::numeric_limits<double>::infinity();
    for (std::size_t k = 1; k < win; ++k)
        axis.bpm[k] = 60.0 * sampleRate / (double(hop) * double(k));
    for (std::size_t k = 0; k < win; ++k) {
        const double d = std::log2(axis.bpm[k]) - std::log2(startBpm);
        axis.logPrior[k] = -0.5 * d * d;
    }
    axis.prior.resize(win);
    for (std::size_t k = 0; k < win; ++k)
        axis.prior[k] = std::exp(axis.logPrior[k]);
    // max_idx = argmax(bpms < max_tempo): 0 when no lag is slow enough (then nothing is cut).
    while (axis.firstAllowed < win && !(axis.bpm[axis.firstAllowed] < maxTempo))
        ++axis.firstAllowed;
    if (axis.firstAllowed == win)
        axis.firstAllowed = 0;
    return axis;
}

// scipy.interpolate.interp1d(x, y, kind='linear', bounds_error=False, fill_value=0) at
// one point, x ascending (searchsorted left, clipped to [1, n-1]).
double interpolateLinear(const std::vector<double>& x, const std::vector<double>& y, double at)
{
    const std::size_t n = x.size();
    if (n < 2 || !(at >= x.front() && at <= x.back()))
        return 0.0;
    std::size_t hi = std::size_t(std::lower_bound(x.begin(), x.end(), at) - x.begin());
    hi = std::clamp<std::size_t>(hi, 1, n - 1);
    const std::size_t lo = hi - 1;
    const double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
    return slope * (at - x[lo]) + y[lo];
}

} // namespace

Matrix tempogramRatio(const std::vector<float>& onsetEnvelope, double sampleRate, int hop, int winLength)
{
    if (winLength < 2 || hop < 1 || !(sampleRate > 0))
        throw Error(ErrorKind::InvalidArgument, "tempogram_ratio", "win_length >= 2, hop >= 1, sr > 0");
    constexpr double kStartBpm = 120.0, kMaxTempo = 320.0;
    const auto& factors = tempogramRatioFactors();
    const std::size_t n = onsetEnvelope.size(), win = std::size_t(winLength);
    Matrix out(factors.size(), n);
    if (n == 0)
        return out;
    const std::vector<double> padded = linearRampPad(onsetEnvelope, win / 2);
    const auto window = dsp::hannPeriodic(winLength);
    const TempoAxis axis = tempoAxis(win, sampleRate, hop, kStartBpm, kMaxTempo);
    // interp1d's ascending abscissa: the finite lag frequencies, slowest first.
    std::vector<double> ascendingBpm(win - 1), ascendingTg(win - 1);
    for (std::size_t i = 0; i + 1 < win; ++i)
        ascendingBpm[i] = axis.bpm[win - 1 - i];

    const std::size_t fftSize = autocorrelationFftSize(win);
    dsp::RealFft fft{int(fftSize), dsp::PlanEffort::Estimate};
    float* time = fft.timeData();
    std::complex<float>* spec = fft.freqData();
    std::vector<double> segment(win), tg(win);
    std::vector<std::size_t> candidates;
    const auto score = [&](std::size_t k, double value) { return std::log1p(1e6 * value) + axis.logPrior[k]; };
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t j = 0; j < win; ++j) {
            segment[j] = window[j] * padded[t + j];
            time[j] = float(segment[j]);
        }
        std::fill(time + win, time + fftSize, 0.0f);
        fft.forward();
        auto* bins = reinterpret_cast<float*>(spec); // |X|^2 written out (see estimateTempo)
        for (std::size_t k = 0; k <= fftSize / 2; ++k) {
            bins[2 * k] = bins[2 * k] * bins[2 * k] + bins[2 * k + 1] * bins[2 * k + 1];
            bins[2 * k + 1] = 0.0f;
        }
        fft.inverse();
        // normalize(norm=inf): frames whose largest |value| is below tiny are left as they are
        // (only an all-zero segment, whose float FFT is exactly zero).
        double top = 0;
        for (std::size_t k = 0; k < win; ++k)
            top = std::max(top, std::fabs(double(time[k])));
        const double scale = top > 0 ? 1.0 / top : 1.0;
        for (std::size_t k = 0; k < win; ++k)
            tg[k] = double(time[k]) * scale;

        // Tempo of this frame: screen with the float values (each off by far less than
        // kSlack), then rescore the lags that could win in double. exp(score) =
        // (1 + 1e6 tg) * exp(prior) ranks the lags as the score does, without a log per lag.
        constexpr double kSlack = 1e-5;
        double bestLower = 0;
        for (std::size_t k = axis.firstAllowed; k < win; ++k)
            bestLower = std::max(bestLower, (1.0 + 1e6 * std::max(0.0, tg[k] - kSlack)) * axis.prior[k]);
        candidates.clear();
        for (std::size_t k = axis.firstAllowed; k < win; ++k)
            if ((1.0 + 1e6 * (tg[k] + kSlack)) * axis.prior[k] >= bestLower)
                candidates.push_back(k);
        std::size_t bestLag = candidates.front();
        if (candidates.size() > 1) {
            const double zero = dsp::dotDouble(segment.data(), segment.data(), win);
            double bestScore = -std::numeric_limits<double>::infinity();
            for (std::size_t k : candidates) {
                const double exact = zero > 0 ? dsp::dotDouble(segment.data(), segment.data() + k, win - k) / zero : 0.0;
                const double s = score(k, exact);
                if (s > bestScore) { // first maximum wins, as np.argmax
                    bestScore = s;
                    bestLag = k;
                }
            }
        }
        for (std::size_t i = 0; i + 1 < win; ++i)
            ascendingTg[i] = tg[win - 1 - i];
        const double bpm = axis.bpm[bestLag];
        for (std::size_t f = 0; f < factors.size(); ++f)
            out(f, t) = float(interpolateLinear(ascendingBpm, ascendingTg, bpm * factors[f]));
    }
    return out;
}

} // namespace gs
