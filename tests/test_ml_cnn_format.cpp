// The CNN's network weights in our own bounded layout ("GSCNNW01", documented at the top of
// core/ml/cnn/cnn_network.h), and the Dlib stream of files written before it.
//
// tests/data/legacy-models/legacy-cnn.gsm (397,594 bytes) was written by genrescope at commit
// 0dcfb49 (the last to store the CNN as a Dlib stream), on the 12 demo songs made again below:
//   genrescope-cli make-demo demo --per-genre 3 --seconds 4 --length-spread 0 --wav-only -j 1
//   GENRESCOPE_CACHE_DIR=cache genrescope-cli train demo --model cnn --out legacy-cnn.gsm
//       --epochs 6 --set windows_per_song=4,threads=1 --no-cache -j 1   (one line)
// (the architecture is fixed: 98,000 weights whatever the data, so the file cannot be smaller).
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/ml/binary_io.h"
#include "core/ml/model_file.h"
#include "tests/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using namespace gs;

namespace {

constexpr std::string_view kWeightsMagic = "GSCNNW01";
constexpr ml::bin::Magic kBlobMagic = {'G', 'S', 'C', 'N', 'N', 'M', 'D', 'L'};

// The model file (core/ml/model_file.cpp: magic, u32 version, u64 payload size, payload, CRC-32)
// holds the CNN's record (binary_io.h writeRecord: magic, u32 version, u64 size, payload,
// FNV-1a 64) as its model state, a u64-length string. `edit` changes the record's payload; every
// size and checksum around it is then made to fit again, as a crafted file would.
std::string withEditedCnnPayload(const std::string& file, const std::function<void(std::string&)>& edit)
{
    const std::size_t record = file.find(std::string(kBlobMagic, sizeof kBlobMagic));
    if (record == std::string::npos || record < 28)
        throw std::runtime_error("no CNN record in the model file");
    std::uint64_t recordSize = 0;
    std::memcpy(&recordSize, file.data() + record - 8, 8);
    std::uint32_t version = 0;
    std::memcpy(&version, file.data() + record + 8, 4);
    std::string payload = file.substr(record + 20, std::size_t(recordSize) - 28);
    edit(payload);
    std::ostringstream newRecord;
    ml::bin::writeRecord(newRecord, kBlobMagic, version, payload);
    std::ostringstream model;
    model << file.substr(20, record - 8 - 20);
    ml::bin::writeString(model, newRecord.str());
    const std::size_t after = record + std::size_t(recordSize);
    model << file.substr(after, file.size() - 4 - after);
    const std::string p = model.str();
    std::ostringstream out;
    out.write(file.data(), 12);
    ml::bin::writeU64(out, p.size());
    out << p;
    ml::bin::writeU32(out, ml::crc32(p.data(), p.size()));
    return out.str();
}

std::size_t weightsAt(const std::string& payload)
{
    const std::size_t at = payload.find(kWeightsMagic);
    if (at == std::string::npos)
        throw std::runtime_error("no network weights in the CNN record");
    return at;
}

template <typename T>
void put(std::string& bytes, std::size_t at, T value)
{
    std::memcpy(bytes.data() + at, &value, sizeof value);
}

// Offsets in the weights block, from the layout (cnn_network.h): magic 8, classes, mels, frames,
// dropout scale (4 bytes each), then the first convolution's 8 settings and its 16 x 1 x 5 x 5
// weights + 16 biases, then its batch norm's channel count.
constexpr std::size_t kClassesAt = 8, kScaleAt = 20, kFirstFiltersAt = 24, kFirstWeightAt = 56;
constexpr std::size_t kFirstNormAt = kFirstWeightAt + 4 * (16 * 1 * 5 * 5 + 16);

// Bytes of the whole weights block for `classes` classes, by the same layout: per block 8 u32
// settings, filters x channels x 3 x 3 (5 x 5 for the stride-2 first) weights and a bias per
// filter, a u32 channel count, a scale and a shift per channel; then 2 u32 and 129 x classes.
std::size_t expectedWeightBytes(std::size_t classes)
{
    std::size_t bytes = 8 + 4 * 4;
    const std::size_t blocks[4][3] = {{16, 1, 25}, {32, 16, 9}, {64, 32, 9}, {128, 64, 9}};
    for (const auto& [filters, channels, taps] : blocks)
        bytes += 8 * 4 + 4 * (filters * channels * taps + filters) + 4 + 4 * 2 * filters;
    return bytes + 2 * 4 + 4 * (128 + 1) * classes;
}

// Dlib's packed integer at `pos` (dlib/serialize.h, pack_int): a control byte holding the byte
// count (low 4 bits) and the sign (0x80), then the magnitude, little-endian.
long long dlibInteger(const std::string& bytes, std::size_t& pos)
{
    const auto control = static_cast<unsigned char>(bytes.at(pos++));
    unsigned long long magnitude = 0;
    for (int i = 0; i < (control & 0x0f); ++i)
        magnitude |= static_cast<unsigned long long>(static_cast<unsigned char>(bytes.at(pos++))) << (8 * i);
    return (control & 0x80) ? -static_cast<long long>(magnitude) : static_cast<long long>(magnitude);
}

} // namespace

class TestMlCnnFormat : public QObject {
    Q_OBJECT

private:
    QTemporaryDir holder_;
    fs::path dir_;
    std::unique_ptr<gs::test::ScopedEnvironment> cacheDir_; // the CNN's spectrogram cache
    std::vector<ml::Sample> songs_;
    std::string legacyBytes_;
    std::string resavedBytes_; // the legacy model saved by this build

    std::vector<std::vector<double>> probabilities(const ml::TrainedModel& model) const
    {
        std::vector<std::vector<double>> out;
        for (const auto& s : songs_)
            out.push_back(model.classifier->predictProbabilities(s));
        return out;
    }

    void expectRefused(const std::string& bytes, const std::string& reason)
    {
        const fs::path file = dir_ / "crafted.gsm";
        gs::test::writeBytes(file, bytes);
        const std::string problem = gs::test::modelRefusalProblem(file, {reason});
        QVERIFY2(problem.empty(), problem.c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        dir_ = gs::test::tempDir(holder_);
        cacheDir_ = std::make_unique<gs::test::ScopedEnvironment>("GENRESCOPE_CACHE_DIR", (dir_ / "cache").string());
        DemoOptions demo; // what make-demo --per-genre 3 --seconds 4 --length-spread 0 --wav-only writes
        demo.perGenre = 3;
        demo.seconds = 4.0;
        demo.lengthSpread = 0.0;
        demo.compressedCopies = false;
        const DemoResult made = makeDemoDataset(dir_ / "demo", demo);
        QCOMPARE(made.files.size(), std::size_t(12));
        legacyBytes_ = gs::test::readBytes(gs::test::testData("legacy-models/legacy-cnn.gsm"));
        QVERIFY(!legacyBytes_.empty());
        const auto model = ml::loadModelFile(gs::test::testData("legacy-models/legacy-cnn.gsm"));
        for (const auto& file : made.files) {
            ml::Sample s;
            s.audioPath = file.string();
            const std::string genre = file.parent_path().filename().string();
            s.label = int(std::find(model.classes.begin(), model.classes.end(), genre) - model.classes.begin());
            QVERIFY2(s.label < int(model.classes.size()), genre.c_str());
            songs_.push_back(s);
        }
        ml::saveModelFile(dir_ / "resaved.gsm", model);
        resavedBytes_ = gs::test::readBytes(dir_ / "resaved.gsm");
    }

    // The legacy file loads, predicts its own training songs (so its weights were read), and
    // saved again in the new layout predicts exactly the same numbers; saving the reloaded
    // model once more gives the same bytes.
    void legacyModelLoadsAndResavesIdentically()
    {
        QVERIFY2(legacyBytes_.find(kWeightsMagic) == std::string::npos, "not a legacy file");
        const auto old = ml::loadModelFile(gs::test::testData("legacy-models/legacy-cnn.gsm"));
        QCOMPARE(old.kind, std::string("cnn"));
        const auto before = probabilities(old);
        int hits = 0;
        for (std::size_t i = 0; i < songs_.size(); ++i) {
            QCOMPARE(before[i].size(), old.classes.size());
            hits += std::max_element(before[i].begin(), before[i].end()) - before[i].begin() == songs_[i].label;
        }
        qInfo("legacy CNN: %d of 12 training songs right (chance 3)", hits);
        QVERIFY2(hits >= 6, std::to_string(hits).c_str());

        QVERIFY(resavedBytes_.find(kWeightsMagic) != std::string::npos);
        const auto again = ml::loadModelFile(dir_ / "resaved.gsm");
        QCOMPARE(probabilities(again), before);
        ml::saveModelFile(dir_ / "resaved-twice.gsm", again);
        QVERIFY(gs::test::readBytes(dir_ / "resaved-twice.gsm") == resavedBytes_);
    }

    // The weights block is exactly as long as the documented layout says (4 classes).
    void weightsBlockFollowsTheDocumentedLayout()
    {
        withEditedCnnPayload(resavedBytes_, [](std::string& payload) {
            const std::size_t at = weightsAt(payload);
            QCOMPARE(payload.size() - at, expectedWeightBytes(4));
            std::uint32_t classes = 0, filters = 0, normChannels = 0;
            std::memcpy(&classes, payload.data() + at + kClassesAt, 4);
            std::memcpy(&filters, payload.data() + at + kFirstFiltersAt, 4);
            std::memcpy(&normChannels, payload.data() + at + kFirstNormAt, 4);
            QCOMPARE(classes, 4u);
            QCOMPARE(filters, 16u);
            QCOMPARE(normChannels, 16u);
        });
    }

    // Crafted weights in the new layout (every size and checksum repaired) are refused with a
    // Format error naming the file, before anything of a crafted size is allocated.
    void craftedWeightsAreRefused_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("reason");
        QTest::newRow("filter count disagrees with the network") << 0 << "convolution 1 is stored as 17 filters";
        QTest::newRow("batch norm channels disagree") << 1 << "batch norm 1 is stored for 15 channels";
        QTest::newRow("huge class count") << 2 << "implausible class count 4294967295";
        QTest::newRow("class count disagrees with the model") << 3 << "a network for 3 classes";
        QTest::newRow("truncated floats") << 4 << "truncated";
        QTest::newRow("NaN weight") << 5 << "non-finite value in the convolution weights";
        QTest::newRow("NaN dropout scale") << 6 << "implausible dropout scale";
        QTest::newRow("trailing bytes") << 7 << "unexpected data after the network";
        QTest::newRow("wrong magic (read as a Dlib stream)") << 8 << "not a Genrescope CNN";
    }
    void craftedWeightsAreRefused()
    {
        QFETCH(int, edit);
        QFETCH(QString, reason);
        const std::string crafted = withEditedCnnPayload(resavedBytes_, [&](std::string& payload) {
            const std::size_t at = weightsAt(payload);
            switch (edit) {
            case 0: put<std::uint32_t>(payload, at + kFirstFiltersAt, 17); break;
            case 1: put<std::uint32_t>(payload, at + kFirstNormAt, 15); break;
            case 2: put<std::uint32_t>(payload, at + kClassesAt, 0xffffffffu); break;
            case 3: put<std::uint32_t>(payload, at + kClassesAt, 3); break;
            case 4: payload.resize(payload.size() - 6); break;
            case 5: put(payload, at + kFirstWeightAt, std::numeric_limits<float>::quiet_NaN()); break;
            case 6: put(payload, at + kScaleAt, std::numeric_limits<float>::quiet_NaN()); break;
            case 7: payload += std::string(4, '\0'); break;
            case 8: payload[at + 7] = '2'; break;
            }
        });
        expectRefused(crafted, reason.toStdString());
    }

    // A legacy (Dlib) stream whose folded batch norm has a scale view one channel wider than
    // the layer's tensor holds (dlib/dnn/layers.h affine_: "affine_2", the tensor's version and
    // 4 dimensions and its values, then the views' version and dimensions): touching the view
    // would fail a Dlib assertion (which aborts the process the second time), so the layer is
    // refused on its serialisation first.
    void legacyBatchNormViewLargerThanItsTensorIsRefused()
    {
        const std::string crafted = withEditedCnnPayload(legacyBytes_, [](std::string& payload) {
            std::size_t pos = payload.find("affine_2");
            QVERIFY(pos != std::string::npos);
            pos += 8;
            QCOMPARE(dlibInteger(payload, pos), 2LL); // the tensor's version
            long long values = 1;
            for (int d = 0; d < 4; ++d)
                values *= dlibInteger(payload, pos);
            pos += std::size_t(values) * 4;
            QCOMPARE(dlibInteger(payload, pos), 1LL); // the scale view's version
            QCOMPARE(dlibInteger(payload, pos), 1LL); // its samples
            const std::size_t channelsAt = pos;
            const long long channels = dlibInteger(payload, pos);
            QCOMPARE(2 * channels, values); // a scale and a shift per channel
            QCOMPARE(pos, channelsAt + 2);  // one byte: 16..128 channels
            payload[channelsAt + 1] = char(channels + 1);
        });
        expectRefused(crafted, "a batch norm layer of the wrong shape");
    }

    // The unedited file goes through the same rebuilding and still loads: the refusals above
    // come from the edits, not from the helper.
    void rebuiltUneditedFileLoads()
    {
        const fs::path file = dir_ / "rebuilt.gsm";
        gs::test::writeBytes(file, withEditedCnnPayload(resavedBytes_, [](std::string&) {}));
        QCOMPARE(gs::test::readBytes(file), resavedBytes_);
        QCOMPARE(ml::loadModelFile(file).classes.size(), std::size_t(4));
    }
};

QTEST_MAIN(TestMlCnnFormat)
#include "test_ml_cnn_format.moc"
