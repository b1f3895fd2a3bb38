#include "ui/models/song_table_model.h"

#include "ui/session/dataset_session.h"
#include "ui/style/genre_colors.h"

#include <QColor>
#include <QIcon>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

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
        forgetKeys(-1);
        endResetModel();
    });
    connect(session_, &DatasetSession::songsAdded, this, [this](int first, int last) {
        beginInsertRows({}, first, last);
        rows_ = last + 1;
        endInsertRows();
    });
    connect(session_, &DatasetSession::songsUpdated, this, [this](const QList<int>& rows) {
        for (int r : rows)
            if (r < rows_) {
                forgetKeys(r);
                emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
            }
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

void SongTableModel::forgetKeys(int row)
{
    if (row < 0) {
        foldedPaths_.clear();
        searchTexts_.clear();
        return;
    }
    if (std::size_t(row) < foldedPaths_.size())
        foldedPaths_[std::size_t(row)] = QString();
    if (std::size_t(row) < searchTexts_.size())
        searchTexts_[std::size_t(row)] = QString();
}

const QString& SongTableModel::foldedPath(int row) const
{
    if (foldedPaths_.size() < session_->songs().size())
        foldedPaths_.resize(session_->songs().size());
    QString& key = foldedPaths_[std::size_t(row)];
    if (key.isEmpty())
        key = session_->songs()[std::size_t(row)].relativePath.toCaseFolded();
    return key;
}

const QString& SongTableModel::searchText(int row) const
{
    if (searchTexts_.size() < session_->songs().size())
        searchTexts_.resize(session_->songs().size());
    QString& text = searchTexts_[std::size_t(row)];
    if (text.isEmpty()) {
        const Song& song = session_->songs()[std::size_t(row)];
        text = QStringList{song.relativePath, QString::fromStdString(song.record.label),
                           data(index(row, Format)).toString(), statusText(song.status)}
                   .join(QLatin1Char('\n'))
                   .toCaseFolded();
    }
    return text;
}

bool SongTableModel::lessThan(int rowA, int rowB, int column) const
{
    const auto& songs = session_->songs();
    if (rowA >= int(songs.size()) || rowB >= int(songs.size()))
        return rowA < rowB;
    const Song& a = songs[std::size_t(rowA)];
    const Song& b = songs[std::size_t(rowB)];
    switch (column) {
    case File: return foldedPath(rowA) < foldedPath(rowB);
    case Genre: // ASCII case folding is enough to order genre names; no string conversions
        return std::lexicographical_compare(a.record.label.begin(), a.record.label.end(), b.record.label.begin(),
                                            b.record.label.end(), [](unsigned char x, unsigned char y) {
                                                return std::tolower(x) < std::tolower(y);
                                            });
    case Duration: return a.record.durationSeconds < b.record.durationSeconds;
    case Format: {
        const auto& ra = a.record;
        const auto& rb = b.record;
        const std::string& codecA = ra.codec.empty() ? ra.container : ra.codec;
        const std::string& codecB = rb.codec.empty() ? rb.container : rb.codec;
        return std::tie(codecA, ra.sampleRate, ra.channels) < std::tie(codecB, rb.sampleRate, rb.channels);
    }
    case Status: return int(a.status) < int(b.status);
    }
    return false;
}

bool SongTableModel::hasGenre(int row, const QString& genre) const
{
    const auto& songs = session_->songs();
    return row < int(songs.size()) && QString::fromStdString(songs[std::size_t(row)].record.label) == genre;
}

bool SongTableModel::contains(int row, const QString& foldedNeedle) const
{
    return row < int(session_->songs().size()) && searchText(row).contains(foldedNeedle);
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
    text_ = text.trimmed().toCaseFolded();
    invalidateRowsFilter();
}

bool SongFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto* m = qobject_cast<const SongTableModel*>(sourceModel());
    if (!m)
        return true;
    if (!genre_.isEmpty() && !m->hasGenre(sourceRow, genre_))
        return false;
    return text_.isEmpty() || m->contains(sourceRow, text_);
}

bool SongFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* m = qobject_cast<const SongTableModel*>(sourceModel());
    return m ? m->lessThan(left.row(), right.row(), left.column()) : QSortFilterProxyModel::lessThan(left, right);
}

} // namespace gs::ui
