#pragma once
// The "Compare" tab: training settings on the left, the results of the runs on the right.
#include <QWidget>

class QSplitter;

namespace gs::ui {

class ClassifySession;
class ComparePanel;
class TrainPanel;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(ClassifySession* session, QWidget* parent = nullptr);

    TrainPanel* trainPanel() const { return train_; }
    ComparePanel* comparePanel() const { return compare_; }
    QSplitter* splitter() const { return splitter_; }

private:
    QSplitter* splitter_;
    TrainPanel* train_;
    ComparePanel* compare_;
};

} // namespace gs::ui
