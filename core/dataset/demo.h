#pragma once
// A small synthetic, deterministic demo dataset: a few genres whose clips differ in timbre
// and rhythm the way real genres do (so features and classifiers have something to find),
// with per-clip variation (key, tempo, instrumentation, level) from a seeded RNG.
#include "core/common/progress.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gs {

struct DemoOptions {
    int perGenre = 12;           // clips per genre (1..500)
    double seconds = 15.0;       // per clip (1..120): the mean length when lengthSpread > 0
    // 0 = every clip lasts `seconds`; s > 0 = genres differ in mean length by up to ±s/2 and
    // clips vary by ±s/2 around it, so the song-length charts have something to show.
    double lengthSpread = 0.0;   // 0..1
    std::uint64_t seed = 1;      // same seed → byte-identical files
    int sampleRate = 22050;      // 8000..48000
    bool compressedCopies = true;  // write some clips as FLAC / Ogg Vorbis / MP3 when encoders exist
    int threads = 0;             // 0 = all cores
};

struct DemoResult {
    std::vector<std::filesystem::path> files;  // sorted
    std::vector<std::string> genres;
};

// The spread of the demo the app and `make-demo` create (tests use exact lengths).
constexpr double kDemoLengthSpread = 0.4;

const std::vector<std::string>& demoGenres();  // "Electronic", "Piano", "Rock", "Strings"
// How long clip `index` of genre number `genre` lasts under these options, in seconds.
double demoClipSeconds(std::size_t genre, int index, const DemoOptions& options);

// One clip as mono float samples (peak below 1), for tests and previews.
std::vector<float> synthesizeDemoClip(const std::string& genre, int index, const DemoOptions& options);

// Writes dir/<Genre>/<genre>_<NN>.<ext>. Throws gs::Error (InvalidArgument, NotFound, Cancelled).
DemoResult makeDemoDataset(const std::filesystem::path& dir, const DemoOptions& options = {},
                           const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

} // namespace gs
