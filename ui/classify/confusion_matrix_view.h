#pragma once
// A painted confusion matrix (rows = true genre, columns = predicted genre): the count in
// every cell, shown raw or as a share (gs::ml::scaleConfusion), coloured by the share of
// the true genre's songs (recall: blue on the diagonal, red off it), row and column totals,
// genre names on both axes, hover tooltips and a selectable cell. Stays readable with 10+
// genres because it is drawn for its size rather than scaled.
#include "core/ml/metrics.h"
#include "core/ml/report_writer.h"

#include <QStringList>
#include <QWidget>

class QPainter;

namespace gs::ui {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setConfusion(const ml::Confusion& confusion, const QStringList& classes);
    // Empties the matrix and shows `message` in its place.
    void clear(const QString& message = {});
    void setScale(ml::ConfusionScale scale);
    ml::ConfusionScale scale() const { return scale_; }

    const ml::Confusion& confusion() const { return confusion_; }
    const QStringList& classes() const { return classes_; }
    int classCount() const { return int(classes_.size()); }
    long count(int trueIdx, int predIdx) const;
    long rowTotal(int trueIdx) const;       // songs of the true genre (support)
    long columnTotal(int predIdx) const;    // songs predicted as the genre
    long total() const;
    // The number shown in the cell under the current scale (a count or a share 0..1).
    double shownValue(int trueIdx, int predIdx) const;
    // The share that colours the cell: count / row total (0 for an empty row).
    double rowShare(int trueIdx, int predIdx) const;
    QString cellText(int trueIdx, int predIdx) const; // as painted (may be two lines)
    QString cellToolTip(int trueIdx, int predIdx) const;

    int selectedTrue() const { return selTrue_; }
    int selectedPredicted() const { return selPred_; }
    void setSelectedCell(int trueIdx, int predIdx); // -1, -1 = none
    // Widget coordinates of a cell's centre (for tests and automation); invalid if none.
    QPoint cellCenter(int trueIdx, int predIdx) const;

    // Draws the whole matrix (labels, totals, legend) into `target` of any paint device;
    // withCursor = also the hovered and the selected cell (not in exported images).
    void render(QPainter& painter, const QRect& target, bool withCursor = true) const;
    // PNG, SVG or PDF by suffix, written atomically; throws gs::Error naming the file.
    void exportImage(const QString& file, QSize size = {}) const;

    QSize sizeHint() const override { return {640, 560}; }
    QSize minimumSizeHint() const override { return {320, 260}; }

signals:
    void cellClicked(int trueIdx, int predIdx);
    void cellActivated(int trueIdx, int predIdx); // double click or Enter

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Geometry;
    Geometry layoutFor(const QRect& target, const QFont& font) const;
    std::pair<int, int> cellAt(const QPoint& pos) const;
    void rescale();

    ml::Confusion confusion_;
    QStringList classes_;
    std::vector<std::vector<double>> scaled_;
    ml::ConfusionScale scale_ = ml::ConfusionScale::Counts;
    QString message_;
    int selTrue_ = -1, selPred_ = -1;
    int hoverTrue_ = -1, hoverPred_ = -1;
};

// Human name of a scale for menus and titles.
QString confusionScaleName(ml::ConfusionScale scale);

} // namespace gs::ui
