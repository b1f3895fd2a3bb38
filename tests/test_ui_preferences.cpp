// Desktop conventions: settings survive a restart (two MainWindow instances), the Preferences
// dialog applies its values, About names each library with the version the library itself
// reports, and the standard shortcuts exist and act (Find, Full screen, Zoom).
#include "tests/testsupport.h"

#include "ui/about/about_dialog.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/compare_page.h"
#include "ui/classify/train_panel.h"
#include "ui/main_window.h"
#include "ui/preferences/app_settings.h"
#include "ui/preferences/preferences_dialog.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <chromaprint.h>
#include <dlib/revision.h>
#include <fftw3.h>
#include <qcustomplot.h>
extern "C" {
#include <libavutil/avutil.h>
}

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gs::ui;

namespace {

QSpinBox* spectrogramSpin(SpectrogramView* view, const char* spec)
{
    const auto tip = QString::fromStdString(gs::findSpec(gs::MelOptions::specs(), spec).description);
    for (auto* box : view->findChildren<QSpinBox*>())
        if (box->toolTip() == tip)
            return box;
    return nullptr;
}

} // namespace

class TestUiPreferences : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    void clearSettings() { QSettings().clear(); }

    // Opens the demo dataset and waits until every song is analysed.
    static bool openDemo(MainWindow& window)
    {
        QSignalSpy finished(window.session(), &DatasetSession::finished);
        window.openDemo();
        return finished.wait(240000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(home_.isValid());
        QStandardPaths::setTestModeEnabled(true); // the demo dataset and cache
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home_.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("genrescope-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_ui_preferences"));
    }

    void windowSettingsSurviveARestart()
    {
        clearSettings();
        QByteArray splitterState;
        {
            MainWindow first;
            first.restoreSettings();
            first.resize(1111, 777);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            auto* splitter = first.findChild<QSplitter*>(QStringLiteral("songsSplitter0"));
            QVERIFY2(splitter, "the Songs page's splitter has no name");
            splitter->setSizes({300, 800});
            splitterState = splitter->saveState();
            // Spectrogram settings as the user sets them in the view's toolbar.
            spectrogramSpin(first.spectrogram(), "hop")->setValue(256);
            spectrogramSpin(first.spectrogram(), "n_mels")->setValue(64);
            spectrogramSpin(first.spectrogram(), "top_db")->setValue(60);
            first.spectrogram()->setColorMapName(QStringLiteral("viridis"));
            first.close(); // saves
        }
        MainWindow second;
        second.restoreSettings();
        QCOMPARE(second.size(), QSize(1111, 777));
        auto* splitter = second.findChild<QSplitter*>(QStringLiteral("songsSplitter0"));
        QVERIFY(splitter);
        QCOMPARE(splitter->saveState(), splitterState);
        const auto mel = second.spectrogram()->options();
        QCOMPARE(mel.hop, 256);
        QCOMPARE(mel.nMels, 64);
        QCOMPARE(int(mel.topDb), 60);
        QCOMPARE(colorMapOf(second.spectrogram()), QStringLiteral("viridis"));
        // Every splitter of every page is named, so that each is saved.
        for (auto* s : second.findChildren<QSplitter*>())
            QVERIFY2(!s->objectName().isEmpty(), "a splitter without a name is not remembered");
        QVERIFY(second.findChild<QSplitter*>(QStringLiteral("compareSplitter0")));
        QVERIFY(second.findChild<QSplitter*>(QStringLiteral("confusionSplitter0")));
        QVERIFY(second.findChild<QSplitter*>(QStringLiteral("classifySplitter0")));
    }

    void windowsThatNeverRestoreNeverWrite()
    {
        clearSettings();
        {
            MainWindow window;
            window.resize(900, 600);
            window.close();
        }
        QVERIFY(!QSettings().contains(QStringLiteral("window/geometry")));
    }

    void preferencesDialogAppliesItsValues()
    {
        clearSettings();
        setRecentFolders({QStringLiteral("/music/a"), QStringLiteral("/music/b")});
        MainWindow window;
        window.restoreSettings();
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("de")));
            dialog->appearanceBox()->setCurrentIndex(dialog->appearanceBox()->findData(QStringLiteral("dark")));
            dialog->fftBox()->setCurrentIndex(dialog->fftBox()->findData(1024));
            dialog->hopBox()->setValue(384);
            dialog->melsBox()->setValue(96);
            dialog->dbRangeBox()->setValue(70);
            dialog->colorMapBox()->setCurrentText(QStringLiteral("hot"));
            dialog->reopenModelBox()->setChecked(false);
            dialog->foldsBox()->setValue(5);
            QVERIFY(dialog->clearRecentButton()->isEnabled());
            dialog->clearRecentButton()->click();
            dialog->accept();
        });
        window.action(QStringLiteral("preferences"))->trigger();
        QVERIFY2(sawDialog, "Edit → Preferences… did not open the dialog");

        // Applied to the open window...
        const auto mel = window.spectrogram()->options();
        QCOMPARE(mel.nFft, 1024);
        QCOMPARE(mel.hop, 384);
        QCOMPARE(mel.nMels, 96);
        QCOMPARE(int(mel.topDb), 70);
        QCOMPARE(colorMapOf(window.spectrogram()), QStringLiteral("hot"));
        QCOMPARE(window.classifyPanel() != nullptr, true);
        QCOMPARE(window.comparePage()->trainPanel()->settings().folds, 5);
        QVERIFY(recentFolders().isEmpty());
        // ...and saved for the next start.
        const auto stored = AppPreferences::load();
        QCOMPARE(stored.language, QStringLiteral("de"));
        QCOMPARE(stored.appearance, Appearance::Dark);
        QCOMPARE(stored.mel.nFft, 1024);
        QCOMPARE(stored.mel.hop, 384);
        QCOMPARE(stored.colorMap, QStringLiteral("hot"));
        QCOMPARE(stored.reopenLastModel, false);
        QCOMPARE(stored.folds, 5);
        MainWindow next;
        next.restoreSettings();
        QCOMPARE(next.spectrogram()->options().nFft, 1024);
        QCOMPARE(next.comparePage()->trainPanel()->settings().folds, 5);
    }

    void outOfRangeSettingsFallBackToDefaults()
    {
        clearSettings();
        QSettings s;
        s.setValue(QStringLiteral("language"), QStringLiteral("xx"));
        s.setValue(QStringLiteral("spectrogram/hop"), -5);
        s.setValue(QStringLiteral("spectrogram/colorMap"), QStringLiteral("rainbow"));
        s.setValue(QStringLiteral("training/folds"), 1);
        s.sync();
        const auto p = AppPreferences::load();
        const AppPreferences defaults;
        QCOMPARE(p.language, QString());
        QCOMPARE(p.mel.hop, defaults.mel.hop);
        QCOMPARE(p.colorMap, defaults.colorMap);
        QCOMPARE(p.folds, defaults.folds);
    }

    void lastModelIsReopenedOrQuietlyForgotten()
    {
        clearSettings();
        QTemporaryDir work;
        const QString demo = work.filePath(QStringLiteral("demo"));
        const QString model = work.filePath(QStringLiteral("knn.gsm"));
        QCOMPARE(gs::test::runCli({"make-demo", demo}).exitCode, 0);
        const auto trained = gs::test::runCli({"train", demo, "--model", "knn", "--out", model, "--quiet"});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        {
            MainWindow first;
            first.restoreSettings();
            QSignalSpy changed(first.classifySession(), &ClassifySession::modelChanged);
            first.classifySession()->openModel(model);
            QVERIFY(changed.wait(60000));
            QCOMPARE(lastModelFile(), model);
        }
        {
            MainWindow second;
            second.restoreSettings();
            QSignalSpy changed(second.classifySession(), &ClassifySession::modelChanged);
            QVERIFY(second.reopenLastModel());
            QVERIFY(changed.wait(60000));
            QVERIFY(second.classifySession()->model());
            QCOMPARE(second.classifySession()->modelOrigin().source, model);
        }
        // Re-opening is a preference.
        {
            AppPreferences p = AppPreferences::load();
            p.reopenLastModel = false;
            p.save();
            MainWindow off;
            off.restoreSettings();
            QVERIFY(!off.reopenLastModel());
            p.reopenLastModel = true;
            p.save();
        }
        // A file that no longer loads is forgotten, with no error shown.
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("not a model any more");
        f.close();
        MainWindow third;
        third.restoreSettings();
        QSignalSpy forgotten(&third, &MainWindow::lastModelForgotten);
        QSignalSpy failed(third.classifySession(), &ClassifySession::modelFailed);
        QVERIFY(third.reopenLastModel());
        QVERIFY(forgotten.wait(60000));
        QCOMPARE(forgotten.at(0).at(0).toString(), model);
        QVERIFY(lastModelFile().isEmpty());
        QCOMPARE(failed.count(), 0); // the session never tried it: no error on the Classify page
        QVERIFY(!third.classifySession()->model());
    }

    void aboutNamesEachLibraryWithItsOwnVersion()
    {
        const QString text = aboutText();
        const QString fftw = QString::fromLatin1(fftwf_version).section(QLatin1Char('-'), 1, 1); // "fftw-3.3.10-sse2"
        const std::pair<const char*, QString> expected[] = {
            {"Qt", QString::fromLatin1(qVersion())},
            {"QCustomPlot", QStringLiteral(QCUSTOMPLOT_VERSION_STR)},
            {"FFmpeg", QString::fromLatin1(av_version_info())},
            {"FFTW", fftw},
            {"Dlib", QStringLiteral("%1.%2.%3").arg(DLIB_MAJOR_VERSION).arg(DLIB_MINOR_VERSION).arg(DLIB_PATCH_VERSION)},
            {"Chromaprint", QString::fromLatin1(chromaprint_get_version())},
        };
        for (const auto& [name, version] : expected) {
            // The name and its version in the same table row.
            const QString row = QStringLiteral("<tr><td>%1</td><td>%2</td>").arg(QLatin1String(name), version.toHtmlEscaped());
            QVERIFY2(!version.isEmpty(), name);
            QVERIFY2(text.contains(row), qPrintable(QStringLiteral("About lacks %1 %2").arg(QLatin1String(name), version)));
        }
        QVERIFY(text.contains(QStringLiteral(GENRESCOPE_VERSION)));
        QCOMPARE(gs::libraryVersions().size(), std::size_t(4));
    }

    void cliPrintsLibraryVersions()
    {
        const auto r = gs::test::runCli({"--version", "--verbose"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("genrescope-cli " GENRESCOPE_VERSION));
        QVERIFY(r.out.contains(QByteArray("FFmpeg")));
        QVERIFY(r.out.contains(QByteArray(chromaprint_get_version())));
        QVERIFY(r.out.contains(QByteArray(av_version_info())));
        const auto quiet = gs::test::runCli({"--version"});
        QVERIFY(!quiet.out.contains("FFmpeg"));
    }

    void standardShortcutsExistAndAct()
    {
        clearSettings();
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        for (const char* name : {"open", "quit", "find", "zoomIn", "zoomOut", "fullScreen", "preferences"}) {
            auto* a = window.action(QLatin1String(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->shortcut().isEmpty(), name);
        }
        QCOMPARE(window.action(QStringLiteral("find"))->shortcut(), QKeySequence(QKeySequence::Find));
        QCOMPARE(window.action(QStringLiteral("open"))->shortcut(), QKeySequence(QKeySequence::Open));

        QVERIFY(openDemo(window));
        window.showPage(QStringLiteral("eda"));
        QTest::keySequence(&window, window.action(QStringLiteral("find"))->shortcut());
        QCOMPARE(window.currentPage(), QStringLiteral("songs"));
        QVERIFY(window.songFilterEdit());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.songFilterEdit()));

        // Zoom in halves the waveform's visible span; zoom out doubles it back.
        QSignalSpy shown(&window, &MainWindow::songViewShown);
        QVERIFY(window.selectSong(QStringLiteral("Rock/rock_02.wav")));
        if (window.isLoadingSongView())
            QVERIFY(shown.wait(60000));
        auto* wave = window.waveform();
        const double span = wave->visibleEnd() - wave->visibleStart();
        QVERIFY(span > 0);
        QTest::keySequence(&window, window.action(QStringLiteral("zoomIn"))->shortcut());
        QCOMPARE(wave->visibleEnd() - wave->visibleStart(), span / 2);
        QTest::keySequence(&window, window.action(QStringLiteral("zoomOut"))->shortcut());
        QCOMPARE(wave->visibleEnd() - wave->visibleStart(), span);

        QVERIFY(!window.isFullScreen());
        QTest::keySequence(&window, window.action(QStringLiteral("fullScreen"))->shortcut());
        QVERIFY(window.isFullScreen());
        QVERIFY(window.action(QStringLiteral("fullScreen"))->isChecked());
        QTest::keySequence(&window, window.action(QStringLiteral("fullScreen"))->shortcut());
        QVERIFY(!window.isFullScreen());

        // Tab goes from the filter to the song table.
        window.songFilterEdit()->setFocus();
        QCOMPARE(window.songFilterEdit()->nextInFocusChain() != nullptr, true);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window.songTable()));
    }
};

QTEST_MAIN(TestUiPreferences)
#include "test_ui_preferences.moc"
