#pragma once
// The rich feature schema ("rich-680"): per-frame descriptors summarised by seven
// statistics, in the spirit of the FMA dataset's 518 features (Defferrard et al., ISMIR
// 2017, features.py), computed from the same single STFT as gtzan-57.
//
// Columns: for each descriptor row, <name>[<row>]_<stat> with stat in mean, std, skew,
// kurtosis, median, min, max (frame_statistics.h); rows are numbered from 1 when a
// descriptor has several (mfcc1_mean ... mfcc20_max), unnumbered otherwise
// (spectral_centroid_mean). Then one last column, tempo (beat_track's, as in gtzan-57).
#include "core/dsp/matrix.h"
#include "core/dsp/signal_pad.h"
#include "core/dsp/stft.h"

#include <span>
#include <string>
#include <vector>

namespace gs {

struct RichDescriptor {
    const char* name;
    int rows;
    const char* librosa; // the call it matches (for docs and the reference generator)
};

// The descriptors in column order.
const std::vector<RichDescriptor>& richDescriptors();
// All column names in order (680).
const std::vector<std::string>& richFeatureNames();

struct RichStageTimes { // CPU seconds of the calling thread, for the benchmark
    double melMfcc = 0, chroma = 0, spectral = 0, rhythm = 0, statistics = 0;
};

// The rich vector of one clip from its STFT magnitude and power (stft(y) with nFft 2048,
// hop 512 and this padding), in richFeatureNames() order. `mel` is scratch. Any length works
// (silence, 1 sample...); every value is finite.
std::vector<double> richFeatures(std::span<const float> y, double sampleRate, dsp::Pad pad,
                                 const dsp::FrameMatrix& magnitude, const dsp::FrameMatrix& power,
                                 dsp::FrameMatrix& mel, RichStageTimes* times = nullptr);

} // namespace gs
