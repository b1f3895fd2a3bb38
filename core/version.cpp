#include "core/version.h"

#include "core/audio/library_version.h"
#include "core/dsp/fft_version.h"
#include "core/ml/dlib_version.h"

namespace gs {

std::vector<LibraryVersion> libraryVersions()
{
    // Licences as the Debian 12 packages ship them (debian/copyright); FFmpeg says its own.
    return {
        {"FFmpeg", ffmpegVersion(), ffmpegLicence()},
        {"FFTW", dsp::fftwVersion(), "GPL-2.0-or-later"},
        {"Dlib", dlibVersion(), "BSL-1.0 (Boost Software License)"},
        {"Chromaprint", chromaprintVersion(), "MIT (some files LGPL-2.1-or-later)"},
    };
}

} // namespace gs
