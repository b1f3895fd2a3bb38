#include "ui/models/song_table_model.h"

#include "ui/session/dataset_session.h"
#include "ui/style/genre_colors.h"

#include <QColor>
#include <QIcon>

#include <cmath>

namespace gs::ui {

QString formatDuration(double seconds)
{
    const auto total = std::llround(std::max(0.0, seconds));
    const auto h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

SongTableModel::SongTableModel(DatasetSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session)
{
    connect(session_, &DatasetSession::opened, this, [this] {
        beginResetModel();
        rows_ = 0;
        endResetModel();
    });
    connect(session_, &DatasetSession::songsAdded, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        rows_ = last + 1;
        endInsertRows();
    });
    connect(session_, &DatasetSession::songsUpdated, this, [this](const QList<int>& rows) {
        for (int r : rows)
            if (r < rows_)
                emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    });
}

int SongTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }
int SongTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SongTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_ || index.row() >= int(session_->songs().size()))
        return {};
    const Song& song = session_->songs()[std::size_t(index.row())];
    const auto& r = song.record;
    const bool known = song.status == SongStatus::Ready || r.durationSeconds > 0;
    if (role == SongIndexRole)
        return index.row();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case File: return sort ? song.relativePath : song.relativePath.section(QLatin1Char('/'), -1);
        case Genre: return QString::fromStdString(r.label);
        case Duration:
            if (sort)
                return r.durationSeconds;
            return known ? formatDuration(r.durationSeconds) : QString();
        case Format: {
            if (!known)
                return QString();
            const QString khz = QString::number(r.sampleRate / 1000.0, 'g', 4);
            const QString codec = QString::fromStdString(r.codec.empty() ? r.container : r.codec);
            const QString layout = r.channels == 1 ? tr("mono") : r.channels == 2 ? tr("stereo") : tr("%n channel(s)", nullptr, r.channels);
            return tr("%1 · %2 kHz %3").arg(codec, khz, layout);
        }
        case Status:
            if (sort)
                return int(song.status);
            return statusText(song.status);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (song.status == SongStatus::Failed)
            return QString::fromStdString(r.error);
        if (index.column() == Format)
            return tr("%1 in a %2 container, %3 Hz, %n channel(s)", nullptr, r.channels)
                .arg(QString::fromStdString(r.codec), QString::fromStdString(r.container))
                .arg(r.sampleRate);
        return QString::fromStdString(r.path);
    }
    if (role == Qt::DecorationRole && index.column() == Genre)
        return genreColor(session_->genres().indexOf(QString::fromStdString(r.label)));
    if (role == Qt::ForegroundRole && index.column() == Status && song.status == SongStatus::Failed)
        return QColor(0xc0, 0x30, 0x30);
    if (role == Qt::TextAlignmentRole && (index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SongTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case File: return tr("File");
    case Genre: return tr("Genre");
    case Duration: return tr("Duration");
    case Format: return tr("Format");
    case Status: return tr("Status");
    }
    return {};
}

SongFilterProxy::SongFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SongTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void SongFilterProxy::setGenre(const QString& genre)
{
    genre_ = genre;
    invalidateRowsFilter();
}

void SongFilterProxy::setText(const QString& text)
{
    text_ = text.trimmed();
    invalidateRowsFilter();
}

bool SongFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* m = sourceModel();
    if (!genre_.isEmpty() && m->index(sourceRow, SongTableModel::Genre, sourceParent).data().toString() != genre_)
        return false;
    if (text_.isEmpty())
        return true;
    for (int c = 0; c < SongTableModel::ColumnCount; ++c)
        if (m->index(sourceRow, c, sourceParent).data(SongTableModel::SortRole).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace gs::ui
