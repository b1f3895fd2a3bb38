#pragma once
// The waveform of one song: a min/max envelope per pixel column, a time axis in m:ss,
// zoom (wheel, +/-, Ctrl+wheel) and scroll (Shift+wheel, arrows, Home/End, drag), a playback
// cursor, click to seek, a (time, amplitude) readout under the mouse and the envelope as CSV.
#include <QColor>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>

class QPainter;

namespace gs {
class WaveformEnvelope;
}

namespace gs::ui {

// A stretch of the song drawn as a translucent band with a label at its top (e.g. the
// windows a classifier analysed).
struct MarkedRegion {
    double startSeconds = 0;
    double endSeconds = 0;
    QString label;
    QColor color;      // invalid = the highlight colour of the palette
};

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
    // Bands drawn under the waveform; kept across setEnvelope() and clear() until replaced.
    void setMarkedRegions(const QVector<MarkedRegion>& regions);
    const QVector<MarkedRegion>& markedRegions() const { return regions_; }
    double playhead() const { return playhead_; }   // seconds; < 0 = no cursor
    // Where time t is drawn, and the time under pixel x (inverse of each other).
    double secondsAt(int x) const;
    int xAt(double seconds) const;
    QRect plotArea() const { return plotRect(); }
    // The envelope of the visible range as CSV, one row per column (default: one per pixel):
    // start_s,end_s,min,max. Written atomically; false (and lastError()) on failure.
    bool exportEnvelopeCsv(const QString& file, int columns = 0);
    QString lastError() const { return lastError_; }
    // The readout text for pixel x ("0:12.34 · min −0.52 · max 0.61 · peak −4.3 dBFS").
    QString readoutAt(int x) const;

public slots:
    void setVisibleRange(double startSeconds, double endSeconds);
    void zoom(double factor, double anchorSeconds = -1);
    void scrollBy(double fractionOfView);
    // Pixels kept free left and right of the waveform (to align with a plot below).
    void setHorizontalMargins(int left, int right);
    void setPlayhead(double seconds);
    // Turns the page when `seconds` leaves the visible range (while playing).
    void keepInView(double seconds);
    void exportInteractively();

signals:
    void visibleRangeChanged(double startSeconds, double endSeconds);
    void seekRequested(double seconds);    // a click (not a drag) at that time
    void readout(const QString& text);     // time and amplitude under the mouse

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QRect plotRect() const;
    void paintRegions(QPainter& p, const QRect& r) const;

    std::shared_ptr<const WaveformEnvelope> envelope_;
    int sampleRate_ = 0;
    double start_ = 0, end_ = 0;
    QString message_;
    int leftMargin_ = 8, rightMargin_ = 8;
    QVector<MarkedRegion> regions_;
    int dragX_ = -1;
    bool dragged_ = false;
    double playhead_ = -1;
    QString lastError_;
    double dragStart_ = 0;
};

// Tick spacing for a time axis: a "nice" step so that about `targetTicks` fit.
double niceTimeStep(double spanSeconds, int targetTicks);

} // namespace gs::ui
