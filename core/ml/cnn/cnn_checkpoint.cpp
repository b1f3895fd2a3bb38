#include "core/ml/cnn/cnn_checkpoint.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/dlib_input.h"

#include <fstream>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;

namespace gs::ml {

namespace {

constexpr bin::Magic kCheckpointMagic = {'G', 'S', 'C', 'N', 'N', 'C', 'K', 'P'};
constexpr std::uint32_t kCheckpointVersion = 1;
constexpr std::size_t kMaxKeyLength = std::size_t(1) << 20;
constexpr std::uint32_t kMaxEpochs = 100000;

// The history's per-epoch figures after the epoch number, in file order.
constexpr double CnnEpochStats::*kEpochFigures[] = {
    &CnnEpochStats::trainLoss, &CnnEpochStats::validationAccuracy, &CnnEpochStats::validationLoss,
    &CnnEpochStats::learningRate, &CnnEpochStats::seconds, &CnnEpochStats::cpuSeconds,
};

void writeEpoch(std::ostream& out, const CnnEpochStats& e)
{
    bin::writeI32(out, e.epoch);
    for (auto figure : kEpochFigures)
        bin::writeF64(out, e.*figure);
}

CnnEpochStats readEpoch(std::istream& in)
{
    CnnEpochStats e;
    e.epoch = bin::readI32(in, "history");
    for (auto figure : kEpochFigures)
        e.*figure = bin::readF64(in, "history");
    return e;
}

} // namespace

std::string serialiseCnnCheckpoint(const CnnCheckpoint& c)
{
    std::ostringstream out(std::ios::binary);
    bin::writeString32(out, c.key);
    bin::writeI32(out, c.epochsDone);
    bin::writeI32(out, c.bestEpoch);
    bin::writeF64(out, c.bestAccuracy);
    bin::writeF64(out, c.bestLoss);
    bin::writeI32(out, c.epochsWithoutProgress);
    bin::writeString32(out, c.rngState);
    bin::writeU32(out, std::uint32_t(c.history.size()));
    for (const auto& e : c.history)
        writeEpoch(out, e);
    bin::writeString(out, c.trainerState);
    bin::writeString(out, c.bestPredictor);
    return out.str();
}

CnnCheckpoint parseCnnCheckpoint(const std::string& payload)
{
    std::istringstream in(payload, std::ios::binary);
    CnnCheckpoint c;
    c.key = bin::readString32(in, "key", kMaxKeyLength);
    c.epochsDone = bin::readI32(in, "epoch");
    c.bestEpoch = bin::readI32(in, "best epoch");
    c.bestAccuracy = bin::readF64(in, "best accuracy");
    c.bestLoss = bin::readF64(in, "best loss");
    c.epochsWithoutProgress = bin::readI32(in, "patience");
    c.rngState = bin::readString32(in, "random state", kMaxKeyLength);
    const std::uint32_t epochs = bin::readU32(in, "history");
    if (epochs > kMaxEpochs)
        throw Error(ErrorKind::Format, "model", "implausible history");
    for (std::uint32_t i = 0; i < epochs; ++i)
        c.history.push_back(readEpoch(in));
    c.trainerState = bin::readString(in, "trainer state", kMaxCnnRecordBytes);
    c.bestPredictor = bin::readString(in, "best network", kMaxCnnRecordBytes);
    return c;
}

fs::path cnnCheckpointFile(const fs::path& directory, const std::string& identity)
{
    std::ostringstream name;
    name << std::hex << std::setw(16) << std::setfill('0') << bin::fnv1a64(identity.data(), identity.size())
         << ".gsckpt";
    return directory / name.str();
}

std::optional<CnnCheckpoint> resumeCnnCheckpoint(const fs::path& file, const std::string& identity,
                                                 CnnTrainer& trainer, CnnPredictor& best, std::mt19937_64& rng)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    try {
        CnnCheckpoint saved = parseCnnCheckpoint(
            bin::readRecord(in, kCheckpointMagic, kCheckpointVersion, "checkpoint", kMaxCnnRecordBytes));
        if (saved.key != identity)
            return std::nullopt;
        DlibInput trainerIn(saved.trainerState);
        trainer.loadState(trainerIn);
        if (!saved.bestPredictor.empty()) {
            DlibInput bestIn(saved.bestPredictor);
            best.load(bestIn, trainer.shape());
        }
        std::istringstream rngIn(saved.rngState);
        rngIn >> rng;
        return saved;
    } catch (const Error&) {
        return std::nullopt; // a damaged checkpoint only costs the time to train again
    }
}

void saveCnnCheckpoint(const fs::path& file, CnnCheckpoint& state, const CnnTrainer& trainer,
                       const std::mt19937_64& rng)
{
    std::ostringstream rngOut;
    rngOut << rng;
    state.rngState = rngOut.str();
    std::ostringstream trainerOut(std::ios::binary);
    trainer.saveState(trainerOut);
    state.trainerState = trainerOut.str();
    std::ostringstream record(std::ios::binary);
    bin::writeRecord(record, kCheckpointMagic, kCheckpointVersion, serialiseCnnCheckpoint(state));
    try {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        gs::writeFileAtomically(file, record.str(), {true});
    } catch (const Error&) {
        // Without a writable cache folder training still works; it just cannot resume.
    }
}

} // namespace gs::ml
