#pragma once
// Rhythm descriptors beyond one tempo for the rich schema: librosa.feature.tempogram_ratio
// (librosa 0.10), the "spectral rhythm patterns" of Peeters (ISMIR 2005) as Prockup et al.
// (WASPAA 2015) use them: the tempogram read at musically related multiples of each
// frame's own tempo estimate.
#include "core/dsp/matrix.h"

#include <vector>

namespace gs {

// Prockup's 13 metric factors, librosa's default order: 4, 8/3, 3, 2, 4/3, 3/2, 1, 2/3,
// 3/4, 1/2, 1/3, 3/8, 1/4 (sixteenth note ... whole note relative to a quarter-note beat).
const std::vector<double>& tempogramRatioFactors();

// tempogram_ratio(onset_envelope=envelope, sr, hop_length, win_length, start_bpm=120,
// std_bpm=1, max_tempo=320, center=True, window='hann', kind='linear', fill_value=0,
// norm=inf): rows = factors, cols = frames.
//
// Per frame: tempogram (the Hann-windowed local autocorrelation of the envelope,
// normalised by its maximum), the frame's tempo = argmax of log1p(1e6 tg) + log-normal
// prior (librosa.feature.tempo with aggregate=None), then tg linearly interpolated in BPM
// at tempo * factor (scipy interp1d over the finite lag frequencies, 0 outside them).
// The autocorrelations run on a float FFT; the lags that can win the tempo argmax are
// recomputed exactly in double (as estimateTempo does), so rounding never moves a tempo.
Matrix tempogramRatio(const std::vector<float>& onsetEnvelope, double sampleRate, int hop = 512,
                      int winLength = 384);

} // namespace gs
