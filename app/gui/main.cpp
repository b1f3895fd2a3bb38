// genrescope: the desktop application. Argument parsing and wiring only.
#include "core/dataset/cache.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/compare_page.h"
#include "ui/classify/train_panel.h"
#include "ui/main_window.h"
#include "ui/panels/eda_panel.h"
#include "ui/preferences/app_settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

void fail(const QString& message)
{
    std::fprintf(stderr, "genrescope: %s\n", qPrintable(message));
}

// What the command line asks for, run as a chain of steps once the window is up: open the
// folder, open a model, train, classify, select a song, show a page, take the screenshot.
// Each step calls next() when its work has finished (they all run in the background).
class Automation {
public:
    using Next = std::function<void()>;
    using Step = std::function<void(Next)>;

    explicit Automation(gs::ui::MainWindow& window) : window_(window) {}
    void add(Step step) { steps_.push_back(std::move(step)); }
    void run() { runFrom(0); }
    // With --screenshot, failures end the program with exit code 2.
    void setExitOnFailure(bool exit) { exitOnFailure_ = exit; }
    void failed(const QString& message)
    {
        fail(message);
        if (exitOnFailure_)
            QCoreApplication::exit(2);
        stopped_ = true;
    }

private:
    void runFrom(std::size_t i)
    {
        if (stopped_ || i >= steps_.size())
            return;
        steps_[i]([this, i] { QTimer::singleShot(0, &window_, [this, i] { runFrom(i + 1); }); });
    }

    gs::ui::MainWindow& window_;
    std::vector<Step> steps_;
    bool exitOnFailure_ = false;
    bool stopped_ = false;
};

// Calls fn once, the first time `signal` fires.
template <class Sender, class Signal, class Fn> void once(Sender* sender, Signal signal, QObject* context, Fn fn)
{
    auto* guard = new QObject(context);
    QObject::connect(sender, signal, guard, [guard, fn](auto&&... args) {
        guard->deleteLater();
        fn(args...);
    });
}

// The value after `name` (or in `name=value`) on the raw command line: the language and
// appearance are needed before the parser exists (its --help is translated).
QString rawOption(const QStringList& args, const QString& name)
{
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == name)
            return i + 1 < args.size() ? args[i + 1] : QString();
        if (args[i].startsWith(name + QLatin1Char('=')))
            return args[i].mid(name.size() + 1);
    }
    return {};
}

// The chosen language ("" = the system's): Qt's own strings and ours, from :/i18n.
void installTranslators(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    static QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // English is the source language: nothing to load (and no stray .qm for the system locale).
    if (language != QLatin1String("en") &&
        appTranslator.load(locale, QStringLiteral("genrescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // The same names as the CLI's cache location (core/dataset/cache.h), so both share one cache.
    QApplication::setApplicationName(QString::fromLatin1(gs::FeatureCache::kApplicationName));
    QApplication::setApplicationDisplayName(QStringLiteral("Genrescope"));
    QApplication::setOrganizationName(QString::fromLatin1(gs::FeatureCache::kOrganizationName));
    QApplication::setApplicationVersion(QStringLiteral(GENRESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.genrescope.Genrescope"));

    // Automation (--screenshot) ignores the user's preferences so that its pictures are
    // reproducible; --language and --dark choose explicitly.
    const QStringList rawArgs = QCoreApplication::arguments();
    const bool automated = !rawOption(rawArgs, QStringLiteral("--screenshot")).isEmpty();
    const auto stored = automated ? gs::ui::AppPreferences{} : gs::ui::AppPreferences::load();
    const QString language = rawArgs.contains(QStringLiteral("--language")) ||
                                     rawArgs.filter(QStringLiteral("--language=")).size()
                                 ? rawOption(rawArgs, QStringLiteral("--language"))
                                 : stored.language;
    installTranslators(app, language);
    gs::ui::applyAppearance(app, rawArgs.contains(QStringLiteral("--dark")) ? gs::ui::Appearance::Dark : stored.appearance);

    auto text = [](const char* s) { return QApplication::translate("main", s); };
    QCommandLineParser parser;
    parser.setApplicationDescription(text("Explore a music collection by genre, compare classifiers and classify songs."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption open(QStringLiteral("open"), text("Open the music folder DIR."), QStringLiteral("DIR"));
    QCommandLineOption demo(QStringLiteral("demo"), text("Open the demo dataset."));
    QCommandLineOption labels(QStringLiteral("labels"),
                              text("Take the folder's genres from this metadata file: FMA's tracks.csv or a CSV "
                                   "of path,genre (as File > Open Folder with Labels)."),
                              QStringLiteral("FILE"));
    QCommandLineOption labelField(QStringLiteral("label-field"),
                                  text("With FMA's tracks.csv: genre_top (default) or genres_all."),
                                  QStringLiteral("FIELD"), QStringLiteral("genre_top"));
    QCommandLineOption tab(QStringLiteral("tab"),
                           text("Show a tab: songs, eda, duplicates, problems, compare, confusion, classify or genres."),
                           QStringLiteral("NAME"));
    QCommandLineOption select(QStringLiteral("select"), text("Select the song FILE (path or relative to the folder)."),
                              QStringLiteral("FILE"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  text("Save the window to PNG once everything asked for has finished, then quit."),
                                  QStringLiteral("PNG"));
    QCommandLineOption size(QStringLiteral("size"), text("Window size, e.g. 1280x800."), QStringLiteral("WxH"));
    QCommandLineOption eda(QStringLiteral("eda"),
                           text("Show an exploration chart: balance, length, distribution, scatter or correlation."),
                           QStringLiteral("CHART"));
    QCommandLineOption cache(QStringLiteral("cache"), text("Use this feature cache file."), QStringLiteral("FILE"));
    QCommandLineOption train(QStringLiteral("train"),
                             text("Compare these models (comma list, e.g. svm-rbf,knn,dummy) by cross-validation on "
                                  "the opened folder, and refit the best on all songs."),
                             QStringLiteral("MODELS"));
    QCommandLineOption folds(QStringLiteral("folds"), text("Cross-validation folds for --train (default 10)."),
                             QStringLiteral("K"));
    QCommandLineOption model(QStringLiteral("model"), text("Open this model file (.gsm) to classify songs."),
                             QStringLiteral("FILE"));
    QCommandLineOption classify(QStringLiteral("classify"),
                                text("Classify this audio file with the model (repeat the option for several)."),
                                QStringLiteral("FILE"));
    QCommandLineOption dark(QStringLiteral("dark"), text("Use the dark appearance (Fusion with a dark palette)."));
    QCommandLineOption languageOption(QStringLiteral("language"),
                                      text("User interface language: en, de or es (default: Preferences, else the system's)."),
                                      QStringLiteral("CODE"));
    parser.addOptions({open, demo, labels, labelField, tab, select, screenshot, size, eda, cache, train, folds, model, classify, dark,
                       languageOption});
    parser.addPositionalArgument(QStringLiteral("folder"), text("Music folder to open."), QStringLiteral("[folder]"));
    parser.process(app);

    QSize windowSize(1280, 800);
    if (parser.isSet(size)) {
        const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(size));
        if (!m.hasMatch()) {
            fail(QStringLiteral("--size wants WxH, e.g. 1280x800"));
            return 1;
        }
        windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    int foldCount = 10;
    if (parser.isSet(folds)) {
        bool ok = false;
        foldCount = parser.value(folds).toInt(&ok);
        if (!ok || foldCount < 2 || foldCount > 100) {
            fail(QStringLiteral("--folds wants a whole number from 2 to 100"));
            return 1;
        }
    }

    gs::ui::DatasetSession::Options options;
    if (parser.isSet(cache))
        options.cacheFile = parser.value(cache).toStdString();
    gs::ui::MainWindow window(options);
    if (!automated)
        window.restoreSettings(); // geometry, splitters, spectrogram, folds; saved again on close
    if (parser.isSet(size) || automated)
        window.resize(windowSize);
    QString tabKey;
    if (parser.isSet(tab)) {
        tabKey = parser.value(tab).toLower();
        if (!window.page(tabKey)) {
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
    const QString shot = parser.value(screenshot);
    const QString folder = parser.isSet(open) ? parser.value(open) : parser.positionalArguments().value(0);
    const bool opening = !folder.isEmpty() || parser.isSet(demo);
    if (parser.isSet(labels) && folder.isEmpty()) {
        fail(QStringLiteral("--labels needs a folder (--open DIR)"));
        return 1;
    }
    if (parser.value(labelField) != QLatin1String("genre_top") && parser.value(labelField) != QLatin1String("genres_all")) {
        fail(QStringLiteral("--label-field wants genre_top or genres_all"));
        return 1;
    }
    if (parser.isSet(train) && !opening) {
        fail(QStringLiteral("--train needs a folder (--open DIR or --demo)"));
        return 1;
    }
    if (!shot.isEmpty())
        qputenv("GENRESCOPE_NO_DIALOGS", "1");
    window.show();

    auto* dataset = window.session();
    auto* classifier = window.classifySession();
    Automation automation(window);
    automation.setExitOnFailure(!shot.isEmpty());

    if (opening) {
        automation.add([&, folder](Automation::Next next) {
            QObject::connect(dataset, &gs::ui::DatasetSession::openFailed, &window,
                             [&](const QString& f, const QString& reason) {
                                 automation.failed(QStringLiteral("cannot open %1: %2").arg(f, reason));
                             });
            once(dataset, &gs::ui::DatasetSession::finished, &window, [&, next](bool) {
                if (dataset->folder().isEmpty())
                    return; // openFailed said why
                if (!shot.isEmpty())
                    std::fprintf(stderr, "genrescope: opened %s: %zu songs in %.2f s\n", qPrintable(dataset->folder()),
                                 dataset->songs().size(), dataset->lastOpenSeconds());
                classifier->setDataset(dataset->snapshot());
                next();
            });
            if (parser.isSet(labels))
                window.openFolderWithLabels(folder, parser.value(labels), parser.value(labelField));
            else if (!folder.isEmpty())
                window.openFolder(folder);
            else
                window.openDemo();
        });
    }
    if (!automated && !parser.isSet(model))
        window.reopenLastModel(); // in the background; forgotten quietly if it no longer loads
    if (parser.isSet(model)) {
        automation.add([&, file = parser.value(model)](Automation::Next next) {
            once(classifier, &gs::ui::ClassifySession::modelChanged, &window, [next] { next(); });
            once(classifier, &gs::ui::ClassifySession::modelFailed, &window, [&](const QString& f, const QString& reason) {
                automation.failed(QStringLiteral("cannot use the model %1: %2").arg(f, reason));
            });
            classifier->openModel(file);
        });
    }
    if (parser.isSet(train)) {
        automation.add([&, models = parser.value(train), foldCount](Automation::Next next) {
            auto* panel = window.comparePage()->trainPanel();
            auto settings = panel->settings();
            settings.folds = foldCount;
            panel->setSettings(settings);
            panel->setModels(models.split(QLatin1Char(','), Qt::SkipEmptyParts));
            once(classifier, &gs::ui::ClassifySession::trainingFailed, &window,
                 [&](const QString& reason) { automation.failed(QStringLiteral("training failed: %1").arg(reason)); });
            once(classifier, &gs::ui::ClassifySession::trainingFinished, &window, [&, next](bool cancelled) {
                if (cancelled) {
                    automation.failed(QStringLiteral("training was cancelled"));
                    return;
                }
                // The refit model arrives right after the run; wait for it too.
                classifier->waitForIdle();
                if (!shot.isEmpty() && classifier->latestRun())
                    std::fprintf(stderr, "genrescope: compared %zu models in %.1f s\n",
                                 classifier->latestRun()->report.models.size(), classifier->latestRun()->seconds);
                next();
            });
            window.showPage(QStringLiteral("compare"));
            panel->startTraining();
        });
    }
    if (parser.isSet(classify)) {
        automation.add([&, files = parser.values(classify)](Automation::Next next) {
            if (!classifier->model()) {
                automation.failed(QStringLiteral("--classify needs a model: --model FILE or --train MODELS"));
                return;
            }
            once(classifier, &gs::ui::ClassifySession::classificationFinished, &window, [next](bool) { next(); });
            window.classifyFiles(files);
        });
    }
    if (parser.isSet(select)) {
        automation.add([&, song = parser.value(select)](Automation::Next next) {
            if (!window.selectSong(song)) {
                automation.failed(QStringLiteral("no song '%1' in %2").arg(song, dataset->folder()));
                return;
            }
            if (window.isLoadingSongView())
                once(&window, &gs::ui::MainWindow::songViewShown, &window, [next](const QString&) { next(); });
            else
                next();
        });
    }
    automation.add([&, tabKey](Automation::Next next) {
        if (!tabKey.isEmpty())
            window.showPage(tabKey);
        next();
    });
    if (!shot.isEmpty()) {
        automation.add([&, shot](Automation::Next) {
            // Let queued replots, song views and layouts settle before grabbing.
            QTimer::singleShot(400, &window, [&, shot] {
                classifier->waitForIdle(60000);
                QCoreApplication::processEvents();
                if (!window.grab().save(shot)) {
                    fail(QStringLiteral("cannot write %1").arg(shot));
                    QCoreApplication::exit(3);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
    }
    automation.run();
    return QApplication::exec();
}
