#pragma once
// The genre hierarchy: genres under their parent genres (Rock > Punk > Hardcore), each with its
// own songs and the songs of everything below it. Fed by a genre -> parent map: FMA's
// genres.csv `parent` column when the folder was opened with FMA labels (genres.csv beside
// tracks.csv), else nested genre folders (Rock/Punk/song.mp3). Large collections are rarely flat, and a parent genre's total says
// more about balance than its own few songs.
#include <QMap>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTreeView;

namespace gs {
struct GenreTree;
}

namespace gs::ui {

class DatasetSession;

struct GenreHierarchy {
    QMap<QString, QString> parentOf; // genre -> parent genre; absent or empty = a top-level genre
    QMap<QString, int> songs;        // songs listed directly under each genre
    // Songs including sub-genres, when the source counted them itself (FMA: a song with two
    // genres under one parent counts once there); empty = summed up the tree (aggregatedSongs).
    QMap<QString, int> totals;
    int songCount = -1; // songs in the hierarchy, when the source counted them; -1 = sum of `songs`
};

// From nested genre folders, by the songs' paths relative to the opened folder: "Rock/Punk/a.mp3"
// is a song of "Rock/Punk", whose parent is "Rock" (folder paths, so two "Alternative" folders
// under different parents stay apart). Files directly in the root have no genre and are left out.
GenreHierarchy hierarchyFromFolders(const QStringList& relativePaths);
// From FMA's genre tree (core/dataset/metadata.h), its own counts and totals kept.
GenreHierarchy hierarchyFromGenreTree(const GenreTree& tree);
// Songs of each genre plus those of every genre below it. A parent chain that loops is cut where
// it meets itself, so bad data never hangs the view or counts a song twice.
QMap<QString, int> aggregatedSongs(const GenreHierarchy& hierarchy);
// True when at least one genre has a parent: there is a hierarchy to show.
bool hasHierarchy(const GenreHierarchy& hierarchy);

class GenreHierarchyPanel : public QWidget {
    Q_OBJECT
public:
    // Without a session the panel shows what setHierarchy() gives it; with one it follows the
    // opened folder's nested genre folders (rebuilt when shown, not at every batch of songs).
    explicit GenreHierarchyPanel(DatasetSession* session = nullptr, QWidget* parent = nullptr);
    void setHierarchy(const GenreHierarchy& hierarchy);

    enum Column { GenreColumn, OwnSongsColumn, TotalSongsColumn };
    QStandardItemModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    QString summary() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshFromSession();

    DatasetSession* session_;
    QLabel* summary_;
    QTreeView* view_;
    QStandardItemModel* model_;
    bool stale_ = false;
};

} // namespace gs::ui
