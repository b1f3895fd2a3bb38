#pragma once
#include <vector>

namespace gs::dsp {

// scipy.signal.get_window('hann', n, fftbins=True): the periodic Hann window librosa uses.
std::vector<double> hannPeriodic(int n);

} // namespace gs::dsp
