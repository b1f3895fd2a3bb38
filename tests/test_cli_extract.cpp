// genrescope-cli extract end to end: exit codes, CSV content, failure summary, Kaggle reproduction.
#include "core/dataset/feature_table.h"
#include "core/features/schema.h"
#include "tests/test_dataset_bad_files.h"
#include "tests/testsupport.h"

#include <cmath>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace {
QString q(const fs::path& p)
{
    return QString::fromStdString(p.string());
}
} // namespace

class TestCliExtract : public QObject {
    Q_OBJECT
private slots:
    void usageErrorsExitWithTwo()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const QString out = q(dir / "o.csv");
        const QList<QStringList> bad = {
            {"extract"},
            {"extract", q(dir)},                                   // no --out
            {"extract", q(dir), "--out", out, "--sr", "fast"},
            {"extract", q(dir), "--out", out, "--clip", "-1"},
            {"extract", q(dir), "--out", out, "--pad", "edge"},
            {"extract", q(dir), "--out", out, "--bogus"},
            {"extract", q(dir), "--out", out, "-j", "1.5"},
            {"extract", q(dir), "--out", out, "--layout", "pandas"},
            {"extract", q(dir), "--out", q(dir / "no-such-folder" / "o.csv")},
            {"extract", q(dir), "--out", q(dir)},
        };
        for (const auto& args : bad) {
            const auto r = gs::test::runCli(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ') + " -> " + QString::number(r.exitCode) + " " + r.err));
            QVERIFY(!fs::exists(dir / "o.csv"));
        }
        QCOMPARE(gs::test::runCli({"help", "extract"}).exitCode, 0);
        // `help` alone lists the commands on stdout, like --help; nothing at all is a usage error.
        const auto overview = gs::test::runCli({"help"});
        QCOMPARE(overview.exitCode, 0);
        QVERIFY(overview.out.contains("commands:") && overview.out.contains("extract"));
        QCOMPARE(gs::test::runCli({}).exitCode, 2);
    }

    void badFilesAreListedAndTheBatchGoesOn()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp) / "data";
        const auto expected = gs::test::writeBadFiles(root);
        gs::writeWav(root / ".hidden.wav", gs::test::testTone(100, 0.5, 22050), 22050);
        gs::writeFileBytes(root / "notes.txt", std::vector<std::uint8_t>{'h', 'i'});
        const fs::path out = root.parent_path() / "features.csv";
        const auto r = gs::test::runCli({"extract", q(root), "--out", q(out), "-j", "2", "--clip", "0"});
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == 1, qPrintable(err));
        for (const auto& f : expected.failing)
            QVERIFY2(err.contains(QString::fromStdString("  " + f + ": ")), qPrintable(QString::fromStdString(f) + " not reported:\n" + err));
        QVERIFY2(err.contains(QStringLiteral("failed: %1").arg(expected.failing.size())), qPrintable(err));
        QVERIFY2(err.contains("skipped: 1 hidden, 1 not audio"), qPrintable(err));
        QVERIFY2(err.contains("warning: broken/truncated.wav"), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("[%1/%1] 100%").arg(expected.failing.size() + expected.passing.size())),
                 qPrintable(err));

        const auto table = gs::readFeatureCsv(out);  // rejects NaN/inf cells
        QCOMPARE(table.columns, gs::genreFeatureNames());
        std::vector<std::string> files;
        for (const auto& row : table.rows) {
            files.push_back(row.file);
            QCOMPARE(row.label, row.file.substr(0, row.file.find('/')));
        }
        QCOMPARE(files, expected.passing);
    }

    void singleFilesHaveNoLabelAndExitZero()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::writeWav(dir / "one song.wav", gs::test::testTone(250, 3.0, 22050), 22050);
        fs::create_directories(dir / "set" / "Jazz");
        gs::writeWav(dir / "set" / "Jazz" / "two.wav", gs::test::testTone(350, 3.0, 22050), 22050);
        const fs::path out = dir / "f.csv";
        const auto r = gs::test::runCli({"extract", q(dir / "one song.wav"), q(dir / "set"), "--out", q(out), "--clip", "2",
                                         "--offset", "0.5", "-j", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto table = gs::readFeatureCsv(out);
        QCOMPARE(table.rows.size(), std::size_t(2));
        QCOMPARE(table.rows[0].file, std::string("one song.wav"));
        QCOMPARE(table.rows[0].label, std::string());
        QCOMPARE(table.rows[0].length, 2.0 * 22050);
        QCOMPARE(table.rows[1].file, std::string("Jazz/two.wav"));
        QCOMPARE(table.rows[1].label, std::string("Jazz"));
    }

    void measuredFftPlansAreRememberedAndABadWisdomFileIsHarmless()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::writeWav(dir / "tone.wav", gs::test::testTone(300, 2.0, 22050), 22050);
        const fs::path cache = dir / "cache";
        fs::create_directories(cache);
        const fs::path wisdom = cache / "fftw-wisdom-float";
        std::ofstream(wisdom) << "(not fftw wisdom";
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", cache.string());
        const auto extract = [&](const fs::path& out) {
            const auto r = gs::test::runCli({"extract", q(dir / "tone.wav"), "--out", q(out), "-j", "1"});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        };
        extract(dir / "first.csv");
        std::ifstream in(wisdom);
        const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QVERIFY2(saved.rfind("(fftw-", 0) == 0 && saved.find("fftwf_wisdom") != std::string::npos, saved.c_str());
        QCOMPARE(std::distance(fs::directory_iterator(cache), fs::directory_iterator()), std::ptrdiff_t(1)); // no temporaries left
        // The second run plans from the saved wisdom; its features are the same.
        extract(dir / "second.csv");
        const auto first = gs::readFeatureCsv(dir / "first.csv"), second = gs::readFeatureCsv(dir / "second.csv");
        QCOMPARE(first.rows.size(), std::size_t(1));
        QCOMPARE(second.rows.size(), std::size_t(1));
        QVERIFY(first.rows[0].values == second.rows[0].values);
    }

    void reproducesKaggleRows()
    {
        GS_REQUIRE_SHARED(dev, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(kaggleCsv, "reference/kaggle-gtzan/features_30_sec.csv");
        QTemporaryDir tmp;
        const fs::path out = gs::test::tempDir(tmp) / "k.csv";
        // In the Kaggle layout, so the file also reads where the public CSV does.
        const auto r = gs::test::runCli({"extract", q(dev / "classical/classical.00004.wav"), q(dev / "reggae/reggae.00007.wav"),
                                         "--out", q(out), "--clip", "0", "--sr", "native", "--pad", "reflect",
                                         "--legacy-hpss", "--layout", "kaggle", "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto ours = gs::readFeatureCsv(out);
        const auto kaggle = gs::readFeatureCsv(kaggleCsv);
        int matched = 0;
        for (const auto& row : ours.rows)
            for (const auto& k : kaggle.rows) {
                if (k.file != row.file)
                    continue;
                ++matched;
                QCOMPARE(row.length, k.length);
                for (std::size_t i = 0; i < k.values.size(); ++i) {
                    const double tol = 1e-3 * std::max(std::abs(k.values[i]), 1.0);  // the extractor's own tests are tighter
                    if (std::abs(row.values[i] - k.values[i]) > tol)
                        QFAIL(qPrintable(QString::fromStdString(row.file + " " + ours.columns[i] + ": ")
                                         + QString::number(row.values[i], 'g', 10) + " vs Kaggle "
                                         + QString::number(k.values[i], 'g', 10)));
                }
            }
        QCOMPARE(matched, 2);
        std::ifstream in(out);
        std::string header;
        std::getline(in, header);
        QVERIFY(header.rfind("filename,length,chroma_stft_mean,", 0) == 0);
        QVERIFY(header.size() > 6 && header.substr(header.size() - 6) == ",label");
    }
};

QTEST_GUILESS_MAIN(TestCliExtract)
#include "test_cli_extract.moc"
