// The CNN model: spectrogram cache, learning, model blob, cancel and resume.
// Synthetic spectrograms are written straight into the cache (no audio needed) so that the
// network's behaviour is tested on data whose answer is known.
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/dataset/scan.h"
#include "core/ml/cnn/cnn_classifier.h"
#include "core/ml/cnn/cnn_factory.h"
#include "core/ml/cnn/synthetic_spectrograms.h"
#include "core/ml/model_file.h"
#include "core/ml/registry.h"
#include "tests/testsupport.h"

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace gs;
using namespace gs::ml;
namespace fs = std::filesystem;

namespace {

// Small and quick: 64-frame windows, few windows per song, a handful of epochs.
Hyperparameters quickSettings(int epochs)
{
    return {{"epochs", epochs}, {"window_frames", 64}, {"windows_per_song", 6}, {"batch_size", 16},
            {"learning_rate", 2e-3}, {"patience", 100}, {"validation_fraction", 0.2}};
}

double accuracy(const CnnClassifier& cnn, const LabelledSet& set)
{
    int correct = 0;
    for (const auto& s : set.samples) {
        const auto p = cnn.predictProbabilities(s);
        correct += int(std::max_element(p.begin(), p.end()) - p.begin()) == s.label;
    }
    return double(correct) / double(set.samples.size());
}

// count finite, non-negative values summing to 1 (to 1e-9).
bool isProbabilityVector(const std::vector<double>& p, std::size_t count)
{
    double sum = 0;
    for (double v : p) {
        if (!std::isfinite(v) || v < 0)
            return false;
        sum += v;
    }
    return p.size() == count && std::abs(sum - 1.0) < 1e-9;
}

} // namespace

class TestCnn : public QObject {
    Q_OBJECT
private slots:
    void hyperparametersAreDeclaredAndChecked()
    {
        const auto cnn = makeCnnClassifierWithCache({{"epochs", 3}}, fs::temp_directory_path());
        QCOMPARE(QString::fromStdString(cnn->kind()), QStringLiteral("cnn"));
        QVERIFY(cnn->needsAudio());
        QCOMPARE(cnn->hyperparameters().at("epochs"), 3.0);
        QCOMPARE(cnn->hyperparameters().at("window_frames"), 128.0);
        for (const auto& [name, value] : cnn->hyperparameters())
            findSpec(CnnOptions::specs(), name); // every reported name is declared
        try {
            makeCnnClassifier({{"epochs", 0}});
            QFAIL("epochs = 0 accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
            QCOMPARE(QString::fromStdString(e.subject()), QStringLiteral("epochs"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, makeCnnClassifier({{"no_such_thing", 1}}));
    }

    void cacheStoresChecksAndInvalidates()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        SpectrogramCache cache(dir / "cache", SpectrogramSettings{});
        const fs::path song = dir / "song.wav";
        std::ofstream(song) << "not really audio";
        QVERIFY(!cache.lookup(song));

        // Quantisation keeps every value within half a step (80 dB / 255 / 2 = 0.16 dB).
        Matrix db(128, 50);
        for (std::size_t b = 0; b < 128; ++b)
            for (std::size_t t = 0; t < 50; ++t)
                db(b, t) = -80.0f + float((b * 7 + t * 13) % 81);
        const auto q = QuantisedSpectrogram::fromMatrix(db);
        for (std::size_t b = 0; b < 128; ++b)
            for (std::size_t t = 0; t < 50; ++t)
                QVERIFY(std::abs(q.db(int(t), int(b)) - db(b, t)) <= 0.5f * q.step() + 1e-4f);

        const CachedSong stored = cache.store(song, q);
        const auto found = cache.lookup(song);
        QVERIFY(found);
        QCOMPARE(found->frames, 50);
        QCOMPARE(SpectrogramCache::readAll(*found).data, q.data);
        // A window past the end reads as the quietest code.
        std::vector<std::uint8_t> window(128 * 10, 7);
        SpectrogramCache::readWindow(*found, 45, 10, window.data());
        QCOMPARE(window[4 * 128 + 3], q.data[49 * 128 + 3]);
        QCOMPARE(window[5 * 128 + 3], std::uint8_t(0));
        QCOMPARE(cache.computedCount(), std::size_t(0));

        // Another mel setting is another key.
        SpectrogramSettings other;
        other.mel.nMels = 64;
        QVERIFY(SpectrogramCache(dir / "cache", other).keyFor(song) != cache.keyFor(song));

        // A damaged entry (one flipped byte, or cut short) is never trusted.
        {
            std::fstream f(stored.file, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(std::streamoff(stored.dataOffset + 100));
            f.put(char(q.data[100] ^ 0x5a));
        }
        QVERIFY(!cache.lookup(song));
        cache.store(song, q);
        QVERIFY(cache.lookup(song));
        fs::resize_file(stored.file, fs::file_size(stored.file) - 1);
        QVERIFY(!cache.lookup(song));

        // Editing the song invalidates its entry (size and mtime are in the key).
        cache.store(song, q);
        std::ofstream(song, std::ios::app) << " edited";
        QVERIFY(!cache.lookup(song));
        // No temporary files are left behind.
        for (const auto& e : fs::directory_iterator(dir / "cache"))
            QVERIFY2(e.path().extension() == ".gsmel", e.path().c_str());
    }

    void learnsSpectrogramPatternsAndRoundTrips()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        CnnClassifier cnn(CnnOptions::fromHyperparameters(quickSettings(8)), dir / "cache");
        const LabelledSet train = writeSyntheticDataset(dir / "train", cnn.cache(), 4, 10, 300, 11, 0.8);
        const LabelledSet test = writeSyntheticDataset(dir / "test", cnn.cache(), 4, 6, 300, 99, 0.8);

        int epochsReported = 0;
        TrainContext context;
        context.seed = 5;
        context.progress = [&](const ProgressInfo& p) {
            if (p.stage.rfind("epoch", 0) == 0 && p.stage.find("val acc") != std::string::npos)
                ++epochsReported;
        };
        cnn.fit(train, context);
        const auto& report = cnn.trainingReport();
        QCOMPARE(report.trainingSongs + report.validationSongs, std::size_t(40));
        QCOMPARE(report.validationSongs, std::size_t(8)); // 20% of each class's songs
        QCOMPARE(int(report.epochs.size()), epochsReported);
        QVERIFY(report.bestEpoch >= 1);
        QVERIFY(report.epochs.back().trainLoss < report.epochs.front().trainLoss);

        const double acc = accuracy(cnn, test);
        qInfo("synthetic held-out accuracy %.2f (chance 0.25), %zu parameters", acc, cnn.parameterCount());
        QVERIFY2(acc >= 0.75, qPrintable(QString::number(acc)));

        const auto p = cnn.predictProbabilities(test.samples[0]);
        QVERIFY2(isProbabilityVector(p, 4), "not 4 finite non-negative probabilities summing to 1");

        // Save / load gives the same probabilities, bit for bit.
        std::stringstream blob;
        cnn.save(blob);
        const auto loaded = makeCnnClassifierWithCache({}, dir / "cache");
        loaded->load(blob);
        QCOMPARE(loaded->hyperparameters().at("window_frames"), 64.0);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(loaded->predictProbabilities(test.samples[std::size_t(i)]),
                     cnn.predictProbabilities(test.samples[std::size_t(i)]));

        // Damaged blobs are refused with a Format error, whatever the damage.
        const std::string bytes = blob.str();
        QVERIFY(bytes.size() > 1000);
        for (std::size_t cut : {std::size_t(0), std::size_t(5), std::size_t(30), bytes.size() / 2, bytes.size() - 1}) {
            std::istringstream in(bytes.substr(0, cut));
            try {
                makeCnnClassifierWithCache({}, dir / "cache")->load(in);
                QFAIL(qPrintable(QString("truncated blob (%1 bytes) accepted").arg(cut)));
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Format);
            }
        }
        for (std::size_t at : {std::size_t(3), std::size_t(40), bytes.size() / 3, bytes.size() - 3}) {
            std::string damaged = bytes;
            damaged[at] = char(damaged[at] ^ 0x21);
            std::istringstream in(damaged);
            try {
                makeCnnClassifierWithCache({}, dir / "cache")->load(in);
                QFAIL(qPrintable(QString("blob damaged at %1 accepted").arg(at)));
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Format);
            }
        }
        // An untrained model says so instead of guessing.
        QVERIFY_THROWS_EXCEPTION(Error, makeCnnClassifierWithCache({}, dir / "cache")->predictProbabilities(test.samples[0]));
    }

    // Through the rest of the product: the registry creates the model, the .gsm container
    // stores it, and the model made from the file predicts exactly as the trained one.
    void registryAndModelFileRoundTrip()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", dir.string());
        QCOMPARE(QString::fromStdString(defaultCnnCacheDirectory()), QString::fromStdString((dir / "cnn").string()));

        auto made = createClassifier("cnn", quickSettings(1));
        QCOMPARE(QString::fromStdString(made->kind()), QStringLiteral("cnn"));
        auto& cnn = dynamic_cast<CnnClassifier&>(*made);
        const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 2, 4, 150, 8);
        cnn.fit(set, TrainContext{});

        TrainedModel model;
        model.classifier = std::move(made);
        model.kind = "cnn";
        model.params = model.classifier->hyperparameters();
        model.classes = set.classes;
        model.trainingSamples = int(set.samples.size());
        saveModelFile(dir / "cnn.gsm", model);
        const TrainedModel loaded = loadModelFile(dir / "cnn.gsm");
        QCOMPARE(QString::fromStdString(loaded.kind), QStringLiteral("cnn"));
        for (const auto& sample : set.samples)
            QCOMPARE(loaded.classifier->predictProbabilities(sample), model.classifier->predictProbabilities(sample));
    }

    // band_standardise=1: every mel band gets the mean and deviation of its own dB values over
    // the training songs (checked against a direct computation), the model blob becomes
    // version 2 and round-trips; the default one-for-all standardiser still writes version 1.
    // validation_fraction=0: every song trains and the last epoch is the model.
    void bandStandardiserNoValidationAndBlobVersions()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        Hyperparameters settings = quickSettings(2);
        settings["validation_fraction"] = 0;
        settings["band_standardise"] = 1;
        CnnClassifier cnn(CnnOptions::fromHyperparameters(settings), dir / "cache");
        const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 3, 4, 150, 21);
        cnn.fit(set, TrainContext{});
        QCOMPARE(cnn.trainingReport().trainingSongs, std::size_t(12));
        QCOMPARE(cnn.trainingReport().validationSongs, std::size_t(0));
        QCOMPARE(cnn.trainingReport().bestEpoch, 2);

        std::vector<double> sum(128, 0.0), squares(128, 0.0);
        double frames = 0;
        for (const auto& sample : set.samples) {
            const QuantisedSpectrogram q = cnn.cache().load(sample.audioPath);
            for (int t = 0; t < q.frames; ++t)
                for (int b = 0; b < q.mels; ++b) {
                    sum[std::size_t(b)] += q.db(t, b);
                    squares[std::size_t(b)] += double(q.db(t, b)) * q.db(t, b);
                }
            frames += q.frames;
        }
        const CnnStandardiser& standardiser = cnn.standardiser();
        QCOMPARE(standardiser.mean.size(), std::size_t(128));
        QVERIFY(!standardiser.isUniform());
        for (std::size_t b = 0; b < 128; ++b) {
            const double mean = sum[b] / frames;
            const double sd = std::sqrt(squares[b] / frames - mean * mean);
            QVERIFY2(std::abs(standardiser.mean[b] - mean) < 1e-3, qPrintable(QString::number(b)));
            QVERIFY2(std::abs(standardiser.stddev[b] - sd) < 1e-3, qPrintable(QString::number(b)));
        }

        const auto blobVersion = [](const std::string& bytes) {
            return std::uint32_t(std::uint8_t(bytes[8])) | std::uint32_t(std::uint8_t(bytes[9])) << 8;
        };
        std::stringstream blob;
        cnn.save(blob);
        QCOMPARE(blobVersion(blob.str()), 2u);
        const auto loaded = makeCnnClassifierWithCache({}, dir / "cache");
        loaded->load(blob);
        QCOMPARE(loaded->hyperparameters().at("band_standardise"), 1.0);
        for (const auto& sample : set.samples)
            QCOMPARE(loaded->predictProbabilities(sample), cnn.predictProbabilities(sample));

        CnnClassifier global(CnnOptions::fromHyperparameters(quickSettings(1)), dir / "cache");
        global.fit(set, TrainContext{});
        QVERIFY(global.standardiser().isUniform());
        std::stringstream globalBlob;
        global.save(globalBlob);
        QCOMPARE(blobVersion(globalBlob.str()), 1u);
        const auto loadedGlobal = makeCnnClassifierWithCache({{"band_standardise", 1}}, dir / "cache");
        loadedGlobal->load(globalBlob);
        QCOMPARE(loadedGlobal->hyperparameters().at("band_standardise"), 0.0); // what the blob holds
        QCOMPARE(loadedGlobal->predictProbabilities(set.samples[0]), global.predictProbabilities(set.samples[0]));
    }

    // Mixup, label smoothing and warm-up are drawn from the seeded generator: the same seed
    // gives the same model, and each of them changes the training (it is applied).
    void augmentationsAreSeededAndApplied()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const auto probabilities = [&](Hyperparameters extra) {
            Hyperparameters settings = quickSettings(2);
            for (const auto& [name, value] : extra)
                settings[name] = value;
            CnnClassifier cnn(CnnOptions::fromHyperparameters(settings), dir / "cache");
            const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 3, 4, 150, 5);
            TrainContext context;
            context.seed = 3;
            cnn.fit(set, context);
            return cnn.predictProbabilities(set.samples[0]);
        };
        const auto plain = probabilities({});
        const auto mixed = probabilities({{"mixup", 0.4}, {"label_smoothing", 0.1}});
        QCOMPARE(probabilities({{"mixup", 0.4}, {"label_smoothing", 0.1}}), mixed);
        QVERIFY(mixed != plain);
        QVERIFY(probabilities({{"label_smoothing", 0.1}}) != plain);
        QVERIFY(probabilities({{"warmup_epochs", 1}}) != plain);
        QVERIFY(isProbabilityVector(mixed, 3));
    }

    void sameSeedSameModel()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        CnnClassifier a(CnnOptions::fromHyperparameters(quickSettings(2)), dir / "cache");
        CnnClassifier b(CnnOptions::fromHyperparameters(quickSettings(2)), dir / "cache");
        CnnClassifier c(CnnOptions::fromHyperparameters(quickSettings(2)), dir / "cache");
        const LabelledSet set = writeSyntheticDataset(dir / "songs", a.cache(), 3, 5, 200, 3);
        TrainContext context;
        context.seed = 17;
        a.fit(set, context);
        b.fit(set, context);
        context.seed = 18;
        c.fit(set, context);
        QCOMPARE(a.predictProbabilities(set.samples[0]), b.predictProbabilities(set.samples[0]));
        QVERIFY(a.predictProbabilities(set.samples[0]) != c.predictProbabilities(set.samples[0]));
    }

    void cancelStopsAndTrainingResumes()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        CnnClassifier cnn(CnnOptions::fromHyperparameters(quickSettings(3)), dir / "cache");
        const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 3, 8, 200, 4);

        // Cancel as soon as the second epoch has started: epoch 1 is checkpointed.
        CancelToken cancel;
        TrainContext context;
        context.seed = 9;
        context.cancel = &cancel;
        int epochsDone = 0;
        context.progress = [&](const ProgressInfo& p) {
            if (p.stage.find("val acc") != std::string::npos && ++epochsDone == 1)
                cancel.cancel();
        };
        try {
            cnn.fit(set, context);
            QFAIL("cancelled training finished");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Cancelled);
        }
        QCOMPARE(epochsDone, 1);
        QVERIFY(fs::exists(cnn.checkpointDirectory()) && !fs::is_empty(cnn.checkpointDirectory()));

        // The next fit on the same songs continues at epoch 2 and cleans up after itself.
        cancel.reset();
        epochsDone = 0;
        context.progress = [&](const ProgressInfo& p) {
            if (p.stage.find("val acc") != std::string::npos)
                ++epochsDone;
        };
        cnn.fit(set, context);
        QVERIFY(cnn.trainingReport().resumed);
        QCOMPARE(epochsDone, 2);
        QCOMPARE(int(cnn.trainingReport().epochs.size()), 3);
        QVERIFY(fs::is_empty(cnn.checkpointDirectory()));

        // Cancelling while spectrograms are prepared stops at once too.
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Error, cnn.fit(set, context));
    }

    // The whole path on audio: decode + mel into the cache, learn the demo genres, and reuse
    // the cached spectrograms in the next fit instead of analysing the songs again.
    void learnsDemoGenresFromAudioAndReusesTheCache()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        DemoOptions demo;
        demo.perGenre = 6;
        demo.seconds = 8.0;
        demo.compressedCopies = false;
        makeDemoDataset(dir / "demo", demo);
        const ScanResult scan = scanDataset(dir / "demo");
        QCOMPARE(scan.songs.size(), std::size_t(24));
        LabelledSet train, test;
        train.classes = test.classes = scan.genres;
        std::map<std::string, int> seen;
        for (const auto& song : scan.songs) {
            Sample s;
            s.audioPath = song.path.string();
            s.label = int(std::find(scan.genres.begin(), scan.genres.end(), song.label) - scan.genres.begin());
            s.group = int(train.samples.size() + test.samples.size());
            (seen[song.label]++ < 4 ? train : test).samples.push_back(s); // 4 songs per genre to learn, 2 to test
        }

        Hyperparameters settings = quickSettings(6);
        settings["windows_per_song"] = 8;
        CnnClassifier first(CnnOptions::fromHyperparameters(settings), dir / "cache");
        first.fit(train, TrainContext{});
        QCOMPARE(first.trainingReport().spectrogramsComputed, std::size_t(16));
        QCOMPARE(first.trainingReport().skippedSongs, std::size_t(0));
        const double acc = accuracy(first, test);
        qInfo("demo genres held-out accuracy %.2f (chance 0.25)", acc);
        QVERIFY2(acc >= 0.75, qPrintable(QString::number(acc)));
        QCOMPARE(first.cache().computedCount(), std::size_t(16 + 8)); // test songs analysed once...

        // Silence and a song shorter than one window still give proper probabilities.
        const fs::path silent = dir / "silent.wav", tiny = dir / "tiny.wav";
        writeWav(silent, std::vector<float>(22050 * 4, 0.0f), 22050);
        std::vector<float> blip(22050 / 2);
        for (std::size_t i = 0; i < blip.size(); ++i)
            blip[i] = 0.3f * float(std::sin(0.05 * double(i)));
        writeWav(tiny, blip, 22050);
        for (const fs::path& odd : {silent, tiny}) {
            Sample s;
            s.audioPath = odd.string();
            const auto p = first.predictProbabilities(s);
            QVERIFY2(isProbabilityVector(p, 4), "not 4 finite non-negative probabilities summing to 1");
        }

        CnnClassifier second(CnnOptions::fromHyperparameters(settings), dir / "cache");
        second.fit(train, TrainContext{});
        QCOMPARE(second.trainingReport().spectrogramsComputed, std::size_t(0));
        accuracy(second, test);
        QCOMPARE(second.cache().computedCount(), std::size_t(0)); // ...and then read from the cache
    }

    void unreadableSongsAreSkippedNotFatal()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        CnnClassifier cnn(CnnOptions::fromHyperparameters(quickSettings(1)), dir / "cache");
        LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 2, 4, 150, 5);
        Sample missing;
        missing.audioPath = (dir / "does-not-exist.wav").string();
        missing.label = 0;
        set.samples.push_back(missing);
        Sample fake = missing;
        fake.audioPath = (dir / "fake.wav").string();
        std::ofstream(fake.audioPath) << "this is text, not a RIFF file";
        set.samples.push_back(fake);
        cnn.fit(set, TrainContext{});
        QCOMPARE(cnn.trainingReport().skippedSongs, std::size_t(2));
        QVERIFY(cnn.trainingReport().firstSkipReason.find("does-not-exist") != std::string::npos);
        try {
            cnn.predictProbabilities(missing);
            QFAIL("prediction on a missing file succeeded");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::NotFound);
        }
        try {
            cnn.predictProbabilities(fake);
            QFAIL("prediction on a text file succeeded");
        } catch (const Error& e) {
            QVERIFY(e.kind() == ErrorKind::NotAudio || e.kind() == ErrorKind::Corrupt);
            QCOMPARE(QString::fromStdString(e.subject()), QString::fromStdString(fake.audioPath));
        }
    }
};

QTEST_GUILESS_MAIN(TestCnn)
#include "test_cnn.moc"
