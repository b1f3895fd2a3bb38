#include "ui/views/spectrogram_view.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/npy.h"
#include "core/common/parameter.h"
#include "core/dsp/filterbank.h"
#include "ui/models/song_table_model.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolTip>

#include <cmath>

namespace gs::ui {

namespace {

QCPColorGradient gradientNamed(const QString& name)
{
    auto fromStops = [](std::initializer_list<std::pair<double, QRgb>> stops) {
        QCPColorGradient g;
        g.clearColorStops();
        for (const auto& [at, rgb] : stops)
            g.setColorStopAt(at, QColor::fromRgb(rgb));
        g.setColorInterpolation(QCPColorGradient::ciRGB);
        return g;
    };
    if (name == QLatin1String("magma")) // librosa.display.specshow's default
        return fromStops({{0.0, 0x000004}, {0.13, 0x1c1044}, {0.25, 0x4f127b}, {0.38, 0x812581}, {0.5, 0xb5367a},
                          {0.63, 0xe55064}, {0.75, 0xfb8761}, {0.88, 0xfec287}, {1.0, 0xfcfdbf}});
    if (name == QLatin1String("viridis"))
        return fromStops({{0.0, 0x440154}, {0.25, 0x3b528b}, {0.5, 0x21918c}, {0.75, 0x5ec962}, {1.0, 0xfde725}});
    if (name == QLatin1String("grayscale"))
        return QCPColorGradient(QCPColorGradient::gpGrayscale);
    if (name == QLatin1String("hot"))
        return QCPColorGradient(QCPColorGradient::gpHot);
    if (name == QLatin1String("jet"))
        return QCPColorGradient(QCPColorGradient::gpJet);
    return QCPColorGradient(QCPColorGradient::gpThermal);
}

QSpinBox* specSpin(const char* name, int value)
{
    const auto& spec = findSpec(MelOptions::specs(), name);
    auto* box = new QSpinBox;
    box->setRange(int(spec.minimum), int(spec.maximum));
    box->setValue(value);
    box->setToolTip(QString::fromStdString(spec.description));
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

QStringList SpectrogramView::colorMapNames()
{
    return {QStringLiteral("magma"), QStringLiteral("viridis"), QStringLiteral("grayscale"), QStringLiteral("hot"),
            QStringLiteral("jet"), QStringLiteral("thermal")};
}

SpectrogramView::SpectrogramView(QWidget* parent) : ChartWidget(tr("Mel spectrogram"), parent)
{
    qRegisterMetaType<gs::MelOptions>();
    const MelOptions defaults;
    // Settings on their own row under the title, so that narrow windows keep the plot wide.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    static_cast<QBoxLayout*>(layout())->insertLayout(1, bar);
    auto add = [&](const QString& label, QWidget* w) {
        bar->addWidget(new QLabel(label));
        bar->addWidget(w);
        bar->addSpacing(6);
    };
    fftSize_ = new QComboBox;
    const auto& nfft = findSpec(MelOptions::specs(), "n_fft");
    for (int n = 256; n <= 8192; n *= 2)
        if (n >= nfft.minimum && n <= nfft.maximum)
            fftSize_->addItem(QString::number(n), n);
    fftSize_->setCurrentText(QString::number(defaults.nFft));
    fftSize_->setToolTip(QString::fromStdString(nfft.description));
    add(tr("FFT"), fftSize_);
    hop_ = specSpin("hop", defaults.hop);
    hop_->setMinimum(32); // finer hops make 10-minute songs needlessly heavy
    hop_->setMaximum(std::min(hop_->maximum(), 8192));
    add(tr("Hop"), hop_);
    mels_ = specSpin("n_mels", defaults.nMels);
    mels_->setMaximum(std::min(mels_->maximum(), 512));
    add(tr("Mels"), mels_);
    topDb_ = specSpin("top_db", int(defaults.topDb));
    topDb_->setMinimum(10);
    topDb_->setSuffix(tr(" dB"));
    add(tr("Range"), topDb_);
    colors_ = new QComboBox;
    colors_->addItems(colorMapNames());
    add(tr("Colours"), colors_);
    bar->addStretch(1);

    connect(fftSize_, &QComboBox::currentIndexChanged, this, &SpectrogramView::emitOptions);
    connect(hop_, &QSpinBox::valueChanged, this, &SpectrogramView::emitOptions);
    connect(mels_, &QSpinBox::valueChanged, this, &SpectrogramView::emitOptions);
    connect(topDb_, &QSpinBox::valueChanged, this, &SpectrogramView::emitOptions);
    connect(colors_, &QComboBox::currentTextChanged, this, &SpectrogramView::setColorMapName);

    auto* p = plot();
    p->setNoAntialiasingOnDrag(true);
    p->axisRect()->setupFullAxesBox(true);
    p->xAxis->setLabel(tr("Time (m:ss)"));
    p->yAxis->setLabel(tr("Frequency (Hz, mel scale)"));
    auto timeTicker = QSharedPointer<QCPAxisTickerTime>::create();
    timeTicker->setTimeFormat(QStringLiteral("%m:%s"));
    timeTicker->setFieldWidth(QCPAxisTickerTime::tuMinutes, 1); // m:ss, as the waveform
    p->xAxis->setTicker(timeTicker);
    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setInterpolate(false);
    scale_ = new QCPColorScale(p);
    p->plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->axis()->setLabel(tr("Power (dB)"));
    map_->setColorScale(scale_);
    auto* group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    setColorMapName(colors_->currentText());
    p->setInteraction(QCP::iRangeDrag, false);
    connect(p, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) { showValueAt(e->pos()); });
    // The cursor on its own buffered layer: moving it repaints only that layer, not the map.
    p->addLayer(QStringLiteral("playhead"), p->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    p->layer(QStringLiteral("playhead"))->setMode(QCPLayer::lmBuffered);
    cursor_ = new QCPItemStraightLine(p);
    cursor_->setLayer(QStringLiteral("playhead"));
    cursor_->setPen(QPen(QColor(0xff, 0xff, 0xff, 220), 2));
    cursor_->setVisible(false);
    cursor_->setSelectable(false);
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        pressPos_ = e->button() == Qt::LeftButton ? e->pos() : QPoint(-1, -1);
    });
    connect(p, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        const bool click = pressPos_.x() >= 0 && (e->pos() - pressPos_).manhattanLength() <= 3;
        pressPos_ = {-1, -1};
        if (click && map_->visible() && plot()->axisRect()->rect().contains(e->pos())) {
            const auto& range = map_->data()->keyRange();
            emit seekRequested(std::clamp(plot()->xAxis->pixelToCoord(e->pos().x()), 0.0, range.upper));
        }
    });
    setUpExportMenu();
    connect(p, &QCustomPlot::afterReplot, this, [this] {
        const QRect r = plot()->axisRect()->rect();
        if (r.left() != margins_.first || plot()->width() - r.right() != margins_.second) {
            margins_ = {r.left(), plot()->width() - r.right()};
            emit plotMarginsChanged(margins_.first, margins_.second);
        }
    });
    clear();
}

MelOptions SpectrogramView::options() const
{
    MelOptions o;
    o.nFft = fftSize_->currentData().toInt();
    o.hop = hop_->value();
    o.nMels = mels_->value();
    o.topDb = topDb_->value();
    return o;
}

void SpectrogramView::setUpExportMenu()
{
    // ChartWidget's Export… button (the only tool button at this point) becomes a menu: the
    // image as before, plus the data.
    auto* button = findChild<QToolButton*>();
    if (!button)
        return;
    button->disconnect(this);
    auto* menu = new QMenu(button);
    menu->addAction(tr("Image (PNG, SVG, PDF)…"), this, &ChartWidget::exportInteractively);
    menu->addAction(tr("Mel Spectrogram as CSV…"), this, [this] { exportDataInteractively(QStringLiteral("csv")); });
    menu->addAction(tr("Mel Spectrogram as NumPy NPY…"), this, [this] { exportDataInteractively(QStringLiteral("npy")); });
    button->setMenu(menu);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolTip(tr("Save this chart as an image, or its data as CSV or NPY"));
}

double SpectrogramView::bandHz(int band) const { return dsp::melToHzSlaney(melMin_ + (band + 1) * melStep_); }

bool SpectrogramView::exportCsv(const QString& file)
{
    if (melDb_.empty()) {
        lastError_ = tr("Cannot write %1: no spectrogram is shown").arg(file);
        return false;
    }
    try {
        writeFileAtomically(file.toStdString(), [this](std::ostream& out) {
            out.precision(9);
            out << "time_s";
            for (std::size_t m = 0; m < melDb_.rows; ++m)
                out << ",mel_" << m << '_' << std::lround(bandHz(int(m))) << "Hz";
            out << '\n';
            for (std::size_t f = 0; f < melDb_.cols; ++f) {
                out << double(f) * shown_.hop / sampleRate_;
                for (std::size_t m = 0; m < melDb_.rows; ++m)
                    out << ',' << melDb_(m, f);
                out << '\n';
            }
        });
    } catch (const Error& e) {
        lastError_ = tr("Cannot write %1: %2").arg(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
        return false;
    }
    lastError_.clear();
    return true;
}

bool SpectrogramView::exportNpy(const QString& file)
{
    if (melDb_.empty()) {
        lastError_ = tr("Cannot write %1: no spectrogram is shown").arg(file);
        return false;
    }
    try {
        writeNpy2D(file.toStdString(), melDb_.data, melDb_.rows, melDb_.cols);
    } catch (const Error& e) {
        lastError_ = tr("Cannot write %1: %2").arg(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
        return false;
    }
    lastError_.clear();
    return true;
}

void SpectrogramView::exportDataInteractively(const QString& kind)
{
    const bool npy = kind == QLatin1String("npy");
    QString file = QFileDialog::getSaveFileName(this, tr("Export mel spectrogram"),
                                                npy ? tr("mel-spectrogram.npy") : tr("mel-spectrogram.csv"),
                                                npy ? tr("NumPy array (*.npy)") : tr("CSV table (*.csv)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += npy ? QStringLiteral(".npy") : QStringLiteral(".csv");
    const bool ok = npy ? exportNpy(file) : exportCsv(file);
    if (!ok && !qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS"))
        QMessageBox::warning(this, tr("Export failed"), lastError_);
}

void SpectrogramView::setPlayhead(double seconds)
{
    if (seconds == playhead_)
        return;
    playhead_ = seconds;
    const bool visible = seconds >= 0 && map_->visible();
    cursor_->setVisible(visible);
    if (visible) {
        cursor_->point1->setCoords(seconds, 0);
        cursor_->point2->setCoords(seconds, 1);
    }
    plot()->layer(QStringLiteral("playhead"))->replot();
}

void SpectrogramView::emitOptions() { emit optionsChanged(options()); }

void SpectrogramView::setColorMapName(const QString& name)
{
    if (colors_->currentText() != name)
        colors_->setCurrentText(name);
    map_->setGradient(gradientNamed(name));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::clear(const QString& message)
{
    map_->data()->clear();
    map_->setVisible(false);
    melDb_ = {};
    playhead_ = -1;
    cursor_->setVisible(false);
    plot()->xAxis->setRange(0, 30);
    plot()->yAxis->setRange(0, 1);
    plot()->yAxis->setTickLabels(false);
    if (!message.isEmpty())
        setTitle(tr("Mel spectrogram — %1").arg(message));
    else
        setTitle(tr("Mel spectrogram"));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setSpectrogram(const Matrix& melDb, int sampleRate, const MelOptions& options)
{
    if (melDb.empty() || sampleRate <= 0) {
        clear(tr("no data"));
        return;
    }
    sampleRate_ = sampleRate;
    shown_ = options;
    melDb_ = melDb;
    const int frames = int(melDb.cols), mels = int(melDb.rows);
    const double lastTime = double(frames - 1) * options.hop / sampleRate;
    map_->data()->setSize(frames, mels);
    map_->data()->setRange(QCPRange(0, std::max(lastTime, 1e-6)), QCPRange(0, mels - 1));
    float lo = melDb.data[0], hi = melDb.data[0];
    for (int m = 0; m < mels; ++m)
        for (int f = 0; f < frames; ++f) {
            const float v = melDb(std::size_t(m), std::size_t(f));
            map_->data()->setCell(f, m, v);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    map_->setDataRange(QCPRange(std::max(double(lo), double(hi) - options.topDb), std::max(double(hi), double(lo) + 1e-3)));
    map_->setVisible(true);

    // Hz labels at the mel bands where round frequencies fall (librosa's mel axis).
    const double fmax = options.fmax > 0 ? options.fmax : sampleRate / 2.0;
    melMin_ = dsp::hzToMelSlaney(options.fmin);
    melStep_ = (dsp::hzToMelSlaney(fmax) - melMin_) / (mels + 1);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Below ~200 Hz the mel bands are too close together for separate labels.
    for (double hz : {200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0}) {
        if (hz < options.fmin || hz > fmax)
            continue;
        const double band = (dsp::hzToMelSlaney(hz) - melMin_) / melStep_ - 1.0;
        if (band >= -0.5 && band <= mels - 0.5)
            ticker->addTick(band, hz >= 1000 ? QStringLiteral("%1k").arg(hz / 1000.0, 0, 'g', 3) : QString::number(hz));
    }
    plot()->yAxis->setTicker(ticker);
    plot()->yAxis->setTickLabels(true);
    plot()->yAxis->setRange(-0.5, mels - 0.5);
    plot()->xAxis->setRange(0, lastTime);
    setTitle(tr("Mel spectrogram (%1 × %2)").arg(mels).arg(frames));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void SpectrogramView::setVisibleRange(double a, double b)
{
    plot()->xAxis->setRange(a, b);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QString SpectrogramView::readoutAt(const QPoint& pos) const
{
    if (!map_->visible())
        return {};
    const double t = plot()->xAxis->pixelToCoord(pos.x());
    const double band = plot()->yAxis->pixelToCoord(pos.y());
    int key = 0, value = 0;
    map_->data()->coordToCell(t, band, &key, &value);
    if (key < 0 || value < 0 || key >= map_->data()->keySize() || value >= map_->data()->valueSize())
        return {};
    return tr("%1 · %2 Hz · %3 dB").arg(formatDuration(t)).arg(std::lround(bandHz(value))).arg(map_->data()->cell(key, value), 0, 'f', 1);
}

void SpectrogramView::showValueAt(const QPoint& pos)
{
    const QString text = readoutAt(pos);
    if (text.isEmpty())
        return;
    QToolTip::showText(plot()->mapToGlobal(pos), text, plot());
    emit readout(text);
}

} // namespace gs::ui
