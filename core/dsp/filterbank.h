#pragma once
// Filter banks as librosa.filters.mel (Slaney) and librosa.filters.chroma.
#include "core/dsp/matrix.h"

#include <cstddef>
#include <vector>

namespace gs::dsp {

// librosa.convert.hz_to_mel / mel_to_hz with htk=False (Slaney's auditory toolbox scale).
double hzToMelSlaney(double hz);
double melToHzSlaney(double mel);
// numpy.fft.rfftfreq(nFft, 1/sr)
std::vector<double> fftFrequencies(double sampleRate, int nFft);

// Mel weights (rows = mels, cols = nFft/2+1), float32 as librosa, with each filter's
// non-zero bin range so products can skip the zeros.
struct MelFilterBank {
    Matrix weights;
    std::vector<std::size_t> firstBin, endBin; // weights(m, b) != 0 only for b in [firstBin, endBin)
};
// librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax (<= 0: sr/2), htk=False, norm='slaney')
MelFilterBank melFilterBank(double sampleRate, int nFft, int nMels, double fmin, double fmax);

// librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct=5, octwidth=2, norm=2, base_c=True)
Matrix chromaFilterBank(double sampleRate, int nFft, int nChroma, double tuning);

// scipy.fftpack.dct(type=2, norm='ortho') as a matrix: rows = nOut coefficients, cols = nIn.
std::vector<double> dctOrthoMatrix(int nOut, int nIn);

} // namespace gs::dsp
