#include "core/features/rich_features.h"

#include "core/common/error.h"
#include "core/features/chroma.h"
#include "core/features/frame_statistics.h"
#include "core/features/mfcc.h"
#include "core/features/rhythm.h"
#include "core/features/spectral.h"
#include "core/features/tempogram.h"
#include "core/features/tonal.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace gs {

namespace {
constexpr int kFftSize = 2048;
constexpr int kHop = 512;
constexpr int kMfcc = 20;
constexpr int kContrastBands = 6; // 7 rows: 6 octave bands from 200 Hz + the rest

double threadSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}
} // namespace

const std::vector<RichDescriptor>& richDescriptors()
{
    static const std::vector<RichDescriptor> list = {
        {"mfcc", kMfcc, "feature.mfcc(y=y, sr=sr)"},
        {"mfcc_delta", kMfcc, "feature.delta(mfcc, width=9, order=1, mode='interp')"},
        {"chroma_stft", 12, "feature.chroma_stft(y=y, sr=sr)"},
        {"chroma_cens", 12, "chroma_cens post-processing of chroma_stft (not chroma_cqt)"},
        {"tonnetz", 6, "feature.tonnetz(chroma=chroma_stft)"},
        {"spectral_contrast", kContrastBands + 1, "feature.spectral_contrast(y=y, sr=sr)"},
        {"spectral_centroid", 1, "feature.spectral_centroid(y=y, sr=sr)"},
        {"spectral_bandwidth", 1, "feature.spectral_bandwidth(y=y, sr=sr)"},
        {"spectral_rolloff", 1, "feature.spectral_rolloff(y=y, sr=sr)"},
        {"spectral_flatness", 1, "feature.spectral_flatness(y=y)"},
        {"zero_crossing_rate", 1, "feature.zero_crossing_rate(y)"},
        {"rms", 1, "feature.rms(y=y)"},
        {"onset_strength", 1, "onset.onset_strength(y=y, sr=sr)"},
        {"tempogram_ratio", 13, "feature.tempogram_ratio(y=y, sr=sr)"},
    };
    return list;
}

const std::vector<std::string>& richFeatureNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const RichDescriptor& d : richDescriptors())
            for (int r = 1; r <= d.rows; ++r)
                for (const char* stat : frameStatisticNames())
                    n.push_back(std::string(d.name) + (d.rows > 1 ? std::to_string(r) : "") + "_" + stat);
        n.push_back("tempo");
        return n;
    }();
    return names;
}

namespace {

Matrix rowOf(const std::vector<double>& values)
{
    Matrix m(1, values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        m.data[i] = float(values[i]);
    return m;
}

Matrix rowOf(const std::vector<float>& values)
{
    Matrix m(1, values.size());
    std::copy(values.begin(), values.end(), m.data.begin());
    return m;
}

// spectral_contrast with librosa's defaults, or, when the sample rate is too low for six
// octave bands above 200 Hz (sr <= 12.8 kHz), as many bands as fit, the missing rows 0:
// the column count never depends on the file.
Matrix contrastRows(const dsp::FrameMatrix& magnitude, double sampleRate)
{
    int bands = kContrastBands;
    while (bands > 1 && 200.0 * std::pow(2.0, bands - 1) >= 0.5 * sampleRate)
        --bands;
    Matrix fitted = spectralContrast(magnitude, sampleRate, kFftSize, 200.0, bands);
    if (bands == kContrastBands)
        return fitted;
    Matrix full(kContrastBands + 1, magnitude.frames);
    std::copy(fitted.data.begin(), fitted.data.end(), full.data.begin());
    return full;
}

} // namespace

std::vector<double> richFeatures(std::span<const float> y, double sampleRate, dsp::Pad pad,
                                 const dsp::FrameMatrix& magnitude, const dsp::FrameMatrix& power,
                                 dsp::FrameMatrix& mel, RichStageTimes* times)
{
    RichStageTimes local;
    RichStageTimes& time = times ? *times : local;
    time = {};
    std::vector<Matrix> blocks; // one per descriptor, in richDescriptors() order
    blocks.reserve(richDescriptors().size());

    auto start = threadSeconds();
    MelOptions melOptions;
    melFromPower(power, melFilterBankFor(int(sampleRate), melOptions), mel);
    powerToDbInPlace(mel.data, melOptions.topDb);
    Matrix mfcc = mfccFromMelDb(mel, kMfcc);
    Matrix mfccDelta = delta(mfcc);
    blocks.push_back(std::move(mfcc));
    blocks.push_back(std::move(mfccDelta));
    time.melMfcc = threadSeconds() - start;

    start = threadSeconds();
    const double tuning = estimateTuning(power, sampleRate, kFftSize);
    Matrix chroma = chromaFromPower(power, sampleRate, kFftSize, tuning);
    Matrix cens = chromaCens(chroma);
    Matrix ton = tonnetz(chroma);
    blocks.push_back(std::move(chroma));
    blocks.push_back(std::move(cens));
    blocks.push_back(std::move(ton));
    time.chroma = threadSeconds() - start;

    start = threadSeconds();
    blocks.push_back(contrastRows(magnitude, sampleRate));
    const SpectralShape shape = spectralShape(magnitude, sampleRate, kFftSize);
    blocks.push_back(rowOf(shape.centroid));
    blocks.push_back(rowOf(shape.bandwidth));
    blocks.push_back(rowOf(shape.rolloff));
    blocks.push_back(rowOf(spectralFlatness(magnitude)));
    blocks.push_back(rowOf(zeroCrossingRate(y)));
    blocks.push_back(rowOf(rmsEnergy(y, pad)));
    time.spectral = threadSeconds() - start;

    start = threadSeconds();
    const std::vector<float> onset = onsetStrength(mel, OnsetAggregate::Mean, kFftSize, kHop);
    blocks.push_back(rowOf(onset));
    blocks.push_back(tempogramRatio(onset, sampleRate, kHop));
    // beat_track's tempo, exactly as gtzan-57's column (median-aggregated onsets).
    const double tempo = estimateTempo(onsetStrength(mel, OnsetAggregate::Median, kFftSize, kHop), sampleRate, kHop);
    time.rhythm = threadSeconds() - start;

    start = threadSeconds();
    std::vector<double> out;
    out.reserve(richFeatureNames().size());
    std::vector<float> scratch;
    const auto& descriptors = richDescriptors();
    for (std::size_t d = 0; d < descriptors.size(); ++d) {
        const Matrix& block = blocks[d];
        if (block.rows != std::size_t(descriptors[d].rows))
            throw Error(ErrorKind::Internal, descriptors[d].name, "unexpected number of rows");
        for (std::size_t r = 0; r < block.rows; ++r)
            for (double v : frameStatistics(block.row(r), scratch).values())
                out.push_back(v);
    }
    out.push_back(tempo);
    time.statistics = threadSeconds() - start;
    if (out.size() != richFeatureNames().size())
        throw Error(ErrorKind::Internal, "features", "rich vector has the wrong length");
    return out;
}

} // namespace gs
