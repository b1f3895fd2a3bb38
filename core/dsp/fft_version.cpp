#include "core/dsp/fft_version.h"

#include <fftw3.h>

namespace gs::dsp {

std::string fftwVersion()
{
    // fftwf_version reads "fftw-3.3.10-sse2-avx": the number sits between the first two dashes.
    std::string text = fftwf_version;
    if (text.rfind("fftw-", 0) == 0)
        text.erase(0, 5);
    if (const auto dash = text.find('-'); dash != std::string::npos)
        text.erase(dash);
    return text;
}

} // namespace gs::dsp
