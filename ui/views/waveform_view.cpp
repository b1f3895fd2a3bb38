#include "ui/views/waveform_view.h"

#include "core/audio/envelope.h"
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "ui/models/song_table_model.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gs::ui {

namespace {
constexpr int kAxisHeight = 20;
constexpr double kMinSpanSeconds = 0.01;
constexpr int kClickSlopPixels = 3; // a press and release closer than this is a click, not a drag

QString preciseTime(double t)
{
    const double s = std::max(0.0, t);
    const int minutes = int(s / 60);
    return QStringLiteral("%1:%2").arg(minutes).arg(s - minutes * 60, 5, 'f', 2, QLatin1Char('0'));
}
} // namespace

double niceTimeStep(double span, int targetTicks)
{
    static constexpr double steps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};
    for (double s : steps)
        if (span / s <= targetTicks)
            return s;
    return 7200;
}

WaveformView::WaveformView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // the readout follows the mouse
    setToolTip(tr("Click: play from there · Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End · "
                  "right-click: export"));
}

void WaveformView::setEnvelope(std::shared_ptr<const WaveformEnvelope> envelope, int sampleRate)
{
    envelope_ = std::move(envelope);
    sampleRate_ = sampleRate;
    message_.clear();
    setVisibleRange(0, duration());
}

void WaveformView::clear(const QString& message)
{
    envelope_.reset();
    message_ = message;
    start_ = end_ = 0;
    update();
}

void WaveformView::setMarkedRegions(const QVector<MarkedRegion>& regions)
{
    regions_ = regions;
    update();
}

void WaveformView::paintRegions(QPainter& p, const QRect& r) const
{
    const double span = end_ - start_;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const int labelHeight = QFontMetrics(small).height();
    for (const auto& region : regions_) {
        const double a = std::max(region.startSeconds, start_), b = std::min(region.endSeconds, end_);
        if (b <= a)
            continue;
        const int x0 = r.left() + int(std::lround((a - start_) / span * r.width()));
        const int x1 = r.left() + int(std::lround((b - start_) / span * r.width()));
        QColor c = region.color.isValid() ? region.color : palette().highlight().color();
        QColor fill = c;
        fill.setAlpha(40);
        const QRect band(x0, r.top() + 1, std::max(1, x1 - x0), r.height() - 2);
        p.fillRect(band, fill);
        c.setAlpha(150);
        p.setPen(QPen(c, 1));
        p.drawLine(band.topLeft(), band.bottomLeft());
        p.drawLine(band.topRight(), band.bottomRight());
        if (!region.label.isEmpty()) {
            const QRect text = band.adjusted(3, 1, -2, 0);
            p.setPen(palette().text().color());
            p.drawText(QRect(text.left(), text.top(), text.width(), labelHeight), Qt::AlignLeft | Qt::AlignTop,
                       QFontMetrics(small).elidedText(region.label, Qt::ElideRight, text.width()));
        }
    }
    p.setFont(font());
}

double WaveformView::duration() const
{
    return envelope_ && sampleRate_ > 0 ? double(envelope_->size()) / sampleRate_ : 0.0;
}

void WaveformView::setVisibleRange(double a, double b)
{
    const double total = duration();
    if (total <= 0)
        return;
    double span = std::clamp(b - a, std::min(kMinSpanSeconds, total), total);
    a = std::clamp(a, 0.0, total - span);
    if (a == start_ && a + span == end_)
        return;
    start_ = a;
    end_ = a + span;
    update();
    emit visibleRangeChanged(start_, end_);
}

void WaveformView::zoom(double factor, double anchor)
{
    if (anchor < 0)
        anchor = (start_ + end_) / 2;
    const double span = (end_ - start_) * factor;
    const double t = end_ > start_ ? (anchor - start_) / (end_ - start_) : 0.5;
    setVisibleRange(anchor - t * span, anchor - t * span + span);
}

void WaveformView::scrollBy(double fraction)
{
    const double shift = (end_ - start_) * fraction;
    setVisibleRange(start_ + shift, end_ + shift);
}

void WaveformView::setHorizontalMargins(int left, int right)
{
    leftMargin_ = std::max(0, left);
    rightMargin_ = std::max(0, right);
    update();
}

QRect WaveformView::plotRect() const
{
    return rect().adjusted(leftMargin_, 4, -rightMargin_, -kAxisHeight);
}

double WaveformView::secondsAt(int x) const
{
    const QRect r = plotRect();
    return start_ + (end_ - start_) * double(x - r.left()) / std::max(1, r.width());
}

int WaveformView::xAt(double seconds) const
{
    const QRect r = plotRect();
    if (end_ <= start_)
        return r.left();
    return r.left() + int(std::lround((seconds - start_) / (end_ - start_) * r.width()));
}

void WaveformView::setPlayhead(double seconds)
{
    if (seconds == playhead_)
        return;
    playhead_ = seconds;
    update();
}

void WaveformView::keepInView(double seconds)
{
    const double span = end_ - start_;
    if (span <= 0 || span >= duration() || (seconds >= start_ && seconds <= end_))
        return;
    setVisibleRange(seconds - 0.05 * span, seconds + 0.95 * span); // turn the page, a little context kept
}

QString WaveformView::readoutAt(int x) const
{
    if (!envelope_ || end_ <= start_ || envelope_->size() == 0)
        return {};
    const QRect r = plotRect();
    if (x < r.left() || x > r.right())
        return {};
    // The samples drawn in this pixel column.
    const double perPixel = (end_ - start_) / std::max(1, r.width());
    const double t = secondsAt(x);
    auto first = std::size_t(std::clamp(t * sampleRate_, 0.0, double(envelope_->size() - 1)));
    auto last = std::max(first + 1, std::size_t(std::clamp((t + perPixel) * sampleRate_, 0.0, double(envelope_->size()))));
    const auto column = envelope_->columns(first, last, 1).front();
    const double peak = std::max(std::abs(column.min), std::abs(column.max));
    const QString level = peak > 0 ? tr("%1 dBFS").arg(20 * std::log10(peak), 0, 'f', 1) : tr("silence");
    if (last - first <= 1)
        return tr("%1 · amplitude %2 · %3").arg(preciseTime(t)).arg(double(column.max), 0, 'f', 3).arg(level);
    return tr("%1 · amplitude %2 … %3 · peak %4")
        .arg(preciseTime(t))
        .arg(double(column.min), 0, 'f', 3)
        .arg(double(column.max), 0, 'f', 3)
        .arg(level);
}

bool WaveformView::exportEnvelopeCsv(const QString& file, int columns)
{
    if (!envelope_ || end_ <= start_) {
        lastError_ = tr("Cannot write %1: no waveform is shown").arg(file);
        return false;
    }
    const auto count = std::size_t(columns > 0 ? columns : std::max(1, plotRect().width()));
    const auto first = std::size_t(std::max(0.0, start_ * sampleRate_));
    const auto last = std::min(envelope_->size(), std::size_t(std::ceil(end_ * sampleRate_)));
    const auto values = envelope_->columns(first, last, count);
    const double perColumn = double(last - first) / double(count) / sampleRate_;
    const double origin = double(first) / sampleRate_;
    try {
        writeFileAtomically(file.toStdString(), [&](std::ostream& out) {
            out.precision(9);
            out << "start_s,end_s,min,max\n";
            for (std::size_t c = 0; c < values.size(); ++c)
                out << origin + double(c) * perColumn << ',' << origin + double(c + 1) * perColumn << ','
                    << values[c].min << ',' << values[c].max << '\n';
        });
    } catch (const Error& e) {
        lastError_ = tr("Cannot write %1: %2").arg(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
        return false;
    }
    lastError_.clear();
    return true;
}

void WaveformView::exportInteractively()
{
    QString file = QFileDialog::getSaveFileName(this, tr("Export waveform envelope"), tr("waveform-envelope.csv"),
                                                tr("CSV table (*.csv)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".csv");
    if (!exportEnvelopeCsv(file) && !qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS"))
        QMessageBox::warning(this, tr("Export failed"), lastError_);
}

void WaveformView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    auto* action = menu.addAction(tr("Export Envelope as CSV…"), this, &WaveformView::exportInteractively);
    action->setEnabled(envelope_ != nullptr);
    menu.exec(event->globalPos());
}

void WaveformView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRect r = plotRect();
    p.setPen(palette().mid().color());
    p.drawRect(r.adjusted(0, 0, -1, -1));
    if (!envelope_ || end_ <= start_) {
        p.setPen(palette().placeholderText().color());
        p.drawText(r, Qt::AlignCenter, message_.isEmpty() ? tr("Select a song to see its waveform") : message_);
        return;
    }

    paintRegions(p, r);
    const double mid = r.center().y() + 0.5;
    const double half = r.height() / 2.0 - 2;
    const auto first = std::size_t(std::max(0.0, start_ * sampleRate_));
    const auto last = std::min(envelope_->size(), std::size_t(std::ceil(end_ * sampleRate_)));
    const auto columns = envelope_->columns(first, last, std::size_t(std::max(1, r.width())));

    p.setPen(QPen(palette().mid().color(), 0, Qt::DotLine));
    p.drawLine(r.left(), int(mid), r.right(), int(mid));
    const QColor wave(0x2c, 0x6f, 0xbb);
    p.setPen(wave);
    const double spp = double(last - first) / std::max(1, r.width());
    if (spp < 1.0) {
        // Zoomed in beyond one sample per pixel: draw the samples as a line.
        QPolygonF line;
        for (std::size_t i = first; i < last; ++i) {
            const double x = r.left() + (double(i) / sampleRate_ - start_) / (end_ - start_) * r.width();
            line << QPointF(x, mid - double(envelope_->samples()[i]) * half);
        }
        p.setRenderHint(QPainter::Antialiasing);
        p.drawPolyline(line);
    } else {
        for (int c = 0; c < int(columns.size()); ++c) {
            const int x = r.left() + c;
            const int y0 = int(mid - std::clamp(columns[std::size_t(c)].max, -1.0f, 1.0f) * half);
            const int y1 = int(mid - std::clamp(columns[std::size_t(c)].min, -1.0f, 1.0f) * half);
            p.drawLine(x, y0, x, std::max(y0, y1));
        }
    }

    if (playhead_ >= start_ && playhead_ <= end_) {
        const int x = xAt(playhead_);
        p.setPen(QPen(QColor(0xd0, 0x30, 0x20), 2));
        p.drawLine(x, r.top(), x, r.bottom());
    }

    // Time axis.
    p.setPen(palette().text().color());
    const double step = niceTimeStep(end_ - start_, std::max(2, r.width() / 90));
    for (double t = std::ceil(start_ / step) * step; t <= end_ + 1e-9; t += step) {
        const int x = r.left() + int((t - start_) / (end_ - start_) * r.width());
        p.drawLine(x, r.bottom(), x, r.bottom() + 4);
        QString label = formatDuration(std::floor(t));
        if (step < 1.0)
            label += QStringLiteral(".%1").arg(int(std::lround((t - std::floor(t)) * 100)) % 100, 2, 10, QLatin1Char('0'));
        p.drawText(QRect(x - 40, r.bottom() + 4, 80, kAxisHeight - 4), Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

void WaveformView::wheelEvent(QWheelEvent* event)
{
    const QPoint d = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier || std::abs(d.x()) > std::abs(d.y())) {
        const int delta = d.x() != 0 ? d.x() : d.y();
        scrollBy(-delta / 120.0 * 0.1);
    } else if (d.y() != 0) {
        zoom(std::pow(0.8, d.y() / 120.0), secondsAt(int(event->position().x())));
    }
    event->accept();
}

void WaveformView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.5); break;
    case Qt::Key_Minus: zoom(2.0); break;
    case Qt::Key_Left: scrollBy(-0.2); break;
    case Qt::Key_Right: scrollBy(0.2); break;
    case Qt::Key_Home: setVisibleRange(0, end_ - start_); break;
    case Qt::Key_End: setVisibleRange(duration() - (end_ - start_), duration()); break;
    case Qt::Key_0: setVisibleRange(0, duration()); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void WaveformView::mousePressEvent(QMouseEvent* event)
{
    setFocus();
    if (event->button() != Qt::LeftButton)
        return;
    dragX_ = int(event->position().x());
    dragged_ = false;
    dragStart_ = start_;
}

void WaveformView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && dragX_ >= 0 && !dragged_ && envelope_ && end_ > start_) {
        const QRect r = plotRect();
        const int x = std::clamp(int(event->position().x()), r.left(), r.left() + r.width());
        emit seekRequested(std::clamp(secondsAt(x), 0.0, duration()));
    }
    dragX_ = -1;
}

void WaveformView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        const QString text = readoutAt(int(event->position().x()));
        if (!text.isEmpty())
            emit readout(text);
        return;
    }
    if (dragX_ < 0)
        return;
    if (std::abs(event->position().x() - dragX_) > kClickSlopPixels)
        dragged_ = true;
    if (!dragged_)
        return;
    const double perPixel = (end_ - start_) / std::max(1, plotRect().width());
    const double a = dragStart_ - (event->position().x() - dragX_) * perPixel;
    setVisibleRange(a, a + (end_ - start_));
}

} // namespace gs::ui
