#include "core/audio/library_version.h"

#include <chromaprint.h>
extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

namespace gs {

std::string ffmpegVersion() { return av_version_info(); }
std::string ffmpegLicence() { return avformat_license(); }
std::string chromaprintVersion() { return chromaprint_get_version(); }

} // namespace gs
