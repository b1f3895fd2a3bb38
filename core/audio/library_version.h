#pragma once
// Versions and licences of the audio libraries, as the loaded libraries report them (not
// the headers we were compiled against): the About box and `genrescope-cli --version --verbose`.
#include <string>

namespace gs {

std::string ffmpegVersion();      // av_version_info(), e.g. "5.1.6-0+deb12u1"
std::string ffmpegLicence();      // avformat_license(): LGPL or GPL depending on the build
std::string chromaprintVersion(); // chromaprint_get_version(), e.g. "1.5.1"

} // namespace gs
