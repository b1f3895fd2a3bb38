#include "ui/panels/genre_hierarchy_panel.h"

#include "core/dataset/metadata.h"

#include "ui/session/dataset_session.h"

#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace gs::ui {

namespace {

// The genre's parent, or empty when it is top-level or its chain loops back to it.
QString validParent(const GenreHierarchy& h, const QString& genre)
{
    const QString parent = h.parentOf.value(genre);
    if (parent.isEmpty() || parent == genre)
        return {};
    QSet<QString> seen;
    for (QString up = parent; !up.isEmpty() && !seen.contains(up); up = h.parentOf.value(up)) {
        if (up == genre)
            return {}; // a loop through this genre: shown at the top level, the loop cut here
        seen.insert(up);
    }
    return parent; // a loop further up (not through this genre) is cut at its own members
}

QStringList allGenres(const GenreHierarchy& h)
{
    QSet<QString> names;
    for (auto it = h.parentOf.cbegin(); it != h.parentOf.cend(); ++it) {
        names.insert(it.key());
        if (!it.value().isEmpty())
            names.insert(it.value());
    }
    for (auto it = h.songs.cbegin(); it != h.songs.cend(); ++it)
        names.insert(it.key());
    QStringList list(names.begin(), names.end());
    list.sort(Qt::CaseInsensitive);
    return list;
}

QString displayName(const QString& genre)
{
    const int slash = genre.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? genre : genre.mid(slash + 1);
}

QStandardItem* countItem(int songs)
{
    auto* item = new QStandardItem;
    item->setData(songs, Qt::DisplayRole); // numeric: sorts as a number
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setEditable(false);
    return item;
}

} // namespace

GenreHierarchy hierarchyFromFolders(const QStringList& relativePaths)
{
    GenreHierarchy h;
    for (const QString& path : relativePaths) {
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() < 2)
            continue; // a file in the root: no genre folder
        QString genre;
        for (int level = 0; level + 1 < parts.size(); ++level) {
            const QString parent = genre;
            genre = level == 0 ? parts[0] : genre + QLatin1Char('/') + parts[level];
            if (!h.parentOf.contains(genre))
                h.parentOf.insert(genre, parent);
        }
        h.songs[genre] += 1;
    }
    return h;
}

GenreHierarchy hierarchyFromGenreTree(const GenreTree& tree)
{
    GenreHierarchy h;
    for (const auto& [genre, parent] : tree.parentOf)
        h.parentOf.insert(QString::fromStdString(genre), QString::fromStdString(parent));
    for (const auto& [genre, count] : tree.ownSongs)
        h.songs.insert(QString::fromStdString(genre), count);
    for (const auto& [genre, count] : tree.totalSongs)
        h.totals.insert(QString::fromStdString(genre), count);
    h.songCount = tree.songs; // a song with genres under two roots is still one song
    return h;
}

QMap<QString, int> aggregatedSongs(const GenreHierarchy& hierarchy)
{
    QMap<QString, int> total;
    for (const QString& genre : allGenres(hierarchy))
        total.insert(genre, 0);
    for (auto it = hierarchy.songs.cbegin(); it != hierarchy.songs.cend(); ++it)
        for (QString g = it.key(); !g.isEmpty(); g = validParent(hierarchy, g))
            total[g] += it.value();
    return total;
}

bool hasHierarchy(const GenreHierarchy& hierarchy)
{
    for (auto it = hierarchy.parentOf.cbegin(); it != hierarchy.parentOf.cend(); ++it)
        if (!validParent(hierarchy, it.key()).isEmpty())
            return true;
    return false;
}

GenreHierarchyPanel::GenreHierarchyPanel(DatasetSession* session, QWidget* parent)
    : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    model_ = new QStandardItemModel(this);
    view_ = new QTreeView;
    view_->setModel(model_);
    view_->setAlternatingRowColors(true);
    view_->setSortingEnabled(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view_, 1);
    if (session_) {
        auto markStale = [this] {
            stale_ = true;
            if (isVisible())
                refreshFromSession();
        };
        connect(session_, &DatasetSession::opened, this, markStale);
        // While a large folder is scanned songs arrive in many batches: a visible view redraws at
        // most twice a second, a hidden one when it is shown.
        auto* coalesce = new QTimer(this);
        coalesce->setSingleShot(true);
        coalesce->setInterval(500);
        connect(coalesce, &QTimer::timeout, this, [this] {
            if (stale_ && isVisible())
                refreshFromSession();
        });
        connect(session_, &DatasetSession::songsAdded, this, [this, coalesce] {
            stale_ = true;
            if (isVisible() && !coalesce->isActive())
                coalesce->start();
        });
    }
    setHierarchy({});
    stale_ = session_ != nullptr; // a session may already hold songs: read them when first shown
}

void GenreHierarchyPanel::showEvent(QShowEvent* event)
{
    if (stale_)
        refreshFromSession();
    QWidget::showEvent(event);
}

void GenreHierarchyPanel::refreshFromSession()
{
    stale_ = false;
    if (!session_)
        return;
    if (!session_->metadataGenreTree().parentOf.empty()) {
        setHierarchy(hierarchyFromGenreTree(session_->metadataGenreTree()));
        return;
    }
    QStringList paths;
    paths.reserve(qsizetype(session_->songs().size()));
    for (const Song& song : session_->songs())
        paths << song.relativePath;
    setHierarchy(hierarchyFromFolders(paths));
}

void GenreHierarchyPanel::setHierarchy(const GenreHierarchy& hierarchy)
{
    model_->clear();
    model_->setHorizontalHeaderLabels({tr("Genre"), tr("Songs"), tr("Songs incl. sub-genres")});
    const QStringList genres = allGenres(hierarchy);
    const auto totals = hierarchy.totals.isEmpty() ? aggregatedSongs(hierarchy) : hierarchy.totals;
    // Parents before children: items are created top-down, following each genre's chain.
    QMap<QString, QStandardItem*> items;
    std::function<QStandardItem*(const QString&)> itemFor = [&](const QString& genre) -> QStandardItem* {
        if (auto* existing = items.value(genre))
            return existing;
        auto* name = new QStandardItem(displayName(genre));
        name->setToolTip(genre);
        name->setEditable(false);
        const QList<QStandardItem*> row{name, countItem(hierarchy.songs.value(genre)), countItem(totals.value(genre))};
        const QString parent = validParent(hierarchy, genre);
        if (parent.isEmpty())
            model_->appendRow(row);
        else
            itemFor(parent)->appendRow(row);
        items.insert(genre, name);
        return name;
    };
    for (const QString& genre : genres)
        itemFor(genre);
    view_->expandAll();
    view_->sortByColumn(GenreColumn, Qt::AscendingOrder);

    int songs = hierarchy.songCount;
    if (songs < 0) {
        songs = 0;
        for (int n : hierarchy.songs)
            songs += n;
    }
    if (genres.isEmpty())
        summary_->setText(tr("No genres yet. Open a folder whose sub-folders are genres; nest them "
                             "(for example Rock/Punk) to see a hierarchy here."));
    else if (!hasHierarchy(hierarchy))
        summary_->setText(tr("%n genre(s), none nested: no hierarchy to show. Nest genre folders "
                             "(for example Rock/Punk) to group sub-genres under their parent.",
                             nullptr, int(genres.size())));
    else
        summary_->setText(tr("%n genre(s) and sub-genre(s), %1 song(s). A parent's total counts "
                             "the songs of all genres below it.", nullptr, int(genres.size()))
                              .arg(songs));
}

QString GenreHierarchyPanel::summary() const { return summary_->text(); }

} // namespace gs::ui
