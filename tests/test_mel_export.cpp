// Mel window export: window placement and cutting against hand-computed values, then a
// demo collection (plus a short clip and a broken file) exported to .h5 and .npz and read
// back by numpy / h5py from Debian's /usr/bin/python3, compared with what the core computes
// for each song. Cancel and the .npz size limit leave no file behind.
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/common/npy.h"
#include "core/dataset/demo.h"
#include "core/dataset/mel_export.h"
#include "core/dataset/scan.h"
#include "tests/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace {

namespace fs = std::filesystem;

const QString kPython = QStringLiteral("/usr/bin/python3");

bool pythonHasH5py()
{
    QProcess probe;
    probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import numpy, h5py")});
    return probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<float> tone(double seconds, int rate)
{
    std::vector<float> y(std::size_t(seconds * rate));
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = float(0.3 * std::sin(2 * 3.141592653589793 * 440.0 * double(i) / rate));
    return y;
}

// Reads both files and compares them with expected.json (written below from the core's own
// per-song computation) and the whole windows of one song (expected_song.npy).
const char* const kCheckScript = R"PY(
import json, sys
import numpy as np
import h5py

expected = json.load(open(sys.argv[1]))
song = np.load(sys.argv[2])
problems = []

def check(name, ok):
    if not ok:
        problems.append(name)

def compare(tag, mels, track, label, split, offset, path, genres, splits, attr):
    n = expected["windows"]
    check(tag + " mels shape", tuple(mels.shape) == (n, expected["n_mels"], expected["window_frames"]))
    check(tag + " mels dtype", mels.dtype == np.float32)
    check(tag + " track", list(track) == expected["track"])
    check(tag + " label", list(label) == expected["label"])
    check(tag + " split", list(split) == expected["split"])
    check(tag + " offset", np.allclose(offset, expected["offset_seconds"], rtol=0, atol=1e-12))
    check(tag + " path", list(path) == expected["path"])
    check(tag + " genre_names", list(genres) == expected["genre_names"])
    check(tag + " split_names", list(splits) == expected["split_names"])
    for key in ("sample_rate", "n_fft", "hop_length", "n_mels", "window_frames"):
        check(tag + " attribute " + key, int(attr(key)) == expected[key])
    check(tag + " attribute schema", str(attr("schema")) == "genrescope-mels")
    for w, b, t, v in expected["samples"]:
        check(tag + " value %d,%d,%d" % (w, b, t), mels[w, b, t] == np.float32(v))
    first = expected["song_first_window"]
    block = np.asarray(mels[first:first + song.shape[0] // expected["n_mels"]])
    check(tag + " whole song", np.array_equal(block.reshape(song.shape), song))
    check(tag + " finite", bool(np.isfinite(np.asarray(mels)).all()))

with h5py.File(sys.argv[3], "r") as f:
    d = f["mels"]
    check("h5 chunks", d.chunks == (1, expected["n_mels"], expected["window_frames"]))
    check("h5 gzip", d.compression == "gzip" and d.compression_opts == 4 and d.shuffle)
    compare("h5", d, f["track"][:], f["label"][:], f["split"][:], f["offset_seconds"][:],
            f["path"].asstr()[:], f["genre_names"].asstr()[:], f["split_names"].asstr()[:],
            lambda k: f.attrs[k])
    h5mels = d[:]

with np.load(sys.argv[4]) as z:
    compare("npz", z["mels"], z["track"], z["label"], z["split"], z["offset_seconds"],
            z["path"], z["genre_names"], z["split_names"], lambda k: z[k][()])
    check("npz equals h5", np.array_equal(z["mels"], h5mels))

print("OK" if not problems else "MISMATCH: " + ", ".join(problems))
)PY";

} // namespace

class TestMelExport : public QObject {
    Q_OBJECT
private slots:
    void windowStartsAreEvenlySpacedWithTheLastFlushWithTheEnd()
    {
        // 30 s at 22050 Hz, hop 512: 1293 frames; hop between windows 128 * 0.5 = 64.
        std::vector<int> expected;
        for (int s = 0; s <= 1152; s += 64)
            expected.push_back(s);
        expected.push_back(1293 - 128);
        QCOMPARE(gs::melWindowStarts(1293, 128, 0.5), expected);
        QCOMPARE(gs::melWindowStarts(256, 128, 0.5), (std::vector<int>{0, 64, 128}));
        QCOMPARE(gs::melWindowStarts(300, 128, 0.0), (std::vector<int>{0, 128, 172}));
        QCOMPARE(gs::melWindowStarts(128, 128, 0.5), (std::vector<int>{0}));
        QCOMPARE(gs::melWindowStarts(44, 128, 0.5), (std::vector<int>{0}));
    }

    void windowsAreBandMajorCutsPaddedWithTheSongsLowestValue()
    {
        gs::Matrix m(2, 5);
        for (std::size_t b = 0; b < 2; ++b)
            for (std::size_t t = 0; t < 5; ++t)
                m(b, t) = float(10 * b + t) - 3.0f; // band 0: -3..1, band 1: 7..11
        const auto w = gs::melWindowsOf(m, 3, 0.0);
        QCOMPARE(w.starts, (std::vector<int>{0, 2}));
        QCOMPARE(w.values, (std::vector<float>{-3, -2, -1, 7, 8, 9, /* window 2 */ -1, 0, 1, 9, 10, 11}));

        gs::Matrix shortSong(2, 2);
        shortSong.data = {-5, -4, 6, 7};
        const auto padded = gs::melWindowsOf(shortSong, 4, 0.5);
        QCOMPARE(padded.starts, (std::vector<int>{0}));
        QCOMPARE(padded.values, (std::vector<float>{-5, -4, -5, -5, 6, 7, -5, -5}));
    }

    void formatFollowsTheExtension()
    {
        QCOMPARE(gs::melExportFormatFor("a/b.H5"), gs::MelExportFormat::Hdf5);
        QCOMPARE(gs::melExportFormatFor("b.hdf5"), gs::MelExportFormat::Hdf5);
        QCOMPARE(gs::melExportFormatFor("b.npz"), gs::MelExportFormat::Npz);
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::melExportFormatFor("b.csv"));
    }

    void demoExportReadsBackWithNumpyAndH5py()
    {
        if (!pythonHasH5py())
            QSKIP("SKIPPED: /usr/bin/python3 has no numpy/h5py (Debian: python3-h5py); the files are not read back");
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path data = dir / "demo";
        gs::DemoOptions demo;
        demo.perGenre = 2;
        demo.seconds = 4.0;
        demo.compressedCopies = false;
        demo.threads = 2;
        gs::makeDemoDataset(data, demo);
        gs::writeWav(data / "Rock" / "short.wav", tone(1.0, 22050), 22050); // 44 frames: one padded window
        { std::ofstream(data / "Piano" / "broken.wav") << "not audio at all\n"; }

        const gs::ScanResult scan = gs::scanDataset(data);
        std::vector<std::string> splits;
        for (std::size_t i = 0; i < scan.songs.size(); ++i)
            splits.push_back(i % 3 == 0 ? "test" : "training");
        gs::MelExportOptions options;
        options.threads = 2;
        const fs::path h5 = dir / "mels.h5", npz = dir / "mels.npz";
        const auto r = gs::exportMels(scan.songs, splits, h5, options);
        const auto z = gs::exportMels(scan.songs, splits, npz, options);

        // The broken file is listed, with its reason, and skipped; every other song is written.
        QCOMPARE(r.failures.size(), std::size_t(1));
        QCOMPARE(r.failures[0].file, (data / "Piano" / "broken.wav").string());
        QVERIFY(!r.failures[0].reason.empty());
        QCOMPARE(r.songsWritten, scan.songs.size() - 1);
        QCOMPARE(z.songsWritten, r.songsWritten);
        QCOMPARE(r.genres, (std::vector<std::string>{"Electronic", "Piano", "Rock", "Strings"}));
        QCOMPARE(r.splits, (std::vector<std::string>{"test", "training"}));

        // What the file must hold, computed song by song with the core's own functions.
        QJsonArray track, label, split, offset, paths, samples;
        std::size_t windows = 0, track_id = 0, songFirstWindow = 0;
        gs::SongMelWindows chosen;
        for (std::size_t i = 0; i < scan.songs.size(); ++i) {
            const auto& song = scan.songs[i];
            if (song.relativePath == "Piano/broken.wav")
                continue;
            const auto w = gs::songMelWindows(song.path, options.windows);
            const int genre = int(std::find(r.genres.begin(), r.genres.end(), song.label) - r.genres.begin());
            for (std::size_t k = 0; k < w.starts.size(); ++k) {
                track.append(qint64(track_id));
                label.append(genre);
                split.append(splits[i] == "test" ? 0 : 1);
                offset.append(w.starts[k] * 512.0 / 22050.0);
            }
            // First, a middle and the last value of the song's last window.
            const std::size_t last = w.starts.size() - 1, size = std::size_t(w.mels) * w.windowFrames;
            for (const auto& [b, t] : {std::pair{0, 0}, std::pair{64, 60}, std::pair{127, 127}})
                samples.append(QJsonArray{qint64(windows + last), b, t,
                                          double(w.values[last * size + std::size_t(b) * w.windowFrames + t])});
            if (song.relativePath == "Rock/short.wav") {
                QCOMPARE(w.starts.size(), std::size_t(1)); // padded: the file must hold the same padding
                chosen = w;
                songFirstWindow = windows;
            }
            paths.append(QString::fromStdString(song.relativePath));
            windows += w.starts.size();
            ++track_id;
        }
        QCOMPARE(r.windowsWritten, windows);
        QCOMPARE(z.windowsWritten, windows);
        QJsonObject expected{{"windows", qint64(windows)}, {"n_mels", 128}, {"window_frames", 128},
                             {"sample_rate", 22050}, {"n_fft", 2048}, {"hop_length", 512},
                             {"track", track}, {"label", label}, {"split", split}, {"offset_seconds", offset},
                             {"path", paths}, {"samples", samples}, {"song_first_window", qint64(songFirstWindow)},
                             {"genre_names", QJsonArray{"Electronic", "Piano", "Rock", "Strings"}},
                             {"split_names", QJsonArray{"test", "training"}}};
        {
            std::ofstream(dir / "expected.json") << QJsonDocument(expected).toJson().toStdString();
            std::ofstream(dir / "check.py") << kCheckScript;
        }
        gs::writeNpy2D(dir / "expected_song.npy", chosen.values, chosen.values.size() / 128, 128);

        QProcess python;
        python.start(kPython, {QString::fromStdString((dir / "check.py").string()),
                               QString::fromStdString((dir / "expected.json").string()),
                               QString::fromStdString((dir / "expected_song.npy").string()),
                               QString::fromStdString(h5.string()), QString::fromStdString(npz.string())});
        QVERIFY(python.waitForFinished(120000));
        const QString output = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
        QVERIFY2(python.exitCode() == 0 && output.trimmed() == QStringLiteral("OK"), qPrintable(output));

        // Nothing but the two files (and this test's own) in the folder: no temporaries.
        for (const auto& entry : fs::directory_iterator(dir))
            QVERIFY2(entry.path().string().find(".tmp") == std::string::npos, entry.path().c_str());
    }

    void exportIsIdenticalWhateverTheThreadCount()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 2;
        demo.seconds = 3.0;
        demo.compressedCopies = false;
        gs::makeDemoDataset(dir / "demo", demo);
        const auto songs = gs::scanDataset(dir / "demo").songs;
        gs::MelExportOptions options;
        options.threads = 1;
        gs::exportMels(songs, {}, dir / "one.npz", options);
        options.threads = 3;
        gs::exportMels(songs, {}, dir / "three.npz", options);
        const std::string one = readAll(dir / "one.npz");
        QVERIFY(one.size() > 8 * 128 * 128 * 4); // at least a window per song
        QCOMPARE(readAll(dir / "three.npz"), one); // songs land in input order, byte for byte
    }

    void cancelLeavesTheOldFileAndNoTemporary()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 3;
        demo.seconds = 3.0;
        demo.compressedCopies = false;
        gs::makeDemoDataset(dir / "demo", demo);
        const auto songs = gs::scanDataset(dir / "demo").songs;
        for (const char* name : {"old.h5", "old.npz"}) {
            const fs::path out = dir / name;
            { std::ofstream(out) << "previous export"; }
            gs::CancelToken cancel;
            gs::MelExportOptions options;
            options.threads = 2;
            options.cancel = &cancel;
            std::size_t progressCalls = 0;
            options.progress = [&](const gs::ProgressInfo&) {
                if (++progressCalls == 2)
                    cancel.cancel();
            };
            const auto r = gs::exportMels(songs, {}, out, options);
            QVERIFY(r.cancelled);
            QVERIFY(progressCalls < songs.size());
            QCOMPARE(readAll(out), std::string("previous export"));
        }
        std::size_t entries = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
            ++entries;
        QCOMPARE(entries, std::size_t(3)); // demo/, old.h5, old.npz
    }

    void npzAboveTheLimitIsRefusedSuggestingHdf5()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::writeWav(dir / "a.wav", tone(2.0, 22050), 22050);
        const auto song = gs::songEntryForFile(dir / "a.wav");
        gs::MelExportOptions options;
        options.npzLimitBytes = 1 << 16; // one 128 x 128 float window is 64 KiB: 30 s clips need 20
        try {
            gs::exportMels({song, song}, {}, dir / "big.npz", options);
            QFAIL("a .npz above the limit was written");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            QVERIFY2(e.reason().find(".h5") != std::string::npos, e.what());
        }
        QVERIFY(!fs::exists(dir / "big.npz"));
        // Whole files give no estimate up front: the running check refuses as the windows grow.
        options.windows.clipSeconds = 0;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::exportMels({song, song}, {}, dir / "big.npz", options));
        QVERIFY(!fs::exists(dir / "big.npz"));
        QCOMPARE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), std::ptrdiff_t(1));
    }

    void anUnwritableTargetIsAnErrorNamingItAndLeavesNothing()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::writeWav(dir / "a.wav", tone(2.0, 22050), 22050);
        const auto song = gs::songEntryForFile(dir / "a.wav");
        for (const char* name : {"missing/x.h5", "missing/x.npz"}) {
            const fs::path out = dir / name;
            try {
                gs::exportMels({song}, {}, out, {});
                QFAIL("an export into a missing folder succeeded");
            } catch (const gs::Error& e) {
                QCOMPARE(e.subject(), out.string()); // the file the user named, not a temporary
                QVERIFY(!e.reason().empty());
            }
        }
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::exportMels({song}, {"train", "test"}, dir / "x.h5", {}));
        QCOMPARE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), std::ptrdiff_t(1));
    }

    void cliWritesTheFileAndListsTheBrokenSong()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 1;
        demo.seconds = 3.0;
        demo.compressedCopies = false;
        gs::makeDemoDataset(dir / "demo", demo);
        { std::ofstream(dir / "demo" / "Rock" / "broken.mp3") << "not audio at all\n"; }
        const fs::path out = dir / "mels.npz";
        const auto r = gs::test::runCli({"export-mels", QString::fromStdString((dir / "demo").string()), "--out",
                                         QString::fromStdString(out.string()), "--quiet", "-j", "2"});
        QCOMPARE(r.exitCode, 1); // one song skipped
        QVERIFY2(r.err.contains("broken.mp3"), r.err.constData());
        QVERIFY2(r.err.contains("exported 8 windows of 4 of 5 songs"), r.err.constData());
        QVERIFY(fs::file_size(out) > 4 * 128 * 128 * 4);
        const auto usage = gs::test::runCli({"export-mels", QString::fromStdString((dir / "demo").string()), "--out",
                                             QString::fromStdString((dir / "mels.csv").string())});
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestMelExport)
#include "test_mel_export.moc"
