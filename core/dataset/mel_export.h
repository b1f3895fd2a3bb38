#pragma once
// Exporting a collection's log-mel windows for deep learning outside Genrescope: one HDF5
// file (any size, written as songs are processed) or a NumPy .npz (small sets), holding the
// windows the CNN sees (same decoding, mel settings and window length) with their track,
// genre label and split beside them. The notebook's "matrices stored in an array with their
// genre", without holding the collection in memory.
//
// Layout (both formats; HDF5 datasets / .npz members):
//   mels            float32 [N, n_mels, window_frames]  dB (librosa power_to_db, ref 1, amin
//                   1e-10, top_db); band-major like librosa's S[:, t0:t1]; frames past a song's
//                   end hold that song's lowest value (as the CNN pads)
//   track           int64   [N]  row of the window's song in `path`
//   label           int32   [N]  index into genre_names; -1 = unlabelled (file in the root)
//   split           int32   [N]  index into split_names
//   offset_seconds  float64 [N]  where the window starts in the song (clip offset included)
//   path            string  [T]  song paths relative to the folder they were found in
//   genre_names     string  [G]  sorted; split_names string [S] sorted
// plus the settings as attributes (HDF5) or 0-d arrays (.npz): see melExportAttributes().
// HDF5: `mels` is chunked one window per chunk with the shuffle filter and deflate, so a
// random window costs one chunk read; strings are variable-length UTF-8.
#include "core/common/error.h"
#include "core/common/progress.h"
#include "core/dataset/scan.h"
#include "core/dsp/matrix.h"
#include "core/features/mel.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace gs {

// What a song becomes. Callers pass the CNN's settings (gs::ml::cnnMelOptions(), CnnOptions)
// so that exported windows are what the CNN trains on; the defaults here are the same values.
struct MelWindowOptions {
    MelOptions mel;
    int sampleRate = 22050;          // one rate for all songs: frames must mean the same time
    double clipSeconds = 30.0;       // analysed part of each song (0 = whole file)
    double clipOffsetSeconds = 0.0;
    int windowFrames = 128;          // frames per window (128 ≈ 2.97 s at hop 512)
    double overlap = 0.5;            // between consecutive windows of a song (0 .. 0.95)
    void validate() const;           // throws gs::Error(InvalidArgument) naming the setting
};

enum class MelExportFormat { Hdf5, Npz };
// By extension: .h5 / .hdf5 / .hdf → Hdf5, .npz → Npz; throws gs::Error(InvalidArgument).
MelExportFormat melExportFormatFor(const std::filesystem::path& file);

struct MelExportOptions {
    MelWindowOptions windows;
    int threads = 0;                 // 0 = all cores
    int gzipLevel = 4;               // HDF5 deflate level of every dataset (0 = none, 9 = smallest)
    std::uint64_t npzLimitBytes = std::uint64_t(1) << 30; // .npz is built in memory: larger sets need .h5
    ProgressFn progress;             // after every song
    const CancelToken* cancel = nullptr;
};

struct MelExportFailure {
    std::string file;                // as given (SongEntry::path)
    ErrorKind kind = ErrorKind::Internal;
    std::string reason;
};

struct MelExportResult {
    bool cancelled = false;          // then no file was written (an existing one is untouched)
    std::size_t songsWritten = 0;
    std::size_t windowsWritten = 0;
    std::vector<std::string> genres;           // genre_names
    std::vector<std::string> splits;           // split_names
    std::vector<MelExportFailure> failures;    // songs skipped, in input order
    std::vector<std::string> warnings;         // songs that decoded only in part
    std::uintmax_t bytes = 0;                  // size of the written file
    double seconds = 0;
};

// Exports `songs` to `out` (format by extension), replacing it atomically: on an error or
// cancel no file and no temporary is left. `splits` is empty (every song is "train") or one
// split name per song (e.g. FMA's "training" / "validation" / "test"; "" is a valid name).
// Songs that fail to decode are skipped and listed. Throws gs::Error naming `out`:
// InvalidArgument (options, splits size, a .npz above npzLimitBytes), Internal (HDF5, disk).
MelExportResult exportMels(const std::vector<SongEntry>& songs, const std::vector<std::string>& splits,
                           const std::filesystem::path& out, const MelExportOptions& options);

// ---- the pieces, for callers that want one song's windows and for tests ----

// Window starts (in frames) covering a song of `frames` frames: evenly spaced by
// windowFrames * (1 - overlap), the last one flush with the end; {0} when the song is no
// longer than a window (it is padded). The CNN's prediction windows are these.
std::vector<int> melWindowStarts(int frames, int windowFrames, double overlap);

struct SongMelWindows {
    int mels = 0;
    int windowFrames = 0;
    int songFrames = 0;              // frames of the whole (clipped) song
    std::vector<int> starts;         // one per window
    std::vector<float> values;       // [starts.size(), mels, windowFrames], C order
    std::string warning;             // non-empty when the song decoded only in part
};

// One song's dB mel spectrogram exactly as the CNN sees it: decoded at `sampleRate` from
// `offsetSeconds` for `clipSeconds` (0 = to the end), then melSpectrogramDb. The one copy the
// CNN's spectrogram cache and export-mels share. Throws gs::Error naming the song (decode
// errors, Empty, Cancelled); `warning` is set when the song decoded only in part.
Matrix songMelSpectrogramDb(const std::filesystem::path& song, int sampleRate, double offsetSeconds, double clipSeconds,
                            const MelOptions& mel, const CancelToken* cancel = nullptr, std::string* warning = nullptr);

// Cuts a dB mel spectrogram (rows = bands, cols = frames) into windows at melWindowStarts().
SongMelWindows melWindowsOf(const Matrix& melDb, int windowFrames, double overlap);
// Decodes `song` as the options say, computes its dB mel spectrogram and cuts it. Throws
// gs::Error naming the song (decode errors, Empty, Cancelled).
SongMelWindows songMelWindows(const std::filesystem::path& song, const MelWindowOptions& options,
                              const CancelToken* cancel = nullptr);

// The settings stored with the windows (HDF5 attributes, .npz 0-d arrays), in order:
// schema, schema_version, genrescope_version, sample_rate, n_fft, hop_length, n_mels, fmin,
// fmax (the effective value), top_db, pad, window_frames, window_overlap, clip_seconds,
// clip_offset_seconds, units, layout.
struct MelExportAttribute {
    std::string name;
    std::variant<std::int64_t, double, std::string> value;
};
std::vector<MelExportAttribute> melExportAttributes(const MelWindowOptions& options);

constexpr const char* kMelExportSchema = "genrescope-mels";
constexpr int kMelExportSchemaVersion = 1;

} // namespace gs
