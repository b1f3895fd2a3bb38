#include "core/features/streaming_extract.h"

#include "core/common/error.h"
#include "core/dsp/median_filter.h"
#include "core/dsp/stft.h"
#include "core/dsp/vector_ops.h"
#include "core/features/chroma.h"
#include "core/features/extract.h"
#include "core/features/hpss.h"
#include "core/features/mfcc.h"
#include "core/features/rhythm.h"
#include "core/features/spectral.h"
#include "core/features/streaming_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

namespace {
constexpr int kFftSize = 2048;
constexpr int kHop = 512;
constexpr std::size_t kHopSize = std::size_t(kHop);
constexpr std::size_t kHalfWindow = std::size_t(kFftSize / 2); // centre padding, in samples
constexpr int kMfcc = 20;
constexpr std::size_t kHpssKernel = 31;
constexpr std::size_t kHpssContext = kHpssKernel / 2; // frames a time median reaches on each side

// Frames analysed together (even, so that the chroma projection pairs frames as the
// one-shot path does). 128 frames = 3 s at 22050 Hz.
constexpr std::size_t kGroupFrames = 128;
// Frames per HPSS block (masked and inverted together).
constexpr std::size_t kHpssBlockFrames = 256;
// A frame's window reaches 2 hops either side of its centre, so an inverse STFT of frames
// [a, b) gives final samples from hop a+2 up to hop b-3: consecutive blocks overlap by 5.
constexpr std::size_t kIstftEdgeHops = kHalfWindow / kHopSize;
// Below this many samples (0.74 s at 22050 Hz) the signal is analysed in one piece: the
// reflect padding and the median filters' mirrored edges then never need special care.
constexpr std::size_t kMinStreamSamples = 8 * std::size_t(kFftSize);
// The last group is framed from at least this many samples (reflect padding at the end).
constexpr std::size_t kFinalSpan = 4 * std::size_t(kFftSize);
// The last HPSS block's time median sees at least this many frames (the mirrored end).
constexpr std::size_t kFinalMedianFrames = 2 * kHpssKernel;

dsp::Pad toDspPad(PadMode mode) { return mode == PadMode::Reflect ? dsp::Pad::Reflect : dsp::Pad::Zeros; }

// Keep frames [first, first + count) of a frame-major matrix.
template <typename T>
void keepRows(std::vector<T>& data, std::size_t rowLength, std::size_t first, std::size_t count)
{
    data.erase(data.begin(), data.begin() + std::ptrdiff_t(first * rowLength));
    data.resize(count * rowLength);
}

void keepFrames(dsp::FrameMatrix& m, std::size_t first, std::size_t count)
{
    keepRows(m.data, m.bins, first, count);
    m.frames = count;
}
} // namespace

struct StreamingGenreFeatureExtractor::Impl {
    enum class Phase { First, Chroma, Done };

    int sampleRate;
    PadMode padMode;
    dsp::Pad pad;
    bool legacyHpss;
    dsp::StftShape shape{kFftSize, kHop};
    Phase phase = Phase::First;

    // Samples [sampleBase, sampleBase + samples.size()) of the current pass.
    std::vector<float> samples;
    std::size_t sampleBase = 0;
    std::size_t pushed = 0;         // samples pushed in this pass
    std::size_t signalLength = 0;   // the first pass's length, once it has ended
    bool streaming = false;         // long enough to be analysed group by group
    std::size_t nextFrame = 0;      // first STFT frame not analysed yet in this pass
    std::vector<double> shortResult; // the one-piece result of a short signal

    // STFT frames [storeBase, storeBase + storeFrames) kept for HPSS.
    std::vector<std::complex<float>> storeSpectrum;
    std::vector<float> storeMagnitude;
    std::size_t storeBase = 0, storeFrames = 0;
    std::size_t hpssNextHop = 0; // HPSS output samples from hpssNextHop * hop are still to come
    bool hpssDone = false;

    RunningMeanVar chroma, rms, centroid, bandwidth, rolloff, zcr, harmonic, percussive;
    std::vector<dsp::FrameMatrix> melChunks; // mel dB without the top_db floor
    float melMax = -std::numeric_limits<float>::infinity();
    TuningPeakFinder peakFinder;
    std::vector<TuningPeak> peaks;
    double tuning = 0;

    // Scratch.
    dsp::ComplexSpectrogram spectrum;
    dsp::FrameMatrix magnitude, power, harmonicMedian, percussiveMedian;
    std::vector<float> maskScratch, harmonicWave, blockValues;

    Impl(int sr, PadMode mode, bool legacy)
        : sampleRate(sr), padMode(mode), pad(toDspPad(mode)), legacyHpss(legacy),
          peakFinder(double(sr), kFftSize, dsp::StftShape{kFftSize, kHop}.bins())
    {
    }

    std::size_t bins() const { return shape.bins(); }
    std::size_t framesOf(std::size_t length) const { return shape.frames(length); }
    std::span<const float> signal(std::size_t begin, std::size_t end) const
    {
        return {samples.data() + (begin - sampleBase), end - begin};
    }

    void push(std::span<const float> block);
    void advance(bool atEnd);
    void analyseGroup(std::size_t f0, std::size_t f1, bool atEnd);
    void analyseFirstPass(std::span<const float> z, std::size_t k0, std::size_t count);
    void storeForHpss(std::size_t count);
    void runHpss(bool atEnd);
    void hpssBlock(std::size_t a, std::size_t b, bool atEnd);
    void dropSamples();
    std::vector<double> assemble();
};

void StreamingGenreFeatureExtractor::Impl::push(std::span<const float> block)
{
    if (phase == Phase::Done)
        throw Error(ErrorKind::InvalidArgument, "audio", "samples pushed after finish()");
    if (!dsp::allFinite(block.data(), block.size()))
        throw Error(ErrorKind::InvalidArgument, "audio", "samples must be finite");
    samples.insert(samples.end(), block.begin(), block.end());
    pushed += block.size();
    if (!streaming) {
        if (pushed < kMinStreamSamples)
            return;
        streaming = true;
    }
    advance(false);
}

// Analyse every group of frames whose samples have all arrived; atEnd: the pass is over,
// analyse the rest (its last frames see the end padding).
void StreamingGenreFeatureExtractor::Impl::advance(bool atEnd)
{
    while (true) {
        const std::size_t f1 = nextFrame + kGroupFrames;
        // Frame f reads samples up to f*hop + nFft/2 - 1.
        if ((f1 - 1) * kHopSize + kHalfWindow > pushed)
            break;
        analyseGroup(nextFrame, f1, false);
        nextFrame = f1;
        if (phase == Phase::First)
            runHpss(false);
        dropSamples();
    }
    if (!atEnd)
        return;
    const std::size_t frames = framesOf(pushed);
    if (nextFrame < frames)
        analyseGroup(nextFrame, frames, true);
    nextFrame = frames;
    if (phase == Phase::First)
        runHpss(true);
}

// STFT frames [f0, f1) from the samples around them: the same arithmetic as the one-shot
// STFT, because a frame that does not reach into the padding only sees its own samples,
// and frames that do see the same padding (the start of z is the start of the signal, or
// the end of z its end).
void StreamingGenreFeatureExtractor::Impl::analyseGroup(std::size_t f0, std::size_t f1, bool atEnd)
{
    std::size_t startHop = f0 < kIstftEdgeHops ? 0 : f0 - kIstftEdgeHops;
    if (atEnd) // enough samples for the reflected end, however short the last group
        startHop = std::min(startHop, (pushed - std::min(pushed, kFinalSpan)) / kHopSize);
    const std::size_t zBegin = startHop * kHopSize;
    const std::size_t zEnd = atEnd ? pushed : (f1 - 1) * kHopSize + kHalfWindow;
    const auto z = signal(zBegin, zEnd);
    const std::size_t k0 = f0 - startHop, count = f1 - f0;
    dsp::stft(z, shape, pad, spectrum, magnitude, power);
    if (spectrum.frames < k0 + count)
        throw Error(ErrorKind::Internal, "streaming STFT", "a group came out short");
    keepFrames(magnitude, k0, count);
    keepFrames(power, k0, count);
    if (phase == Phase::Chroma) {
        const Matrix c = chromaFromPower(power, double(sampleRate), kFftSize, tuning);
        chroma.add(std::span<const float>(c.data));
        return;
    }
    keepRows(spectrum.values, bins(), k0, count);
    spectrum.frames = count;
    analyseFirstPass(z, k0, count);
    storeForHpss(count);
}

void StreamingGenreFeatureExtractor::Impl::analyseFirstPass(std::span<const float> z, std::size_t k0,
                                                            std::size_t count)
{
    const auto part = [&](const std::vector<double>& v) { return std::span<const double>(v).subspan(k0, count); };
    rms.add(part(rmsEnergy(z, pad)));
    zcr.add(part(zeroCrossingRate(z)));
    const SpectralShape s = spectralShape(magnitude, double(sampleRate), kFftSize);
    centroid.add(s.centroid);
    bandwidth.add(s.bandwidth);
    rolloff.add(s.rolloff);
    for (std::size_t t = 0; t < power.frames; ++t)
        peakFinder.addFrame(power.frame(t), peaks);
    dsp::FrameMatrix mel;
    melFromPower(power, melFilterBankFor(sampleRate, MelOptions{}), mel);
    powerToDbInPlace(mel.data, -1.0); // the top_db floor waits for the global maximum
    if (!mel.data.empty())
        melMax = std::max(melMax, dsp::maxValue(mel.data.data(), mel.data.size()));
    mel.data.shrink_to_fit();
    melChunks.push_back(std::move(mel));
}

void StreamingGenreFeatureExtractor::Impl::storeForHpss(std::size_t count)
{
    storeSpectrum.insert(storeSpectrum.end(), spectrum.values.begin(), spectrum.values.end());
    storeMagnitude.insert(storeMagnitude.end(), magnitude.data.begin(), magnitude.data.end());
    storeFrames += count;
}

// librosa.effects.hpss a block of frames at a time. Block [a, b) needs the magnitudes
// of [a - 15, b + 15) for its time medians and gives the samples of hops [a + 2, b - 3).
void StreamingGenreFeatureExtractor::Impl::runHpss(bool atEnd)
{
    while (!hpssDone) {
        const std::size_t a = hpssNextHop < kIstftEdgeHops ? 0 : hpssNextHop - kIstftEdgeHops;
        const std::size_t analysed = storeBase + storeFrames;
        if (atEnd) {
            hpssBlock(a, analysed, true);
            hpssDone = true;
            break;
        }
        const std::size_t b = a + kHpssBlockFrames;
        if (b + kHpssContext > analysed)
            break;
        hpssBlock(a, b, false);
        hpssNextHop = b - kIstftEdgeHops - 1;
        // Keep what the next block's medians need, and the last frames for the final block.
        const std::size_t nextA = hpssNextHop - kIstftEdgeHops;
        const std::size_t keepFrom =
            std::min(nextA - std::min(nextA, kHpssContext), analysed - std::min(analysed, kFinalMedianFrames));
        if (keepFrom > storeBase) {
            const std::size_t drop = keepFrom - storeBase;
            storeSpectrum.erase(storeSpectrum.begin(), storeSpectrum.begin() + std::ptrdiff_t(drop * bins()));
            storeMagnitude.erase(storeMagnitude.begin(), storeMagnitude.begin() + std::ptrdiff_t(drop * bins()));
            storeBase = keepFrom;
            storeFrames -= drop;
        }
    }
}

void StreamingGenreFeatureExtractor::Impl::hpssBlock(std::size_t a, std::size_t b, bool atEnd)
{
    const std::size_t n = bins();
    const std::size_t frames = b - a;
    // Time medians: rows past the block (or the mirrored ends of the signal) as context.
    std::size_t c0 = a - std::min(a, kHpssContext);
    if (atEnd)
        c0 = std::min(c0, b - std::min(b, kFinalMedianFrames));
    const std::size_t c1 = atEnd ? b : b + kHpssContext;
    if (c0 < storeBase || c1 > storeBase + storeFrames)
        throw Error(ErrorKind::Internal, "streaming HPSS", "frames needed by a block were dropped");
    harmonicMedian.resize(c1 - c0, n);
    dsp::medianFilterAlongColumns(storeMagnitude.data() + (c0 - storeBase) * n, c1 - c0, n, int(kHpssKernel),
                                  harmonicMedian.data.data());
    percussiveMedian.resize(frames, n);
    dsp::medianFilterAlongRows(storeMagnitude.data() + (a - storeBase) * n, frames, n, int(kHpssKernel),
                               percussiveMedian.data.data());
    // The one-shot output has len(y) samples, or hop*(frames-1) for the legacy length.
    const std::size_t outputEnd = atEnd ? (legacyHpss ? kHopSize * (b - 1) : pushed) : (b - kIstftEdgeHops - 1) * kHopSize;
    const std::size_t lengthArgument = atEnd && !legacyHpss ? pushed - a * kHopSize : 0;
    const HpssOptions options;
    dsp::istftFromFrames(
        shape, frames, lengthArgument,
        [&](std::size_t t, std::complex<float>* out) {
            harmonicMaskedSpectrum(harmonicMedian.frame(a + t - c0), percussiveMedian.frame(t),
                                   storeSpectrum.data() + (a + t - storeBase) * n, n, options.power, out,
                                   maskScratch);
        },
        harmonicWave);
    const std::size_t begin = hpssNextHop * kHopSize;
    const std::size_t reconstructedEnd = std::min(outputEnd, pushed);
    const std::size_t end = atEnd ? pushed : reconstructedEnd;
    blockValues.clear();
    for (std::size_t i = begin; i < std::min(end, reconstructedEnd); ++i)
        blockValues.push_back(harmonicWave[i - a * kHopSize]);
    const std::size_t zeros = end > reconstructedEnd ? end - std::max(begin, reconstructedEnd) : 0;
    blockValues.resize(blockValues.size() + zeros, 0.0f); // util.fix_length of the legacy output
    harmonic.add(std::span<const float>(blockValues));
    // percussive = y - harmonic where the harmonic part was reconstructed, else 0.
    const auto y = signal(begin, end);
    for (std::size_t i = 0; i + begin < std::min(end, reconstructedEnd); ++i)
        blockValues[i] = y[i] - blockValues[i];
    percussive.add(std::span<const float>(blockValues));
}

// Forget the samples no later group or HPSS block reads (in large steps, so that the
// copying stays a small share).
void StreamingGenreFeatureExtractor::Impl::dropSamples()
{
    std::size_t keepFrom = (nextFrame < kIstftEdgeHops ? 0 : nextFrame - kIstftEdgeHops) * kHopSize;
    if (phase == Phase::First)
        keepFrom = std::min(keepFrom, hpssNextHop * kHopSize);
    keepFrom = std::min(keepFrom, pushed - std::min(pushed, kFinalSpan + kHopSize));
    if (keepFrom <= sampleBase || keepFrom - sampleBase < (std::size_t(1) << 16))
        return;
    samples.erase(samples.begin(), samples.begin() + std::ptrdiff_t(keepFrom - sampleBase));
    sampleBase = keepFrom;
}

// MFCCs and the onset envelope from the whole mel-dB spectrogram, once its maximum is known.
std::vector<double> StreamingGenreFeatureExtractor::Impl::assemble()
{
    const float floor = float(double(melMax) - MelOptions{}.topDb); // powerToDbInPlace's top_db floor
    std::vector<RunningMeanVar> mfcc(kMfcc);
    const std::size_t frames = framesOf(signalLength);
    std::vector<float> onset(frames, 0.0f), scratch;
    const std::size_t delay = 1 + std::size_t(kFftSize / (2 * kHop)); // as onsetStrength
    std::vector<float> previous;
    std::size_t frame = 0;
    for (dsp::FrameMatrix& chunk : melChunks) {
        for (float& v : chunk.data)
            v = std::max(v, floor);
        const Matrix m = mfccFromMelDb(chunk, kMfcc);
        for (std::size_t k = 0; k < m.rows; ++k)
            mfcc[k].add(m.row(k));
        for (std::size_t t = 0; t < chunk.frames; ++t, ++frame) {
            const float* current = chunk.frame(t);
            if (frame > 0 && frame - 1 + delay < frames)
                onset[frame - 1 + delay] =
                    onsetStrengthStep(previous.data(), current, chunk.bins, OnsetAggregate::Median, scratch);
            previous.assign(current, current + chunk.bins);
        }
        chunk = {}; // done with it
    }
    melChunks.clear();
    if (frame != frames)
        throw Error(ErrorKind::Internal, "streaming features", "mel frames do not cover the signal");
    const double tempo = estimateTempo(onset, double(sampleRate), kHop);

    std::vector<double> out;
    out.reserve(57);
    for (const RunningMeanVar* s : {&chroma, &rms, &centroid, &bandwidth, &rolloff, &zcr, &harmonic, &percussive}) {
        out.push_back(s->result().mean);
        out.push_back(s->result().var);
    }
    out.push_back(tempo); // Kaggle order: ..., harmony, perceptr, tempo, mfcc1...
    for (const RunningMeanVar& s : mfcc) {
        out.push_back(s.result().mean);
        out.push_back(s.result().var);
    }
    for (double v : out)
        if (!std::isfinite(v))
            throw Error(ErrorKind::Internal, "features", "a feature came out non-finite");
    return out;
}

StreamingGenreFeatureExtractor::StreamingGenreFeatureExtractor(int sampleRate, PadMode pad, bool legacyHpss)
{
    if (sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "sample_rate", "must be positive");
    impl_ = std::make_unique<Impl>(sampleRate, pad, legacyHpss);
}

StreamingGenreFeatureExtractor::~StreamingGenreFeatureExtractor() = default;

void StreamingGenreFeatureExtractor::push(std::span<const float> block) { impl_->push(block); }

std::size_t StreamingGenreFeatureExtractor::samplesPushed() const { return impl_->pushed; }

bool StreamingGenreFeatureExtractor::endFirstPass()
{
    Impl& m = *impl_;
    if (m.phase != Impl::Phase::First)
        throw Error(ErrorKind::InvalidArgument, "streaming features", "the first pass has already ended");
    m.signalLength = m.pushed;
    if (!m.streaming) {
        GenreFeatureExtractor oneShot(m.padMode, m.legacyHpss);
        m.shortResult = oneShot.compute(m.samples, m.sampleRate);
        m.samples = {};
        m.phase = Impl::Phase::Done;
        return false;
    }
    m.advance(true);
    m.tuning = tuningFromPeaks(m.peaks);
    m.peaks = {};
    m.storeSpectrum = {};
    m.storeMagnitude = {};
    m.samples.clear();
    m.sampleBase = m.pushed = m.nextFrame = 0;
    m.phase = Impl::Phase::Chroma;
    return true;
}

std::vector<double> StreamingGenreFeatureExtractor::finish()
{
    Impl& m = *impl_;
    if (m.phase == Impl::Phase::First)
        throw Error(ErrorKind::InvalidArgument, "streaming features", "finish() before endFirstPass()");
    if (!m.shortResult.empty())
        return m.shortResult;
    if (m.phase == Impl::Phase::Done)
        throw Error(ErrorKind::InvalidArgument, "streaming features", "finish() called twice");
    if (m.pushed != m.signalLength)
        throw Error(ErrorKind::InvalidArgument, "audio",
                    "the second pass gave " + std::to_string(m.pushed) + " samples, the first " +
                        std::to_string(m.signalLength));
    m.advance(true);
    m.samples = {};
    m.phase = Impl::Phase::Done;
    return m.assemble();
}

std::vector<double> extractStreaming(const ReplayableSource& source, int sampleRate, PadMode pad, bool legacyHpss)
{
    StreamingGenreFeatureExtractor extractor(sampleRate, pad, legacyHpss);
    const SampleSink sink = [&](std::span<const float> block) { extractor.push(block); };
    source(sink);
    if (extractor.endFirstPass())
        source(sink);
    return extractor.finish();
}

} // namespace gs
