#pragma once
// One file per trained model (.gsm): magic + format version, the feature schema it was
// trained on, the genre names, the model kind and hyper-parameters, the model's own state
// and, when there was one, the cross-validation report (JSON). The payload carries a CRC-32:
// truncated, corrupt, foreign or newer files give a clear gs::Error, never a wrong answer.
#include "core/features/schema.h"
#include "core/ml/classifier.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace gs::ml {

// v1: the first layout; v2 adds createdAt after createdWith. Every version up to this one loads.
inline constexpr std::uint32_t kModelFileVersion = 2;

struct TrainedModel {
    std::shared_ptr<Classifier> classifier; // shared: the GUI hands it to worker threads
    FeatureSchema schema;
    std::vector<std::string> classes;
    std::string kind;
    Hyperparameters params;
    std::string reportJson;                 // cross-validation report; empty = none
    std::string createdWith;                // "genrescope 0.1.0"
    std::string createdAt;                  // ISO 8601 UTC, "2026-12-06T07:30:00Z"; empty in older files
    int trainingSamples = 0;
};

// Writes the newest format atomically and durably (gs::writeFileAtomically): on failure the
// previous file is intact and no temporary is left. Throws gs::Error naming the file.
void saveModelFile(const std::filesystem::path& file, const TrainedModel& model);
// Throws gs::Error naming the file: NotFound, Format (not ours / truncated / checksum /
// damaged state), Mismatch (made by a newer format version).
TrainedModel loadModelFile(const std::filesystem::path& file);
// Throws gs::Error(Mismatch) when features made under `schema` cannot be fed to the model.
void checkSchema(const TrainedModel& model, const FeatureSchema& schema, const std::string& subject);

std::uint32_t crc32(const void* data, std::size_t size);

} // namespace gs::ml
