#pragma once
// Genre over time: for every analysed clip of a song, a stacked column of its genre
// probabilities placed at the clip's time, so that where a song changes character shows.
// Its time axis follows the waveform above it (same margins, same visible range).
#include "core/ml/classify_song.h"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace gs::ui {

class GenreTimelineView : public QWidget {
    Q_OBJECT
public:
    explicit GenreTimelineView(QWidget* parent = nullptr);

    // classes = the model's class order (colours: genreColor(class index)).
    void setWindows(const std::vector<ml::ClassifiedWindow>& windows, const QStringList& classes, double songSeconds);
    void clear(const QString& message = {});
    int windowCount() const { return int(windows_.size()); }
    const ml::ClassifiedWindow& window(int i) const { return windows_.at(std::size_t(i)); }
    const QStringList& classes() const { return classes_; }
    // Pixel span of window i's column in widget coordinates (empty when off screen).
    QRect columnRect(int i) const;
    QString windowToolTip(int i) const;

    QSize sizeHint() const override { return {600, 130}; }
    QSize minimumSizeHint() const override { return {200, 90}; }

public slots:
    void setVisibleRange(double startSeconds, double endSeconds);
    void setHorizontalMargins(int left, int right);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect plotRect() const;
    int windowAt(const QPoint& pos) const;
    int legendHeight() const;

    std::vector<ml::ClassifiedWindow> windows_;
    QStringList classes_;
    double songSeconds_ = 0;
    double start_ = 0, end_ = 0;
    int leftMargin_ = 8, rightMargin_ = 8;
    QString message_;
};

} // namespace gs::ui
