// genrescope: the desktop application. Argument parsing and wiring only.
#include "ui/main_window.h"
#include "ui/panels/eda_panel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

struct Automation {
    QString folder;
    QString select;
    QString screenshot;
    QString tab; // a page key; empty = leave the window's choice
};

void fail(const QString& message)
{
    std::fprintf(stderr, "genrescope: %s\n", qPrintable(message));
}

// Runs once everything requested has loaded: tab, selection, then the screenshot.
void finishAutomation(gs::ui::MainWindow& window, const Automation& a)
{
    if (!a.tab.isEmpty())
        window.showPage(a.tab);
    if (!a.screenshot.isEmpty() && !window.session()->folder().isEmpty())
        std::fprintf(stderr, "genrescope: opened %s: %zu songs in %.2f s\n", qPrintable(window.session()->folder()),
                     window.session()->songs().size(), window.session()->lastOpenSeconds());
    auto shoot = [&window, a] {
        if (a.screenshot.isEmpty())
            return;
        // Let queued replots and layouts settle before grabbing.
        QTimer::singleShot(400, &window, [&window, a] {
            QCoreApplication::processEvents();
            if (!window.grab().save(a.screenshot)) {
                fail(QStringLiteral("cannot write %1").arg(a.screenshot));
                QCoreApplication::exit(3);
                return;
            }
            QCoreApplication::exit(0);
        });
    };
    if (!a.select.isEmpty()) {
        if (!window.selectSong(a.select)) {
            fail(QStringLiteral("no song '%1' in %2").arg(a.select, window.session()->folder()));
            if (!a.screenshot.isEmpty())
                QCoreApplication::exit(2);
            return;
        }
        if (window.isLoadingSongView()) {
            auto* once = new QObject(&window);
            QObject::connect(&window, &gs::ui::MainWindow::songViewShown, once, [once, shoot] {
                once->deleteLater();
                shoot();
            });
            return;
        }
    }
    shoot();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("genrescope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Genrescope"));
    QApplication::setOrganizationName(QStringLiteral("Genrescope"));
    QApplication::setApplicationVersion(QStringLiteral(GENRESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.genrescope.Genrescope"));

    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(QLocale(), QStringLiteral("genrescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore a music collection by genre."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption open(QStringLiteral("open"), QApplication::translate("main", "Open the music folder DIR."), QStringLiteral("DIR"));
    QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Open the demo dataset."));
    QCommandLineOption tab(QStringLiteral("tab"), QApplication::translate("main", "Show a tab: songs, eda, duplicates, problems, compare, confusion or classify."),
                           QStringLiteral("NAME"));
    QCommandLineOption select(QStringLiteral("select"), QApplication::translate("main", "Select the song FILE (path or relative to the folder)."),
                              QStringLiteral("FILE"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save the window to PNG once everything has loaded, then quit."),
                                  QStringLiteral("PNG"));
    QCommandLineOption size(QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1280x800."), QStringLiteral("WxH"));
    QCommandLineOption eda(QStringLiteral("eda"), QApplication::translate("main", "Show an exploration chart: balance, length, distribution, scatter or correlation."),
                           QStringLiteral("CHART"));
    QCommandLineOption cache(QStringLiteral("cache"), QApplication::translate("main", "Use this feature cache file."), QStringLiteral("FILE"));
    parser.addOptions({open, demo, tab, select, screenshot, size, eda, cache});
    parser.addPositionalArgument(QStringLiteral("folder"), QApplication::translate("main", "Music folder to open."), QStringLiteral("[folder]"));
    parser.process(app);

    Automation a;
    a.folder = parser.isSet(open) ? parser.value(open) : parser.positionalArguments().value(0);
    a.select = parser.value(select);
    a.screenshot = parser.value(screenshot);
    QSize windowSize(1280, 800);
    if (parser.isSet(size)) {
        const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(size));
        if (!m.hasMatch()) {
            fail(QStringLiteral("--size wants WxH, e.g. 1280x800"));
            return 1;
        }
        windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }

    gs::ui::DatasetSession::Options options;
    if (parser.isSet(cache))
        options.cacheFile = parser.value(cache).toStdString();
    gs::ui::MainWindow window(options);
    window.resize(windowSize);
    if (parser.isSet(tab)) {
        a.tab = parser.value(tab).toLower();
        if (!window.page(a.tab)) {
            fail(QStringLiteral("unknown tab '%1' (%2)").arg(parser.value(tab), window.pageKeys().join(QStringLiteral(", "))));
            return 1;
        }
    }
    if (parser.isSet(eda)) {
        static const QStringList pages = {QStringLiteral("balance"), QStringLiteral("length"), QStringLiteral("distribution"),
                                          QStringLiteral("scatter"), QStringLiteral("correlation")};
        const int page = int(pages.indexOf(parser.value(eda)));
        if (page < 0) {
            fail(QStringLiteral("unknown chart '%1' (%2)").arg(parser.value(eda), pages.join(QStringLiteral(", "))));
            return 1;
        }
        window.eda()->showPage(gs::ui::EdaPanel::Page(page));
    }
    if (!a.screenshot.isEmpty())
        qputenv("GENRESCOPE_NO_DIALOGS", "1");
    window.show();

    auto* session = window.session();
    QObject::connect(session, &gs::ui::DatasetSession::openFailed, &window, [a](const QString& folder, const QString& reason) {
        if (!a.screenshot.isEmpty()) {
            fail(QStringLiteral("cannot open %1: %2").arg(folder, reason));
            QCoreApplication::exit(2);
        }
    });
    const bool opening = !a.folder.isEmpty() || parser.isSet(demo);
    if (opening) {
        auto* once = new QObject(&window);
        QObject::connect(session, &gs::ui::DatasetSession::finished, once, [&window, a, once, session](bool) {
            if (session->folder().isEmpty())
                return; // openFailed handled it
            once->deleteLater();
            finishAutomation(window, a);
        });
        if (!a.folder.isEmpty())
            window.openFolder(a.folder);
        else
            window.openDemo();
    } else {
        finishAutomation(window, a);
    }
    return QApplication::exec();
}
