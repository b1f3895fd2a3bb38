#pragma once
// Where Genrescope keeps what it can always recompute (measured FFT plans, CNN spectrogram
// caches): $GENRESCOPE_CACHE_DIR, else $XDG_CACHE_HOME/genrescope, else ~/.cache/genrescope,
// else <temp>/genrescope. Nothing is created here.
#include <filesystem>

namespace gs {

std::filesystem::path userCacheDirectory();

} // namespace gs
