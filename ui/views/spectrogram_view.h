#pragma once
// The mel spectrogram of one song: a QCPColorMap in dB with a colour bar, frequency in Hz
// on the mel scale, time in m:ss aligned with the waveform above it, and the settings
// (FFT size, hop, mels, dB range, colour map) in its toolbar; a playback cursor, click to
// seek, a (time, frequency, level) readout and the data as CSV or NPY (Export… menu).
#include "core/dsp/matrix.h"
#include "core/features/mel.h"
#include "ui/charts/chart_widget.h"

class QCPColorMap;
class QCPColorScale;
class QCPItemStraightLine;
class QComboBox;
class QSpinBox;

namespace gs::ui {

class SpectrogramView : public ChartWidget {
    Q_OBJECT
public:
    explicit SpectrogramView(QWidget* parent = nullptr);

    MelOptions options() const;
    void setSpectrogram(const Matrix& melDb, int sampleRate, const MelOptions& options);
    void clear(const QString& message = {});
    QCPColorMap* colorMap() const { return map_; }
    static QStringList colorMapNames();
    double playhead() const { return playhead_; }
    // The shown mel spectrogram (rows = mels, cols = frames, dB), empty when none.
    const Matrix& shownData() const { return melDb_; }
    // CSV: one row per frame, "time_s" then one column per mel band named by its centre
    // frequency ("mel_0_43Hz"). NPY: float32 (n_mels, n_frames) in C order, librosa's layout
    // (numpy.load gives what librosa.power_to_db(melspectrogram(...)) gives). Written
    // atomically; false (and lastError()) on failure.
    bool exportCsv(const QString& file);
    bool exportNpy(const QString& file);
    QString lastError() const { return lastError_; }
    // Centre frequency of mel band `band` of the shown spectrogram, in Hz.
    double bandHz(int band) const;
    // The readout text at a widget position of the plot; empty outside the data.
    QString readoutAt(const QPoint& plotPos) const;

public slots:
    void setVisibleRange(double startSeconds, double endSeconds);
    void setColorMapName(const QString& name);
    void setPlayhead(double seconds); // < 0 hides the cursor
    void exportDataInteractively(const QString& kind); // "csv" or "npy"

signals:
    void optionsChanged(const gs::MelOptions& options);
    // Pixels left and right of the time axis, so that views above can line up with it.
    void plotMarginsChanged(int left, int right);
    void seekRequested(double seconds); // a click at that time
    void readout(const QString& text);  // time, frequency and level under the mouse

private:
    void emitOptions();
    void showValueAt(const QPoint& pos);
    void setUpExportMenu();

    QCPColorMap* map_;
    QCPColorScale* scale_;
    QComboBox* fftSize_;
    QSpinBox* hop_;
    QSpinBox* mels_;
    QSpinBox* topDb_;
    QComboBox* colors_;
    int sampleRate_ = 0;
    MelOptions shown_;
    double melMin_ = 0, melStep_ = 1;
    std::pair<int, int> margins_{-1, -1};
    Matrix melDb_;
    QCPItemStraightLine* cursor_ = nullptr;
    double playhead_ = -1;
    QPoint pressPos_{-1, -1};
    QString lastError_;
};

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::MelOptions)
