#pragma once
// librosa.feature.melspectrogram + power_to_db, for views and the CNN.
#include "core/dsp/matrix.h"
#include "core/features/schema.h"

#include <span>

namespace gs {

struct MelOptions {
    int nFft = 2048;
    int hop = 512;
    int nMels = 128;
    double fmin = 0.0;
    double fmax = 0.0;     // 0 = sr / 2
    PadMode pad = PadMode::Constant;
    double topDb = 80.0;   // power_to_db(ref=1, amin=1e-10, top_db)
    static const std::vector<ParameterSpec>& specs();
};

// rows = nMels, cols = 1 + len / hop (center=True); values in dB, finite.
Matrix melSpectrogramDb(std::span<const float> y, int sampleRate, const MelOptions& options = {});

} // namespace gs
