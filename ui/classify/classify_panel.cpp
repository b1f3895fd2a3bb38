#include "ui/classify/classify_panel.h"

#include "core/dataset/scan.h"
#include "ui/charts/chart_widget.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/genre_timeline_view.h"
#include "ui/classify/model_info.h"
#include "ui/models/song_table_model.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/player_bar.h"
#include "ui/style/genre_colors.h"
#include "ui/views/song_view_display.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <qcustomplot.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

QLabel* titleLabel(const QString& text)
{
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text));
    label->setContentsMargins(4, 2, 4, 0);
    return label;
}

// The class order of a classification: the model's when it knows every genre of the
// result (window probabilities are in model class order), else the sorted names, which is
// how classes are made from genre folders.
QStringList classOrder(const ClassifySession& session, const ml::SongClassification& result)
{
    QStringList names;
    for (const auto& g : result.genres)
        names << QString::fromStdString(g.genre);
    if (const auto model = session.model(); model && model->classes.size() == result.genres.size()) {
        QStringList classes;
        for (const auto& c : model->classes)
            classes << QString::fromStdString(c);
        bool same = true;
        for (const auto& n : names)
            same = same && classes.contains(n);
        if (same)
            return classes;
    }
    names.sort();
    return names;
}

} // namespace

QString ClassifyPanel::formatConfidence(double probability)
{
    return QStringLiteral("%1 %").arg(probability * 100, 0, 'f', 1);
}

QString ClassifyPanel::audioFileFilter()
{
    QStringList patterns;
    for (const auto& ext : audioExtensions())
        patterns << QStringLiteral("*") + QString::fromStdString(ext);
    return tr("Audio files (%1);;All files (*)").arg(patterns.join(QLatin1Char(' ')));
}

ClassifyPanel::ClassifyPanel(ClassifySession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    classify_ = new QPushButton(tr("Classify Songs…"));
    classify_->setToolTip(tr("Choose audio files to classify with the current model (or drop them here)"));
    openModel_ = new QPushButton(tr("Open Model…"));
    saveModel_ = new QPushButton(tr("Save Model…"));
    clear_ = new QPushButton(tr("Clear"));
    clear_->setToolTip(tr("Remove every classified song from the list"));
    progress_ = new QProgressBar;
    progress_->setMaximumWidth(260);
    progress_->setVisible(false);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setVisible(false);
    for (auto* b : {classify_, openModel_, saveModel_, clear_})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(progress_);
    bar->addWidget(cancel_);
    layout->addLayout(bar);

    auto* split = new QSplitter(Qt::Horizontal);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* modelBox = new QGroupBox(tr("Model"));
    auto* modelLayout = new QVBoxLayout(modelBox);
    modelText_ = new QLabel;
    modelText_->setWordWrap(true);
    modelText_->setTextFormat(Qt::RichText);
    modelText_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    modelLayout->addWidget(modelText_);
    modelError_ = new QLabel;
    modelError_->setWordWrap(true);
    modelError_->setStyleSheet(QStringLiteral("color: #a33"));
    modelError_->setVisible(false);
    modelLayout->addWidget(modelError_);
    leftLayout->addWidget(modelBox);
    list_ = new QTreeWidget;
    list_->setRootIsDecorated(false);
    list_->setAlternatingRowColors(true);
    list_->setHeaderLabels({tr("File"), tr("Genre"), tr("Confidence"), tr("Status")});
    list_->header()->setSectionResizeMode(FileColumn, QHeaderView::Interactive);
    list_->header()->resizeSection(FileColumn, 150);
    list_->header()->setSectionResizeMode(GenreColumn, QHeaderView::ResizeToContents);
    list_->header()->setSectionResizeMode(ConfidenceColumn, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(true);
    leftLayout->addWidget(list_, 3);
    probabilities_ = new ChartWidget(tr("Genre probabilities"));
    probabilities_->setMinimumHeight(200);
    leftLayout->addWidget(probabilities_, 2);
    split->addWidget(left);
    split->addWidget(buildViews());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({480, 780});
    layout->addWidget(split, 1);

    connect(classify_, &QPushButton::clicked, this, &ClassifyPanel::classifyInteractively);
    connect(openModel_, &QPushButton::clicked, this, &ClassifyPanel::openModelInteractively);
    connect(saveModel_, &QPushButton::clicked, this, &ClassifyPanel::saveModelInteractively);
    connect(clear_, &QPushButton::clicked, this, &ClassifyPanel::clear);
    connect(cancel_, &QPushButton::clicked, session_, &ClassifySession::cancelClassification);
    connect(modelText_, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("compare"))
            emit compareRequested();
        else if (link == QLatin1String("open"))
            openModelInteractively();
    });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int index = item ? list_->indexOfTopLevelItem(item) : -1;
        if (index != selected_) {
            selected_ = index;
            showSelected();
        }
    });

    connect(session_, &ClassifySession::modelChanged, this, &ClassifyPanel::refreshModel);
    connect(session_, &ClassifySession::modelFailed, this, [this](const QString& file, const QString& reason) {
        modelError_->setText(tr("Could not open %1: %2").arg(file, reason));
        modelError_->setVisible(true);
        emit statusMessage(modelError_->text());
    });
    connect(session_, &ClassifySession::songsAppended, this, [this](int, int) { syncList(); });
    connect(session_, &ClassifySession::classifiedCleared, this, [this] {
        selected_ = -1;
        list_->clear();
        syncList();
        showSelected();
    });
    connect(session_, &ClassifySession::songChanged, this, [this](int index) {
        syncList();
        updateRow(index);
        if (index == selected_)
            showSelected();
    });
    connect(session_, &ClassifySession::classificationProgress, this, [this](const ProgressInfo& info) {
        progress_->setVisible(true);
        cancel_->setVisible(true);
        progress_->setRange(0, int(std::max<std::size_t>(info.total, 1)));
        progress_->setValue(int(info.done));
        progress_->setFormat(info.etaSeconds >= 0 ? tr("%v of %m · %1 left").arg(formatDuration(info.etaSeconds))
                                                  : tr("%v of %m"));
    });
    connect(session_, &ClassifySession::classificationFinished, this, [this](bool cancelled) {
        progress_->setVisible(false);
        cancel_->setVisible(false);
        syncList();
        if (cancelled)
            emit statusMessage(tr("Classification cancelled."));
    });
    connect(session_, &ClassifySession::songViewReady, this, &ClassifyPanel::onSongView);

    syncList();
    refreshModel();
    showSelected();
}

QWidget* ClassifyPanel::buildViews()
{
    auto* right = new QWidget;
    auto* layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    songTitle_ = new QLabel;
    songTitle_->setWordWrap(true);
    songTitle_->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(songTitle_);
    auto* views = new QSplitter(Qt::Vertical);
    auto* waveBox = new QWidget;
    auto* waveLayout = new QVBoxLayout(waveBox);
    waveLayout->setContentsMargins(0, 0, 0, 0);
    auto* waveBar = new QHBoxLayout;
    waveBar->addWidget(titleLabel(tr("Waveform — analysed clips marked")));
    player_ = new PlayerBar;
    waveBar->addWidget(player_, 1);
    auto* waveExport = new QToolButton;
    waveExport->setText(tr("Export…"));
    waveExport->setToolTip(tr("Save the waveform envelope shown (min/max per pixel column) as CSV"));
    waveBar->addWidget(waveExport);
    waveLayout->addLayout(waveBar);
    waveform_ = new WaveformView;
    waveLayout->addWidget(waveform_, 1);
    auto* timelineBox = new QWidget;
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(titleLabel(tr("Genre over time — probabilities of each analysed clip")));
    timeline_ = new GenreTimelineView;
    timelineLayout->addWidget(timeline_, 1);
    spectrogram_ = new SpectrogramView;
    views->addWidget(waveBox);
    views->addWidget(timelineBox);
    views->addWidget(spectrogram_);
    views->setStretchFactor(0, 2);
    views->setStretchFactor(1, 2);
    views->setStretchFactor(2, 4);
    layout->addWidget(views, 1);

    player_->attachViews(waveform_, spectrogram_);
    player_->installSpaceShortcut(this);
    connect(waveExport, &QToolButton::clicked, waveform_, &WaveformView::exportInteractively);
    connect(waveform_, &WaveformView::readout, this, &ClassifyPanel::readout);
    connect(spectrogram_, &SpectrogramView::readout, this, &ClassifyPanel::readout);
    connect(player_, &PlayerBar::ownStatusMessage, this, &ClassifyPanel::statusMessage);

    // Waveform, genre strip and spectrogram share one time axis (as on the Songs page).
    connect(waveform_, &WaveformView::visibleRangeChanged, spectrogram_, &SpectrogramView::setVisibleRange);
    connect(waveform_, &WaveformView::visibleRangeChanged, timeline_, &GenreTimelineView::setVisibleRange);
    connect(spectrogram_, &SpectrogramView::plotMarginsChanged, waveform_, &WaveformView::setHorizontalMargins);
    connect(spectrogram_, &SpectrogramView::plotMarginsChanged, timeline_, &GenreTimelineView::setHorizontalMargins);
    connect(spectrogram_, &SpectrogramView::optionsChanged, this, [this](const MelOptions& mel) {
        if (selected_ >= 0) {
            pendingView_ = true;
            session_->requestSongView(selected_, mel);
        }
    });
    return right;
}

void ClassifyPanel::setPlayback(PlaybackController* playback)
{
    player_->setController(playback);
}

void ClassifyPanel::refreshModel()
{
    const auto model = session_->model();
    if (model) {
        modelText_->setText(modelInfoHtml(describeModel(*model, session_->modelOrigin())));
        modelError_->setVisible(false);
    } else {
        modelText_->setText(noModelHtml());
    }
    updateButtons();
}

void ClassifyPanel::updateButtons()
{
    saveModel_->setEnabled(session_->model() != nullptr);
    clear_->setEnabled(!session_->classified().empty());
}

void ClassifyPanel::syncList()
{
    const auto& songs = session_->classified();
    while (list_->topLevelItemCount() > int(songs.size()))
        delete list_->takeTopLevelItem(list_->topLevelItemCount() - 1);
    const bool added = list_->topLevelItemCount() < int(songs.size());
    for (int i = list_->topLevelItemCount(); i < int(songs.size()); ++i) {
        auto* item = new QTreeWidgetItem;
        item->setTextAlignment(ConfidenceColumn, Qt::AlignRight | Qt::AlignVCenter);
        list_->addTopLevelItem(item);
        updateRow(i);
    }
    if (selected_ >= int(songs.size())) {
        selected_ = -1;
        showSelected();
    }
    if (added && !list_->currentItem() && list_->topLevelItemCount() > 0)
        list_->setCurrentItem(list_->topLevelItem(0));
    updateButtons();
}

void ClassifyPanel::updateRow(int index)
{
    auto* item = list_->topLevelItem(index);
    if (!item || index < 0 || index >= int(session_->classified().size()))
        return;
    const auto& song = session_->classified()[std::size_t(index)];
    item->setText(FileColumn, QFileInfo(song.file).fileName());
    item->setToolTip(FileColumn, song.file);
    const bool classified = song.done && song.error.isEmpty() && !song.result.genres.empty();
    if (classified) {
        const auto& top = song.result.genres.front();
        const QString genre = QString::fromStdString(top.genre);
        item->setText(GenreColumn, genre);
        item->setForeground(GenreColumn, genreColor(int(classOrder(*session_, song.result).indexOf(genre))).darker(130));
        item->setText(ConfidenceColumn, formatConfidence(top.probability));
        item->setData(ConfidenceColumn, Qt::UserRole, top.probability);
    } else {
        item->setText(GenreColumn, QString());
        item->setText(ConfidenceColumn, QString());
        item->setData(ConfidenceColumn, Qt::UserRole, QVariant());
    }
    QString status;
    QColor colour = palette().text().color();
    if (!song.error.isEmpty()) {
        status = song.error;
        colour = song.done ? QColor(0xb0, 0x30, 0x20) : palette().placeholderText().color();
    } else if (!song.done) {
        status = tr("analysing…");
        colour = palette().placeholderText().color();
    } else {
        status = tr("%n clip(s) analysed", nullptr, song.result.windows);
        if (!song.result.warning.empty()) {
            status += QStringLiteral(" · ") + QString::fromStdString(song.result.warning);
            colour = QColor(0x9a, 0x6a, 0x00);
        }
    }
    item->setText(StatusColumn, status);
    item->setToolTip(StatusColumn, status);
    item->setForeground(StatusColumn, colour);
}

void ClassifyPanel::selectSong(int index)
{
    if (index < 0 || index >= list_->topLevelItemCount())
        return;
    list_->setCurrentItem(list_->topLevelItem(index));
}

void ClassifyPanel::showSelected()
{
    const auto& songs = session_->classified();
    player_->setSong(selected_ >= 0 && selected_ < int(songs.size()) ? songs[std::size_t(selected_)].file : QString());
    if (selected_ < 0 || selected_ >= int(songs.size())) {
        songTitle_->setText(songs.empty() ? tr("Classify songs to see their genres: <b>Classify Songs…</b> above.")
                                          : tr("Select a song in the list."));
        waveform_->setMarkedRegions({});
        waveform_->clear();
        timeline_->clear();
        spectrogram_->clear();
        showProbabilities(-1);
        return;
    }
    const auto& song = songs[std::size_t(selected_)];
    const auto& result = song.result;
    const bool classified = song.done && song.error.isEmpty() && !result.genres.empty();
    QString title = QStringLiteral("<b>%1</b>").arg(QFileInfo(song.file).fileName().toHtmlEscaped());
    if (classified)
        title += tr(" — %1 (%2) · %n clip(s) of %3", nullptr, result.windows)
                     .arg(QString::fromStdString(result.genres.front().genre), formatConfidence(result.genres.front().probability),
                          formatDuration(result.songSeconds));
    else if (!song.error.isEmpty())
        title += QStringLiteral(" — <span style='color:#a33'>%1</span>").arg(song.error.toHtmlEscaped());
    else
        title += tr(" — analysing…");
    if (!result.warning.empty())
        title += QStringLiteral("<br><span style='color:#9a6a00'>%1</span>").arg(QString::fromStdString(result.warning).toHtmlEscaped());
    songTitle_->setText(title);

    showProbabilities(classified ? selected_ : -1);
    if (classified) {
        const QStringList classes = classOrder(*session_, result);
        QVector<MarkedRegion> regions;
        for (std::size_t w = 0; w < result.windowDetails.size(); ++w) {
            const auto& window = result.windowDetails[w];
            const auto best = std::max_element(window.probabilities.begin(), window.probabilities.end());
            const int k = best == window.probabilities.end() ? -1 : int(best - window.probabilities.begin());
            regions.push_back({window.startSeconds, window.startSeconds + window.seconds,
                               tr("clip %1: %2 %3").arg(w + 1).arg(classes.value(k)).arg(formatConfidence(k >= 0 ? *best : 0)),
                               k >= 0 ? genreColor(k) : QColor()});
        }
        waveform_->setMarkedRegions(regions);
        timeline_->setWindows(result.windowDetails, classes, result.songSeconds);
    } else {
        waveform_->setMarkedRegions({});
        timeline_->clear(song.error.isEmpty() ? tr("Not classified yet") : tr("Not classified"));
    }
    pendingView_ = true;
    waveform_->clear(tr("Loading…"));
    spectrogram_->clear(tr("loading…"));
    session_->requestSongView(selected_, spectrogram_->options());
}

void ClassifyPanel::showProbabilities(int index)
{
    auto* plot = probabilities_->plot();
    plot->clearPlottables();
    plot->clearItems();
    shownProbabilities_.clear();
    plot->xAxis->setVisible(index >= 0);
    plot->yAxis->setVisible(index >= 0);
    if (index < 0) {
        auto* note = new QCPItemText(plot);
        note->position->setType(QCPItemPosition::ptAxisRectRatio);
        note->position->setCoords(0.5, 0.5);
        note->setText(tr("The genres of the selected song appear here"));
        note->setColor(palette().placeholderText().color());
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const auto& result = session_->classified()[std::size_t(index)].result;
    const QStringList classes = classOrder(*session_, result);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int n = int(result.genres.size());
    for (int rank = 0; rank < n; ++rank) {
        const auto& g = result.genres[std::size_t(rank)];
        const QString name = QString::fromStdString(g.genre);
        shownProbabilities_.emplace_back(name, g.probability);
        auto* bars = new QCPBars(plot->yAxis, plot->xAxis); // horizontal: genres on the vertical axis
        const QColor colour = genreColor(int(classes.indexOf(name)));
        bars->setBrush(colour);
        bars->setPen(QPen(colour.darker(120)));
        bars->setWidth(0.7);
        bars->addData(rank, g.probability * 100);
        ticker->addTick(rank, name);
        auto* label = new QCPItemText(plot);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->position->setCoords(g.probability * 100 + 1, rank);
        label->setText(formatConfidence(g.probability));
        label->setFont(plot->font());
        label->setClipToAxisRect(false);
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRangeReversed(true); // most probable at the top
    plot->yAxis->setRange(-0.6, n - 0.4);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setRange(0, 112);
    plot->xAxis->setLabel(tr("Probability (%) — mean over the analysed clips"));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void ClassifyPanel::onSongView(int index, const SongView& view)
{
    if (index != selected_)
        return;
    pendingView_ = false;
    if (presentSongView(view, *waveform_, *spectrogram_))
        timeline_->setVisibleRange(waveform_->visibleStart(), waveform_->visibleEnd());
}

void ClassifyPanel::classifyInteractively()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Classify songs"), QString(), audioFileFilter());
    if (!files.isEmpty())
        session_->classify(files);
}

void ClassifyPanel::openModelInteractively()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open model"), QString(),
                                                      tr("Genrescope model (*.gsm);;All files (*)"));
    if (!file.isEmpty()) {
        modelError_->setVisible(false);
        session_->openModel(file);
    }
}

void ClassifyPanel::saveModelInteractively()
{
    const auto model = session_->model();
    if (!model)
        return;
    QString file = QFileDialog::getSaveFileName(this, tr("Save model"), QString::fromStdString(model->kind) + QStringLiteral(".gsm"),
                                                tr("Genrescope model (*.gsm)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".gsm");
    if (session_->saveModel(file))
        emit statusMessage(tr("Model saved to %1").arg(file));
}

void ClassifyPanel::clear() { session_->clearClassified(); } // classifiedCleared() empties the list

} // namespace gs::ui
