#pragma once
// The song table: a read-only model over DatasetSession::songs(), and a proxy that
// filters by genre and free text and sorts by a column.
//
// Issue 15 (100,000 songs): sorting and filtering never go through a QVariant or a
// QModelIndex per comparison. The model keeps one numeric sort key per row and column
// (built once per column on first use, rebuilt only when songs change), and the proxy
// keeps the shown rows as a plain permutation of song indices, sorted with std::stable_sort
// on those keys: every column of a 100,000-song table sorts in a few milliseconds.
#include <QAbstractProxyModel>
#include <QAbstractTableModel>

#include <array>
#include <cstdint>
#include <vector>

namespace gs {
struct CachedSong;
}

namespace gs::ui {

class DatasetSession;

class SongTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { File, Genre, Duration, Format, Status, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, SongIndexRole };

    explicit SongTableModel(DatasetSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The column's order: File by case-folded relative path, Genre by name ignoring ASCII
    // case, Duration by seconds, Format by codec, then sample rate, then channels, Status by
    // its stage (waiting, ready, failed, not analysed). `rows` (song indices) is sorted in
    // place, stable: rows equal in the column keep their order in `rows`. Descending is the
    // reverse order of the keys, still stable (equal rows are not reversed).
    void sortRows(std::vector<int>& rows, int column, Qt::SortOrder order) const;
    // The song indices, ascending, whose genre is exactly `genre` (empty = any) and whose
    // path, genre, format or status text contains `foldedNeedle` (case-folded by the
    // caller; empty = any).
    std::vector<int> matchingRows(const QString& genre, const QString& foldedNeedle) const;
    // The same tests for one row.
    bool hasGenre(int row, const QString& genre) const;
    bool contains(int row, const QString& foldedNeedle) const;

private:
    // Rows with equal display values share a class (genres, formats): the filter tests each
    // class once, and the class's rank in the column's order is the row's sort key.
    struct Classes {
        std::vector<int> ofRow;      // class per row
        std::vector<QString> text;   // display text per class
        std::vector<QString> folded; // the same, case-folded, for the text filter
        std::vector<double> rank;    // position of the class in the column's order
    };
    static QString formatText(const CachedSong& record);
    const QString& foldedPath(int row) const;
    const std::vector<double>& sortKeys(int column) const;
    const Classes& genreClasses() const;
    const Classes& formatClasses() const;
    const std::vector<QString>& foldedStatusTexts() const;
    bool formatKnown(int row) const;
    // A row's song changed (row >= 0) or every row did (-1): drop what depends on it.
    void forgetKeys(int row);
    void forgetSortKeys(); // the keys and classes, not the folded paths

    DatasetSession* session_;
    int rows_ = 0;
    // Built on first use; dropped when songs change.
    mutable std::vector<QString> foldedPaths_; // per row; empty = not folded yet
    mutable std::array<std::vector<double>, ColumnCount> sortKeys_; // empty = not built
    mutable Classes genres_, formats_;                              // ofRow empty = not built
    mutable std::vector<QString> statusTexts_;
};

// The table's view of the model: the rows that pass the genre and text filters, in the
// order of the chosen column (the model's own order while no column is chosen).
// A flat table proxy; row r of the proxy is song shownSongs()[r].
class SongFilterProxy : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit SongFilterProxy(QObject* parent = nullptr);
    void setSourceModel(QAbstractItemModel* model) override;
    void setGenre(const QString& genre); // empty = all
    void setText(const QString& text);
    const std::vector<int>& shownSongs() const { return shown_; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    SongTableModel* songs() const;
    // The shown rows from scratch: filtered, then sorted.
    std::vector<int> computeShown() const;
    void setShown(std::vector<int> shown);
    // Replaces the shown rows (filter or order changed), keeping selection and current row
    // on the same songs (a song filtered out loses them).
    void relayout(QAbstractItemModel::LayoutChangeHint hint);
    void onSourceRowsInserted(int first, int last);
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    QString genre_;
    QString text_; // case-folded
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    std::vector<int> shown_;       // proxy row -> song index
    std::vector<int> proxyRowOf_;  // song index -> proxy row, -1 = filtered out
    bool refreshQueued_ = false;   // songs changed: filter and order re-checked once, later
    std::vector<QMetaObject::Connection> connections_;
};

QString formatDuration(double seconds); // m:ss, or h:mm:ss

} // namespace gs::ui
