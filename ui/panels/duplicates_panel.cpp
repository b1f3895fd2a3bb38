#include "ui/panels/duplicates_panel.h"

#include "ui/models/song_table_model.h"
#include "ui/session/dataset_session.h"
#include "ui/style/genre_colors.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs::ui {

DuplicatesPanel::DuplicatesPanel(DatasetSession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    tree_ = new QTreeWidget;
    tree_->setHeaderLabels({tr("Song"), tr("Genre"), tr("Duration"), tr("Bit error rate")});
    tree_->setAlternatingRowColors(true);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(tree_, 1);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant index = item->data(0, Qt::UserRole);
        if (index.isValid())
            emit songActivated(index.toInt());
    });
    connect(session_, &DatasetSession::duplicatesChanged, this, &DuplicatesPanel::refresh);
    connect(session_, &DatasetSession::opened, this, &DuplicatesPanel::refresh);
    refresh();
}

int DuplicatesPanel::groupCount() const { return tree_->topLevelItemCount(); }

void DuplicatesPanel::refresh()
{
    tree_->clear();
    const auto& groups = session_->duplicates();
    const auto& songs = session_->songs();
    int crossGenre = 0;
    for (const auto& g : groups) {
        QStringList labels;
        for (int s : g.songs)
            if (!labels.contains(QString::fromStdString(songs[std::size_t(s)].record.label)))
                labels << QString::fromStdString(songs[std::size_t(s)].record.label);
        const bool across = labels.size() > 1;
        crossGenre += across ? 1 : 0;
        auto* group = new QTreeWidgetItem({across ? tr("%n song(s), across genres", nullptr, int(g.songs.size()))
                                                  : tr("%n song(s), same genre", nullptr, int(g.songs.size())),
                                           labels.join(QStringLiteral(", ")), QString(),
                                           QStringLiteral("≤ %1").arg(g.worstBitErrorRate, 0, 'f', 3)});
        group->setIcon(0, style()->standardIcon(across ? QStyle::SP_MessageBoxWarning : QStyle::SP_FileDialogInfoView));
        for (int s : g.songs) {
            const auto& song = songs[std::size_t(s)];
            auto* item = new QTreeWidgetItem(group, {song.relativePath, QString::fromStdString(song.record.label),
                                                     formatDuration(song.record.durationSeconds)});
            item->setData(0, Qt::UserRole, s);
            item->setIcon(1, QIcon());
            item->setForeground(1, genreColor(session_->genres().indexOf(QString::fromStdString(song.record.label))).darker(120));
        }
        tree_->addTopLevelItem(group);
        group->setExpanded(true);
    }
    if (session_->isBusy() && groups.empty())
        summary_->setText(tr("Duplicates are searched once every song is analysed."));
    else if (groups.empty())
        summary_->setText(tr("No duplicates: no two songs share (near-)identical audio."));
    else
        summary_->setText(tr("%n group(s) of songs with (near-)identical audio, by Chromaprint fingerprint "
                             "(bit error rate at the best alignment; unrelated music is near 0.5). ", nullptr, int(groups.size())) +
                          tr("%n group(s) span more than one genre folder.", nullptr, crossGenre));
}

} // namespace gs::ui
