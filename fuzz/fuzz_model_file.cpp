// Model files (.gsm, core/ml/model_file.*) and, behind them, every model kind's state
// reader (scaler, kNN, SVM/KRR machines, MLP networks, ensembles, dlib deserialisation).
//
// Input byte 0 says how the rest is used. Even: written as is, so the magic, version,
// payload-size and CRC-32 checks are what is fuzzed. Odd: the payload-size and CRC-32
// fields are first repaired to fit the bytes, as a damaged file with an intact checksum
// would be, so that mutations reach the payload parser and the models' own readers.
// Bit 1 also repairs the checksum of every nested record (core/ml/binary_io.h writeRecord: the
// CNN's blob inside the model payload) whose announced length fits, so that byte flips reach
// the CNN's own readers (hyperparameters, mel settings, the GSCNNW01 weights) too.
//
// A file that loads must give a usable model: one finite probability per genre summing
// to 1 for a few probe vectors, and the same answers after a save and a reload.
#include "core/ml/binary_io.h"
#include "core/ml/model_file.h"

#include "fuzz/harness.h"

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace gs;
namespace fs = std::filesystem;

constexpr std::size_t kHeader = 8 + 4 + 8; // magic, version, payload size
constexpr std::size_t kTrailer = 4;        // CRC-32 of the payload

void repairEnvelope(std::string& file)
{
    if (file.size() < kHeader + kTrailer)
        return;
    const std::size_t payload = file.size() - kHeader - kTrailer;
    fuzz::writeLe64(file, 12, payload);
    fuzz::writeLe32(file, file.size() - kTrailer, ml::crc32(file.data() + kHeader, payload));
}

// Nested records: magic (8), version (4), length (8), payload, FNV-1a 64 of the payload (8).
void repairNestedRecords(std::string& file)
{
    static const std::string kNestedMagics[] = {"GSCNNMDL"};
    for (const std::string& magic : kNestedMagics) {
        for (std::size_t at = file.find(magic); at != std::string::npos; at = file.find(magic, at + 1)) {
            const std::size_t payloadAt = at + magic.size() + 4 + 8;
            if (payloadAt > file.size())
                break;
            const std::uint64_t length = std::uint64_t(fuzz::readLe32(file, at + magic.size() + 4))
                | (std::uint64_t(fuzz::readLe32(file, at + magic.size() + 8)) << 32);
            if (length > file.size() - payloadAt || file.size() - payloadAt - length < 8)
                continue;
            fuzz::writeLe64(file, payloadAt + length, ml::bin::fnv1a64(file.data() + payloadAt, length));
        }
    }
}

std::vector<std::vector<double>> probes(std::size_t dimension)
{
    return {std::vector<double>(dimension, 0.0), std::vector<double>(dimension, 1.0),
            std::vector<double>(dimension, -1e6), std::vector<double>(dimension, 1e12)};
}

std::vector<double> checkedProbabilities(const ml::TrainedModel& m, const std::vector<double>& features)
{
    ml::Sample sample;
    sample.features = features;
    const auto p = m.classifier->predictProbabilities(sample);
    fuzz::require(p.size() == m.classes.size(), "probability vector of the wrong size");
    double sum = 0;
    for (double v : p) {
        fuzz::require(std::isfinite(v) && v >= 0 && v <= 1 + 1e-9, "probability not in [0, 1]: " + std::to_string(v));
        sum += v;
    }
    fuzz::require(std::abs(sum - 1) < 1e-6, "probabilities sum to " + std::to_string(sum));
    return p;
}

void checkLoadedModel(const ml::TrainedModel& m, const fs::path& file)
{
    fuzz::require(m.classifier != nullptr, "loaded model without a classifier");
    fuzz::require(!m.classes.empty(), "loaded model without genres");
    if (m.classifier->needsAudio())
        return; // the CNN reads songs; its state was checked by loading it
    std::vector<std::vector<double>> answers;
    for (const auto& probe : probes(m.schema.columns.size()))
        answers.push_back(checkedProbabilities(m, probe));

    // What loads must save and load back to the same model.
    const fs::path copy = file.parent_path() / "resaved.gsm";
    ml::saveModelFile(copy, m);
    const ml::TrainedModel back = ml::loadModelFile(copy);
    fuzz::require(back.kind == m.kind && back.classes == m.classes && back.schema == m.schema &&
                      back.params == m.params && back.reportJson == m.reportJson,
                  "a re-saved model reads back different");
    const auto again = probes(m.schema.columns.size());
    for (std::size_t i = 0; i < again.size(); ++i)
        fuzz::require(checkedProbabilities(back, again[i]) == answers[i], "a re-saved model predicts differently");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] & 2)
        repairNestedRecords(bytes);
    if (data[0] & 1)
        repairEnvelope(bytes);
    const fs::path file = fuzz::writeInput("model.gsm", bytes);
    ml::TrainedModel model;
    if (fuzz::expectClean(file.string(), [&] { model = ml::loadModelFile(file); }))
        checkLoadedModel(model, file);
    return 0;
}
