#pragma once
// Genre labels from a metadata file instead of genre folders:
//   - a plain CSV "path,genre" (paths relative to the audio folder; an optional header row
//     naming the columns path|file|filename, genre|label and, optionally, split, group|artist
//     and subset),
//   - FMA's tracks.csv (Defferrard et al., "FMA: A Dataset For Music Analysis", ISMIR 2017;
//     github.com/mdeff/fma): three header rows (top level album|artist|set|track, second
//     level genre_top, genres_all, split, subset, id, ...; then "track_id"), with genres.csv
//     beside it for the genre names and hierarchy. Audio is found by track id
//     (000/000002.mp3: folder = id / 1000, file = six-digit id).
// Both are read with the one RFC 4180 reader (core/common/csv.h), leniently about stray quotes.
#include "core/common/csv.h"
#include "core/common/progress.h"
#include "core/dataset/scan.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

// ---- FMA -------------------------------------------------------------------------------

struct FmaGenre {
    int id = 0;
    int parent = 0;   // 0 = a root (top-level genre)
    int topLevel = 0; // the root above it (itself for a root)
    std::string title;
    long tracks = 0;  // "#tracks" of the full FMA
};
using FmaGenres = std::map<int, FmaGenre>;

// genres.csv: genre_id,#tracks,parent,title,top_level. Throws NotFound / Format.
FmaGenres readFmaGenres(const std::filesystem::path& file);

// An FMA-labelled collection's genres as a tree (genres.csv `parent`), with its songs counted.
// Only genres that have songs, and the genres above them, are in it.
struct GenreTree {
    std::map<std::string, std::string> parentOf; // title -> parent title; "" = top level
    // Songs whose most specific genres include it: a genre of the song that is not above another
    // of its genres (FMA's genres_all lists every genre up to the root).
    std::map<std::string, int> ownSongs;
    // Songs with this genre or any genre below it, each song once (two genres of one song under
    // the same parent count that song once there).
    std::map<std::string, int> totalSongs;
    int songs = 0; // songs with at least one genre genres.csv knows
};
// songGenres: each song's genre titles (LabelledSong::genres / ScannedFile::genres). Titles
// genres.csv does not know are left out; a parent chain that loops is cut where it meets itself.
GenreTree fmaGenreTree(const FmaGenres& genres, const std::vector<std::vector<std::string>>& songGenres);

// "000/000002.mp3": where FMA keeps the clip of a track (fma_small/000/000002.mp3).
std::string fmaAudioPath(long trackId);
// "[17, 10, 76, 103]" -> {17, 10, 76, 103}; "[]" or "" -> {}. Throws Format for other text.
std::vector<int> parseFmaGenreList(const std::string& text);

// ---- Labels ----------------------------------------------------------------------------

enum class LabelField {
    GenreTop,  // FMA genre_top: one top-level genre; tracks without one are left out (counted)
    GenresAll, // FMA genres_all: every genre of the track; see LabelledSong::label for the one used
};
// "genre_top" / "genres_all"; throws InvalidArgument otherwise.
LabelField labelFieldFromName(const std::string& name);
const char* labelFieldName(LabelField field);

struct LabelSource {
    std::filesystem::path file; // empty = labels from genre folders (scanDataset)
    LabelField field = LabelField::GenreTop;
    // FMA subsets are nested (small within medium within large): "medium" keeps the tracks whose
    // set.subset is small or medium. Empty = every track. Plain CSVs: their subset column, exact.
    std::string subset;
};

// FMA subset names, smallest first.
const std::vector<std::string>& fmaSubsets();

struct LabelledSong {
    std::string relativePath;        // '/' separated, relative to the audio folder
    long trackId = -1;               // FMA; -1 for plain CSVs
    // The label single-label models learn. genre_top: FMA's genre_top. genres_all: genre_top when
    // FMA gives one, else the root (top-level genre) with the lowest id among the track's
    // genres_all, so a song with several genres never breaks a single-label model.
    std::string label;
    std::vector<std::string> genres; // genres_all: every genre title (FMA's order); else {label}
    std::string split;               // training / validation / test; empty = none given
    std::string subset;
    std::string group;               // artist id ("artist 1"); empty = none given
};

struct LabelTable {
    std::string format;              // "fma" or "csv"
    LabelField field = LabelField::GenreTop;
    std::vector<LabelledSong> songs; // in file order
    std::size_t withoutGenre = 0;    // tracks without the chosen genre field, left out
    std::size_t outsideSubset = 0;   // tracks outside the chosen subset, left out
    // Keys (see labelKey) of the tracks left out above, so their files are not reported as unlabelled.
    std::set<std::string> leftOut;
    std::vector<std::string> problems; // "tracks.csv line 12: ..." rows that could not be used
};

// Reads FMA's tracks.csv (genres.csv beside it, needed for genres_all) or a plain CSV, told
// apart by the first header row. Throws NotFound, Format (no usable columns), InvalidArgument
// (unknown subset).
LabelTable readLabels(const LabelSource& source);

// The key a labelled song and a file are matched by: FMA "#<track id>" (the file's name is the
// track id, whatever its folder and extension), else the cleaned relative path.
std::string labelKey(const std::string& format, const std::string& relativePath);
std::string labelKey(const LabelledSong& song, const std::string& format);

struct LabelledScan {
    ScanResult scan;                             // only songs with a label, carrying it
    std::vector<std::string> labelsWithoutFile;  // labelled paths with no audio file in the folder
    std::vector<std::string> filesWithoutLabel;  // audio files the labels do not name
    std::size_t withoutGenre = 0;                // from LabelTable
    std::size_t outsideSubset = 0;
    std::vector<std::string> labelProblems;      // LabelTable::problems
    std::string format;
};

// Scans root for audio (as scanDataset) and gives each file its label from source. Throws as
// scanDataset and readLabels.
LabelledScan scanWithLabels(const std::filesystem::path& root, const LabelSource& source,
                            const CancelToken* cancel = nullptr);
LabelledScan matchLabels(ScanResult files, const LabelTable& labels);

// FMA clips last 30 s; a decoded clip shorter than this is one of FMA's known bad files.
constexpr double kFmaMinClipSeconds = 15.0;

} // namespace gs
