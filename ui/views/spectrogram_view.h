#pragma once
// The mel spectrogram of one song: a QCPColorMap in dB with a colour bar, frequency in Hz
// on the mel scale, time in m:ss aligned with the waveform above it, and the settings
// (FFT size, hop, mels, dB range, colour map) in its toolbar.
#include "core/dsp/matrix.h"
#include "core/features/mel.h"
#include "ui/charts/chart_widget.h"

class QCPColorMap;
class QCPColorScale;
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

public slots:
    void setVisibleRange(double startSeconds, double endSeconds);
    void setColorMapName(const QString& name);

signals:
    void optionsChanged(const gs::MelOptions& options);
    // Pixels left and right of the time axis, so that views above can line up with it.
    void plotMarginsChanged(int left, int right);

private:
    void emitOptions();
    void showValueAt(const QPoint& pos);

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
};

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::MelOptions)
