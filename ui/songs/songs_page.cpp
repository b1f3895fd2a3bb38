#include "ui/songs/songs_page.h"

#include "ui/models/song_table_model.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/player_bar.h"
#include "ui/session/dataset_session.h"
#include "ui/views/song_view_display.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs::ui {

SongsPage::SongsPage(DatasetSession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    model_ = new SongTableModel(session_, this);
    proxy_ = new SongFilterProxy(this);
    proxy_->setSourceModel(model_);

    auto* layout = new QHBoxLayout(this);
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
    // ResizeToContents measures up to 1000 rows per column after every sort or filter (Qt's
    // default precision); 100 rows size a column as well, and measuring was half the time of a
    // sort on a 100,000-song catalogue.
    table_->horizontalHeader()->setResizeContentsPrecision(100);
    leftLayout->addWidget(table_, 1);
    split->addWidget(left);

    auto* right = new QSplitter(Qt::Vertical);
    auto* waveBox = new QWidget;
    auto* waveLayout = new QVBoxLayout(waveBox);
    waveLayout->setContentsMargins(0, 0, 0, 0);
    auto* waveBar = new QHBoxLayout;
    auto* waveTitle = new QLabel(tr("<b>Waveform</b>"));
    waveTitle->setContentsMargins(4, 2, 4, 0);
    waveBar->addWidget(waveTitle);
    player_ = new PlayerBar;
    waveBar->addWidget(player_, 1);
    auto* waveExport = new QToolButton;
    waveExport->setText(tr("Export…"));
    waveExport->setToolTip(tr("Save the waveform envelope shown (min/max per pixel column) as CSV"));
    waveBar->addWidget(waveExport);
    waveLayout->addLayout(waveBar);
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

    player_->attachViews(waveform_, spectrogram_);
    player_->installSpaceShortcut(this);
    connect(waveExport, &QToolButton::clicked, waveform_, &WaveformView::exportInteractively);
    connect(waveform_, &WaveformView::readout, this, &SongsPage::readout);
    connect(spectrogram_, &SpectrogramView::readout, this, &SongsPage::readout);
    connect(player_, &PlayerBar::ownStatusMessage, this, &SongsPage::statusMessage);

    connect(genreFilter_, &QComboBox::currentIndexChanged, this, [this] {
        proxy_->setGenre(genreFilter_->currentData().toString());
        emit filterChanged();
    });
    connect(textFilter_, &QLineEdit::textChanged, this, [this](const QString& t) {
        proxy_->setText(t);
        emit filterChanged();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SongsPage::onSelectionChanged);
    connect(waveform_, &WaveformView::visibleRangeChanged, spectrogram_, &SpectrogramView::setVisibleRange);
    connect(spectrogram_, &SpectrogramView::plotMarginsChanged, waveform_, &WaveformView::setHorizontalMargins);
    connect(spectrogram_, &SpectrogramView::optionsChanged, this, [this](const MelOptions& mel) {
        if (shownSong_ >= 0) {
            pendingView_ = true;
            session_->requestSpectrogram(mel);
        }
    });
    connect(session_, &DatasetSession::opened, this, &SongsPage::onDatasetOpened);
    connect(session_, &DatasetSession::songViewReady, this, &SongsPage::showSongView);
}

void SongsPage::setPlayback(PlaybackController* playback)
{
    player_->setController(playback);
}

void SongsPage::onDatasetOpened()
{
    shownSong_ = -1;
    player_->setSong({});
    waveform_->clear();
    spectrogram_->clear();
    genreFilter_->blockSignals(true);
    genreFilter_->clear();
    genreFilter_->addItem(tr("All genres"), QString());
    for (const auto& g : session_->genres())
        genreFilter_->addItem(g.isEmpty() ? tr("(no genre)") : g, g);
    genreFilter_->blockSignals(false);
    proxy_->setGenre({});
    emit filterChanged();
}

void SongsPage::showSongView(const SongView& view)
{
    pendingView_ = false;
    presentSongView(view, *waveform_, *spectrogram_);
    emit songViewShown(view.path);
}

bool SongsPage::selectSong(const QString& fileOrRelativePath)
{
    const int index = session_->indexOfPath(fileOrRelativePath);
    if (index < 0)
        return false;
    selectSongIndex(index);
    return true;
}

void SongsPage::selectSongIndex(int songIndex)
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

void SongsPage::setGenreFilter(const QString& genre)
{
    const int i = genreFilter_->findData(genre);
    genreFilter_->setCurrentIndex(std::max(0, i));
}

void SongsPage::setTextFilter(const QString& text) { textFilter_->setText(text); }

void SongsPage::onSelectionChanged()
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
    player_->setSong(QString::fromStdString(song.record.path));
    waveform_->clear(tr("Decoding %1…").arg(song.relativePath));
    spectrogram_->clear(tr("computing…"));
    session_->requestSongView(index, spectrogram_->options());
    emit songSelected(index);
}

} // namespace gs::ui
