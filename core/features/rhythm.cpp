#include "core/features/rhythm.h"

#include "core/dsp/fft.h"
#include "core/dsp/vector_ops.h"
#include "core/dsp/window.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

namespace {
// Median of non-negative values (reordered in place), as dsp::medianInPlace. Rectified
// mel differences are mostly exactly zero, and zeros are the smallest values: only the
// non-zero ones need selecting, and often none at all.
float medianOfNonNegative(float* values, std::size_t n)
{
    std::size_t nonZero = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const float v = values[i];
        values[nonZero] = v;
        nonZero += v != 0.0f;
    }
    const std::size_t zeros = n - nonZero;
    if (n == 0)
        return 0.0f;
    const std::size_t upper = n / 2;
    float hi = 0.0f;
    if (upper >= zeros) {
        std::nth_element(values, values + (upper - zeros), values + nonZero);
        hi = values[upper - zeros];
    }
    if (n % 2 == 1)
        return hi;
    const float lo = upper - 1 < zeros ? 0.0f : *std::max_element(values, values + (upper - zeros));
    return (lo + hi) / 2.0f;
}
} // namespace

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
        out[target] = onsetStrengthStep(melDb.frame(j), melDb.frame(j + 1), bands, aggregate, diff);
    }
    return out;
}

float onsetStrengthStep(const float* prev, const float* next, std::size_t bands, OnsetAggregate aggregate,
                        std::vector<float>& scratch)
{
    scratch.resize(bands);
    for (std::size_t b = 0; b < bands; ++b)
        scratch[b] = std::max(0.0f, next[b] - prev[b]);
    if (aggregate == OnsetAggregate::Median)
        return medianOfNonNegative(scratch.data(), bands);
    double sum = 0;
    for (float d : scratch)
        sum += d;
    return bands ? float(sum / double(bands)) : 0.0f;
}

std::vector<double> linearRampPad(const std::vector<float>& env, std::size_t width)
{
    const std::size_t n = env.size();
    std::vector<double> padded(n + 2 * width, 0.0);
    if (n == 0)
        return padded;
    // np.linspace(0, edge, width, endpoint=False) in float32 (the envelope's dtype).
    const auto ramp = [&](float edge, std::size_t i) {
        const double step = double(edge) / double(width);
        return double(float(double(i) * step));
    };
    for (std::size_t i = 0; i < width; ++i) {
        padded[i] = ramp(env.front(), i);
        padded[width + n + i] = ramp(env.back(), width - 1 - i);
    }
    for (std::size_t i = 0; i < n; ++i)
        padded[width + i] = env[i];
    return padded;
}

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
    const std::vector<double> padded = linearRampPad(onsetEnvelope, win / 2);
    const auto window = dsp::hannPeriodic(int(win));

    // Tempogram (one normalised autocorrelation per frame), averaged over frames. A float
    // FFT screens all lags; the lags that can win the argmax are then recomputed exactly in
    // double, so float rounding never changes the tempo.
    // The smallest 2^a or 3 * 2^a length holding the linear (not circular) autocorrelation:
    // FFTW is fastest there, and its heuristic plan is as fast as a measured one.
    std::size_t fftSize = 1;
    while (fftSize < 2 * win - 1)
        fftSize *= 2;
    if (fftSize / 4 * 3 >= 2 * win - 1)
        fftSize = fftSize / 4 * 3;
    dsp::RealFft fft{int(fftSize), dsp::PlanEffort::Estimate};
    float* time = fft.timeData();
    std::complex<float>* spec = fft.freqData();
    std::vector<double> meanAc(win, 0.0);
    std::vector<double> segment(win);
    for (std::size_t t = 0; t < n; ++t) {
        for (std::size_t j = 0; j < win; ++j) {
            segment[j] = window[j] * padded[t + j];
            time[j] = float(segment[j]);
        }
        std::fill(time + win, time + fftSize, 0.0f);
        fft.forward();
        // |X|^2 written out: std::norm squares a hypot (a libm call per bin) unless -ffast-math.
        auto* bins = reinterpret_cast<float*>(spec);
        for (std::size_t k = 0; k <= fftSize / 2; ++k) {
            bins[2 * k] = bins[2 * k] * bins[2 * k] + bins[2 * k + 1] * bins[2 * k + 1];
            bins[2 * k + 1] = 0.0f;
        }
        fft.inverse();
        const double zeroLag = time[0];
        if (!(zeroLag > 0))
            continue; // an all-zero segment normalises to 0
        const double scale = 1.0 / zeroLag;
        for (std::size_t k = 0; k < win; ++k)
            meanAc[k] += time[k] * scale;
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
            segment[j] = window[j] * padded[t + j];
        // In double with several partial sums: a single chain of additions would make this
        // exact re-scoring of the candidates cost more than the whole FFT screening.
        const double zero = dsp::dotDouble(segment.data(), segment.data(), win);
        if (!(zero > 0))
            continue;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const std::size_t k = candidates[c];
            exact[c] += dsp::dotDouble(segment.data(), segment.data() + k, win - k) / zero;
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

std::vector<int> trackBeats(const std::vector<float>& onsetEnvelope, double tempo, double sampleRate, int hop,
                            double tightness)
{
    const std::size_t n = onsetEnvelope.size();
    if (n == 0 || !(tempo > 0) ||
        std::all_of(onsetEnvelope.begin(), onsetEnvelope.end(), [](float v) { return v == 0.0f; }))
        return {};
    // librosa runs this in float32 (numba kernels with float32 signatures); the float
    // roundings are kept where they decide comparisons.
    const double framesPerBeat = std::nearbyint(sampleRate / hop * 60.0 / tempo); // np.round: half to even
    const float fpb = float(framesPerBeat);

    // Onsets over their standard deviation (ddof=1).
    double mean = 0;
    for (float v : onsetEnvelope)
        mean += v;
    mean /= double(n);
    double ss = 0;
    for (float v : onsetEnvelope)
        ss += (v - mean) * (v - mean);
    const float deviation = n > 1 ? float(std::sqrt(ss / double(n - 1))) : 0.0f;
    std::vector<float> onsets(n);
    for (std::size_t i = 0; i < n; ++i)
        onsets[i] = onsetEnvelope[i] / (deviation + std::numeric_limits<float>::min());

    // Local score: onsets smoothed by a Gaussian of +-fpb frames (librosa's index range,
    // including its skipping of the newest sample, is kept as is).
    const std::ptrdiff_t half = std::ptrdiff_t(fpb);
    const std::ptrdiff_t width = 2 * half + 1;
    std::vector<double> window(static_cast<std::size_t>(width));
    for (std::ptrdiff_t k = 0; k < width; ++k) {
        const double z = double(k - half) * 32.0 / double(fpb);
        window[std::size_t(k)] = std::exp(-0.5 * z * z);
    }
    const auto N = std::ptrdiff_t(n);
    std::vector<float> localScore(n, 0.0f);
    for (std::ptrdiff_t i = 0; i < N; ++i) {
        float acc = 0.0f;
        const std::ptrdiff_t kEnd = std::min(i + width / 2, width);
        for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(0, i + width / 2 - N + 1); k < kEnd; ++k)
            acc = float(double(acc) + window[std::size_t(k)] * double(onsets[std::size_t(i + width / 2 - k)]));
        localScore[std::size_t(i)] = acc;
    }

    // Dynamic programme: best predecessor between fpb/2 and 2 fpb frames back, penalised by
    // the squared log-ratio of the interval to the beat period.
    const double scoreThreshold = 0.01 * double(*std::max_element(localScore.begin(), localScore.end()));
    std::vector<int> backlink(n, -1);
    std::vector<float> cumScore(n, 0.0f);
    bool firstBeat = true;
    const auto nearest = std::ptrdiff_t(std::nearbyint(double(fpb) / 2));
    const auto farthest = std::ptrdiff_t(2 * double(fpb)) + 1;
    // numba evaluates np.log(frames_per_beat) on the float32 array in float32; in double the
    // penalties differ by ~1e-6, enough to flip near-ties between adjacent frames.
    const double logPeriod = std::log(fpb);
    const double tight = float(tightness);
    for (std::ptrdiff_t i = 0; i < N; ++i) {
        double best = -std::numeric_limits<double>::infinity();
        std::ptrdiff_t location = -1;
        for (std::ptrdiff_t loc = i - nearest; loc > i - farthest; --loc) {
            if (loc < 0)
                break;
            const double d = std::log(double(i - loc)) - logPeriod;
            const double score = double(cumScore[std::size_t(loc)]) - tight * d * d;
            if (score > best) {
                best = score;
                location = loc;
            }
        }
        const float own = localScore[std::size_t(i)];
        cumScore[std::size_t(i)] = location >= 0 ? float(double(own) + best) : own;
        if (firstBeat && double(own) < scoreThreshold) {
            backlink[std::size_t(i)] = -1;
        } else {
            backlink[std::size_t(i)] = int(location);
            firstBeat = false;
        }
    }

    // Last beat: the latest local maximum of the cumulative score reaching half the median
    // of all its local maxima.
    std::vector<char> isMax(n, 0);
    for (std::size_t i = 1; i + 1 < n; ++i)
        isMax[i] = cumScore[i] > cumScore[i - 1] && cumScore[i] >= cumScore[i + 1];
    if (n >= 2)
        isMax[n - 1] = cumScore[n - 1] > cumScore[n - 2];
    std::vector<float> maxima;
    for (std::size_t i = 0; i < n; ++i)
        if (isMax[i])
            maxima.push_back(cumScore[i]);
    const double lastThreshold = 0.5 * double(dsp::medianInPlace(maxima.data(), maxima.size()));
    std::ptrdiff_t tail = N - 1;
    for (std::ptrdiff_t i = N - 1; i >= 0; --i)
        if (isMax[std::size_t(i)] && double(cumScore[std::size_t(i)]) >= lastThreshold) {
            tail = i;
            break;
        }
    std::vector<char> beats(n, 0);
    for (std::ptrdiff_t i = tail; i >= 0; i = backlink[std::size_t(i)])
        beats[std::size_t(i)] = 1;

    // Trim weak leading and trailing beats: below half the RMS of the beats' local scores
    // smoothed by a 5-point Hann window.
    std::vector<double> beatScores;
    for (std::size_t i = 0; i < n; ++i)
        if (beats[i])
            beatScores.push_back(localScore[i]);
    const double hann5[5] = {0.0, 0.5, 1.0, 0.5, 0.0};
    const std::size_t fullLength = beatScores.size() + 4;
    const std::size_t sliceEnd = std::min(fullLength, n + 2);
    double sumSquares = 0;
    std::size_t count = 0;
    for (std::size_t j = 2; j < sliceEnd; ++j) {
        double c = 0;
        for (std::size_t k = 0; k < 5; ++k)
            if (j >= k && j - k < beatScores.size())
                c += beatScores[j - k] * hann5[k];
        sumSquares += c * c;
        ++count;
    }
    const double trimThreshold = count ? 0.5 * std::sqrt(sumSquares / double(count)) : 0.0;
    for (std::size_t i = 0; i < n && double(localScore[i]) <= trimThreshold; ++i)
        beats[i] = 0;
    for (std::size_t i = n; i-- > 0 && double(localScore[i]) <= trimThreshold;)
        beats[i] = 0;

    std::vector<int> frames;
    for (std::size_t i = 0; i < n; ++i)
        if (beats[i])
            frames.push_back(int(i));
    return frames;
}

} // namespace gs
