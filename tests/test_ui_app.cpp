// The genrescope executable as scripts and the README use it: --demo/--open, --select,
// --size and --screenshot, and a clear failure for a folder that cannot be opened.
#include "tests/testsupport.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

class TestUiApp : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    QProcess* start(const QStringList& args, const QStringList& extraEnvironment = {})
    {
        auto* p = new QProcess(this);
        auto env = QProcessEnvironment::systemEnvironment();
        for (const auto& assignment : extraEnvironment)
            env.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The demo dataset and the cache go to the app data folder: keep them in the test's.
        env.insert(QStringLiteral("XDG_DATA_HOME"), home_.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home_.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home_.path() + QStringLiteral("/cache"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(GENRESCOPE_GUI_PATH), args);
        return p;
    }

private slots:
    void screenshotOfTheDemoDataset()
    {
        QVERIFY(home_.isValid());
        const QString shot = home_.filePath(QStringLiteral("songs.png"));
        QProcess* p = start({QStringLiteral("--demo"), QStringLiteral("--select"), QStringLiteral("Rock/rock_02.wav"),
                             QStringLiteral("--size"), QStringLiteral("1024x640"), QStringLiteral("--screenshot"), shot});
        QVERIFY(p->waitForFinished(240000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QImage image(shot);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
        QCOMPARE(image.size(), QSize(1024, 640));
        // A rendered window, not a blank one: the table, waveform and spectrogram give many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

    void trainsComparesAndShowsTheConfusionMatrix()
    {
        const QString shot = home_.filePath(QStringLiteral("confusion.png"));
        QProcess* p = start({QStringLiteral("--demo"), QStringLiteral("--train"), QStringLiteral("dummy,knn"),
                             QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--tab"),
                             QStringLiteral("confusion"), QStringLiteral("--size"), QStringLiteral("1024x640"),
                             QStringLiteral("--screenshot"), shot});
        QVERIFY(p->waitForFinished(600000));
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(p->exitCode() == 0, err.constData());
        QVERIFY2(err.contains("compared 2 models"), err.constData());
        const QImage image(shot);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
        QCOMPARE(image.size(), QSize(1024, 640));
    }

    void classifiesASongWithAModelFile()
    {
        // A model made by the CLI, used by the app without any folder open.
        const QString demo = home_.filePath(QStringLiteral("cli-demo"));
        const QString model = home_.filePath(QStringLiteral("knn.gsm"));
        QCOMPARE(gs::test::runCli({"make-demo", demo}).exitCode, 0);
        const auto trained = gs::test::runCli({"train", demo, "--model", "knn", "--out", model, "--quiet"});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QString shot = home_.filePath(QStringLiteral("classify.png"));
        QProcess* p = start({QStringLiteral("--model"), model, QStringLiteral("--classify"),
                             demo + QStringLiteral("/Rock/rock_01.wav"), QStringLiteral("--tab"),
                             QStringLiteral("classify"), QStringLiteral("--screenshot"), shot});
        QVERIFY(p->waitForFinished(240000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        QVERIFY(!QImage(shot).isNull());
    }

    void badModelFileFailsWithAMessage()
    {
        const QString bad = home_.filePath(QStringLiteral("garbage.gsm"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a model");
        f.close();
        const QString shot = home_.filePath(QStringLiteral("never.png"));
        QProcess* p = start({QStringLiteral("--model"), bad, QStringLiteral("--screenshot"), shot});
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 2);
        QVERIFY2(p->readAllStandardError().contains("garbage.gsm"), "stderr does not name the model file");
        QVERIFY(!QFile::exists(shot));
    }

    void darkAppearanceAtDoubleScale()
    {
        // --dark: Fusion with a dark palette; at QT_SCALE_FACTOR=2 the picture has twice the pixels.
        const QString shot = home_.filePath(QStringLiteral("dark.png"));
        QProcess* p = start({QStringLiteral("--dark"), QStringLiteral("--size"), QStringLiteral("1024x640"),
                             QStringLiteral("--screenshot"), shot},
                            {QStringLiteral("QT_SCALE_FACTOR=2")});
        QVERIFY(p->waitForFinished(60000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QImage image(shot);
        QCOMPARE(image.size(), QSize(2048, 1280));
        // The welcome page's background is the dark palette's window colour (53, 53, 53).
        QCOMPARE(QColor(image.pixel(image.width() / 2, image.height() - 20)), QColor(53, 53, 53));
        const QString light = home_.filePath(QStringLiteral("light.png"));
        QProcess* q = start({QStringLiteral("--size"), QStringLiteral("1024x640"), QStringLiteral("--screenshot"), light});
        QVERIFY(q->waitForFinished(60000));
        QVERIFY(QColor(QImage(light).pixel(512, 620)).lightness() > 150);
    }

    void missingFolderFailsWithAMessage()
    {
        const QString shot = home_.filePath(QStringLiteral("none.png"));
        QProcess* p = start({QStringLiteral("--open"), QStringLiteral("/no/such/folder"), QStringLiteral("--screenshot"), shot});
        QVERIFY(p->waitForFinished(60000));
        QVERIFY(p->exitCode() != 0);
        QVERIFY2(p->readAllStandardError().contains("/no/such/folder"), "stderr does not name the folder");
        QVERIFY(!QFile::exists(shot));
    }
};

QTEST_GUILESS_MAIN(TestUiApp)
#include "test_ui_app.moc"
