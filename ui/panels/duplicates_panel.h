#pragma once
// Groups of songs whose audio is (near-)identical by fingerprint, within or across genres.
#include <QWidget>

class QTreeWidget;
class QLabel;

namespace gs::ui {

class DatasetSession;

class DuplicatesPanel : public QWidget {
    Q_OBJECT
public:
    explicit DuplicatesPanel(DatasetSession* session, QWidget* parent = nullptr);
    int groupCount() const;

public slots:
    void refresh();

signals:
    void songActivated(int songIndex);

private:
    DatasetSession* session_;
    QTreeWidget* tree_;
    QLabel* summary_;
};

} // namespace gs::ui
