#pragma once
// The waveform of one song: a min/max envelope per pixel column, a time axis in m:ss,
// zoom (wheel, +/-, Ctrl+wheel) and scroll (Shift+wheel, arrows, Home/End, drag).
#include <QWidget>

#include <memory>

namespace gs {
class WaveformEnvelope;
}

namespace gs::ui {

class WaveformView : public QWidget {
    Q_OBJECT
public:
    explicit WaveformView(QWidget* parent = nullptr);

    void setEnvelope(std::shared_ptr<const WaveformEnvelope> envelope, int sampleRate);
    void clear(const QString& message = {});
    double duration() const;
    double visibleStart() const { return start_; }
    double visibleEnd() const { return end_; }
    QSize sizeHint() const override { return {600, 160}; }

public slots:
    void setVisibleRange(double startSeconds, double endSeconds);
    void zoom(double factor, double anchorSeconds = -1);
    void scrollBy(double fractionOfView);
    // Pixels kept free left and right of the waveform (to align with a plot below).
    void setHorizontalMargins(int left, int right);

signals:
    void visibleRangeChanged(double startSeconds, double endSeconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect plotRect() const;
    double secondsAt(int x) const;

    std::shared_ptr<const WaveformEnvelope> envelope_;
    int sampleRate_ = 0;
    double start_ = 0, end_ = 0;
    QString message_;
    int leftMargin_ = 8, rightMargin_ = 8;
    int dragX_ = -1;
    double dragStart_ = 0;
};

// Tick spacing for a time axis: a "nice" step so that about `targetTicks` fit.
double niceTimeStep(double spanSeconds, int targetTicks);

} // namespace gs::ui
