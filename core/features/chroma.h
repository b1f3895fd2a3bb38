#pragma once
// librosa.feature.chroma_stft with tuning estimated as librosa.estimate_tuning does
// (piptrack peaks on the power spectrogram, 0.01-semitone histogram).
#include "core/dsp/matrix.h"
#include "core/dsp/stft.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gs {

// estimate_tuning(S=power, sr, n_fft, bins_per_octave=12): in fractions of a chroma bin,
// in [-0.5, 0.5); 0 when no pitch peak is found (silence, DC).
double estimateTuning(const dsp::FrameMatrix& power, double sampleRate, int nFft, int binsPerOctave = 12);

// estimateTuning in two stages, for callers that see the frames a block at a time: the
// piptrack peaks of each frame, then the tuning from all the peaks of the signal.
struct TuningPeak {
    float pitch, magnitude;
};
class TuningPeakFinder {
public:
    TuningPeakFinder(double sampleRate, int nFft, std::size_t bins);
    void addFrame(const float* power, std::vector<TuningPeak>& peaks); // appends this frame's peaks
private:
    double sampleRate_;
    int nFft_;
    std::size_t bins_, lo_, hi_;
    std::vector<std::uint32_t> maxima_;
};
double tuningFromPeaks(std::span<const TuningPeak> peaks, int binsPerOctave = 12);

// chroma_stft(S=power, tuning, norm=inf): rows = nChroma (C first), cols = frames.
Matrix chromaFromPower(const dsp::FrameMatrix& power, double sampleRate, int nFft, double tuning, int nChroma = 12);

} // namespace gs
