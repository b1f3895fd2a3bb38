#pragma once
// Resumable CNN training: after every epoch CnnClassifier::fit writes the whole training state
// (trainer weights and Adam moments, best network so far, early-stopping counters, history,
// the window generator's state) to <cache>/checkpoints/<hash of the run's identity>.gsckpt.
// A later fit on the same songs, labels, groups, settings and seed continues from there.
// The file is one checksummed record of core/ml/binary_io.h, written by the one atomic
// writer; no Dlib type appears here (the trainer serialises itself).
#include "core/ml/cnn/cnn_classifier.h"
#include "core/ml/cnn/cnn_network.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace gs::ml {

// The largest CNN record (a model blob or a checkpoint) a reader accepts.
inline constexpr std::size_t kMaxCnnRecordBytes = std::size_t(512) << 20;

struct CnnCheckpoint {
    std::string key; // the run's identity: a checkpoint of another run is ignored
    int epochsDone = 0;
    int bestEpoch = 0;
    double bestAccuracy = -1.0;
    double bestLoss = 1e300;
    int epochsWithoutProgress = 0;
    std::string rngState; // std::mt19937_64 in its standard text form
    std::vector<CnnEpochStats> history;
    std::string trainerState;
    std::string bestPredictor; // empty until a validation improved
};

// Where the checkpoint of the run with this identity lives (a 16-hex-digit FNV-1a name).
std::filesystem::path cnnCheckpointFile(const std::filesystem::path& directory, const std::string& identity);

// Restores trainer, best network and generator from `file` when it holds a checkpoint of the
// run `identity`; returns that checkpoint, or nullopt (missing, another run's, or damaged: a bad
// checkpoint only costs the time to train again).
std::optional<CnnCheckpoint> resumeCnnCheckpoint(const std::filesystem::path& file, const std::string& identity,
                                                 CnnTrainer& trainer, CnnPredictor& best, std::mt19937_64& rng);

// Stores the trainer's and generator's current state into `state` and writes it to `file`
// (durably: a kill leaves the previous checkpoint or the new one). An unwritable cache folder
// is not an error: training goes on, it just cannot resume.
void saveCnnCheckpoint(const std::filesystem::path& file, CnnCheckpoint& state, const CnnTrainer& trainer,
                       const std::mt19937_64& rng);

// The record's payload (exposed for tests of the format).
std::string serialiseCnnCheckpoint(const CnnCheckpoint& checkpoint);
CnnCheckpoint parseCnnCheckpoint(const std::string& payload); // throws gs::Error(Format)

} // namespace gs::ml
