#pragma once
// Onset strength and tempo as librosa.onset.onset_strength and librosa.beat.beat_track's
// tempo estimate (tempogram autocorrelation with a log-normal prior around start_bpm).
#include "core/dsp/stft.h"

#include <vector>

namespace gs {

enum class OnsetAggregate { Mean, Median }; // onset_strength default; beat_track uses median

// onset_strength(S=mel dB (frame-major), lag=1, max_size=1, center=True) for an STFT of
// nFft / hop: one value per frame, the first 1 + nFft/(2 hop) frames are 0.
std::vector<float> onsetStrength(const dsp::FrameMatrix& melDb, OnsetAggregate aggregate, int nFft = 2048,
                                 int hop = 512);

// One envelope value: the aggregate over bands of max(0, next - prev) for two consecutive
// mel-dB frames (onsetStrength places it `1 + nFft/(2 hop)` frames after `prev`).
float onsetStrengthStep(const float* prev, const float* next, std::size_t bands, OnsetAggregate aggregate,
                        std::vector<float>& scratch);

// np.pad(envelope, width, mode='linear_ramp', end_values=0) in the envelope's float32
// rounding: how librosa's tempogram centres its autocorrelation windows (center=True).
std::vector<double> linearRampPad(const std::vector<float>& envelope, std::size_t width);

// beat_track(onset_envelope)[0]: the tempo in BPM, 0 when the envelope is all zero.
double estimateTempo(const std::vector<float>& onsetEnvelope, double sampleRate, int hop = 512,
                     double startBpm = 120.0);

// beat_track(onset_envelope, bpm=tempo, tightness=100, trim=True)[1]: beat positions as
// frame indices (librosa's dynamic programme, Ellis 2007). Empty when tempo <= 0 or the
// envelope is all zero.
std::vector<int> trackBeats(const std::vector<float>& onsetEnvelope, double tempo, double sampleRate, int hop = 512,
                            double tightness = 100.0);

} // namespace gs
