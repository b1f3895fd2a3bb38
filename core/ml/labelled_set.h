#pragma once
// From a feature table (CSV or batch extraction) to what the models learn from.
#include "core/dataset/feature_table.h"
#include "core/dataset/metadata.h"
#include "core/common/progress.h"
#include "core/ml/classifier.h"

#include <filesystem>
#include <string>

namespace gs::ml {

// How songs are grouped so that related rows never straddle a CV split:
//   "auto"  a table (CSV): its group column when any row has one, else none; a dataset folder
//           (loadDataset): as the app, clips of one song (see "song", only where a song has
//           several clips) and, when the songs are analysed, duplicate recordings
//   "none"  every row on its own
//   "group" the table's group column (empty = own group)
//   "song"  the file name without a trailing segment number ("blues.00000.3.wav" -> "blues.00000"),
//           for tables of several clips per song
//   "duplicates"  dataset folders only: songs whose audio fingerprints match (the same
//           recording, re-encoded or shifted; findDuplicates) share a group, on top of "auto"
const std::vector<std::string>& groupingModes();

// "blues.00000.3.wav" -> "blues.00000": the song a clip was cut from ("song" grouping).
// Names without a trailing segment number are their own song.
std::string songGroupKey(const std::string& file);

// Groups of clips cut from one song: files sharing a songGroupKey get one group id (0, 1, ...
// in order of first appearance); a file whose song has no other clip stays -1 (its own group).
std::vector<int> songClipGroups(const std::vector<std::string>& files);

// Joins groups: items listed together in one of `linked` (e.g. fingerprint duplicates) end up
// in one group, together with everything already sharing a group with them. groups[i] < 0 =
// item i on its own. Returns group ids numbered 0, 1, ... in order of first appearance, -1
// for items still on their own.
std::vector<int> mergeGroups(const std::vector<int>& groups, const std::vector<std::vector<int>>& linked);

// Rows without a label are skipped (they cannot be learnt from). classes = sorted distinct labels.
// schema: genreFeatureSchema(params) when the columns are the 57 genre features, else a
// "custom" schema naming the columns. Throws InvalidArgument for an unknown mode or no rows.
// "duplicates" groups here as "auto": the fingerprints are not in a table (loadDataset adds them).
// audioRoot: when set, Sample::audioPath = audioRoot / row.file (for models that read audio).
LabelledSet labelledSetFromTable(const FeatureTable& table, const ExtractionParams& params,
                                 const std::string& groupBy = "auto", const std::filesystem::path& audioRoot = {});

// The parameters the public Kaggle GTZAN CSV was made with (reflect padding, legacy HPSS).
ExtractionParams kaggleExtractionParams();

// Reads a features CSV (our layout or the Kaggle one) and converts it. InvalidArgument for
// "duplicates" (a CSV has no audio to fingerprint).
LabelledSet loadFeatureCsv(const std::filesystem::path& file, const ExtractionParams& params,
                           const std::string& groupBy = "auto");

struct DatasetLoadOptions {
    ExtractionParams params;      // how a folder is analysed / how a CSV was made
    std::string groupBy = "auto";
    bool extractFeatures = true;  // false: a folder is only scanned (models that read audio)
    // Clips per song of a folder, placed by songClipStarts (classify_song.h) as classification
    // places its windows: 0 = auto (kDefaultClipsPerSong: one clip for songs under 1.5 clips,
    // e.g. GTZAN's 30-s clips, so their rows stay as they were; up to 5 for longer songs),
    // 1 = only the first clip. Each clip is one row; clips of one song share a group (one fold)
    // and a Sample::song, so cross-validation scores songs by their clips' mean probabilities.
    // The first clip comes from / goes to the feature cache; the others are analysed each run.
    int clipsPerSong = 0;
    int threads = 0;
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
    // The feature cache the app fills (FeatureCache::defaultLocation()); empty = none. Songs
    // whose path, size, modification time, label and schema match are not analysed again;
    // what is analysed is stored back, with its audio fingerprint, for the app and later runs.
    std::filesystem::path cacheFile;
    // Labels from a metadata file (FMA tracks.csv or a plain path,genre CSV) instead of genre
    // folders; empty file = genre folders. Folders only (InvalidArgument for a features CSV).
    // When the labels give groups (FMA's artist id), "auto" groups by them: one artist never
    // sits on both sides of a split.
    LabelSource labels;
};

struct DatasetLoad {
    LabelledSet set;
    std::vector<std::string> failures; // "file: reason" of songs that could not be analysed
    std::vector<std::string> warnings;
    bool fromFolder = false;
    std::size_t songsFromCache = 0;    // analysed (or failed) before, taken from the cache
    std::size_t songsAnalysed = 0;     // decoded and analysed now
    std::string cacheProblem;          // why the cache could not be used / updated; empty = fine
    std::size_t duplicateGroups = 0;   // "duplicates" grouping: groups of matching recordings
    std::vector<std::pair<std::string, long>> songsPerGenre; // labelled songs kept, by genre
    // With DatasetLoadOptions::labels (see LabelledScan): what the labels and the folder disagree on.
    std::string labelFormat;                    // "fma" or "csv"; empty = genre folders
    std::vector<std::string> labelsWithoutFile; // labelled paths with no audio file
    std::vector<std::string> filesWithoutLabel; // audio files the labels do not name
    std::vector<std::string> labelProblems;     // rows of the labels file that could not be used
    std::size_t tracksWithoutGenre = 0;         // left out: no genre in the chosen field
    std::size_t tracksOutsideSubset = 0;        // left out: outside --subset
    bool groupedByLabels = false;               // "auto" grouped by the labels' group (artist)
    std::size_t extraClips = 0;        // clips beyond the first of long songs (clipsPerSong)
};

// A dataset folder (sub-folders = genres: scanned, features extracted or read from the cache)
// or a features CSV. A cache that cannot be opened or written is not an error: the load goes
// on without it and says why in cacheProblem.
// Throws gs::Error (NotFound, Format, Cancelled, InvalidArgument when nothing is labelled).
DatasetLoad loadDataset(const std::filesystem::path& input, const DatasetLoadOptions& options);

} // namespace gs::ml
