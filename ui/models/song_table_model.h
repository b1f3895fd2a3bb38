#pragma once
// The song table: a read-only model over DatasetSession::songs(), and a proxy that
// filters by genre and free text.
#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

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

private:
    DatasetSession* session_;
    int rows_ = 0;
};

class SongFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SongFilterProxy(QObject* parent = nullptr);
    void setGenre(const QString& genre); // empty = all
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString genre_;
    QString text_;
};

QString formatDuration(double seconds); // m:ss, or h:mm:ss

} // namespace gs::ui
