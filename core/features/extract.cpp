#include "core/features/extract.h"

#include "core/common/error.h"
#include "core/dsp/stft.h"
#include "core/dsp/vector_ops.h"
#include "core/features/chroma.h"
#include "core/features/hpss.h"
#include "core/features/mfcc.h"
#include "core/features/rich_features.h"
#include "core/features/rhythm.h"
#include "core/features/spectral.h"
#include "core/features/summary.h"

#include <cmath>
#include <ctime>

namespace gs {

namespace {
constexpr int kFftSize = 2048;
constexpr int kHop = 512;
constexpr int kMfcc = 20;

// Stage times are CPU time of the calling thread, so that figures stay meaningful when
// other processes compete for the cores.
struct Clock {
    using time_point = double;
    static double now()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
    }
};
double secondsSince(double start)
{
    return Clock::now() - start;
}

void checkFinite(const std::vector<double>& values)
{
    for (double v : values)
        if (!std::isfinite(v))
            throw Error(ErrorKind::Internal, "features", "a feature came out non-finite");
}
} // namespace

struct GenreFeatureExtractor::Impl {
    PadMode pad;
    bool legacyHpss;
    FeatureSet features;
    StageTimes times;
    // Scratch reused from clip to clip.
    dsp::ComplexSpectrogram stft;
    dsp::FrameMatrix magnitude, power, mel;
    std::vector<float> harmonic, percussive;
};

GenreFeatureExtractor::GenreFeatureExtractor(PadMode pad, bool legacyHpss, FeatureSet features)
    : impl_(std::make_unique<Impl>())
{
    impl_->pad = pad;
    impl_->legacyHpss = legacyHpss;
    impl_->features = features;
}

GenreFeatureExtractor::GenreFeatureExtractor(const ExtractionParams& params)
    : GenreFeatureExtractor(params.pad, params.legacyHpss, params.features)
{
}

FeatureSet GenreFeatureExtractor::features() const { return impl_->features; }

GenreFeatureExtractor::~GenreFeatureExtractor() = default;

const StageTimes& GenreFeatureExtractor::lastTimes() const { return impl_->times; }

std::vector<double> GenreFeatureExtractor::compute(std::span<const float> y, int sampleRate)
{
    if (sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "sample_rate", "must be positive");
    if (!dsp::allFinite(y.data(), y.size()))
        throw Error(ErrorKind::InvalidArgument, "audio", "samples must be finite");
    Impl& m = *impl_;
    const dsp::Pad pad = m.pad == PadMode::Reflect ? dsp::Pad::Reflect : dsp::Pad::Zeros;
    const double sr = sampleRate;
    StageTimes& times = m.times;
    times = {};
    const auto clipStart = Clock::now();

    auto start = Clock::now();
    dsp::stft(y, {kFftSize, kHop}, pad, m.stft, m.magnitude, m.power);
    times.stft = secondsSince(start);
    if (m.features == FeatureSet::Rich)
        return computeRich(y, sr, pad);

    std::vector<double> out;
    out.reserve(57);
    auto push = [&out](MeanVar s) {
        out.push_back(s.mean);
        out.push_back(s.var);
    };

    start = Clock::now();
    const double tuning = estimateTuning(m.power, sr, kFftSize);
    const Matrix chroma = chromaFromPower(m.power, sr, kFftSize, tuning);
    push(meanVar(std::span<const float>(chroma.data)));
    times.chroma = secondsSince(start);

    start = Clock::now();
    push(meanVar(rmsEnergy(y, pad)));
    const SpectralShape shape = spectralShape(m.magnitude, sr, kFftSize);
    push(meanVar(shape.centroid));
    push(meanVar(shape.bandwidth));
    push(meanVar(shape.rolloff));
    push(meanVar(zeroCrossingRate(y)));
    times.spectral = secondsSince(start);

    start = Clock::now();
    MelOptions melOptions;
    melFromPower(m.power, melFilterBankFor(sampleRate, melOptions), m.mel);
    powerToDbInPlace(m.mel.data, melOptions.topDb);
    const Matrix mfcc = mfccFromMelDb(m.mel, kMfcc);
    times.melMfcc = secondsSince(start);

    start = Clock::now();
    const auto onset = onsetStrength(m.mel, OnsetAggregate::Median, kFftSize, kHop);
    const double tempo = estimateTempo(onset, sr, kHop);
    times.tempo = secondsSince(start);

    start = Clock::now();
    HpssOptions hpss;
    hpss.legacyLength = m.legacyHpss;
    // The power spectrogram is no longer needed: it becomes the mask's storage.
    hpssWaveforms(y, m.stft, m.magnitude, hpss, m.harmonic, m.percussive, &m.power);
    push(meanVar(std::span<const float>(m.harmonic)));
    push(meanVar(std::span<const float>(m.percussive)));
    times.hpss = secondsSince(start);

    out.push_back(tempo); // Kaggle order: ..., harmony, perceptr, tempo, mfcc1...
    for (std::size_t k = 0; k < mfcc.rows; ++k)
        push(meanVar(mfcc.row(k)));
    times.total = secondsSince(clipStart);

    checkFinite(out);
    return out;
}

std::vector<double> GenreFeatureExtractor::computeRich(std::span<const float> y, double sampleRate, dsp::Pad pad)
{
    Impl& m = *impl_;
    RichStageTimes rich;
    std::vector<double> out = richFeatures(y, sampleRate, pad, m.magnitude, m.power, m.mel, &rich);
    m.times.melMfcc = rich.melMfcc;
    m.times.chroma = rich.chroma;
    m.times.spectral = rich.spectral;
    m.times.tempo = rich.rhythm;
    m.times.statistics = rich.statistics;
    m.times.total = m.times.stft + rich.melMfcc + rich.chroma + rich.spectral + rich.rhythm + rich.statistics;
    checkFinite(out);
    return out;
}

} // namespace gs
