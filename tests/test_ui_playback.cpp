// Playback with a timer-driven output (no sound device needed): a demo song is decoded by the
// core decoder, its position advances, the waveform and spectrogram cursors follow, a click
// seeks to the time under the pointer, Space toggles, pause stops the clock; the null output
// says "no audio device" once. Also the views' readout and their CSV / NPY exports.
#include "core/audio/decode.h"
#include "core/audio/envelope.h"
#include "core/common/npy.h"
#include "core/dataset/demo.h"
#include "tests/testsupport.h"
#include "ui/playback/audio_output.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/player_bar.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QApplication>
#include <QSignalSpy>
#include <QVBoxLayout>

#include <fstream>
#include <iterator>

using namespace gs::ui;

namespace {

constexpr double kClipSeconds = 4.0;

std::string readAll(const QString& file)
{
    std::ifstream in(file.toStdString(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

class TestUiPlayback : public QObject {
    Q_OBJECT

    QTemporaryDir holder_;
    QString song_;
    std::shared_ptr<const gs::WaveformEnvelope> envelope_;

private slots:
    void initTestCase()
    {
        gs::DemoOptions options;
        options.perGenre = 1;
        options.seconds = kClipSeconds;
        options.compressedCopies = false;
        options.threads = 1;
        const auto demo = gs::makeDemoDataset(gs::test::tempDir(holder_) / "demo", options);
        QVERIFY(!demo.files.empty());
        song_ = QString::fromStdString(demo.files.front().string());
        gs::DecodeOptions decode;
        decode.sampleRate = 22050; // what the song views show
        envelope_ = std::make_shared<const gs::WaveformEnvelope>(gs::decodeAudio(demo.files.front(), decode).samples);
    }

    void playingAdvancesTheCursorsClickSeeksSpaceTogglesPauseStops()
    {
        auto* output = new TimerAudioOutput;
        PlaybackController controller(output);
        QWidget page;
        auto* layout = new QVBoxLayout(&page);
        auto* bar = new PlayerBar;
        auto* wave = new WaveformView;
        auto* spectrogram = new SpectrogramView;
        layout->addWidget(bar);
        layout->addWidget(wave);
        layout->addWidget(spectrogram);
        bar->setController(&controller);
        bar->attachViews(wave, spectrogram);
        bar->installSpaceShortcut(&page);
        wave->setEnvelope(envelope_, 22050);
        page.resize(800, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        bar->setSong(song_);
        bar->togglePlay();
        QVERIFY(controller.waitForLoaded());
        QCOMPARE(controller.file(), song_);
        // The core decoder at 44.1 kHz: exactly the clip's length.
        gs::DecodeOptions at44k;
        at44k.sampleRate = PlaybackController::kPlaybackRate;
        const auto samples = gs::decodeAudio(song_.toStdString(), at44k).samples.size();
        QCOMPARE(controller.duration(), double(samples) / PlaybackController::kPlaybackRate);
        QVERIFY(std::abs(controller.duration() - kClipSeconds) < 0.01);
        QVERIFY(controller.isPlaying());

        // Position and both cursors advance.
        QTRY_VERIFY_WITH_TIMEOUT(wave->playhead() > 0.3, 5000);
        QVERIFY(controller.position() >= wave->playhead());
        QCOMPARE(spectrogram->playhead(), wave->playhead());

        // Pause: the clock stops, the cursor stays where it stopped.
        controller.pause();
        QVERIFY(!controller.isPlaying());
        const double stopped = controller.position();
        QTest::qWait(250);
        QCOMPARE(controller.position(), stopped);
        QCOMPARE(wave->playhead(), stopped);

        // A click at x seeks to the time under x (within one pixel's worth).
        const QRect r = wave->plotArea();
        const int x = r.left() + int(std::lround(0.6 * r.width()));
        const double expected = double(x - r.left()) / r.width() * wave->duration();
        const double pixel = wave->duration() / r.width();
        QTest::mouseClick(wave, Qt::LeftButton, {}, QPoint(x, r.center().y()));
        QVERIFY2(std::abs(controller.position() - expected) <= pixel,
                 qPrintable(QStringLiteral("%1 vs %2").arg(controller.position()).arg(expected)));
        QVERIFY(std::abs(wave->playhead() - expected) <= pixel);
        QVERIFY(std::abs(expected - 0.6 * wave->duration()) <= pixel); // hand-computed: 60 % of the way
        QVERIFY(!controller.isPlaying()); // seeking does not start playback

        // Space plays from there, Space again pauses.
        page.activateWindow();
        wave->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTest::keyClick(wave, Qt::Key_Space);
        QVERIFY(controller.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(controller.position() > expected + 0.1, 5000);
        QTest::keyClick(wave, Qt::Key_Space);
        QVERIFY(!controller.isPlaying());
        const double paused = controller.position();
        QVERIFY(paused > expected + 0.1 && paused < controller.duration());

        // Seeking while playing restarts the output there.
        controller.play();
        controller.seek(0.5);
        QVERIFY(controller.isPlaying());
        QVERIFY(controller.position() >= 0.5 && controller.position() < 0.5 + 0.5);
        // Played to the end: paused at the end; Play starts again from the beginning.
        controller.seek(controller.duration() - 0.1);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isPlaying(), 5000);
        QCOMPARE(controller.position(), controller.duration());
        controller.play();
        QVERIFY(controller.position() < 0.2);
        controller.pause();

        // Another song on the page: the old one stops, the cursor goes away.
        bar->setSong(QString());
        QCOMPARE(controller.state(), PlaybackController::State::Empty);
        QCOMPARE(wave->playhead(), -1.0);
    }

    void nullOutputSaysNoAudioDeviceOnceAndSeekingStillWorks()
    {
        PlaybackController controller(new NullAudioOutput);
        QSignalSpy messages(&controller, &PlaybackController::statusMessage);
        controller.load(song_);
        controller.play();                // while loading: plays when loaded
        QVERIFY(controller.waitForLoaded());
        QVERIFY(!controller.isPlaying());
        controller.play();
        controller.toggle();
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.front().front().toString().contains(QStringLiteral("no audio device")));
        controller.seek(1.5);
        QCOMPARE(controller.position(), 1.5);
        controller.seek(99);
        QCOMPARE(controller.position(), controller.duration());
    }

    void aFileThatIsNotAudioIsReportedNotPlayed()
    {
        const QString bogus = QString::fromStdString((gs::test::tempDir(holder_) / "not-audio.mp3").string());
        {
            std::ofstream(bogus.toStdString()) << "this is text";
        }
        PlaybackController controller(new TimerAudioOutput);
        QSignalSpy messages(&controller, &PlaybackController::statusMessage);
        controller.load(bogus);
        controller.play();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), PlaybackController::State::Empty, 10000);
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.front().front().toString().contains(QStringLiteral("not-audio.mp3")));
    }

    void waveformReadoutAndEnvelopeCsv()
    {
        WaveformView wave;
        wave.resize(500, 160);
        wave.setEnvelope(envelope_, 22050);
        const QRect r = wave.plotArea();
        QSignalSpy readouts(&wave, &WaveformView::readout);
        const int x = r.left() + r.width() / 4;
        QTest::mouseMove(&wave, QPoint(x, r.center().y()));
        QMouseEvent move(QEvent::MouseMove, QPointF(x, r.center().y()), wave.mapToGlobal(QPointF(x, r.center().y())),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&wave, &move);
        QVERIFY(readouts.count() >= 1);
        const QString text = readouts.last().front().toString();
        QCOMPARE(text, wave.readoutAt(x));
        // The time under x (m:ss.cc) and the column's extrema as the envelope computes them.
        const double t = wave.secondsAt(x);
        QVERIFY2(text.startsWith(QStringLiteral("0:%1").arg(t, 5, 'f', 2, QLatin1Char('0'))), qPrintable(text));
        const double perPixel = wave.duration() / r.width();
        const auto first = std::size_t(t * 22050), last = std::size_t((t + perPixel) * 22050);
        const auto column = envelope_->columns(first, last, 1).front();
        QVERIFY2(text.contains(QString::number(double(column.max), 'f', 3)), qPrintable(text));

        const QString file = QString::fromStdString((gs::test::tempDir(holder_) / "envelope.csv").string());
        QVERIFY(wave.exportEnvelopeCsv(file, 4));
        const auto table = gs::test::readCsv(file.toStdString());
        QCOMPARE(table.header, (std::vector<std::string>{"start_s", "end_s", "min", "max"}));
        QCOMPARE(table.rows.size(), std::size_t(4));
        const auto columns = envelope_->columns(0, envelope_->size(), 4);
        for (std::size_t c = 0; c < 4; ++c) {
            QCOMPARE(std::stof(table.rows[c][2]), columns[c].min);
            QCOMPARE(std::stof(table.rows[c][3]), columns[c].max);
            QVERIFY(std::abs(std::stod(table.rows[c][0]) - c * wave.duration() / 4) < 1e-6);
        }
        WaveformView empty;
        QVERIFY(!empty.exportEnvelopeCsv(file));
        QVERIFY(empty.lastError().contains(file));
    }

    void spectrogramExportsCsvAndNpyOfWhatItShows()
    {
        SpectrogramView view;
        gs::Matrix mel(3, 4);
        for (std::size_t m = 0; m < 3; ++m)
            for (std::size_t f = 0; f < 4; ++f)
                mel(m, f) = -float(10 * m + f) - 0.5f;
        gs::MelOptions options;
        options.hop = 512;
        options.nMels = 3;
        view.setSpectrogram(mel, 22050, options);
        const auto dir = gs::test::tempDir(holder_);
        const QString npy = QString::fromStdString((dir / "mel.npy").string());
        QVERIFY(view.exportNpy(npy));
        QCOMPARE(readAll(npy), gs::npyBytes2D(mel.data, 3, 4));

        const QString csv = QString::fromStdString((dir / "mel.csv").string());
        QVERIFY(view.exportCsv(csv));
        const auto table = gs::test::readCsv(csv.toStdString());
        QCOMPARE(table.header.size(), std::size_t(4));
        QCOMPARE(table.header[0], std::string("time_s"));
        QCOMPARE(table.header[1], "mel_0_" + std::to_string(std::lround(view.bandHz(0))) + "Hz");
        QCOMPARE(table.rows.size(), std::size_t(4)); // one row per frame
        for (std::size_t f = 0; f < 4; ++f) {
            QVERIFY(std::abs(std::stod(table.rows[f][0]) - double(f) * 512 / 22050) < 1e-9); // 9 significant digits
            for (std::size_t m = 0; m < 3; ++m)
                QCOMPARE(std::stof(table.rows[f][m + 1]), mel(m, f));
        }
        view.clear();
        QVERIFY(!view.exportNpy(npy));
    }
};

QTEST_MAIN(TestUiPlayback)
#include "test_ui_playback.moc"
