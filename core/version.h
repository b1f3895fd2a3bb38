#pragma once
// Which libraries Genrescope runs on, their versions and licences: one row per library for
// Help → About and `genrescope-cli --version --verbose`. Each version comes from the module
// that owns the library (audio: FFmpeg, Chromaprint; dsp: FFTW; ml: Dlib); the UI appends
// Qt and QCustomPlot, which core does not link.
#include <string>
#include <vector>

namespace gs {

struct LibraryVersion {
    std::string name;
    std::string version;
    std::string licence;
};

std::vector<LibraryVersion> libraryVersions();

} // namespace gs
