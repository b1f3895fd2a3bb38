// Model state formats: the SVM/KRR machines ("GSKMACH1") and MLP weights ("GSMLPW01") are
// stored in our own layout and read with bounded readers, because Dlib's deserialiser allocates
// whatever size a damaged stream announces (fuzz/README.md). Files written before (a Dlib
// stream, tests/data/legacy-models/*.gsm, trained by genrescope 0.1.0 of 2026-12-06 on
// small.csv: 15 synthetic demo songs, 3 genres) must still load and predict as they did.
#include "core/common/error.h"
#include "core/dataset/feature_table.h"
#include "core/ml/model_file.h"
#include "tests/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

namespace fs = std::filesystem;
using namespace gs;

namespace {

fs::path legacyInput(const std::string& name)
{
    return gs::test::testData(fs::path("legacy-models") / name);
}

// The model file's envelope (core/ml/model_file.cpp): magic, version, payload size, payload,
// CRC-32 of the payload. After editing the payload the checksum is made to fit again, as a
// crafted file would.
void repairChecksum(std::string& file)
{
    constexpr std::size_t header = 8 + 4 + 8;
    const std::size_t payload = file.size() - header - 4;
    const std::uint32_t crc = ml::crc32(file.data() + header, payload);
    std::memcpy(file.data() + file.size() - 4, &crc, 4); // little-endian machines only, as the files
}

std::vector<std::vector<double>> probabilities(const ml::TrainedModel& model, const FeatureTable& table)
{
    std::vector<std::vector<double>> out;
    for (const auto& row : table.rows) {
        ml::Sample s;
        s.features = row.values;
        out.push_back(model.classifier->predictProbabilities(s));
    }
    return out;
}

double trainingAccuracy(const ml::TrainedModel& model, const FeatureTable& table)
{
    const auto p = probabilities(model, table);
    int hits = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto best = std::max_element(p[i].begin(), p[i].end()) - p[i].begin();
        hits += model.classes[std::size_t(best)] == table.rows[i].label;
    }
    return double(hits) / double(p.size());
}

} // namespace

class TestMlModelFormats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Each legacy file loads, predicts its own training songs (so its weights were read, not
    // left at zero), and saved again in the new layout predicts exactly the same numbers.
    void legacyFilesLoadAndResaveIdentically_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("magic");
        QTest::addColumn<double>("minimumAccuracy");
        QTest::newRow("mlp") << "legacy-mlp.gsm" << "GSMLPW01" << 0.5; // a tiny network (8-4 units): 9/15, chance 5/15
        QTest::newRow("svm-rbf") << "legacy-svm-rbf.gsm" << "GSKMACH1" << 0.9;
        QTest::newRow("svm-linear") << "legacy-svm-linear.gsm" << "GSKMACH1" << 0.9;
    }
    void legacyFilesLoadAndResaveIdentically()
    {
        QFETCH(QString, file);
        QFETCH(QString, magic);
        QFETCH(double, minimumAccuracy);
        const auto table = readFeatureCsv(legacyInput("small.csv"));
        const fs::path legacy = legacyInput(file.toStdString());
        QVERIFY2(gs::test::readBytes(legacy).find(magic.toStdString()) == std::string::npos, "not a legacy file");
        const auto old = ml::loadModelFile(legacy);
        const double accuracy = trainingAccuracy(old, table);
        QVERIFY2(accuracy >= minimumAccuracy, std::to_string(accuracy).c_str());

        QTemporaryDir holder;
        const fs::path resaved = gs::test::tempDir(holder) / "new.gsm";
        ml::saveModelFile(resaved, old);
        QVERIFY(gs::test::readBytes(resaved).find(magic.toStdString()) != std::string::npos);
        const auto again = ml::loadModelFile(resaved);
        QCOMPARE(probabilities(again, table), probabilities(old, table));
    }

    // Crafted counts in the new layouts (checksum repaired) are refused before anything of
    // that size is allocated: a count beyond the bound, a count the bytes cannot hold, a
    // weight count that disagrees with the network's shape.
    void craftedCountsAreRefusedWithoutHugeAllocations_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("magic");
        QTest::addColumn<int>("offset"); // of the u64 count after the magic
        QTest::addColumn<quint64>("count");
        QTest::addColumn<QString>("reason");
        // machines: magic, then 4 doubles (Platt slope, offset, bias, gamma), then the count
        QTest::newRow("svm beyond bound") << "legacy-svm-rbf.gsm" << "GSKMACH1" << 32 << quint64(1ull << 40) << "basis vector";
        QTest::newRow("svm more than the bytes")
            << "legacy-svm-rbf.gsm" << "GSKMACH1" << 32 << quint64(1000000) << "truncated";
        QTest::newRow("mlp weight count") << "legacy-mlp.gsm" << "GSMLPW01" << 0 << quint64(1ull << 40) << "wrong shape";
    }
    void craftedCountsAreRefusedWithoutHugeAllocations()
    {
        QFETCH(QString, file);
        QFETCH(QString, magic);
        QFETCH(int, offset);
        QFETCH(quint64, count);
        QFETCH(QString, reason);
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        ml::saveModelFile(dir / "new.gsm", ml::loadModelFile(legacyInput(file.toStdString())));
        std::string bytes = gs::test::readBytes(dir / "new.gsm");
        const std::size_t at = bytes.find(magic.toStdString());
        QVERIFY(at != std::string::npos);
        const std::uint64_t value = count;
        std::memcpy(bytes.data() + at + 8 + std::size_t(offset), &value, 8);
        repairChecksum(bytes);
        gs::test::writeBytes(dir / "crafted.gsm", bytes);
        const std::string problem = gs::test::modelRefusalProblem(dir / "crafted.gsm", {reason.toStdString()});
        QVERIFY2(problem.empty(), problem.c_str());
    }
};

QTEST_MAIN(TestMlModelFormats)
#include "test_ml_model_formats.moc"
