// The rich feature schema (rich-680): its pieces against hand/scipy-known values, its
// plumbing (names, fingerprints, parameters), and every column against librosa 0.10.2
// golden values (tests/data/rich-reference, made by scripts/reference/make_rich_reference.py)
// for the reference signals and 20 gtzan-dev clips.
#include "core/common/error.h"
#include "core/features/extract.h"
#include "core/features/frame_statistics.h"
#include "core/features/rich_features.h"
#include "core/features/schema.h"
#include "core/features/tonal.h"
#include "core/dataset/cache.h"
#include "core/ml/labelled_set.h"
#include "core/ml/model_file.h"
#include "core/ml/train.h"
#include "tests/test_features_support.h"

#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <map>

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// "mfcc_delta12_kurtosis" -> {"mfcc_delta", "kurtosis"}: the descriptor and the statistic.
std::pair<std::string, std::string> splitColumn(const std::string& column)
{
    if (column == "tempo")
        return {"tempo", ""};
    const std::size_t underscore = column.rfind('_');
    std::string descriptor = column.substr(0, underscore);
    while (!descriptor.empty() && std::isdigit(static_cast<unsigned char>(descriptor.back())))
        descriptor.pop_back();
    return {descriptor, column.substr(underscore + 1)};
}

struct Tolerance {
    double rel = 0, abs = 0;
};

// The reference README's float32 bounds (shared/reference/README.md, "Suggested
// tolerances"), carried to the seven statistics: the location statistics (mean, median,
// min, max) take the per-frame bound of their descriptor; std takes it too; skew and
// kurtosis are scale-free ratios of moments and get an absolute bound.
Tolerance musicTolerance(const std::string& descriptor, const std::string& stat)
{
    if (descriptor == "tempo")
        return {0, 0};
    const bool shape = stat == "skew" || stat == "kurtosis";
    if (descriptor == "zero_crossing_rate")
        return {1e-9, 1e-12};
    if (descriptor == "mfcc" || descriptor == "mfcc_delta")
        return shape ? Tolerance{1e-3, 1e-3} : Tolerance{1e-4, 1e-3};
    if (descriptor == "chroma_stft" || descriptor == "tonnetz")
        return shape ? Tolerance{1e-4, 1e-4} : Tolerance{1e-4, 1e-5};
    if (descriptor == "chroma_cens")
        // Quantised at 0.05/0.1/0.2/0.4: a frame's chroma sitting within rounding of a
        // threshold moves that frame's step by 0.25 (smoothed over 43 frames).
        return shape ? Tolerance{1e-2, 1e-2} : Tolerance{1e-3, 1e-3};
    if (descriptor == "spectral_contrast")
        // README: per frame p99 <= 0.05 dB, max 2 dB (quiet sub-bands on the FFT noise floor).
        return shape ? Tolerance{1e-2, 1e-2} : Tolerance{1e-3, 0.05};
    if (descriptor == "spectral_rolloff")
        // One bin (10.8 Hz) in <= 0.6% of the frames.
        return shape ? Tolerance{1e-2, 1e-2} : Tolerance{1e-3, 22.0};
    if (descriptor == "spectral_flatness")
        return shape ? Tolerance{1e-3, 1e-3} : Tolerance{1e-3, 1e-4};
    if (descriptor == "onset_strength")
        return shape ? Tolerance{1e-3, 1e-3} : Tolerance{1e-4, 1e-4};
    if (descriptor == "tempogram_ratio")
        return shape ? Tolerance{1e-3, 1e-3} : Tolerance{1e-4, 1e-4};
    // centroid, bandwidth, rms
    return shape ? Tolerance{1e-3, 1e-3} : Tolerance{1e-4, 1e-6};
}

// Synthetic signals are ill-conditioned (README, last point): a pure tone's bandwidth and
// contrast sit on the FFT noise floor (README: contrast moved up to 13.8 dB per frame with
// a float FFT; spectral_bandwidth of dc_offset 36%), and values exactly 0 in librosa are
// rounding noise here. Their skew and kurtosis divide by such noise: see comparable().
Tolerance signalTolerance(const std::string& descriptor, const std::string& stat)
{
    Tolerance t = musicTolerance(descriptor, stat);
    if (descriptor == "tempo" || descriptor == "zero_crossing_rate")
        return t;
    t.rel = std::max(t.rel, 1e-2);
    t.abs = std::max(t.abs, 1e-2);
    if (descriptor == "spectral_contrast")
        t.abs = 6.0; // dB
    if (descriptor == "spectral_bandwidth")
        t.rel = 0.45;
    return t;
}

// Skew and kurtosis are ratios of central moments: when a row's spread is itself rounding
// noise (a tempogram ratio that is 0 up to 1e-17 in librosa and 1e-8 here), or a signal's
// row is ill-conditioned as above, they measure the noise. Compared only where the row
// really varies: reference std above 1e-6 and, for signals, not contrast or bandwidth.
bool comparable(const std::string& descriptor, const std::string& stat, double refStd, bool isSignal)
{
    if (stat != "skew" && stat != "kurtosis")
        return true;
    if (refStd <= 1e-6)
        return false;
    return !(isSignal && (descriptor == "spectral_contrast" || descriptor == "spectral_bandwidth"));
}

struct Stats {
    double maxAbs = 0, maxRel = 0;
    std::string worst;
    int compared = 0;
};

} // namespace

class TestFeaturesRich : public QObject {
    Q_OBJECT

private slots:
    void statisticsMatchScipy()
    {
        std::vector<float> scratch;
        // numpy/scipy (1.10.1) on float64: mean, std, skew, kurtosis (Fisher), median.
        const std::vector<float> odd = {1, 2, 3, 4, 10};
        auto s = gs::frameStatistics(odd, scratch);
        QCOMPARE(s.mean, 4.0);
        QVERIFY(std::fabs(s.std - 3.1622776601683795) < 1e-14);
        QVERIFY(std::fabs(s.skew - 1.1384199576606167) < 1e-13);
        QVERIFY(std::fabs(s.kurtosis - -0.21199999999999974) < 1e-13);
        QCOMPARE(s.median, 3.0);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 10.0);
        const std::vector<float> even = {3, 1, 4, 1, 5, 9, 2, 6};
        s = gs::frameStatistics(even, scratch);
        QCOMPARE(s.mean, 3.875);
        QVERIFY(std::fabs(s.std - 2.5708704751503917) < 1e-14);
        QVERIFY(std::fabs(s.skew - 0.6682892518272332) < 1e-13);
        QVERIFY(std::fabs(s.kurtosis - -0.534949616887145) < 1e-13);
        QCOMPARE(s.median, 3.5);
        // scipy gives NaN for a constant row; we give 0 (and never NaN).
        const std::vector<float> flat(7, 0.25f);
        s = gs::frameStatistics(flat, scratch);
        QCOMPARE(s.std, 0.0);
        QCOMPARE(s.skew, 0.0);
        QCOMPARE(s.kurtosis, 0.0);
        QCOMPARE(s.median, 0.25);
        s = gs::frameStatistics({}, scratch);
        QCOMPARE(s.mean, 0.0);
    }

    void deltaMatchesSavitzkyGolay()
    {
        // scipy.signal.savgol_filter(n^2, 9, 1, deriv=1, mode='interp'), n = 0..10.
        gs::Matrix squares(1, 11);
        for (std::size_t i = 0; i < 11; ++i)
            squares.data[i] = float(i * i);
        const gs::Matrix d = gs::delta(squares);
        const double expected[11] = {8, 8, 8, 8, 8, 10, 12, 12, 12, 12, 12};
        for (std::size_t i = 0; i < 11; ++i)
            QVERIFY2(std::fabs(d.data[i] - expected[i]) < 1e-5, qPrintable(QString::number(i)));
        // Fewer frames than the width: the slope over all of them (librosa refuses).
        gs::Matrix ramp(1, 3);
        ramp.data = {1, 3, 5};
        QCOMPARE(gs::delta(ramp).data, (std::vector<float>{2, 2, 2}));
    }

    void tonnetzAndCensOfOnePitchClass()
    {
        // Only C sounding: tonnetz = column 0 of librosa's phi, i.e. R * cos(pi * (0 - 0.5))
        // on the sine rows (0) and R * cos(0) on the cosine rows.
        gs::Matrix chroma(12, 50, 0.0f);
        for (std::size_t t = 0; t < 50; ++t)
            chroma(0, t) = 1.0f;
        const gs::Matrix ton = gs::tonnetz(chroma);
        const double expected[6] = {0, 1, 0, 1, 0, 0.5};
        for (std::size_t p = 0; p < 6; ++p)
            QVERIFY(std::fabs(ton(p, 10) - expected[p]) < 1e-7);
        // CENS: every frame quantises to 1 in bin C; after smoothing and L2 it stays 1.
        const gs::Matrix cens = gs::chromaCens(chroma);
        QVERIFY(std::fabs(cens(0, 25) - 1.0f) < 1e-6);
        QCOMPARE(cens(5, 25), 0.0f);
    }

    void schemaPlumbing()
    {
        const auto& names = gs::richFeatureNames();
        QCOMPARE(names.size(), std::size_t(680));
        QCOMPARE(names.front(), std::string("mfcc1_mean"));
        QCOMPARE(names[6], std::string("mfcc1_max"));
        QCOMPARE(names.back(), std::string("tempo"));
        QVERIFY(std::find(names.begin(), names.end(), "spectral_contrast7_kurtosis") != names.end());
        QVERIFY(std::find(names.begin(), names.end(), "tempogram_ratio13_median") != names.end());

        gs::ExtractionParams params;
        const auto gtzan = gs::genreFeatureSchema(params);
        // gtzan-57 stays what caches and model files already hold.
        QCOMPARE(gtzan.fingerprint(),
                 std::string("gtzan-57 v1 n=57 sr=22050 clip=30 offset=0 pad=constant hpss=librosa-0.10"));
        params.features = gs::featureSetFromString("rich-680");
        const auto rich = gs::genreFeatureSchema(params);
        QCOMPARE(rich.name, std::string("rich-680"));
        QCOMPARE(rich.columns, names);
        QCOMPARE(rich.fingerprint(), std::string("rich-680 v1 n=680 sr=22050 clip=30 offset=0 pad=constant"));
        QVERIFY(gs::featureSetWithColumns(names) == gs::FeatureSet::Rich);
        QVERIFY(gs::featureSetWithColumns(gs::genreFeatureNames()) == gs::FeatureSet::Gtzan57);
        QVERIFY(!gs::featureSetWithColumns({"a", "b"}));
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::featureSetFromString("rich"));
        params.legacyHpss = true; // the rich set has no HPSS columns
        QVERIFY_THROWS_EXCEPTION(gs::Error, params.validate());
    }

    // The cache keys rows by (path, schema fingerprint): both sets of one song live side by side.
    void cacheKeepsTheSchemasApart()
    {
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "features.sqlite";
        gs::ExtractionParams params;
        const std::string gtzan = gs::genreFeatureSchema(params).fingerprint();
        params.features = gs::FeatureSet::Rich;
        const std::string rich = gs::genreFeatureSchema(params).fingerprint();
        gs::CachedSong song;
        song.path = "/music/blues/a.wav";
        song.features.assign(57, 1.0);
        gs::FeatureCache(file, gtzan).store(std::span(&song, 1));
        song.features.assign(680, 2.0);
        gs::FeatureCache(file, rich).store(std::span(&song, 1));
        const auto gtzanRows = gs::FeatureCache(file, gtzan).load();
        const auto richRows = gs::FeatureCache(file, rich).load();
        QCOMPARE(gtzanRows.size(), std::size_t(1));
        QCOMPARE(richRows.size(), std::size_t(1));
        QCOMPARE(gtzanRows[0].features, std::vector<double>(57, 1.0));
        QCOMPARE(richRows[0].features, std::vector<double>(680, 2.0));
    }

    // A table with the rich columns makes a rich-680 model; its file keeps the set, and
    // features of the other set are refused.
    void modelFilesKeepTheSchema()
    {
        gs::FeatureTable table;
        table.columns = gs::richFeatureNames();
        for (int i = 0; i < 12; ++i) {
            gs::FeatureRow row;
            row.file = "song" + std::to_string(i) + ".wav";
            row.label = i % 2 ? "rock" : "jazz";
            row.values.assign(table.columns.size(), 0.0);
            for (std::size_t c = 0; c < row.values.size(); ++c)
                row.values[c] = double((i % 2) * 3 + int(c % 5)) + 0.01 * i;
            table.rows.push_back(row);
        }
        const auto set = gs::ml::labelledSetFromTable(table, gs::ExtractionParams{});
        QCOMPARE(set.schema.name, std::string("rich-680"));
        QVERIFY(set.schema.params.features == gs::FeatureSet::Rich);
        gs::ml::TrainOptions options;
        options.model = "knn";
        const auto model = gs::ml::trainModel(set, options);
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "rich.gsm";
        gs::ml::saveModelFile(file, model);
        const auto back = gs::ml::loadModelFile(file);
        QCOMPARE(back.schema.fingerprint(), set.schema.fingerprint());
        QVERIFY(back.schema.params.features == gs::FeatureSet::Rich);
        gs::ml::checkSchema(back, set.schema, "rich features"); // same set: accepted
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::ml::checkSchema(back, gs::genreFeatureSchema({}), "gtzan features"));
    }

    void edgeSignalsGiveFiniteValues()
    {
        gs::GenreFeatureExtractor extractor(gs::PadMode::Constant, false, gs::FeatureSet::Rich);
        for (std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(1000), std::size_t(22050)}) {
            std::vector<float> silence(n, 0.0f);
            const auto values = extractor.compute(silence, 22050);
            QCOMPARE(values.size(), std::size_t(680));
            for (double v : values)
                QVERIFY(std::isfinite(v));
        }
        // 8 kHz: only four contrast bands fit below Nyquist; the other rows are 0, the count holds.
        std::vector<float> tone(8000);
        for (std::size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.5f * float(std::sin(2 * 3.141592653589793 * 440.0 * double(i) / 8000.0));
        const auto values = extractor.compute(tone, 8000);
        QCOMPARE(values.size(), std::size_t(680));
        const auto& names = gs::richFeatureNames();
        const auto at = [&](const std::string& name) {
            return values[std::size_t(std::find(names.begin(), names.end(), name) - names.begin())];
        };
        QCOMPARE(at("spectral_contrast7_mean"), 0.0);
        QVERIFY(at("spectral_contrast1_mean") > 0.0);
    }

    void matchesLibrosa()
    {
        GS_REQUIRE_SHARED(shared, "reference/signals");
        const QString csvPath = QFINDTESTDATA("data/rich-reference/features_rich.csv");
        QVERIFY2(!csvPath.isEmpty(), "tests/data/rich-reference/features_rich.csv not found next to this test");
        const auto table = gs::test::readCsv(csvPath.toStdString());
        const auto& names = gs::richFeatureNames();
        QCOMPARE(table.header.size(), names.size() + 3);
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(table.header[i + 3], names[i]);

        std::map<std::string, Stats> musicStats, signalStats;
        std::vector<std::string> failures;
        int files = 0, skippedShape = 0;
        for (const auto& row : table.rows) {
            const std::filesystem::path file = shared.parent_path().parent_path() / row[0];
            const auto audio = gs::test::loadTestAudio(file);
            if (!audio) {
                failures.push_back(row[0] + ": not readable");
                continue;
            }
            QCOMPARE(audio->sampleRate, std::stoi(row[1]));
            QCOMPARE(audio->samples.size(), std::size_t(std::stoul(row[2])));
            gs::GenreFeatureExtractor extractor(gs::PadMode::Constant, false, gs::FeatureSet::Rich);
            const auto values = extractor.compute(audio->samples, audio->sampleRate);
            ++files;
            const bool isSignal = startsWith(row[0], "reference/signals");
            for (std::size_t i = 0; i < names.size(); ++i) {
                const auto [descriptor, stat] = splitColumn(names[i]);
                const double ref = std::stod(row[i + 3]);
                const double ours = values[i];
                // The row's reference std sits 1 (skew) or 2 (kurtosis) columns before.
                const std::size_t stdColumn = stat == "skew" ? i - 1 : stat == "kurtosis" ? i - 2 : i;
                const double refStd = std::stod(row[stdColumn + 3]);
                if (!comparable(descriptor, stat, std::isnan(refStd) ? 0.0 : std::fabs(refStd), isSignal)) {
                    ++skippedShape;
                    continue;
                }
                if (std::isnan(ref)) {
                    // librosa's refused delta (< 9 frames) is skipped; scipy's NaN of a constant row
                    // is our 0 (rows whose spread is noise were skipped above).
                    if (descriptor != "mfcc_delta" && ours != 0.0)
                        failures.push_back(row[0] + ": " + names[i] + " should be 0 where scipy gives NaN, is " +
                                           std::to_string(ours));
                    continue;
                }
                const double diff = std::fabs(ours - ref);
                const double rel = diff / std::max(std::fabs(ref), 1e-300);
                Stats& s = (isSignal ? signalStats : musicStats)[descriptor + (stat.empty() ? "" : " " + stat)];
                ++s.compared;
                if (diff > s.maxAbs) {
                    s.maxAbs = diff;
                    s.worst = row[0] + ":" + names[i];
                }
                if (diff > 0)
                    s.maxRel = std::max(s.maxRel, rel);
                const Tolerance tol = isSignal ? signalTolerance(descriptor, stat) : musicTolerance(descriptor, stat);
                if (diff > tol.abs && rel > tol.rel) {
                    char line[320];
                    std::snprintf(line, sizeof line, "%s: %s ours %.9g librosa %.9g (abs %.3g rel %.3g)", row[0].c_str(),
                                  names[i].c_str(), ours, ref, diff, rel);
                    failures.push_back(line);
                }
            }
        }
        std::string report = "\n== rich-680 vs librosa 0.10.2: " + std::to_string(files) + " files, " +
                             std::to_string(skippedShape) + " skew/kurtosis values of noise-level rows not compared ==\n";
        for (const auto* group : {&musicStats, &signalStats}) {
            report += group == &musicStats ? "-- music (gtzan-dev) --\n" : "-- signals --\n";
            for (const auto& [key, s] : *group) {
                char line[320];
                std::snprintf(line, sizeof line, "%-30s max abs %-10.3g max rel %-10.3g (%s)\n", key.c_str(), s.maxAbs,
                              s.maxRel, s.worst.c_str());
                report += line;
            }
        }
        qInfo("%s", report.c_str());
        for (std::size_t i = 0; i < std::min<std::size_t>(failures.size(), 40); ++i)
            qWarning("%s", failures[i].c_str());
        QVERIFY2(files > 20, "expected the 9 signals and 20 gtzan-dev clips");
        QVERIFY2(failures.empty(), qPrintable(QString::number(failures.size()) + " values outside the tolerances"));
    }
};

QTEST_GUILESS_MAIN(TestFeaturesRich)
#include "test_features_rich.moc"
