#include "core/features/rhythm.h"

#include "core/dsp/fft.h"
#include "core/dsp/vector_ops.h"
#include "core/dsp/window.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

std::vector<float> onsetStrength(const dsp::FrameMatrix& melDb, OnsetAggregate aggregate, int nFft, int hop)
{
    const std::size_t frames = melDb.frames, bands = melDb.bins;
    std::vector<float> out(frames, 0.0f);
    // Envelope value j is the rectified change from frame j to j+1; librosa then shifts it
    // right by lag + n_fft/(2 hop) frames (zeros in front) and cuts it to `frames`.
    const std::size_t delay = 1 + std::size_t(nFft / (2 * hop));
    std::vector<float> diff(bands);
    for (std::size_t j = 0; j + 1 < frames; ++j) {
        const std::size_t target = j + delay;
        if (target >= frames)
            break;
        const float* prev = melDb.frame(j);
        const float* next = melDb.frame(j + 1);
        for (std::size_t b = 0; b < bands; ++b)
            diff[b] = std::max(0.0f, next[b] - prev[b]);
        if (aggregate == OnsetAggregate::Median) {
            out[target] = dsp::medianInPlace(diff.data(), bands);
        } else {
            double sum = 0;
            for (float d : diff)
                sum += d;
            out[target] = bands ? float(sum / double(bands)) : 0.0f;
        }
    }
    return out;
}

namespace {

// One frame of the tempogram: hann-windowed envelope segment around frame t.
// Envelope padded with linear ramps from 0 (np.pad mode='linear_ramp', end_values=0).
struct RampedEnvelope {
    std::vector<double> values; // padded: win/2 ramp + envelope + win/2 ramp
};

RampedEnvelope rampPad(const std::vector<float>& env, std::size_t width)
{
    RampedEnvelope r;
    const std::size_t n = env.size();
    r.values.assign(n + 2 * width, 0.0);
    // np.linspace(0, edge, width, endpoint=False) in float32 (the envelope's dtype).
    const auto ramp = [&](float edge, std::size_t i) {
        const double step = double(edge) / double(width);
        return double(float(double(i) * step));
    };
    for (std::size_t i = 0; i < width; ++i) {
        r.values[i] = ramp(env.front(), i);
        r.values[width + n + i] = ramp(env.back(), width - 1 - i);
    }
    for (std::size_t i = 0; i < n; ++i)
        r.values[width + i] = env[i];
    return r;
}

} // namespace

double estimateTempo(const std::vector<float>& onsetEnvelope, double sampleRate, int hop, double startBpm)
{
    if (onsetEnvelope.empty() || std::all_of(onsetEnvelope.begin(), onsetEnvelope.end(), [](float v) { return v == 0.0f; }))
        return 0.0;
    // tempo(ac_size=8 s): autocorrelation window of floor(8 sr / hop) frames.
    const auto acSamples = static_cast<std::size_t>(8.0 * sampleRate); // time_to_samples truncates
    const std::size_t win = acSamples / std::size_t(hop);
    if (win < 2)
        return 0.0;
    const std::size_t n = onsetEnvelope.size();
    const RampedEnvelope padded = rampPad(onsetEnvelope, win / 2);
    const auto window = dsp::hannPeriodic(int(win));

    // Tempogram (one normalised autocorrelation per frame), averaged over frames. A float
    // FFT screens all lags; the lags that can win the argmax are then recomputed exactly in
    // double, so float rounding never changes the tempo.
    std::size_t fftSize = 1;
    while (fftSize < 2 * win - 1)
        fftSize *= 2;
    dsp::RealFft fft{int(fftSize)};
    float* time = fft.timeData();
    std::complex<float>* spec = fft.freqData();
    std::vector<double> meanAc(win, 0.0);
    std::vector<double> segment(win);
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t j = 0; j < win; ++j) {
            segment[j] = window[j] * padded.values[t + j];
            time[j] = float(segment[j]);
        }
        std::fill(time + win, time + fftSize, 0.0f);
        fft.forward();
        for (std::size_t k = 0; k <= fftSize / 2; ++k)
            spec[k] = std::norm(spec[k]);
        fft.inverse();
        const double zeroLag = time[0];
        if (!(zeroLag > 0))
            continue; // an all-zero segment normalises to 0
        for (std::size_t k = 0; k < win; ++k)
            meanAc[k] += time[k] / zeroLag;
    }
    for (double& v : meanAc)
        v /= double(n);

    // Candidate BPM of lag k: 60 sr / (hop k); lag 0 is infinite and excluded, as is every
    // lag faster than max_tempo = 320 BPM. Log-normal prior (std 1 octave) around startBpm.
    std::vector<double> bpm(win);
    bpm[0] = std::numeric_limits<double>::infinity();
    for (std::size_t k = 1; k < win; ++k)
        bpm[k] = 60.0 * sampleRate / (hop * double(k));
    std::size_t firstAllowed = 0;
    while (firstAllowed < win && !(bpm[firstAllowed] < 320.0))
        ++firstAllowed;
    if (firstAllowed >= win)
        return 0.0;
    const auto score = [&](std::size_t k, double tg) {
        const double d = std::log2(bpm[k]) - std::log2(startBpm);
        return std::log1p(1e6 * tg) - 0.5 * d * d;
    };
    // A float FFT's autocorrelation is off by far less than kSlack (relative to lag 0),
    // so a lag whose optimistic score cannot reach the best pessimistic score never wins.
    constexpr double kSlack = 1e-5;
    double bestLower = -std::numeric_limits<double>::infinity();
    for (std::size_t k = firstAllowed; k < win; ++k)
        bestLower = std::max(bestLower, score(k, std::max(0.0, meanAc[k] - kSlack)));
    std::vector<std::size_t> candidates;
    for (std::size_t k = firstAllowed; k < win; ++k)
        if (score(k, meanAc[k] + kSlack) >= bestLower)
            candidates.push_back(k);
    std::vector<double> exact(candidates.size(), 0.0);
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t j = 0; j < win; ++j)
            segment[j] = window[j] * padded.values[t + j];
        double zero = 0;
        for (std::size_t j = 0; j < win; ++j)
            zero += segment[j] * segment[j];
        if (!(zero > 0))
            continue;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const std::size_t k = candidates[c];
            double sum = 0;
            for (std::size_t j = 0; j + k < win; ++j)
                sum += segment[j] * segment[j + k];
            exact[c] += sum / zero;
        }
    }
    std::size_t bestLag = candidates.front();
    double bestScore = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const double s = score(candidates[c], exact[c] / double(n));
        if (s > bestScore) { // first maximum wins, as np.argmax
            bestScore = s;
            bestLag = candidates[c];
        }
    }
    return bpm[bestLag];
}

} // namespace gs
