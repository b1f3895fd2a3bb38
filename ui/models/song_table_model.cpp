#include "ui/models/song_table_model.h"

#include "ui/session/dataset_session.h"
#include "ui/style/genre_colors.h"

#include <QColor>
#include <QIcon>
#include <QTimer>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

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
        forgetSortKeys();
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
        case Format: return known ? formatText(r) : QString();
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

// --- Sort keys and filter classes -------------------------------------------------------

namespace {

// A duration no decoder reported sorts first, and never breaks the order (NaN would).
double durationKey(double seconds) { return std::isnan(seconds) ? -std::numeric_limits<double>::infinity() : seconds; }

bool lessIgnoringAsciiCase(const std::string& a, const std::string& b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) < std::tolower(y);
    });
}

// Ranks of `order` (indices sorted by `less`): equal neighbours share a rank, so a stable
// sort on the ranks keeps them in their previous order, as a stable sort on the values would.
template <typename Less>
std::vector<double> ranksOf(const std::vector<int>& order, std::size_t size, Less less)
{
    std::vector<double> rank(size, 0.0);
    for (std::size_t i = 1; i < order.size(); ++i) {
        const int previous = order[i - 1], here = order[i];
        rank[std::size_t(here)] = less(previous, here) ? double(i) : rank[std::size_t(previous)];
    }
    return rank;
}

} // namespace

QString SongTableModel::formatText(const CachedSong& r)
{
    const QString khz = QString::number(r.sampleRate / 1000.0, 'g', 4);
    const QString codec = QString::fromStdString(r.codec.empty() ? r.container : r.codec);
    const QString layout = r.channels == 1 ? tr("mono") : r.channels == 2 ? tr("stereo") : tr("%n channel(s)", nullptr, r.channels);
    return tr("%1 · %2 kHz %3").arg(codec, khz, layout);
}

bool SongTableModel::formatKnown(int row) const
{
    const Song& song = session_->songs()[std::size_t(row)];
    return song.status == SongStatus::Ready || song.record.durationSeconds > 0;
}

void SongTableModel::forgetSortKeys()
{
    for (auto& keys : sortKeys_)
        keys.clear();
    genres_ = {};
    formats_ = {};
}

void SongTableModel::forgetKeys(int row)
{
    if (row < 0) {
        foldedPaths_.clear();
        forgetSortKeys();
        return;
    }
    // Analysis changes a song's duration, format and status, never its path: the path
    // ranks (the one costly key, a string sort) survive unless the path did change.
    auto file = std::move(sortKeys_[File]);
    forgetSortKeys();
    if (std::size_t(row) < foldedPaths_.size() && !foldedPaths_[std::size_t(row)].isEmpty()) {
        const QString before = std::move(foldedPaths_[std::size_t(row)]);
        foldedPaths_[std::size_t(row)] = QString();
        if (foldedPath(row) != before)
            return;
    }
    sortKeys_[File] = std::move(file);
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

const SongTableModel::Classes& SongTableModel::genreClasses() const
{
    const auto& songs = session_->songs();
    if (genres_.ofRow.size() == songs.size() && !songs.empty())
        return genres_;
    Classes c;
    std::unordered_map<std::string, int> classOf;
    std::vector<std::string> labels;
    c.ofRow.reserve(songs.size());
    for (const auto& s : songs) {
        const auto [it, added] = classOf.emplace(s.record.label, int(labels.size()));
        if (added)
            labels.push_back(s.record.label);
        c.ofRow.push_back(it->second);
    }
    for (const auto& label : labels) {
        c.text.push_back(QString::fromStdString(label));
        c.folded.push_back(c.text.back().toCaseFolded());
    }
    // ASCII case folding is enough to order genre names ("rock" next to "Rock").
    std::vector<int> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    const auto less = [&](int a, int b) { return lessIgnoringAsciiCase(labels[std::size_t(a)], labels[std::size_t(b)]); };
    std::stable_sort(order.begin(), order.end(), less);
    c.rank = ranksOf(order, labels.size(), less);
    genres_ = std::move(c);
    return genres_;
}

const SongTableModel::Classes& SongTableModel::formatClasses() const
{
    const auto& songs = session_->songs();
    if (formats_.ofRow.size() == songs.size() && !songs.empty())
        return formats_;
    Classes c;
    // The map's order is the column's order: codec, then sample rate, then channels.
    using Key = std::tuple<std::string, int, int>;
    std::map<Key, int> classOf;
    std::vector<const CachedSong*> example;
    c.ofRow.reserve(songs.size());
    for (const auto& s : songs) {
        const auto& r = s.record;
        const auto [it, added] = classOf.emplace(Key(r.codec.empty() ? r.container : r.codec, r.sampleRate, r.channels),
                                                 int(example.size()));
        if (added)
            example.push_back(&r);
        c.ofRow.push_back(it->second);
    }
    c.rank.assign(example.size(), 0.0);
    int position = 0;
    for (const auto& [key, cls] : classOf)
        c.rank[std::size_t(cls)] = position++;
    for (const CachedSong* r : example) {
        c.text.push_back(formatText(*r));
        c.folded.push_back(c.text.back().toCaseFolded());
    }
    formats_ = std::move(c);
    return formats_;
}

const std::vector<QString>& SongTableModel::foldedStatusTexts() const
{
    if (statusTexts_.empty())
        for (auto s : {SongStatus::Pending, SongStatus::Ready, SongStatus::Failed, SongStatus::Cancelled})
            statusTexts_.push_back(statusText(s).toCaseFolded());
    return statusTexts_;
}

const std::vector<double>& SongTableModel::sortKeys(int column) const
{
    const auto& songs = session_->songs();
    const std::size_t n = songs.size();
    auto& keys = sortKeys_[std::size_t(column)];
    if (keys.size() == n)
        return keys;
    keys.assign(n, 0.0);
    switch (column) {
    case File: {
        // One string sort per opened folder; every later sort by file compares numbers.
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        for (std::size_t r = 0; r < n; ++r)
            (void)foldedPath(int(r));
        const auto less = [this](int a, int b) { return foldedPaths_[std::size_t(a)] < foldedPaths_[std::size_t(b)]; };
        std::sort(order.begin(), order.end(), less);
        keys = ranksOf(order, n, less);
        break;
    }
    case Genre:
    case Format: {
        const Classes& c = column == Genre ? genreClasses() : formatClasses();
        for (std::size_t r = 0; r < n; ++r)
            keys[r] = c.rank[std::size_t(c.ofRow[r])];
        break;
    }
    case Duration:
        for (std::size_t r = 0; r < n; ++r)
            keys[r] = durationKey(songs[r].record.durationSeconds);
        break;
    case Status:
        for (std::size_t r = 0; r < n; ++r)
            keys[r] = int(songs[r].status);
        break;
    }
    return keys;
}

void SongTableModel::sortRows(std::vector<int>& rows, int column, Qt::SortOrder order) const
{
    if (column < 0 || column >= ColumnCount)
        return;
    const auto& keys = sortKeys(column);
    const auto n = keys.size();
    // Rows past the songs (none in practice) go last, in their order.
    const auto key = [&](int row) { return std::size_t(row) < n ? keys[std::size_t(row)] : std::numeric_limits<double>::infinity(); };
    if (order == Qt::AscendingOrder)
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return key(a) < key(b); });
    else
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return key(b) < key(a); });
}

std::vector<int> SongTableModel::matchingRows(const QString& genre, const QString& foldedNeedle) const
{
    const int n = std::min(rows_, int(session_->songs().size()));
    std::vector<int> out;
    out.reserve(std::size_t(n));
    if (genre.isEmpty() && foldedNeedle.isEmpty()) {
        for (int r = 0; r < n; ++r)
            out.push_back(r);
        return out;
    }
    // Genres, formats and statuses are few: each is tested once, each row only by its path.
    // (The old joined "path\ngenre\nformat\nstatus" text matched the same: the needle is one
    // line of a line edit, trimmed.)
    const Classes& g = genreClasses();
    const Classes& f = formatClasses();
    const auto& statuses = foldedStatusTexts();
    std::vector<char> genreShown(g.text.size()), genreHit(g.text.size()), formatHit(f.text.size()), statusHit(statuses.size());
    for (std::size_t c = 0; c < g.text.size(); ++c) {
        genreShown[c] = genre.isEmpty() || g.text[c] == genre;
        genreHit[c] = g.folded[c].contains(foldedNeedle);
    }
    for (std::size_t c = 0; c < f.text.size(); ++c)
        formatHit[c] = f.folded[c].contains(foldedNeedle);
    for (std::size_t s = 0; s < statuses.size(); ++s)
        statusHit[s] = statuses[s].contains(foldedNeedle);
    const auto& songs = session_->songs();
    for (int r = 0; r < n; ++r) {
        const auto row = std::size_t(r);
        if (!genreShown[std::size_t(g.ofRow[row])])
            continue;
        if (!foldedNeedle.isEmpty() && !genreHit[std::size_t(g.ofRow[row])] && !statusHit[std::size_t(songs[row].status)] &&
            !(formatHit[std::size_t(f.ofRow[row])] && formatKnown(r)) && !foldedPath(r).contains(foldedNeedle))
            continue;
        out.push_back(r);
    }
    return out;
}

bool SongTableModel::hasGenre(int row, const QString& genre) const
{
    const auto& songs = session_->songs();
    return row >= 0 && row < int(songs.size()) && QString::fromStdString(songs[std::size_t(row)].record.label) == genre;
}

bool SongTableModel::contains(int row, const QString& foldedNeedle) const
{
    if (row < 0 || row >= int(session_->songs().size()))
        return false;
    const Song& song = session_->songs()[std::size_t(row)];
    return foldedPath(row).contains(foldedNeedle) || QString::fromStdString(song.record.label).toCaseFolded().contains(foldedNeedle) ||
           (formatKnown(row) && formatText(song.record).toCaseFolded().contains(foldedNeedle)) ||
           foldedStatusTexts()[std::size_t(song.status)].contains(foldedNeedle);
}

// --- SongFilterProxy ----------------------------------------------------------------------

SongFilterProxy::SongFilterProxy(QObject* parent) : QAbstractProxyModel(parent) {}

SongTableModel* SongFilterProxy::songs() const { return qobject_cast<SongTableModel*>(sourceModel()); }

void SongFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    beginResetModel();
    for (const auto& c : connections_)
        disconnect(c);
    connections_.clear();
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        // Anything but appended rows and changed data (the song model does nothing else)
        // starts the proxy over.
        const auto reset = [this] {
            beginResetModel();
            setShown(computeShown());
            endResetModel();
        };
        connections_ = {
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); }),
            connect(model, &QAbstractItemModel::modelReset, this, [this] {
                setShown(computeShown());
                endResetModel();
            }),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex&, int first, int last) { onSourceRowsInserted(first, last); }),
            connect(model, &QAbstractItemModel::rowsRemoved, this, reset),
            connect(model, &QAbstractItemModel::rowsMoved, this, reset),
            connect(model, &QAbstractItemModel::layoutChanged, this, reset),
            connect(model, &QAbstractItemModel::dataChanged, this, &SongFilterProxy::onSourceDataChanged),
            connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
        };
    }
    setShown(computeShown());
    endResetModel();
}

void SongFilterProxy::setGenre(const QString& genre)
{
    if (genre == genre_)
        return;
    genre_ = genre;
    relayout(QAbstractItemModel::NoLayoutChangeHint);
}

void SongFilterProxy::setText(const QString& text)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded == text_)
        return;
    text_ = folded;
    relayout(QAbstractItemModel::NoLayoutChangeHint);
}

void SongFilterProxy::sort(int column, Qt::SortOrder order)
{
    sortColumn_ = column >= 0 && column < SongTableModel::ColumnCount ? column : -1;
    sortOrder_ = order;
    relayout(QAbstractItemModel::VerticalSortHint);
}

std::vector<int> SongFilterProxy::computeShown() const
{
    const SongTableModel* m = songs();
    if (!m)
        return {};
    std::vector<int> rows = m->matchingRows(genre_, text_);
    if (sortColumn_ >= 0)
        m->sortRows(rows, sortColumn_, sortOrder_);
    return rows;
}

void SongFilterProxy::setShown(std::vector<int> shown)
{
    shown_ = std::move(shown);
    proxyRowOf_.assign(std::size_t(sourceModel() ? sourceModel()->rowCount() : 0), -1);
    for (std::size_t p = 0; p < shown_.size(); ++p)
        if (std::size_t(shown_[p]) < proxyRowOf_.size())
            proxyRowOf_[std::size_t(shown_[p])] = int(p);
}

void SongFilterProxy::relayout(QAbstractItemModel::LayoutChangeHint hint)
{
    if (!sourceModel())
        return;
    std::vector<int> shown = computeShown();
    if (shown == shown_)
        return;
    emit layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::pair<int, int>> songAndColumn; // what each persistent index stood for
    songAndColumn.reserve(std::size_t(before.size()));
    for (const QModelIndex& i : before)
        songAndColumn.emplace_back(i.row() >= 0 && std::size_t(i.row()) < shown_.size() ? shown_[std::size_t(i.row())] : -1, i.column());
    setShown(std::move(shown));
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto& [song, column] : songAndColumn) {
        const int row = song >= 0 && std::size_t(song) < proxyRowOf_.size() ? proxyRowOf_[std::size_t(song)] : -1;
        after << (row >= 0 ? createIndex(row, column) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, hint);
}

void SongFilterProxy::onSourceRowsInserted(int first, int last)
{
    const SongTableModel* m = songs();
    if (!m)
        return;
    if (!shown_.empty()) {
        // Appended to a shown table: they join at the end, then take their place.
        std::vector<int> added;
        for (int r : m->matchingRows(genre_, text_))
            if (r >= first && r <= last)
                added.push_back(r);
        if (!added.empty()) {
            beginInsertRows({}, int(shown_.size()), int(shown_.size() + added.size()) - 1);
            std::vector<int> shown = shown_;
            shown.insert(shown.end(), added.begin(), added.end());
            setShown(std::move(shown));
            endInsertRows();
        }
        setShown(shown_); // sized to the new song count
        relayout(QAbstractItemModel::VerticalSortHint);
        return;
    }
    // The usual case, the songs of a folder just opened: inserted in order at once.
    std::vector<int> shown = computeShown();
    if (shown.empty()) {
        setShown({});
        return;
    }
    beginInsertRows({}, 0, int(shown.size()) - 1);
    setShown(std::move(shown));
    endInsertRows();
}

void SongFilterProxy::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
        if (r >= 0 && std::size_t(r) < proxyRowOf_.size() && proxyRowOf_[std::size_t(r)] >= 0)
            emit dataChanged(index(proxyRowOf_[std::size_t(r)], topLeft.column()),
                             index(proxyRowOf_[std::size_t(r)], bottomRight.column()));
    // A changed song may now pass the filter or belong elsewhere in the order. Songs change
    // in batches (one dataChanged per song): look once, after the batch.
    if (refreshQueued_)
        return;
    refreshQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        refreshQueued_ = false;
        relayout(QAbstractItemModel::NoLayoutChangeHint);
    });
}

QModelIndex SongFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex SongFilterProxy::parent(const QModelIndex&) const { return {}; }

QModelIndex SongFilterProxy::sibling(int row, int column, const QModelIndex& idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int SongFilterProxy::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(shown_.size()); }

int SongFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool SongFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex SongFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!sourceModel() || !proxyIndex.isValid() || proxyIndex.model() != this || std::size_t(proxyIndex.row()) >= shown_.size())
        return {};
    return sourceModel()->index(shown_[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex SongFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() || std::size_t(sourceIndex.row()) >= proxyRowOf_.size())
        return {};
    const int row = proxyRowOf_[std::size_t(sourceIndex.row())];
    return row >= 0 ? createIndex(row, sourceIndex.column()) : QModelIndex();
}

QVariant SongFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && sourceModel())
        return sourceModel()->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace gs::ui
