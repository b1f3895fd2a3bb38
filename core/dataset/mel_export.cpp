#include "core/dataset/mel_export.h"

#include "core/audio/decode.h"
#include "core/common/atomic_file.h"
#include "core/common/npy.h"
#include "core/jobs/parallel.h"

#include <hdf5.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <utility>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>

namespace gs {

namespace fs = std::filesystem;

// The .npz members and HDF5 datasets are written straight from memory as little-endian.
static_assert(std::endian::native == std::endian::little, "mel export writes native little-endian arrays");

// ---- settings ----

void MelWindowOptions::validate() const
{
    auto bad = [](const std::string& name, const std::string& why) {
        throw Error(ErrorKind::InvalidArgument, name, why);
    };
    if (sampleRate < 1000 || sampleRate > 384000)
        bad("sample rate", "must be one rate in 1000..384000 Hz (windows of different rates would not line up)");
    if (windowFrames < 1 || windowFrames > 65536)
        bad("window frames", "must be 1..65536");
    if (!(overlap >= 0.0 && overlap <= 0.95))
        bad("window overlap", "must be 0..0.95");
    if (!(clipSeconds >= 0.0) || !(clipOffsetSeconds >= 0.0))
        bad("clip", "length and offset must be >= 0");
    if (mel.nMels < 1 || mel.hop < 1 || mel.nFft < 2)
        bad("mel settings", "n_mels, hop and n_fft must be positive");
}

MelExportFormat melExportFormatFor(const fs::path& file)
{
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".h5" || ext == ".hdf5" || ext == ".hdf")
        return MelExportFormat::Hdf5;
    if (ext == ".npz")
        return MelExportFormat::Npz;
    throw Error(ErrorKind::InvalidArgument, file.string(), "unknown export format: name it .h5 (HDF5) or .npz (NumPy)");
}

std::vector<MelExportAttribute> melExportAttributes(const MelWindowOptions& o)
{
    const double fmax = o.mel.fmax > 0 ? o.mel.fmax : o.sampleRate / 2.0;
    return {
        {"schema", std::string(kMelExportSchema)},
        {"schema_version", std::int64_t(kMelExportSchemaVersion)},
        {"genrescope_version", std::string(GENRESCOPE_VERSION)},
        {"sample_rate", std::int64_t(o.sampleRate)},
        {"n_fft", std::int64_t(o.mel.nFft)},
        {"hop_length", std::int64_t(o.mel.hop)},
        {"n_mels", std::int64_t(o.mel.nMels)},
        {"fmin", o.mel.fmin},
        {"fmax", fmax},
        {"top_db", o.mel.topDb},
        {"pad", std::string(toString(o.mel.pad))},
        {"window_frames", std::int64_t(o.windowFrames)},
        {"window_overlap", o.overlap},
        {"clip_seconds", o.clipSeconds},
        {"clip_offset_seconds", o.clipOffsetSeconds},
        {"units", std::string("dB: librosa power_to_db(melspectrogram, ref=1, amin=1e-10, top_db) of mono audio")},
        {"layout", std::string("mels[window, mel band, frame]; frames past a song's end hold its lowest value")},
    };
}

// ---- windows ----

std::vector<int> melWindowStarts(int frames, int windowFrames, double overlap)
{
    if (frames <= windowFrames)
        return {0};
    const int hop = std::max(1, int(std::lround(windowFrames * (1.0 - overlap))));
    std::vector<int> starts;
    for (int s = 0; s + windowFrames <= frames; s += hop)
        starts.push_back(s);
    if (starts.back() + windowFrames < frames)
        starts.push_back(frames - windowFrames);
    return starts;
}

SongMelWindows melWindowsOf(const Matrix& melDb, int windowFrames, double overlap)
{
    if (melDb.rows == 0 || melDb.cols == 0)
        throw Error(ErrorKind::Empty, "mel spectrogram", "no frames to cut into windows");
    SongMelWindows w;
    w.mels = int(melDb.rows);
    w.windowFrames = windowFrames;
    w.songFrames = int(melDb.cols);
    w.starts = melWindowStarts(w.songFrames, windowFrames, overlap);
    // The CNN pads a short song with its quietest level (8-bit code 0 = the song's minimum).
    const float lowest = *std::min_element(melDb.data.begin(), melDb.data.end());
    const std::size_t windowSize = std::size_t(w.mels) * std::size_t(windowFrames);
    w.values.assign(w.starts.size() * windowSize, lowest);
    for (std::size_t i = 0; i < w.starts.size(); ++i) {
        const int start = w.starts[i];
        const int available = std::min(windowFrames, w.songFrames - start);
        for (int band = 0; band < w.mels; ++band) {
            const float* from = melDb.row(std::size_t(band)).data() + start;
            std::copy(from, from + available, w.values.data() + i * windowSize + std::size_t(band) * windowFrames);
        }
    }
    return w;
}

Matrix songMelSpectrogramDb(const fs::path& song, int sampleRate, double offsetSeconds, double clipSeconds,
                            const MelOptions& mel, const CancelToken* cancel, std::string* warning)
{
    DecodeOptions decode;
    decode.sampleRate = sampleRate;
    decode.offsetSeconds = offsetSeconds;
    decode.durationSeconds = clipSeconds;
    const Audio audio = decodeAudio(song, decode, cancel);
    if (audio.samples.empty())
        throw Error(ErrorKind::Empty, song.string(), "no audio samples decoded");
    if (cancel)
        cancel->throwIfCancelled(song.string());
    if (warning && audio.partial)
        *warning = song.string() + ": " + audio.warning;
    return melSpectrogramDb(audio.samples, audio.sampleRate, mel);
}

SongMelWindows songMelWindows(const fs::path& song, const MelWindowOptions& options, const CancelToken* cancel)
{
    std::string warning;
    SongMelWindows w = melWindowsOf(songMelSpectrogramDb(song, options.sampleRate, options.clipOffsetSeconds,
                                                         options.clipSeconds, options.mel, cancel, &warning),
                                    options.windowFrames, options.overlap);
    w.warning = std::move(warning);
    return w;
}

namespace {

// ---- what every window refers to ----

struct NameTable {
    std::vector<std::string> names;        // sorted, distinct
    std::vector<std::int32_t> codeOfSong;  // index into names, -1 = none
};

NameTable genreTable(const std::vector<SongEntry>& songs)
{
    NameTable t;
    std::set<std::string> distinct;
    for (const auto& s : songs)
        if (!s.label.empty())
            distinct.insert(s.label);
    t.names.assign(distinct.begin(), distinct.end());
    for (const auto& s : songs)
        t.codeOfSong.push_back(s.label.empty() ? -1
                                               : std::int32_t(std::lower_bound(t.names.begin(), t.names.end(), s.label)
                                                              - t.names.begin()));
    return t;
}

NameTable splitTable(std::size_t songCount, const std::vector<std::string>& splits)
{
    const std::vector<std::string> given = splits.empty() ? std::vector<std::string>(songCount, "train") : splits;
    NameTable t;
    const std::set<std::string> distinct(given.begin(), given.end());
    t.names.assign(distinct.begin(), distinct.end());
    if (t.names.empty())
        t.names.push_back("train");
    for (const auto& s : given)
        t.codeOfSong.push_back(std::int32_t(std::lower_bound(t.names.begin(), t.names.end(), s) - t.names.begin()));
    return t;
}

// One finished song on its way into the file.
struct SongRecord {
    std::string path;      // relative path, UTF-8
    std::int32_t label = -1;
    std::int32_t split = 0;
    double secondsPerFrame = 0;
    double clipOffset = 0;
    SongMelWindows windows;
    std::vector<std::string> chunks; // HDF5: each window already shuffled and deflated
};

// Where songs go, one at a time and in input order; calls are serialised by the caller.
class MelSink {
public:
    virtual ~MelSink() = default;
    // On the worker, in parallel with other songs (thread-safe; no file access).
    virtual void prepare(SongRecord&) const {}
    virtual void addSong(const SongRecord& song) = 0;
    virtual void finish(const NameTable& genres, const NameTable& splits,
                        const std::vector<MelExportAttribute>& attributes) = 0;
};

// ---- HDF5 (C API kept in here) ----

// An HDF5 identifier closed when it goes out of scope.
class H5Id {
public:
    H5Id() = default;
    H5Id(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
    H5Id(H5Id&& o) noexcept : id_(std::exchange(o.id_, -1)), close_(o.close_) {}
    H5Id& operator=(H5Id&& o) noexcept
    {
        std::swap(id_, o.id_);
        std::swap(close_, o.close_);
        return *this;
    }
    ~H5Id()
    {
        if (id_ >= 0 && close_)
            close_(id_);
    }
    hid_t get() const { return id_; }
    // Closes now and reports failure (closing the file flushes the last chunks).
    herr_t close() { return id_ >= 0 && close_ ? close_(std::exchange(id_, -1)) : 0; }

private:
    hid_t id_ = -1;
    herr_t (*close_)(hid_t) = nullptr;
};

// The innermost message of the calling thread's HDF5 error stack ("No space left on device").
std::string hdf5Reason()
{
    std::string reason;
    H5Ewalk2(
        H5E_DEFAULT, H5E_WALK_DOWNWARD,
        [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
            if (e && e->desc && *e->desc)
                *static_cast<std::string*>(data) = e->desc;
            return 0;
        },
        &reason);
    return reason.empty() ? "unknown HDF5 error" : reason;
}

// One window as HDF5's filter pipeline would store it: the shuffle filter (byte k of every
// float together, H5Zshuffle.c) then the deflate filter (zlib's compress2, H5Zdeflate.c).
// Done on the workers so that compression, the slow part, runs on every core; the chunk is
// then written as is (H5Dwrite_chunk) and read back through the ordinary filters.
std::string shuffledDeflatedChunk(const float* values, std::size_t count, int level)
{
    constexpr std::size_t kBytes = sizeof(float);
    const auto* in = reinterpret_cast<const unsigned char*>(values);
    std::string shuffled(count * kBytes, '\0');
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t b = 0; b < kBytes; ++b)
            shuffled[b * count + i] = char(in[i * kBytes + b]);
    uLongf size = compressBound(uLong(shuffled.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(shuffled.data()),
                  uLong(shuffled.size()), level) != Z_OK)
        throw Error(ErrorKind::Internal, "mel window", "zlib could not compress a window");
    out.resize(size);
    return out;
}

class Hdf5MelFile final : public MelSink {
public:
    Hdf5MelFile(const fs::path& file, std::string name, int mels, int frames, int gzipLevel)
        : name_(std::move(name)), mels_(hsize_t(mels)), frames_(hsize_t(frames)), gzip_(unsigned(gzipLevel))
    {
        quiet();
        file_ = H5Id(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
        check(file_.get(), "create the file");
        stringType_ = H5Id(H5Tcopy(H5T_C_S1), H5Tclose);
        check(H5Tset_size(stringType_.get(), H5T_VARIABLE), "make the string type");
        check(H5Tset_cset(stringType_.get(), H5T_CSET_UTF8), "make the string type");
        const std::array<hsize_t, 3> window = {1, mels_, frames_};
        melsData_ = createGrowing("mels", H5T_IEEE_F32LE, window, true);
        track_ = createGrowing("track", H5T_STD_I64LE, std::array<hsize_t, 1>{4096}, false);
        label_ = createGrowing("label", H5T_STD_I32LE, std::array<hsize_t, 1>{4096}, false);
        split_ = createGrowing("split", H5T_STD_I32LE, std::array<hsize_t, 1>{4096}, false);
        offset_ = createGrowing("offset_seconds", H5T_IEEE_F64LE, std::array<hsize_t, 1>{4096}, false);
        path_ = createGrowing("path", stringType_.get(), std::array<hsize_t, 1>{1024}, false);
    }

    void prepare(SongRecord& song) const override
    {
        if (gzip_ == 0)
            return;
        const auto& w = song.windows;
        const std::size_t size = std::size_t(mels_ * frames_);
        for (std::size_t i = 0; i < w.starts.size(); ++i)
            song.chunks.push_back(shuffledDeflatedChunk(w.values.data() + i * size, size, int(gzip_)));
        song.windows.values = {}; // the chunks replace them while the song waits for its turn
    }

    void addSong(const SongRecord& song) override
    {
        quiet();
        const auto& w = song.windows;
        const hsize_t count = w.starts.size();
        std::vector<std::int64_t> track;
        std::vector<std::int32_t> label, split;
        std::vector<double> offset;
        for (int start : w.starts) {
            track.push_back(std::int64_t(tracks_));
            label.push_back(song.label);
            split.push_back(song.split);
            offset.push_back(song.clipOffset + start * song.secondsPerFrame);
        }
        if (song.chunks.empty())
            append(melsData_, H5T_NATIVE_FLOAT, windows_, {count, mels_, frames_}, w.values.data());
        else
            appendChunks(song.chunks);
        append(track_, H5T_NATIVE_INT64, windows_, {count}, track.data());
        append(label_, H5T_NATIVE_INT32, windows_, {count}, label.data());
        append(split_, H5T_NATIVE_INT32, windows_, {count}, split.data());
        append(offset_, H5T_NATIVE_DOUBLE, windows_, {count}, offset.data());
        const char* path = song.path.c_str();
        append(path_, stringType_.get(), tracks_, {1}, &path);
        windows_ += count;
        ++tracks_;
    }

    void finish(const NameTable& genres, const NameTable& splits,
                const std::vector<MelExportAttribute>& attributes) override
    {
        quiet();
        writeStrings("genre_names", genres.names);
        writeStrings("split_names", splits.names);
        for (const auto& a : attributes)
            writeAttribute(a);
        for (H5Id* d : {&melsData_, &track_, &label_, &split_, &offset_, &path_})
            check(d->close(), "close a dataset");
        check(file_.close(), "write the file to disk");
    }

private:
    // Errors become gs::Error below, not text HDF5 prints itself (the stack is per thread).
    static void quiet() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

    template <typename T>
    T check(T status, const std::string& what) const
    {
        if (status < 0)
            throw Error(ErrorKind::Internal, name_, "HDF5 could not " + what + ": " + hdf5Reason());
        return status;
    }

    // An empty dataset that grows along its first axis, chunked as `chunk`, compressed.
    template <std::size_t Rank>
    H5Id createGrowing(const char* name, hid_t type, const std::array<hsize_t, Rank>& chunk, bool shuffle)
    {
        std::array<hsize_t, Rank> dims = chunk, maxDims = chunk;
        dims[0] = 0;
        maxDims[0] = H5S_UNLIMITED;
        H5Id space(check(H5Screate_simple(int(Rank), dims.data(), maxDims.data()), "make a dataspace"), H5Sclose);
        H5Id props(check(H5Pcreate(H5P_DATASET_CREATE), "make dataset properties"), H5Pclose);
        check(H5Pset_chunk(props.get(), int(Rank), chunk.data()), std::string("chunk ") + name);
        // Shuffle puts the bytes of equal rank together, which deflate then compresses better
        // (HDF5 filter docs; about 10-20 % smaller for float spectrograms).
        if (shuffle && gzip_ > 0)
            check(H5Pset_shuffle(props.get()), std::string("set the shuffle filter on ") + name);
        if (gzip_ > 0)
            check(H5Pset_deflate(props.get(), gzip_), std::string("set deflate on ") + name);
        return H5Id(check(H5Dcreate2(file_.get(), name, type, space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
                          std::string("create dataset ") + name),
                    H5Dclose);
    }

    // Writes `shape` (rows first) at row `at` of a growing dataset.
    void append(H5Id& dataset, hid_t memType, hsize_t at, std::vector<hsize_t> shape, const void* data)
    {
        if (shape[0] == 0)
            return;
        std::vector<hsize_t> total = shape, start(shape.size(), 0);
        total[0] = at + shape[0];
        start[0] = at;
        check(H5Dset_extent(dataset.get(), total.data()), "grow a dataset");
        H5Id fileSpace(check(H5Dget_space(dataset.get()), "read a dataspace"), H5Sclose);
        check(H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start.data(), nullptr, shape.data(), nullptr),
              "select rows");
        H5Id memSpace(check(H5Screate_simple(int(shape.size()), shape.data(), nullptr), "make a dataspace"), H5Sclose);
        check(H5Dwrite(dataset.get(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT, data), "write rows");
    }

    // Pre-filtered windows, one chunk each (filter mask 0: every filter of the pipeline applied).
    void appendChunks(const std::vector<std::string>& chunks)
    {
        const std::array<hsize_t, 3> total = {windows_ + chunks.size(), mels_, frames_};
        check(H5Dset_extent(melsData_.get(), total.data()), "grow a dataset");
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const std::array<hsize_t, 3> at = {windows_ + i, 0, 0};
            check(H5Dwrite_chunk(melsData_.get(), H5P_DEFAULT, 0, at.data(), chunks[i].size(), chunks[i].data()),
                  "write a window");
        }
    }

    void writeStrings(const char* name, const std::vector<std::string>& values)
    {
        std::vector<const char*> pointers;
        for (const auto& v : values)
            pointers.push_back(v.c_str());
        const hsize_t n = values.size();
        H5Id space(check(H5Screate_simple(1, &n, nullptr), "make a dataspace"), H5Sclose);
        H5Id d(check(H5Dcreate2(file_.get(), name, stringType_.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                     std::string("create dataset ") + name),
               H5Dclose);
        if (n > 0)
            check(H5Dwrite(d.get(), stringType_.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                  std::string("write ") + name);
    }

    void writeAttribute(const MelExportAttribute& a)
    {
        H5Id space(check(H5Screate(H5S_SCALAR), "make a dataspace"), H5Sclose);
        hid_t fileType = H5T_STD_I64LE, memType = H5T_NATIVE_INT64;
        const void* data = nullptr;
        const char* text = nullptr;
        if (const auto* i = std::get_if<std::int64_t>(&a.value)) {
            data = i;
        } else if (const auto* d = std::get_if<double>(&a.value)) {
            fileType = H5T_IEEE_F64LE;
            memType = H5T_NATIVE_DOUBLE;
            data = d;
        } else {
            text = std::get<std::string>(a.value).c_str();
            fileType = memType = stringType_.get();
            data = &text;
        }
        H5Id attr(check(H5Acreate2(file_.get(), a.name.c_str(), fileType, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                        "create attribute " + a.name),
                  H5Aclose);
        check(H5Awrite(attr.get(), memType, data), "write attribute " + a.name);
    }

    std::string name_; // the target file, for messages (the temporary name means nothing to users)
    hsize_t mels_, frames_;
    unsigned gzip_;
    H5Id file_, stringType_, melsData_, track_, label_, split_, offset_, path_;
    hsize_t windows_ = 0, tracks_ = 0;
};

// ---- .npz: a ZIP of .npy members ----

// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as the ZIP format requires
// (PKWARE APPNOTE.TXT 4.4.7).
std::uint32_t crc32Update(std::uint32_t crc, const char* data, std::size_t size)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i)
        crc = table[(crc ^ std::uint8_t(data[i])) & 0xff] ^ (crc >> 8);
    return ~crc;
}

// One member: the .npy header, then its data (a view, so the big array is never copied).
struct NpyMember {
    std::string name;
    std::string header;
    std::string ownedData;           // small arrays
    const char* data = nullptr;      // else a view of the caller's array
    std::size_t dataSize = 0;

    std::string_view body() const { return data ? std::string_view(data, dataSize) : std::string_view(ownedData); }
    std::uint64_t size() const { return header.size() + body().size(); }
};

template <typename T>
std::string rawBytes(const std::vector<T>& values)
{
    return std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

// UTF-8 → numpy '<U' (UTF-32LE, fixed width, zero padded). Invalid bytes become U+FFFD.
std::u32string utf32(const std::string& s)
{
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = std::uint8_t(s[i]);
        const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        char32_t cp = length == 1 ? c : length == 2 ? c & 0x1f : length == 3 ? c & 0x0f : c & 0x07;
        bool ok = length > 0 && i + std::size_t(length) <= s.size();
        for (int k = 1; ok && k < length; ++k) {
            const auto cc = std::uint8_t(s[i + std::size_t(k)]);
            ok = (cc >> 6) == 0x2;
            cp = (cp << 6) | (cc & 0x3f);
        }
        out.push_back(ok ? cp : U'\uFFFD');
        i += ok ? std::size_t(length) : 1;
    }
    return out;
}

NpyMember stringMember(const std::string& name, const std::vector<std::string>& values, bool scalar = false)
{
    std::vector<std::u32string> wide;
    std::size_t width = 1; // '<U0' is legal but awkward; one character of padding costs nothing
    for (const auto& v : values) {
        wide.push_back(utf32(v));
        width = std::max(width, wide.back().size());
    }
    NpyMember m{name + ".npy", {}, {}, nullptr, 0};
    const std::vector<std::size_t> shape = scalar ? std::vector<std::size_t>{} : std::vector<std::size_t>{values.size()};
    m.header = npyHeader("<U" + std::to_string(width), shape);
    for (auto& w : wide) {
        w.resize(width, U'\0');
        m.ownedData.append(reinterpret_cast<const char*>(w.data()), width * sizeof(char32_t));
    }
    return m;
}

template <typename T>
NpyMember numberMember(const std::string& name, const char* descr, const std::vector<T>& values, bool scalar = false)
{
    const std::vector<std::size_t> shape = scalar ? std::vector<std::size_t>{} : std::vector<std::size_t>{values.size()};
    return {name + ".npy", npyHeader(descr, shape), rawBytes(values), nullptr, 0};
}

void putLe(std::ostream& out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.put(char((value >> (8 * i)) & 0xff));
}

// A ZIP archive of stored (uncompressed) members, as numpy.savez writes it (APPNOTE.TXT 4.3:
// local header + data per member, then the central directory and its end record). Fixed
// 1980-01-01 timestamps keep the file reproducible. Members and the archive stay below
// 4 GiB (the caller's size limit), so no ZIP64 records are needed.
void writeZip(std::ostream& out, const std::vector<NpyMember>& members)
{
    constexpr std::uint16_t kVersion = 20, kDosDate = (0 << 9) | (1 << 5) | 1, kDosTime = 0;
    std::vector<std::uint32_t> crcs, offsets;
    std::uint64_t position = 0;
    for (const auto& m : members) {
        std::uint32_t crc = crc32Update(0, m.header.data(), m.header.size());
        crc = crc32Update(crc, m.body().data(), m.body().size());
        crcs.push_back(crc);
        offsets.push_back(std::uint32_t(position));
        putLe(out, 0x04034b50, 4);
        putLe(out, kVersion, 2);
        putLe(out, 0, 2); // flags
        putLe(out, 0, 2); // method: stored
        putLe(out, kDosTime, 2);
        putLe(out, kDosDate, 2);
        putLe(out, crc, 4);
        putLe(out, m.size(), 4);
        putLe(out, m.size(), 4);
        putLe(out, m.name.size(), 2);
        putLe(out, 0, 2); // extra field length
        out << m.name << m.header;
        out.write(m.body().data(), std::streamsize(m.body().size()));
        position += 30 + m.name.size() + m.size();
    }
    const std::uint64_t directoryStart = position;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& m = members[i];
        putLe(out, 0x02014b50, 4);
        putLe(out, kVersion, 2); // made by
        putLe(out, kVersion, 2); // needed
        putLe(out, 0, 2);
        putLe(out, 0, 2);
        putLe(out, kDosTime, 2);
        putLe(out, kDosDate, 2);
        putLe(out, crcs[i], 4);
        putLe(out, m.size(), 4);
        putLe(out, m.size(), 4);
        putLe(out, m.name.size(), 2);
        putLe(out, 0, 2);  // extra
        putLe(out, 0, 2);  // comment
        putLe(out, 0, 2);  // disk
        putLe(out, 0, 2);  // internal attributes
        putLe(out, 0, 4);  // external attributes
        putLe(out, offsets[i], 4);
        out << m.name;
        position += 46 + m.name.size();
    }
    putLe(out, 0x06054b50, 4);
    putLe(out, 0, 2);
    putLe(out, 0, 2);
    putLe(out, members.size(), 2);
    putLe(out, members.size(), 2);
    putLe(out, position - directoryStart, 4);
    putLe(out, directoryStart, 4);
    putLe(out, 0, 2);
}

// Collects everything in memory (small sets only), then writes one ZIP atomically.
class NpzMelFile final : public MelSink {
public:
    NpzMelFile(fs::path file, int mels, int frames, std::uint64_t limitBytes)
        : file_(std::move(file)), mels_(std::size_t(mels)), frames_(std::size_t(frames)), limit_(limitBytes)
    {
    }

    void addSong(const SongRecord& song) override
    {
        const auto& w = song.windows;
        const std::uint64_t bytes = (mels_values_.size() + w.values.size()) * sizeof(float);
        if (bytes > limit_)
            throw Error(ErrorKind::InvalidArgument, file_.string(),
                        "more than " + std::to_string(limit_ >> 20) +
                            " MB of windows: a .npz is built in memory; export to .h5 instead (written as it goes)");
        mels_values_.insert(mels_values_.end(), w.values.begin(), w.values.end());
        for (int start : w.starts) {
            track_.push_back(std::int64_t(paths_.size()));
            label_.push_back(song.label);
            split_.push_back(song.split);
            offset_.push_back(song.clipOffset + start * song.secondsPerFrame);
        }
        paths_.push_back(song.path);
    }

    void finish(const NameTable& genres, const NameTable& splits,
                const std::vector<MelExportAttribute>& attributes) override
    {
        std::vector<NpyMember> members;
        const std::size_t shape[] = {track_.size(), mels_, frames_};
        members.push_back({"mels.npy", npyHeader("<f4", shape), {}, reinterpret_cast<const char*>(mels_values_.data()),
                           mels_values_.size() * sizeof(float)});
        members.push_back(numberMember("track", "<i8", track_));
        members.push_back(numberMember("label", "<i4", label_));
        members.push_back(numberMember("split", "<i4", split_));
        members.push_back(numberMember("offset_seconds", "<f8", offset_));
        members.push_back(stringMember("path", paths_));
        members.push_back(stringMember("genre_names", genres.names));
        members.push_back(stringMember("split_names", splits.names));
        for (const auto& a : attributes) {
            if (const auto* i = std::get_if<std::int64_t>(&a.value))
                members.push_back(numberMember(a.name, "<i8", std::vector<std::int64_t>{*i}, true));
            else if (const auto* d = std::get_if<double>(&a.value))
                members.push_back(numberMember(a.name, "<f8", std::vector<double>{*d}, true));
            else
                members.push_back(stringMember(a.name, {std::get<std::string>(a.value)}, true));
        }
        writeFileAtomically(file_, [&](std::ostream& out) { writeZip(out, members); });
    }

private:
    fs::path file_;
    std::size_t mels_, frames_;
    std::uint64_t limit_;
    std::vector<float> mels_values_;
    std::vector<std::int64_t> track_;
    std::vector<std::int32_t> label_, split_;
    std::vector<double> offset_;
    std::vector<std::string> paths_;
};

// ---- in input order, from many workers ----

// Songs finish in any order on the pool; the file receives them in input order (so two
// exports of one folder are identical) and at most `ahead` finished songs wait in memory:
// a worker does not start song i before song i - ahead has been written.
class InOrderCommitter {
public:
    using Write = std::function<void(SongRecord&)>;
    InOrderCommitter(std::size_t ahead, Write write, const CancelToken* cancel)
        : ahead_(ahead), write_(std::move(write)), cancel_(cancel)
    {
    }

    void waitForTurn(std::size_t index)
    {
        std::unique_lock lock(mutex_);
        while (index >= next_ + ahead_ && !error_) {
            if (cancel_ && cancel_->cancelled())
                throw Error(ErrorKind::Cancelled, "mel export", "cancelled");
            turn_.wait_for(lock, std::chrono::milliseconds(50));
        }
        if (error_)
            throw Error(ErrorKind::Cancelled, "mel export", "stopped after a write error");
    }

    // Every started song is delivered exactly once: its windows, or nullopt when it failed.
    void deliver(std::size_t index, std::optional<SongRecord> record) noexcept
    {
        std::lock_guard lock(mutex_);
        if (error_)
            return;
        pending_.emplace(index, std::move(record));
        for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(next_)) {
            try {
                if (it->second)
                    write_(*it->second);
            } catch (...) {
                error_ = std::current_exception();
                pending_.clear();
                break;
            }
            pending_.erase(it);
            ++next_;
        }
        turn_.notify_all();
    }

    void rethrowWriteError() const
    {
        if (error_)
            std::rethrow_exception(error_);
    }

private:
    std::size_t ahead_;
    Write write_;
    const CancelToken* cancel_;
    std::mutex mutex_;
    std::condition_variable turn_;
    std::map<std::size_t, std::optional<SongRecord>> pending_;
    std::size_t next_ = 0;
    std::exception_ptr error_;
};

struct ExportPlan {
    const std::vector<SongEntry>& songs;
    NameTable genres;
    NameTable splits;
    const MelExportOptions& options;
};

// Decodes and cuts every song on the pool and hands them to `sink` in order. Throws the
// sink's error, or Cancelled; fills the result's counts, failures and warnings.
void runExport(const ExportPlan& plan, MelSink& sink, MelExportResult& result)
{
    const auto& o = plan.options;
    const int threads = o.threads > 0 ? o.threads : defaultThreadCount();
    InOrderCommitter committer(2 * std::size_t(threads),
                               [&](SongRecord& song) {
                                   sink.addSong(song);
                                   ++result.songsWritten;
                                   result.windowsWritten += song.windows.starts.size();
                                   if (!song.windows.warning.empty())
                                       result.warnings.push_back(song.windows.warning);
                               },
                               o.cancel);
    ParallelOptions parallel;
    parallel.threads = threads;
    parallel.progress = o.progress;
    parallel.cancel = o.cancel;
    parallel.stage = "exporting mel windows";
    const double secondsPerFrame = double(o.windows.mel.hop) / o.windows.sampleRate;
    const ParallelOutcome outcome = parallelFor(
        plan.songs.size(),
        [&](std::size_t index, int) {
            try {
                committer.waitForTurn(index);
                const SongEntry& entry = plan.songs[index];
                SongRecord record;
                record.path = entry.relativePath;
                record.label = plan.genres.codeOfSong[index];
                record.split = plan.splits.codeOfSong[index];
                record.secondsPerFrame = secondsPerFrame;
                record.clipOffset = o.windows.clipOffsetSeconds;
                record.windows = songMelWindows(entry.path, o.windows, o.cancel);
                sink.prepare(record);
                committer.deliver(index, std::move(record));
            } catch (...) {
                committer.deliver(index, std::nullopt);
                throw;
            }
        },
        parallel);
    committer.rethrowWriteError();
    if (outcome.cancelled || (o.cancel && o.cancel->cancelled()))
        throw Error(ErrorKind::Cancelled, "mel export", "cancelled");
    for (const auto& f : outcome.failures)
        result.failures.push_back({plan.songs[f.index].path.string(), f.kind, f.reason});
}

// A .npz larger than the limit is refused before any decoding when the clip length bounds it.
void checkNpzEstimate(std::size_t songCount, const fs::path& out, const MelExportOptions& o)
{
    const auto& w = o.windows;
    if (w.clipSeconds <= 0)
        return; // whole files: only the running check in NpzMelFile::addSong can tell
    const int frames = 1 + int(w.clipSeconds * w.sampleRate) / w.mel.hop; // librosa center=True
    const std::uint64_t perSong = melWindowStarts(frames, w.windowFrames, w.overlap).size() *
                                  std::uint64_t(w.mel.nMels) * std::uint64_t(w.windowFrames) * sizeof(float);
    if (perSong * songCount > o.npzLimitBytes)
        throw Error(ErrorKind::InvalidArgument, out.string(),
                    "about " + std::to_string(perSong * songCount >> 20) + " MB of windows for " +
                        std::to_string(songCount) + " songs is more than the .npz limit of " +
                        std::to_string(o.npzLimitBytes >> 20) +
                        " MB (a .npz is built in memory); export to .h5 instead (written as it goes)");
}

} // namespace

MelExportResult exportMels(const std::vector<SongEntry>& songs, const std::vector<std::string>& splits,
                           const fs::path& out, const MelExportOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    const MelExportFormat format = melExportFormatFor(out);
    options.windows.validate();
    if (!splits.empty() && splits.size() != songs.size())
        throw Error(ErrorKind::InvalidArgument, out.string(),
                    std::to_string(splits.size()) + " split names for " + std::to_string(songs.size()) + " songs");
    if (options.gzipLevel < 0 || options.gzipLevel > 9)
        throw Error(ErrorKind::InvalidArgument, out.string(), "the gzip level must be 0..9");
    const std::uint64_t zipLimit = std::uint64_t(4000) << 20; // stays clear of ZIP64
    if (format == MelExportFormat::Npz && options.npzLimitBytes > zipLimit)
        throw Error(ErrorKind::InvalidArgument, out.string(), "the .npz limit must be below 4000 MB");

    const ExportPlan plan{songs, genreTable(songs), splitTable(songs.size(), splits), options};
    const auto attributes = melExportAttributes(options.windows);
    const int mels = options.windows.mel.nMels, frames = options.windows.windowFrames;
    MelExportResult result;
    result.genres = plan.genres.names;
    result.splits = plan.splits.names;
    try {
        if (format == MelExportFormat::Hdf5) {
            writeFileAtomicallyByName(out, [&](const fs::path& temporary) {
                Hdf5MelFile file(temporary, out.string(), mels, frames, options.gzipLevel);
                runExport(plan, file, result);
                file.finish(plan.genres, plan.splits, attributes);
            });
        } else {
            checkNpzEstimate(songs.size(), out, options);
            NpzMelFile file(out, mels, frames, options.npzLimitBytes);
            runExport(plan, file, result);
            file.finish(plan.genres, plan.splits, attributes);
        }
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Cancelled || !options.cancel || !options.cancel->cancelled())
            throw;
        result = MelExportResult{};
        result.cancelled = true;
    }
    std::error_code ec;
    if (!result.cancelled)
        result.bytes = fs::file_size(out, ec);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace gs
