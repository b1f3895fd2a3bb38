#pragma once
// Chroma-derived descriptors for the rich schema: CENS and tonnetz computed from the STFT
// chroma (chroma_stft), so that one STFT per clip feeds everything.
//
// librosa.feature.chroma_cens and librosa.feature.tonnetz(y=...) start from a CQT chroma;
// ours start from chroma_stft(S=|stft|^2, tuning=estimate_tuning(...)) instead. The
// post-processing is librosa 0.10.2's exactly, so the values equal
// chroma_cens-post-processing(chroma_stft) and tonnetz(chroma=chroma_stft).
#include "core/dsp/matrix.h"

namespace gs {

// CENS (Mueller & Ewert, "Chroma Toolbox", ISMIR 2011) as librosa's chroma_cens after its
// chroma_cqt call: L1-normalise each frame, quantise with thresholds 0.4/0.2/0.1/0.05
// (weight 0.25 each), smooth along time with a normalised symmetric Hann window of
// winLenSmooth + 2 points (scipy.ndimage.convolve, mode='constant'), L2-normalise each
// frame. winLenSmooth = 0 disables the smoothing.
Matrix chromaCens(const Matrix& chroma, int winLenSmooth = 41);

// librosa.feature.tonnetz(chroma=chroma) (Harte, Sandler & Gasser, "Detecting harmonic
// change in musical audio", 2006): rows = fifth x/y, minor-third x/y, major-third x/y of
// the L1-normalised chroma. Needs 12 chroma rows.
Matrix tonnetz(const Matrix& chroma);

// librosa.feature.delta(data, width, order=1, axis=-1, mode='interp'): scipy's
// Savitzky-Golay first derivative (polyorder 1) along the frames of each row. With
// polyorder 1 this is the least-squares slope over `width` frames, and mode='interp' gives
// the first (last) width/2 frames the slope of the first (last) full window. librosa
// refuses fewer than `width` frames; we fit the slope over all the frames there is (0 for
// a single frame) so that short clips still give finite values. width: odd, >= 3.
Matrix delta(const Matrix& data, int width = 9);

} // namespace gs
