#pragma once
// Classifying whole songs with a trained model: several clips spread over the song are
// analysed like the training clips and their genre probabilities averaged.
#include "core/common/progress.h"
#include "core/ml/model_file.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gs::ml {

struct GenreProbability {
    std::string genre;
    double probability = 0;
};

struct SongClassification {
    std::string file;
    std::vector<GenreProbability> genres; // every genre, most probable first
    int windows = 0;                      // clips analysed
    double songSeconds = 0;
    std::string warning;                  // e.g. decoded only in part
};

struct ClassifyOptions {
    int maxWindows = 5;
};

// Start times of the analysed clips: one clip for a song no longer than a clip, else up to
// maxWindows clips evenly spread from the start to the end of the song.
std::vector<double> clipOffsets(double songSeconds, double clipSeconds, int maxWindows);

// Throws gs::Error naming the file (decode errors, schema the extractor cannot produce, Cancelled).
SongClassification classifySong(const TrainedModel& model, const std::filesystem::path& file,
                                 const ClassifyOptions& options = {}, const CancelToken* cancel = nullptr);

// Probabilities for a ready feature vector (e.g. a row of a features CSV), sorted.
std::vector<GenreProbability> rankGenres(const TrainedModel& model, const std::vector<double>& probabilities);

} // namespace gs::ml
