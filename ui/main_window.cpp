#include "ui/main_window.h"

#include "core/audio/envelope.h"
#include "ui/charts/eda_charts.h"
#include "ui/models/song_table_model.h"
#include "ui/panels/duplicates_panel.h"
#include "ui/panels/eda_panel.h"
#include "ui/panels/problems_panel.h"
#include "ui/songs/songs_page.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
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
#include <QToolButton>
#include <QVBoxLayout>

namespace gs::ui {

namespace {
constexpr int kMaxRecent = 8;
const auto kRecentKey = QStringLiteral("recentFolders");
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
    registerPages({
        {QStringLiteral("songs"), tr("&Songs"), songs_},
        {QStringLiteral("eda"), tr("&Explore"), eda_},
        {QStringLiteral("duplicates"), tr("&Duplicates"), duplicates_},
        {QStringLiteral("problems"), tr("&Problems"), problems_},
    });
    central_->addWidget(tabs_);
    setCentralWidget(central_);

    buildMenus();
    buildStatusBar();

    connect(session_, &DatasetSession::opened, this, &MainWindow::onOpened);
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
    rebuildRecentMenu();
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
                                "analysed and shown with its waveform, mel spectrogram and per-genre statistics.</p>"));
    title->setWordWrap(true);
    layout->addWidget(title);
    auto* open = new QCommandLinkButton(tr("Open a music folder…"), tr("Or drop a folder onto this window."));
    connect(open, &QCommandLinkButton::clicked, this, &MainWindow::chooseFolder);
    layout->addWidget(open);
    auto* demo = new QCommandLinkButton(tr("Explore the demo dataset"),
                                        tr("Short synthetic songs in a few genres, generated on first use."));
    connect(demo, &QCommandLinkButton::clicked, this, &MainWindow::openDemo);
    layout->addWidget(demo);
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
    file->addAction(tr("Open &Demo Dataset"), this, &MainWindow::openDemo);
    recentMenu_ = file->addMenu(tr("&Recent Folders"));
    file->addSeparator();
    auto* cancel = file->addAction(tr("&Cancel Analysis"), session_, &DatasetSession::cancel);
    cancel->setShortcut(Qt::Key_Escape);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* view = menuBar()->addMenu(tr("&View"));
    int key = Qt::Key_1;
    for (const auto& page : pages_) {
        auto* a = view->addAction(page.title, this, [this, k = page.key] { showPage(k); });
        if (key <= Qt::Key_9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Genrescope"), this, [this] {
        QMessageBox::about(this, tr("About Genrescope"),
                           tr("<h3>Genrescope %1</h3><p>Explore a music collection by genre: waveforms, mel "
                              "spectrograms, per-genre statistics and duplicate detection.</p>")
                               .arg(QStringLiteral(GENRESCOPE_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    counts_ = new QLabel;
    statusBar()->addWidget(counts_, 1);
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
    if (central_->currentWidget() != tabs_ && !session_->folder().isEmpty())
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
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && QFileInfo(urls.first().toLocalFile()).isDir())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty())
        openFolder(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    session_->cancel();
    event->accept();
}

} // namespace gs::ui
