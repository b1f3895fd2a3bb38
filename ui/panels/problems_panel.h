#pragma once
// Files that could not be analysed, each with its reason; the rest of the folder goes on.
#include <QWidget>

class QTreeWidget;
class QLabel;

namespace gs::ui {

class ProblemsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget* parent = nullptr);
    int count() const;
    QString fileAt(int row) const;
    QString reasonAt(int row) const;

public slots:
    void clear();
    void addProblem(const QString& file, const QString& reason);

signals:
    void countChanged(int count);
    void fileActivated(const QString& file);

private:
    QTreeWidget* list_;
    QLabel* summary_;
};

} // namespace gs::ui
