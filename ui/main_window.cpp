#include "ui/main_window.h"

#include "core/common/error.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/metadata.h"
#include "core/ml/model_file.h"
#include "ui/charts/eda_charts.h"
#include "ui/classify/classify_panel.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/compare_page.h"
#include "ui/about/about_dialog.h"
#include "ui/classify/confusion_panel.h"
#include "ui/classify/train_panel.h"
#include "ui/common/background_runner.h"
#include "ui/models/song_table_model.h"
#include "ui/panels/duplicates_panel.h"
#include "ui/panels/eda_panel.h"
#include "ui/panels/genre_hierarchy_panel.h"
#include "ui/panels/problems_panel.h"
#include "ui/playback/playback_controller.h"
#include "ui/preferences/app_settings.h"
#include "ui/preferences/preferences_dialog.h"
#include "ui/report/report_export.h"
#include "ui/songs/songs_page.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCommandLinkButton>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace gs::ui {

namespace {
constexpr int kMaxRecent = 8;
const auto kGeometryKey = QStringLiteral("window/geometry");
const auto kStateKey = QStringLiteral("window/state");
const auto kSplitterGroup = QStringLiteral("splitters");
} // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(DatasetSession::Options{}, parent) {}

MainWindow::MainWindow(DatasetSession::Options options, QWidget* parent)
    : QMainWindow(parent), session_(new DatasetSession(std::move(options), this))
{
    setWindowTitle(tr("Genrescope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/genrescope.svg")));
    setAcceptDrops(true);
    resize(1280, 800);

    central_ = new QStackedWidget;
    central_->addWidget(buildWelcomePage());
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    songs_ = new SongsPage(session_);
    eda_ = new EdaPanel(session_);
    duplicates_ = new DuplicatesPanel(session_);
    problems_ = new ProblemsPanel;
    classify_ = new ClassifySession(this);
    compare_ = new ComparePage(classify_);
    confusion_ = new ConfusionPanel(classify_);
    classifyPanel_ = new ClassifyPanel(classify_);
    playback_ = new PlaybackController(this);
    songs_->setPlayback(playback_);
    confusion_->setPlayback(playback_);
    classifyPanel_->setPlayback(playback_);
    registerPages({
        {QStringLiteral("songs"), tr("&Songs"), songs_},
        {QStringLiteral("eda"), tr("&Explore"), eda_},
        {QStringLiteral("duplicates"), tr("&Duplicates"), duplicates_},
        {QStringLiteral("problems"), tr("&Problems"), problems_},
        {QStringLiteral("compare"), tr("&Compare Models"), compare_},
        {QStringLiteral("confusion"), tr("Con&fusion Matrix"), confusion_},
        {QStringLiteral("classify"), tr("C&lassify Songs"), classifyPanel_},
        // Last, so that the existing pages keep their Ctrl+1..7 shortcuts (issue 15).
        {QStringLiteral("genres"), tr("&Genre Hierarchy"), new GenreHierarchyPanel(session_)},
    });
    central_->addWidget(tabs_);
    setCentralWidget(central_);

    buildMenus();
    buildStatusBar();

    connect(session_, &DatasetSession::opened, this, &MainWindow::onOpened);
    connect(session_, &DatasetSession::opened, playback_, &PlaybackController::unload);
    connect(playback_, &PlaybackController::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(songs_, &SongsPage::readout, readout_, &QLabel::setText);
    connect(classifyPanel_, &ClassifyPanel::readout, readout_, &QLabel::setText);
    connect(session_, &DatasetSession::openFailed, this, [this](const QString& folder, const QString& reason) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(folder, reason), 10000);
        if (!qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS") && isVisible())
            QMessageBox::warning(this, tr("Cannot open folder"), tr("Cannot open %1:\n%2").arg(folder, reason));
    });
    connect(session_, &DatasetSession::problem, problems_, &ProblemsPanel::addProblem);
    connect(problems_, &ProblemsPanel::countChanged, this,
            [this](int n) { setPageBadge(QStringLiteral("problems"), n); });
    connect(session_, &DatasetSession::duplicatesChanged, this,
            [this] { setPageBadge(QStringLiteral("duplicates"), int(session_->duplicates().size())); });
    connect(problems_, &ProblemsPanel::fileActivated, this, [this](const QString& file) {
        if (selectSong(file))
            showPage(QStringLiteral("songs"));
    });
    connect(session_, &DatasetSession::songsUpdated, this, &MainWindow::updateCounts);
    connect(session_, &DatasetSession::progress, this, &MainWindow::onProgress);
    connect(session_, &DatasetSession::finished, this, &MainWindow::onFinished);
    connect(songs_, &SongsPage::songViewShown, this, &MainWindow::songViewShown);
    connect(songs_, &SongsPage::songSelected, eda_, &EdaPanel::highlightSong);
    connect(songs_, &SongsPage::filterChanged, this, &MainWindow::updateCounts);
    connect(eda_, &EdaPanel::songClicked, this, [this](int index) { selectSongIndex(index); });
    connect(duplicates_, &DuplicatesPanel::songActivated, this, [this](int index) {
        selectSongIndex(index);
        showPage(QStringLiteral("songs"));
    });

    // The classify session learns from a snapshot of the dataset, refreshed as songs arrive
    // (at most twice a second: a snapshot copies every song's features).
    snapshotTimer_ = new QTimer(this);
    snapshotTimer_->setSingleShot(true);
    snapshotTimer_->setInterval(500);
    connect(snapshotTimer_, &QTimer::timeout, this, [this] { classify_->setDataset(session_->snapshot()); });
    connect(session_, &DatasetSession::opened, this, &MainWindow::scheduleDatasetSnapshot);
    connect(session_, &DatasetSession::songsUpdated, this, &MainWindow::scheduleDatasetSnapshot);
    connect(session_, &DatasetSession::finished, this, [this] {
        snapshotTimer_->stop();
        classify_->setDataset(session_->snapshot());
    });
    connect(session_, &DatasetSession::duplicatesChanged, this, &MainWindow::scheduleDatasetSnapshot);
    connect(confusion_, &ConfusionPanel::songActivated, this, [this](int index) {
        selectSongIndex(index);
        showPage(QStringLiteral("songs"));
    });
    connect(classifyPanel_, &ClassifyPanel::compareRequested, this, [this] { showPage(QStringLiteral("compare")); });
    connect(classifyPanel_, &ClassifyPanel::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(classify_, &ClassifySession::modelFailed, this, [this](const QString& file, const QString& reason) {
        statusBar()->showMessage(tr("Cannot use the model %1: %2").arg(file, reason), 10000);
        if (!qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS") && isVisible())
            QMessageBox::warning(this, tr("Cannot use this model"), tr("%1\n\n%2").arg(file, reason));
    });
    connect(classify_, &ClassifySession::modelChanged, this, &MainWindow::rememberModel);
    modelCheck_ = new BackgroundRunner(this);
    connect(modelCheck_, &BackgroundRunner::failed, this, [this] {
        // Moved, damaged or from an older format: forget it quietly.
        const QString file = lastModelFile();
        setLastModelFile({});
        emit lastModelForgotten(file);
    });
    rebuildRecentMenu();
    nameSplitters();
    setTabOrders();
}

void MainWindow::scheduleDatasetSnapshot()
{
    if (!snapshotTimer_->isActive())
        snapshotTimer_->start();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildWelcomePage()
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    outer->addStretch(1);
    auto* box = new QWidget;
    box->setMinimumWidth(460);
    box->setMaximumWidth(560);
    auto* layout = new QVBoxLayout(box);
    auto* title = new QLabel(tr("<h1>Genrescope</h1><p>Explore a music collection by genre. Open a folder whose "
                                "sub-folders are genres (<i>Rock/…</i>, <i>Jazz/…</i>): every song is decoded, "
                                "analysed and shown with its waveform, mel spectrogram and per-genre statistics. "
                                "Then compare classifiers on it by cross-validation, see where they go wrong, and "
                                "drop new songs on the window to classify them.</p>"));
    title->setWordWrap(true);
    layout->addWidget(title);
    auto* open = new QCommandLinkButton(tr("Open a music folder…"), tr("Or drop a folder onto this window."));
    connect(open, &QCommandLinkButton::clicked, this, &MainWindow::chooseFolder);
    layout->addWidget(open);
    auto* demo = new QCommandLinkButton(tr("Explore the demo dataset"),
                                        tr("Short synthetic songs in a few genres, generated on first use."));
    connect(demo, &QCommandLinkButton::clicked, this, &MainWindow::openDemo);
    layout->addWidget(demo);
    auto* withModel = new QCommandLinkButton(tr("Classify songs with a saved model…"),
                                             tr("Open a model file (.gsm), then drop songs onto this window."));
    connect(withModel, &QCommandLinkButton::clicked, this, [this] {
        central_->setCurrentWidget(tabs_);
        showPage(QStringLiteral("classify"));
        classifyPanel_->openModelInteractively();
    });
    layout->addWidget(withModel);
    welcomeRecent_ = new QWidget;
    new QVBoxLayout(welcomeRecent_);
    welcomeRecent_->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(welcomeRecent_);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    return page;
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Folder…"), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    auto* openLabelled = file->addAction(tr("Open Folder &with Labels…"), this, &MainWindow::chooseFolderWithLabels);
    openLabelled->setObjectName(QStringLiteral("openWithLabels"));
    openLabelled->setToolTip(tr("Genres from a metadata file (FMA's tracks.csv or a CSV of path,genre) instead of genre folders"));
    file->addAction(tr("Open &Demo Dataset"), this, &MainWindow::openDemo);
    recentMenu_ = file->addMenu(tr("&Recent Folders"));
    file->addSeparator();
    file->addAction(tr("Classify &Songs…"), classifyPanel_, &ClassifyPanel::classifyInteractively)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Open &Model…"), classifyPanel_, &ClassifyPanel::openModelInteractively);
    auto* saveModel = file->addAction(tr("Sa&ve Model…"), classifyPanel_, &ClassifyPanel::saveModelInteractively);
    saveModel->setShortcut(QKeySequence::Save);
    auto* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Report (HTML)…"), this, &MainWindow::exportReport);
    exportMenu->addAction(tr("&Features (CSV)…"), this, [this] { exportFeatures(false); });
    exportMenu->addAction(tr("Features (&Kaggle GTZAN CSV layout)…"), this, [this] { exportFeatures(true); });
    connect(classify_, &ClassifySession::modelChanged, this, [this, saveModel] { saveModel->setEnabled(bool(classify_->model())); });
    saveModel->setEnabled(false);
    file->addSeparator();
    auto* cancel = file->addAction(tr("&Cancel"), this, [this] {
        session_->cancel();
        classify_->cancelTraining();
        classify_->cancelClassification();
    });
    cancel->setToolTip(tr("Stop the analysis, training or classification running now"));
    cancel->setShortcut(Qt::Key_Escape);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Some platforms (and desktops without a theme) bind nothing to Quit: Ctrl+Q then.
    quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                           ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                           : QKeySequence::keyBindings(QKeySequence::Quit));

    open->setObjectName(QStringLiteral("open"));
    quit->setObjectName(QStringLiteral("quit"));
    buildEditMenu();

    auto* view = menuBar()->addMenu(tr("&View"));
    int key = Qt::Key_1;
    for (const auto& page : pages_) {
        auto* a = view->addAction(page.title, this, [this, k = page.key] { showPage(k); });
        if (key <= Qt::Key_9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
    }
    view->addSeparator();
    // Zoom acts on the Songs page's waveform; the spectrogram follows its visible range.
    auto* zoomIn = view->addAction(tr("Zoom &In"), this, [this] { waveform()->zoom(0.5); });
    zoomIn->setObjectName(QStringLiteral("zoomIn"));
    zoomIn->setShortcuts(QKeySequence::ZoomIn);
    auto* zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { waveform()->zoom(2.0); });
    zoomOut->setObjectName(QStringLiteral("zoomOut"));
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    view->addSeparator();
    auto* fullScreen = view->addAction(tr("&Full Screen"), this, &MainWindow::toggleFullScreen);
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcuts(QKeySequence::keyBindings(QKeySequence::FullScreen).isEmpty()
                                 ? QList<QKeySequence>{QKeySequence(Qt::Key_F11)}
                                 : QKeySequence::keyBindings(QKeySequence::FullScreen));

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Genrescope"), this, [this] { showAboutDialog(this); })
        ->setObjectName(QStringLiteral("about"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildEditMenu()
{
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* find = edit->addAction(tr("&Find Songs…"), this, &MainWindow::focusSongFilter);
    find->setObjectName(QStringLiteral("find"));
    find->setShortcuts(QKeySequence::Find);
    edit->addSeparator();
    auto* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    // Linux desktops bind no key to Preferences; Ctrl+, is what GNOME and KDE apps use.
    preferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                  ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                  : QKeySequence::keyBindings(QKeySequence::Preferences));
}

QAction* MainWindow::action(const QString& name) const
{
    for (auto* a : findChildren<QAction*>())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QLineEdit* MainWindow::songFilterEdit() const
{
    // The Songs page's filter is its only line edit with a clear button (spin boxes have none).
    for (auto* edit : songs_->findChildren<QLineEdit*>())
        if (edit->isClearButtonEnabled())
            return edit;
    return nullptr;
}

void MainWindow::focusSongFilter()
{
    if (session_->folder().isEmpty())
        return; // no songs to find: the welcome page stays
    showPage(QStringLiteral("songs"));
    if (auto* edit = songFilterEdit()) {
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    }
}

void MainWindow::toggleFullScreen()
{
    setWindowState(windowState() ^ Qt::WindowFullScreen);
    if (auto* a = action(QStringLiteral("fullScreen")))
        a->setChecked(isFullScreen());
}

void MainWindow::showPreferences()
{
    AppPreferences current = AppPreferences::load();
    current.mel = spectrogram()->options();
    current.colorMap = colorMapOf(spectrogram());
    current.folds = compare_->trainPanel()->settings().folds;
    PreferencesDialog dialog(current, this);
    connect(&dialog, &PreferencesDialog::clearRecentFoldersRequested, this, [this] {
        setRecentFolders({});
        rebuildRecentMenu();
    });
    if (dialog.exec() == QDialog::Accepted)
        applyPreferences(dialog.preferences());
}

void MainWindow::applyPreferences(const AppPreferences& preferences)
{
    preferences.save();
    for (auto* view : {spectrogram(), classifyPanel_->spectrogramView()})
        applyMelOptions(view, preferences.mel, preferences.colorMap);
    auto settings = compare_->trainPanel()->settings();
    settings.folds = preferences.folds;
    compare_->trainPanel()->setSettings(settings);
}

void MainWindow::nameSplitters()
{
    // Splitters are saved by name: "<page>Splitter<n>" in creation order within each page,
    // unless the page named them itself.
    for (const auto& page : pages_) {
        int n = 0;
        for (auto* splitter : page.widget->findChildren<QSplitter*>())
            if (splitter->objectName().isEmpty())
                splitter->setObjectName(QStringLiteral("%1Splitter%2").arg(page.key).arg(n++));
    }
}

void MainWindow::setTabOrders()
{
    // Songs page: filters, then the table, then the waveform (arrow keys scroll, +/- zoom),
    // then the spectrogram's settings.
    auto* filter = songFilterEdit();
    if (!filter)
        return;
    QWidget* chain[] = {filter, songTable(), waveform()};
    for (std::size_t i = 0; i + 1 < std::size(chain); ++i)
        QWidget::setTabOrder(chain[i], chain[i + 1]);
}

void MainWindow::restoreSettings()
{
    remember_ = true;
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    settings.beginGroup(kSplitterGroup);
    for (auto* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty() && settings.contains(splitter->objectName()))
            splitter->restoreState(settings.value(splitter->objectName()).toByteArray());
    settings.endGroup();
    const AppPreferences preferences = AppPreferences::load();
    for (auto* view : {spectrogram(), classifyPanel_->spectrogramView()})
        applyMelOptions(view, preferences.mel, preferences.colorMap);
    auto train = compare_->trainPanel()->settings();
    train.folds = preferences.folds;
    compare_->trainPanel()->setSettings(train);
    if (auto* a = action(QStringLiteral("fullScreen")))
        a->setChecked(isFullScreen());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.beginGroup(kSplitterGroup);
    for (auto* splitter : findChildren<QSplitter*>())
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitter->objectName(), splitter->saveState());
    settings.endGroup();
    // The spectrogram settings last used on the Songs page become the defaults.
    AppPreferences preferences = AppPreferences::load();
    preferences.mel = spectrogram()->options();
    preferences.colorMap = colorMapOf(spectrogram());
    preferences.save();
}

bool MainWindow::reopenLastModel()
{
    const QString file = lastModelFile();
    if (file.isEmpty() || !AppPreferences::load().reopenLastModel)
        return false;
    if (!QFileInfo::exists(file)) {
        setLastModelFile({});
        return false;
    }
    modelCheck_->start([this, file](BackgroundRunner::Context& context) {
        ml::loadModelFile(file.toStdString()); // throws for a file that no longer loads
        context.post([this, file] { classify_->openModel(file); });
    });
    return true;
}

void MainWindow::rememberModel()
{
    const QString source = classify_->modelOrigin().source;
    if (remember_ && !source.isEmpty())
        setLastModelFile(source);
}

void MainWindow::buildStatusBar()
{
    counts_ = new QLabel;
    statusBar()->addWidget(counts_, 1);
    readout_ = new QLabel;
    readout_->setToolTip(tr("Under the mouse in the waveform (time, amplitude) or the spectrogram (time, frequency, level)"));
    statusBar()->addPermanentWidget(readout_);
    progress_ = new QProgressBar;
    progress_->setMaximumWidth(320);
    progress_->setTextVisible(true);
    progress_->setVisible(false);
    statusBar()->addPermanentWidget(progress_);
    cancel_ = new QToolButton;
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the analysis; songs done so far are kept (Esc)"));
    cancel_->setVisible(false);
    connect(cancel_, &QToolButton::clicked, session_, &DatasetSession::cancel);
    statusBar()->addPermanentWidget(cancel_);
}

void MainWindow::openFolder(const QString& folder)
{
    statusBar()->showMessage(tr("Opening %1…").arg(folder));
    session_->open(folder);
}

void MainWindow::openDemo()
{
    statusBar()->showMessage(tr("Preparing the demo dataset…"));
    session_->openDemo();
}

void MainWindow::chooseFolder()
{
    const QString start = session_->folder().isEmpty() ? QDir::homePath() : session_->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a music folder"), start);
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::openFolderWithLabels(const QString& folder, const QString& labelsFile, const QString& field,
                                      const QString& subset)
{
    LabelSource labels;
    labels.file = labelsFile.toStdString();
    labels.field = field == QLatin1String("genres_all") ? LabelField::GenresAll : LabelField::GenreTop;
    labels.subset = subset.toStdString();
    statusBar()->showMessage(tr("Opening %1 with the labels of %2…").arg(folder, QFileInfo(labelsFile).fileName()));
    session_->open(folder, labels);
}

void MainWindow::chooseFolderWithLabels()
{
    const QString start = session_->folder().isEmpty() ? QDir::homePath() : session_->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a music folder"), start);
    if (folder.isEmpty())
        return;
    const QString labels = QFileDialog::getOpenFileName(this, tr("Labels for %1").arg(QDir(folder).dirName()), folder,
                                                        tr("Labels (*.csv);;All files (*)"));
    if (labels.isEmpty())
        return;
    QString field = QStringLiteral("genre_top");
    QString subset;
    if (QFileInfo(labels).fileName() == QLatin1String("tracks.csv")) { // FMA's metadata
        bool ok = false;
        const QStringList fields{tr("genre_top: one top-level genre (tracks without one are left out)"),
                                 tr("genres_all: every genre (models learn genre_top, else the first top-level genre)")};
        const QString chosen = QInputDialog::getItem(this, tr("FMA labels"), tr("Genre field:"), fields, 0, false, &ok);
        if (!ok)
            return;
        field = chosen == fields[1] ? QStringLiteral("genres_all") : QStringLiteral("genre_top");
        const QStringList subsets{tr("all tracks"), QStringLiteral("small"), QStringLiteral("medium"), QStringLiteral("large")};
        const QString picked = QInputDialog::getItem(this, tr("FMA labels"), tr("Subset (nested: medium includes small):"),
                                                     subsets, 0, false, &ok);
        if (!ok)
            return;
        subset = picked == subsets[0] ? QString() : picked;
    }
    openFolderWithLabels(folder, labels, field, subset);
}

void MainWindow::registerPages(const std::vector<Page>& pages)
{
    for (const auto& page : pages) {
        tabs_->addTab(page.widget, QString(page.title).remove(QLatin1Char('&')));
        pages_.push_back(page);
    }
}

void MainWindow::setPageBadge(const QString& key, int count)
{
    for (const auto& page : pages_)
        if (page.key == key) {
            const QString title = QString(page.title).remove(QLatin1Char('&'));
            tabs_->setTabText(tabs_->indexOf(page.widget), count > 0 ? tr("%1 (%2)").arg(title).arg(count) : title);
        }
}

QStringList MainWindow::pageKeys() const
{
    QStringList keys;
    for (const auto& page : pages_)
        keys << page.key;
    return keys;
}

QWidget* MainWindow::page(const QString& key) const
{
    for (const auto& page : pages_)
        if (page.key.compare(key, Qt::CaseInsensitive) == 0)
            return page.widget;
    return nullptr;
}

QString MainWindow::currentPage() const
{
    for (const auto& page : pages_)
        if (page.widget == tabs_->currentWidget())
            return page.key;
    return {};
}

bool MainWindow::showPage(const QString& key)
{
    QWidget* widget = page(key);
    if (!widget)
        return false;
    // Without a folder only the classify page makes sense (a model file and dropped songs).
    if (central_->currentWidget() != tabs_ && (!session_->folder().isEmpty() || key == QLatin1String("classify")))
        central_->setCurrentWidget(tabs_);
    tabs_->setCurrentWidget(widget);
    return true;
}

SongTableModel* MainWindow::songModel() const { return songs_->songModel(); }
SongFilterProxy* MainWindow::songProxy() const { return songs_->songProxy(); }
QTableView* MainWindow::songTable() const { return songs_->songTable(); }
WaveformView* MainWindow::waveform() const { return songs_->waveform(); }
SpectrogramView* MainWindow::spectrogram() const { return songs_->spectrogram(); }
bool MainWindow::isLoadingSongView() const { return songs_->isLoadingSongView(); }

bool MainWindow::selectSong(const QString& fileOrRelativePath) { return songs_->selectSong(fileOrRelativePath); }
void MainWindow::selectSongIndex(int songIndex) { songs_->selectSongIndex(songIndex); }
void MainWindow::setGenreFilter(const QString& genre) { songs_->setGenreFilter(genre); }
void MainWindow::setTextFilter(const QString& text) { songs_->setTextFilter(text); }

void MainWindow::onOpened(const QString& folder)
{
    central_->setCurrentWidget(tabs_);
    setWindowTitle(tr("%1 — Genrescope").arg(QDir(folder).dirName()));
    problems_->clear();
    addRecent(folder);
    updateCounts();
}

void MainWindow::onProgress(int done, int total, double eta)
{
    const bool busy = total > 0 && done < total;
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    if (!busy)
        return;
    progress_->setRange(0, total);
    progress_->setValue(done);
    progress_->setFormat(eta >= 0 ? tr("%1 / %2 songs · %3 left").arg(done).arg(total).arg(formatDuration(eta))
                                  : tr("%1 / %2 songs").arg(done).arg(total));
}

void MainWindow::onFinished(bool cancelled)
{
    progress_->setVisible(false);
    cancel_->setVisible(false);
    updateCounts();
    if (session_->folder().isEmpty())
        return;
    statusBar()->showMessage(cancelled ? tr("Analysis cancelled; songs analysed so far are kept.")
                                       : tr("Opened %1 in %2 s.").arg(session_->folder()).arg(session_->lastOpenSeconds(), 0, 'f', 2),
                             8000);
}

void MainWindow::updateCounts()
{
    const auto& songs = session_->songs();
    int ready = 0, failed = 0;
    for (const auto& s : songs) {
        ready += s.status == SongStatus::Ready;
        failed += s.status == SongStatus::Failed;
    }
    QString text = tr("%n song(s) in %1 genre(s)", nullptr, int(songs.size())).arg(session_->genres().size());
    text += QStringLiteral(" · ") + tr("%1 analysed").arg(ready);
    if (failed)
        text += QStringLiteral(" · ") + tr("%1 failed").arg(failed);
    if (songProxy()->rowCount() != int(songs.size()))
        text += QStringLiteral(" · ") + tr("%1 shown").arg(songProxy()->rowCount());
    counts_->setText(text);
}

void MainWindow::addRecent(const QString& folder)
{
    QStringList recent = recentFolders();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    setRecentFolders(recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    const QStringList recent = recentFolders();
    recentMenu_->clear();
    for (const auto& folder : recent)
        recentMenu_->addAction(folder, this, [this, folder] { openFolder(folder); });
    recentMenu_->setEnabled(!recent.isEmpty());
    if (recentMenu_->isEmpty())
        recentMenu_->addAction(tr("(none)"))->setEnabled(false);

    auto* layout = welcomeRecent_->layout();
    while (auto* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!recent.isEmpty())
        layout->addWidget(new QLabel(tr("<b>Recent folders</b>")));
    for (const auto& folder : recent.mid(0, 4)) {
        auto* button = new QCommandLinkButton(QDir(folder).dirName(), folder);
        connect(button, &QCommandLinkButton::clicked, this, [this, folder] { openFolder(folder); });
        layout->addWidget(button);
    }
}

namespace {

// A folder dropped alone opens it; audio files (anything that is not a folder) are classified.
struct Dropped {
    QString folder;
    QStringList files;
};

Dropped sortDrop(const QList<QUrl>& urls)
{
    Dropped d;
    for (const auto& url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isDir()) {
            if (d.folder.isEmpty())
                d.folder = path;
        } else {
            d.files << path;
        }
    }
    return d;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const Dropped d = sortDrop(event->mimeData()->urls());
    if (!d.folder.isEmpty() || !d.files.isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const Dropped d = sortDrop(event->mimeData()->urls());
    if (!d.files.isEmpty())
        classifyFiles(d.files);
    else if (!d.folder.isEmpty())
        openFolder(d.folder);
    event->acceptProposedAction();
}

void MainWindow::classifyFiles(const QStringList& files)
{
    if (files.isEmpty())
        return;
    classify_->classify(files);
    central_->setCurrentWidget(tabs_);
    showPage(QStringLiteral("classify"));
}

void MainWindow::saveReport(const QString& file)
{
    const auto run = classify_->latestRun();
    if (!run)
        throw Error(ErrorKind::InvalidArgument, file.toStdString(),
                    "there is no comparison to report yet: compare models on the Compare Models page first");
    ReportSources sources;
    sources.run = run.get();
    sources.dataset = session_;
    sources.eda = eda_;
    const auto model = classify_->model();
    sources.finalModelNote = finalModelNote(run.get(), classify_->modelOrigin(),
                                            model ? QString::fromStdString(model->kind) : QString(),
                                            model ? model->trainingSamples : 0);
    writeHtmlReport(file, sources);
}

void MainWindow::exportReport()
{
    if (!classify_->latestRun()) {
        QMessageBox::information(this, tr("Export Report"),
                                 tr("There is no comparison to report yet. Train and compare models on the "
                                    "Compare Models page first."));
        return;
    }
    const QString start = QDir(session_->folder()).filePath(QStringLiteral("genrescope-report.html"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Report"), start,
                                                      tr("HTML report (*.html);;JSON report (*.json)"));
    if (file.isEmpty())
        return;
    try {
        saveReport(file);
        statusBar()->showMessage(tr("Report written to %1").arg(file), 8000);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export Report"), tr("Could not write the report:\n%1").arg(errorText(e)));
    }
}

int MainWindow::saveFeatures(const QString& file, bool kaggleLayout)
{
    FeatureTable table;
    table.columns = session_->schema().columns;
    for (const auto& song : session_->songs()) {
        if (song.status != SongStatus::Ready || song.record.features.size() != table.columns.size())
            continue;
        FeatureRow row;
        row.file = song.relativePath.toStdString();
        row.label = song.record.label;
        row.length = song.record.length;
        row.values = song.record.features;
        table.rows.push_back(std::move(row));
    }
    if (table.rows.empty())
        throw Error(ErrorKind::InvalidArgument, file.toStdString(), "no song has been analysed yet");
    writeFeatureCsv(file.toStdString(), table, kaggleLayout ? CsvLayout::Kaggle : CsvLayout::Ours);
    return int(table.rows.size());
}

void MainWindow::exportFeatures(bool kaggleLayout)
{
    const QDir root(session_->folder());
    const QString start = root.filePath(kaggleLayout ? QStringLiteral("features_30_sec.csv") : QStringLiteral("features.csv"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Features"), start, tr("CSV (*.csv)"));
    if (file.isEmpty())
        return;
    try {
        const int written = saveFeatures(file, kaggleLayout);
        statusBar()->showMessage(tr("%n song(s) written to %1", nullptr, written).arg(file), 8000);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export Features"), tr("Could not write the table:\n%1").arg(errorText(e)));
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    session_->cancel();
    classify_->cancelTraining();
    classify_->cancelClassification();
    playback_->unload();
    if (remember_)
        saveSettings();
    event->accept();
}

} // namespace gs::ui
