#include "core/dataset/scan.h"

#include "core/audio/file_signature.h"
#include "core/common/error.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

#include <sys/stat.h>

namespace gs {
namespace {

namespace fs = std::filesystem;

// Folder nesting deeper than this is not a music collection (or is a link loop).
constexpr int kMaxDepth = 32;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool isHidden(const fs::path& p)
{
    const auto name = p.filename().u8string();
    return !name.empty() && name[0] == u8'.';
}

std::string utf8(const fs::path& p)
{
    const auto s = p.generic_u8string();
    return std::string(s.begin(), s.end());
}


// Size and modification time (Unix seconds) with one stat(): directory_entry::file_size and
// last_write_time stat the file once each, and on a 100,000-song folder the second call was a
// third of the walk's time. 0 and 0 when the file cannot be stat'ed (it is reported later).
void readSizeAndTime(const fs::path& file, SongEntry& song)
{
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        song.sizeBytes = 0;
        song.modifiedTime = 0;
        return;
    }
    song.sizeBytes = std::uintmax_t(info.st_size);
    song.modifiedTime = std::int64_t(info.st_mtim.tv_sec);
}

struct Walker {
    const fs::path& root;
    const CancelToken* cancel;
    ScanResult& result;

    void addFile(const fs::directory_entry& entry, const fs::path& relative)
    {
        if (!hasAudioExtension(entry.path()) && !looksLikeAudio(entry.path())) {
            ++result.skippedNotAudio;
            return;
        }
        SongEntry song;
        song.path = entry.path();
        song.relativePath = utf8(relative);
        const auto first = relative.begin();
        if (std::next(first) != relative.end())  // inside a sub-folder: that folder is the genre
            song.label = utf8(*first);
        readSizeAndTime(entry.path(), song);
        result.songs.push_back(std::move(song));
    }

    void walk(const fs::path& dir, const fs::path& relative, int depth)
    {
        if (cancel)
            cancel->throwIfCancelled(root.string());
        if (depth > kMaxDepth) {
            result.problems.push_back(utf8(dir) + ": nested too deep, not scanned");
            return;
        }
        std::error_code ec;
        fs::directory_iterator it(dir, fs::directory_options::none, ec);
        if (ec) {
            result.problems.push_back(utf8(dir) + ": " + ec.message());
            return;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) {
                result.problems.push_back(utf8(dir) + ": " + ec.message());
                break;
            }
            const auto& entry = *it;
            if (isHidden(entry.path())) {
                ++result.skippedHidden;
                continue;
            }
            const fs::path rel = relative / entry.path().filename();
            std::error_code typeEc;
            if (entry.is_directory(typeEc)) {
                // Symlinked folders are followed; the depth limit stops link loops.
                walk(entry.path(), rel, depth + 1);
            } else if (entry.is_regular_file(typeEc)) {
                addFile(entry, rel);
            } else {
                ++result.skippedNotAudio;  // sockets, FIFOs, broken links
            }
        }
    }
};

} // namespace

const std::vector<std::string>& audioExtensions()
{
    static const std::vector<std::string> list = {".wav", ".wave", ".mp3", ".flac", ".ogg", ".oga", ".opus",
                                                  ".m4a", ".aac",  ".mp4", ".wma",  ".aif", ".aiff", ".aifc",
                                                  ".au",  ".snd",  ".mp2", ".ac3",  ".ape", ".wv",   ".mka",
                                                  ".caf", ".w64",  ".webm", ".amr", ".spx"};
    return list;
}

bool hasAudioExtension(const fs::path& file)
{
    const auto ext = lower(file.extension().string());
    const auto& list = audioExtensions();
    return std::find(list.begin(), list.end(), ext) != list.end();
}

bool looksLikeAudio(const fs::path& file)
{
    const FileSignature sig = readFileSignature(file);
    if (sig.size < 4)
        return false;
    const unsigned char* m = sig.bytes;
    return (sig.has(0, "RIFF") && sig.has(8, "WAVE")) || sig.has(0, "ID3") || sig.has(0, "fLaC") || sig.has(0, "OggS")
        || sig.has(4, "ftyp") || (sig.has(0, "FORM") && (sig.has(8, "AIFF") || sig.has(8, "AIFC"))) || sig.has(0, ".snd")
        || (m[0] == 0xFF && (m[1] & 0xE0) == 0xE0 && (m[1] & 0x06) != 0);  // MPEG audio frame sync, layer set
}

ScanResult scanDataset(const fs::path& root, const CancelToken* cancel)
{
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw Error(ErrorKind::NotFound, root.string(), "folder does not exist");
    if (!fs::is_directory(root, ec))
        throw Error(ErrorKind::NotFound, root.string(), "is not a folder");
    fs::directory_iterator probe(root, ec);
    if (ec)
        throw Error(ErrorKind::NotFound, root.string(), "cannot be read: " + ec.message());

    ScanResult result;
    Walker{root, cancel, result}.walk(root, fs::path(), 0);
    std::sort(result.songs.begin(), result.songs.end(),
              [](const SongEntry& a, const SongEntry& b) { return a.relativePath < b.relativePath; });
    std::set<std::string> genres;
    for (const auto& s : result.songs)
        if (!s.label.empty())
            genres.insert(s.label);
    result.genres.assign(genres.begin(), genres.end());
    return result;
}

SongEntry songEntryForFile(const fs::path& file)
{
    SongEntry song;
    song.path = file;
    song.relativePath = utf8(file.filename());
    readSizeAndTime(file, song);
    return song;
}

} // namespace gs
