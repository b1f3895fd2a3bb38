#pragma once
// The mel / dB / MFCC chain of librosa.feature.melspectrogram, power_to_db and mfcc,
// on spectrograms the caller already has (one STFT per clip feeds everything).
#include "core/dsp/filterbank.h"
#include "core/dsp/matrix.h"
#include "core/dsp/stft.h"
#include "core/features/mel.h"

#include <span>

namespace gs {

// The Slaney mel filter bank for these options, built once per process and cached.
const dsp::MelFilterBank& melFilterBankFor(int sampleRate, const MelOptions& options);

// Mel power per frame: out(frame, mel) = sum_b weights(mel, b) * power(frame, b).
void melFromPower(const dsp::FrameMatrix& power, const dsp::MelFilterBank& bank, dsp::FrameMatrix& out);

// power_to_db(ref=1, amin=1e-10, top_db) in place; the top_db floor is relative to the
// maximum of the whole span, as librosa. topDb < 0 disables the floor.
void powerToDbInPlace(std::span<float> values, double topDb = 80.0);

// DCT-II (ortho) of each frame's log-mel vector: rows = nMfcc, cols = frames.
Matrix mfccFromMelDb(const dsp::FrameMatrix& melDb, int nMfcc = 20);

} // namespace gs
