#pragma once
// FFTW's version as the linked library reports it (fftwf_version), for the About box.
#include <string>

namespace gs::dsp {

std::string fftwVersion(); // e.g. "3.3.10" (fftwf_version without its "fftw-" prefix and build tags)

} // namespace gs::dsp
