#include "ui/main_window.h"

#include "core/audio/envelope.h"
#include "ui/charts/eda_charts.h"
#include "ui/models/song_table_model.h"
#include "ui/panels/duplicates_panel.h"
#include "ui/panels/eda_panel.h"
#include "ui/panels/problems_panel.h"
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

    model_ = new SongTableModel(session_, this);
    proxy_ = new SongFilterProxy(this);
    proxy_->setSourceModel(model_);

    central_ = new QStackedWidget;
    central_->addWidget(buildWelcomePage());
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    auto* songsPage = new QWidget;
    buildSongsPage(songsPage);
    eda_ = new EdaPanel(session_);
    duplicates_ = new DuplicatesPanel(session_);
    problems_ = new ProblemsPanel;
    tabs_->addTab(songsPage, tr("Songs"));
    tabs_->addTab(eda_, tr("Explore"));
    tabs_->addTab(duplicates_, tr("Duplicates"));
    tabs_->addTab(problems_, tr("Problems"));
    central_->addWidget(tabs_);
    setCentralWidget(central_);

    buildMenus();
    buildStatusBar();

    connect(session_, &DatasetSession::opened, this, [this](const QString& folder, int) {
        central_->setCurrentWidget(tabs_);
        setWindowTitle(tr("%1 — Genrescope").arg(QDir(folder).dirName()));
        problems_->clear();
        shownSong_ = -1;
        waveform_->clear();
        spectrogram_->clear();
        genreFilter_->blockSignals(true);
        genreFilter_->clear();
        genreFilter_->addItem(tr("All genres"), QString());
        for (const auto& g : session_->genres())
            genreFilter_->addItem(g.isEmpty() ? tr("(no genre)") : g, g);
        genreFilter_->blockSignals(false);
        proxy_->setGenre({});
        addRecent(folder);
        updateCounts();
    });
    connect(session_, &DatasetSession::openFailed, this, [this](const QString& folder, const QString& reason) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(folder, reason), 10000);
        if (!qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS") && isVisible())
            QMessageBox::warning(this, tr("Cannot open folder"), tr("Cannot open %1:\n%2").arg(folder, reason));
    });
    connect(session_, &DatasetSession::problem, problems_, &ProblemsPanel::addProblem);
    connect(problems_, &ProblemsPanel::countChanged, this, [this](int n) {
        tabs_->setTabText(3, n > 0 ? tr("Problems (%1)").arg(n) : tr("Problems"));
    });
    connect(session_, &DatasetSession::duplicatesChanged, this, [this] {
        const auto n = session_->duplicates().size();
        tabs_->setTabText(2, n > 0 ? tr("Duplicates (%1)").arg(n) : tr("Duplicates"));
    });
    connect(problems_, &ProblemsPanel::fileActivated, this, [this](const QString& file) {
        if (selectSong(file))
            showTab(Tab::Songs);
    });
    connect(session_, &DatasetSession::songsUpdated, this, &MainWindow::updateCounts);
    connect(session_, &DatasetSession::progress, this, &MainWindow::onProgress);
    connect(session_, &DatasetSession::finished, this, &MainWindow::onFinished);
    connect(session_, &DatasetSession::songViewReady, this, [this](const SongView& view) {
        pendingView_ = false;
        if (!view.error.isEmpty()) {
            waveform_->clear(tr("Cannot decode: %1").arg(view.error));
            spectrogram_->clear(view.error);
        } else {
            if (view.envelope && view.envelope.get() != nullptr)
                waveform_->setEnvelope(view.envelope, view.sampleRate);
            spectrogram_->setSpectrogram(view.melDb, view.sampleRate, view.mel);
            spectrogram_->setVisibleRange(waveform_->visibleStart(), waveform_->visibleEnd());
        }
        emit songViewShown(view.path);
    });
    connect(eda_, &EdaPanel::songClicked, this, [this](int index) { selectSongIndex(index); });
    connect(duplicates_, &DuplicatesPanel::songActivated, this, [this](int index) {
        selectSongIndex(index);
        showTab(Tab::Songs);
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

void MainWindow::buildSongsPage(QWidget* page)
{
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    genreFilter_ = new QComboBox;
    genreFilter_->setToolTip(tr("Show one genre only"));
    genreFilter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    textFilter_ = new QLineEdit;
    textFilter_->setPlaceholderText(tr("Filter songs…"));
    textFilter_->setClearButtonEnabled(true);
    filters->addWidget(genreFilter_);
    filters->addWidget(textFilter_, 1);
    leftLayout->addLayout(filters);
    table_ = new QTableView;
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(SongTableModel::File, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    // The file name gets a fixed share the user can drag; the rest fit their contents.
    table_->horizontalHeader()->setSectionResizeMode(SongTableModel::File, QHeaderView::Interactive);
    table_->horizontalHeader()->resizeSection(SongTableModel::File, 170);
    for (int c = SongTableModel::Genre; c < SongTableModel::ColumnCount; ++c)
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(table_, 1);
    split->addWidget(left);

    auto* right = new QSplitter(Qt::Vertical);
    auto* waveBox = new QWidget;
    auto* waveLayout = new QVBoxLayout(waveBox);
    waveLayout->setContentsMargins(0, 0, 0, 0);
    auto* waveTitle = new QLabel(tr("<b>Waveform</b>"));
    waveTitle->setContentsMargins(4, 2, 4, 0);
    waveLayout->addWidget(waveTitle);
    waveform_ = new WaveformView;
    waveLayout->addWidget(waveform_, 1);
    spectrogram_ = new SpectrogramView;
    right->addWidget(waveBox);
    right->addWidget(spectrogram_);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 720});

    connect(genreFilter_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setGenre(genreFilter_->currentData().toString()); updateCounts(); });
    connect(textFilter_, &QLineEdit::textChanged, this, [this](const QString& t) { proxy_->setText(t); updateCounts(); });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onSelectionChanged);
    connect(waveform_, &WaveformView::visibleRangeChanged, spectrogram_, &SpectrogramView::setVisibleRange);
    connect(spectrogram_, &SpectrogramView::plotMarginsChanged, waveform_, &WaveformView::setHorizontalMargins);
    connect(spectrogram_, &SpectrogramView::optionsChanged, this, [this](const MelOptions& mel) {
        if (shownSong_ >= 0) {
            pendingView_ = true;
            session_->requestSpectrogram(mel);
        }
    });
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
    const std::pair<QString, Tab> tabs[] = {{tr("&Songs"), Tab::Songs}, {tr("&Explore"), Tab::Eda},
                                            {tr("&Duplicates"), Tab::Duplicates}, {tr("&Problems"), Tab::Problems}};
    int key = Qt::Key_1;
    for (const auto& [name, tab] : tabs) {
        auto* a = view->addAction(name, this, [this, tab = tab] { showTab(tab); });
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

bool MainWindow::tabFromName(const QString& name, Tab* tab)
{
    static const std::pair<const char*, Tab> names[] = {
        {"songs", Tab::Songs}, {"eda", Tab::Eda}, {"duplicates", Tab::Duplicates}, {"problems", Tab::Problems}};
    for (const auto& [n, t] : names)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0) {
            *tab = t;
            return true;
        }
    return false;
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

void MainWindow::showTab(Tab tab)
{
    if (central_->currentWidget() != tabs_ && !session_->folder().isEmpty())
        central_->setCurrentWidget(tabs_);
    tabs_->setCurrentIndex(int(tab));
}

bool MainWindow::selectSong(const QString& fileOrRelativePath)
{
    const int index = session_->indexOfPath(fileOrRelativePath);
    if (index < 0)
        return false;
    selectSongIndex(index);
    return true;
}

void MainWindow::selectSongIndex(int songIndex)
{
    QModelIndex row = proxy_->mapFromSource(model_->index(songIndex, 0));
    if (!row.isValid()) { // hidden by a filter: clear the filters rather than refuse
        genreFilter_->setCurrentIndex(0);
        textFilter_->clear();
        row = proxy_->mapFromSource(model_->index(songIndex, 0));
    }
    if (!row.isValid())
        return;
    table_->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(row);
}

void MainWindow::setGenreFilter(const QString& genre)
{
    const int i = genreFilter_->findData(genre);
    genreFilter_->setCurrentIndex(std::max(0, i));
}

void MainWindow::setTextFilter(const QString& text) { textFilter_->setText(text); }

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid())
        return;
    const int index = proxy_->mapToSource(current).row();
    if (index == shownSong_)
        return;
    shownSong_ = index;
    pendingView_ = true;
    const auto& song = session_->songs()[std::size_t(index)];
    waveform_->clear(tr("Decoding %1…").arg(song.relativePath));
    spectrogram_->clear(tr("computing…"));
    session_->requestSongView(index, spectrogram_->options());
    eda_->highlightSong(index);
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
    if (proxy_->rowCount() != int(songs.size()))
        text += QStringLiteral(" · ") + tr("%1 shown").arg(proxy_->rowCount());
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
