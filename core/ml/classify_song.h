#pragma once
// Classifying whole songs with a trained model: several clips spread over the song are
// analysed like the training clips and their genre probabilities averaged.
#include "core/common/progress.h"
#include "core/ml/model_file.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gs {
struct Audio;
}

namespace gs::ml {

struct GenreProbability {
    std::string genre;
    double probability = 0;
};

// One analysed clip of the song, for "where does the song change character?". Audio models
// (cnn) give one window spanning the song (they choose their own excerpt).
struct ClassifiedWindow {
    double startSeconds = 0;
    double seconds = 0;                   // clip length actually analysed (shorter at the end)
    std::vector<double> probabilities;    // model class order (TrainedModel::classes)
    std::vector<double> features;         // the clip's feature vector (empty for audio models)
};

struct SongClassification {
    std::string file;
    std::vector<GenreProbability> genres; // every genre, most probable first: mean over windows
    int windows = 0;                      // clips analysed
    std::vector<ClassifiedWindow> windowDetails; // one per analysed clip, in time order
    double songSeconds = 0;
    std::string warning;                  // e.g. decoded only in part
};

// Clips per song when none are asked for: 5, as classification uses (clipOffsets gives a
// 30-s clip one, a 5-minute song five).
constexpr int kDefaultClipsPerSong = 5;

struct ClassifyOptions {
    int maxWindows = kDefaultClipsPerSong;
};


// Start times of the analysed clips: one clip for a song shorter than 1.5 clips, else up to
// maxWindows clips evenly spread from the start to the end of the song.
std::vector<double> clipOffsets(double songSeconds, double clipSeconds, int maxWindows);

// The one clip placement of training and classification: where the clips of a song of
// songSeconds start, for a model whose clips are cut with `params` (its offset, then
// clipOffsets over the rest). Clip 0 is the song's usual training row; loadDataset cuts its
// extra training clips (DatasetLoadOptions::clipsPerSong) and classifySong its windows here,
// so a song's k-th training row equals its k-th classification window. A song shorter than
// the offset is placed from its start, with a warning appended to `warning`.
std::vector<double> songClipStarts(const ExtractionParams& params, double songSeconds, int maxClips, std::string& warning);


// Throws gs::Error naming the file (decode errors, schema the extractor cannot produce, Cancelled).
SongClassification classifySong(const TrainedModel& model, const std::filesystem::path& file,
                                 const ClassifyOptions& options = {}, const CancelToken* cancel = nullptr);

// The same on audio already decoded at the model's sample rate (DecodeOptions{sampleRate =
// model.schema.params.sampleRate}, mono), so the app decodes a dropped song once for the
// classification and its views. Clips are cut from it exactly as extractSong cuts a
// training clip (offset, clip length, same extractor), so a song's first window equals its
// training row. Windows start at the schema's offset plus clipOffsets(song - offset, ...)
// (clipOffsets itself for the usual offset 0). When the file's native rate differs from the
// model's, each clip is decoded again from `file` and resampled on its own, as extraction
// does (resampling the whole song changes a clip's last milliseconds); with an empty `file`
// clips are cut from `audio`. Audio models (cnn) read `file` themselves. Throws Mismatch
// when the audio's rate or the model's features do not fit.
SongClassification classifyDecodedSong(const TrainedModel& model, const gs::Audio& audio, const std::filesystem::path& file,
                                       const ClassifyOptions& options = {}, const CancelToken* cancel = nullptr);

// Probabilities for a ready feature vector (e.g. a row of a features CSV), sorted.
std::vector<GenreProbability> rankGenres(const TrainedModel& model, const std::vector<double>& probabilities);

} // namespace gs::ml
