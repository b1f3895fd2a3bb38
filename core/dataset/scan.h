#pragma once
// Finding songs: a dataset is a folder whose sub-folders are genres (label = sub-folder
// name, nested folders below a genre belong to it); files directly in the root are
// unlabelled. Hidden entries and non-audio files are skipped and counted.
#include "core/common/progress.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gs {

struct SongEntry {
    std::filesystem::path path;  // as found (root / relativePath)
    std::string relativePath;    // UTF-8, '/' separated, relative to the scanned root
    std::string label;           // genre folder; empty for files directly in the root
    std::uintmax_t sizeBytes = 0;
    std::int64_t modifiedTime = 0;  // seconds since the Unix epoch
    // From a labels file (core/dataset/metadata.h); empty for a folder of genre folders.
    std::string group;               // e.g. FMA's artist id: one artist never on both sides of a split
    std::string split;               // e.g. FMA's set.split: training, validation, test
    std::vector<std::string> genres; // every genre the metadata gives (FMA genres_all); label is one of them
};

struct ScanResult {
    std::vector<SongEntry> songs;       // sorted by relativePath (byte order), so runs are deterministic
    std::size_t skippedHidden = 0;      // names starting with '.' (a hidden folder counts once)
    std::size_t skippedNotAudio = 0;    // files that are neither an audio extension nor audio by content
    std::vector<std::string> genres;    // distinct non-empty labels, sorted
    std::vector<std::string> problems;  // folders that could not be read, with the reason
};

// Throws gs::Error(NotFound) if root is not a readable folder, Cancelled if cancelled.
ScanResult scanDataset(const std::filesystem::path& root, const CancelToken* cancel = nullptr);

// One file outside any dataset: relativePath = file name, empty label.
SongEntry songEntryForFile(const std::filesystem::path& file);

// Lower-case extensions with the dot (".wav", ".mp3", ...) that FFmpeg reads as audio.
const std::vector<std::string>& audioExtensions();
bool hasAudioExtension(const std::filesystem::path& file);
// Cheap content check (first bytes: RIFF/WAVE, ID3, MPEG sync, fLaC, OggS, ftyp, FORM, .snd).
bool looksLikeAudio(const std::filesystem::path& file);

} // namespace gs
