#include "ui/classify/genre_timeline_view.h"

#include "ui/models/song_table_model.h"
#include "ui/style/genre_colors.h"
#include "ui/views/waveform_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gs::ui {

namespace {
constexpr int kAxisHeight = 16;
constexpr int kSwatch = 10;
} // namespace

GenreTimelineView::GenreTimelineView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    clear();
}

void GenreTimelineView::setWindows(const std::vector<ml::ClassifiedWindow>& windows, const QStringList& classes,
                                   double songSeconds)
{
    windows_ = windows;
    classes_ = classes;
    double last = 0;
    for (const auto& w : windows_)
        last = std::max(last, w.startSeconds + w.seconds);
    songSeconds_ = std::max(songSeconds, last);
    start_ = 0;
    end_ = songSeconds_;
    message_.clear();
    update();
}

void GenreTimelineView::clear(const QString& message)
{
    windows_.clear();
    classes_.clear();
    songSeconds_ = start_ = end_ = 0;
    message_ = message.isEmpty() ? tr("Classify a song to see its genre over time") : message;
    update();
}

void GenreTimelineView::setVisibleRange(double a, double b)
{
    if (b <= a)
        return;
    start_ = a;
    end_ = b;
    update();
}

void GenreTimelineView::setHorizontalMargins(int left, int right)
{
    leftMargin_ = std::max(0, left);
    rightMargin_ = std::max(0, right);
    update();
}

int GenreTimelineView::legendHeight() const { return fontMetrics().height() + 6; }

QRect GenreTimelineView::plotRect() const
{
    return rect().adjusted(leftMargin_, legendHeight(), -rightMargin_, -kAxisHeight);
}

QRect GenreTimelineView::columnRect(int i) const
{
    if (i < 0 || i >= windowCount() || end_ <= start_)
        return {};
    const QRect r = plotRect();
    const auto& w = windows_[std::size_t(i)];
    // Overlapping clips (a short song) share the space: a column ends where the next begins.
    double b = w.startSeconds + w.seconds;
    if (i + 1 < windowCount())
        b = std::min(b, windows_[std::size_t(i) + 1].startSeconds);
    const double a = std::max(w.startSeconds, start_);
    b = std::min(b, end_);
    if (b <= a)
        return {};
    const double span = end_ - start_;
    const int x0 = r.left() + int(std::lround((a - start_) / span * r.width()));
    const int x1 = r.left() + int(std::lround((b - start_) / span * r.width()));
    return QRect(x0, r.top(), std::max(1, x1 - x0), r.height());
}

QString GenreTimelineView::windowToolTip(int i) const
{
    const auto& w = windows_.at(std::size_t(i));
    std::vector<int> order(w.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return w.probabilities[std::size_t(a)] > w.probabilities[std::size_t(b)]; });
    QString text = tr("<b>Clip %1</b>: %2 – %3").arg(i + 1).arg(formatDuration(w.startSeconds), formatDuration(w.startSeconds + w.seconds));
    for (int k : order)
        if (w.probabilities[std::size_t(k)] >= 0.005)
            text += QStringLiteral("<br><span style='color:%1'>■</span> %2: %3 %")
                        .arg(genreColor(k).name(), classes_.value(k))
                        .arg(w.probabilities[std::size_t(k)] * 100, 0, 'f', 1);
    return text;
}

int GenreTimelineView::windowAt(const QPoint& pos) const
{
    for (int i = 0; i < windowCount(); ++i)
        if (columnRect(i).contains(pos))
            return i;
    return -1;
}

void GenreTimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRect r = plotRect();
    p.setPen(palette().mid().color());
    p.drawRect(r.adjusted(0, 0, -1, -1));
    if (windows_.empty() || end_ <= start_) {
        p.setPen(palette().placeholderText().color());
        p.drawText(r, Qt::AlignCenter, message_);
        return;
    }

    // Legend on top: every genre of the model, in class order.
    const QFontMetrics fm = fontMetrics();
    int x = leftMargin_;
    for (int k = 0; k < classes_.size(); ++k) {
        const int w = kSwatch + 4 + fm.horizontalAdvance(classes_[k]) + 12;
        if (x + w > width() - rightMargin_ && x > leftMargin_)
            break;
        p.fillRect(QRect(x, (legendHeight() - kSwatch) / 2, kSwatch, kSwatch), genreColor(k));
        p.setPen(palette().text().color());
        p.drawText(QRect(x + kSwatch + 4, 0, w, legendHeight()), Qt::AlignLeft | Qt::AlignVCenter, classes_[k]);
        x += w;
    }

    // One stacked column per clip, genres in class order from the bottom up.
    for (int i = 0; i < windowCount(); ++i) {
        const QRect c = columnRect(i);
        if (c.isEmpty())
            continue;
        const auto& probs = windows_[std::size_t(i)].probabilities;
        double below = 0;
        for (std::size_t k = 0; k < probs.size(); ++k) {
            const double top = below + probs[k];
            const int y0 = c.bottom() + 1 - int(std::lround(below * c.height()));
            const int y1 = c.bottom() + 1 - int(std::lround(top * c.height()));
            if (y0 > y1)
                p.fillRect(QRect(c.left(), y1, c.width(), y0 - y1), genreColor(int(k)));
            below = top;
        }
        p.setPen(QPen(palette().base().color(), 1));
        p.drawLine(c.topLeft(), c.bottomLeft());
        // The clip's top genre written into its column when it fits.
        const auto best = std::max_element(probs.begin(), probs.end());
        if (best != probs.end()) {
            const QString label = QStringLiteral("%1 %2 %").arg(classes_.value(int(best - probs.begin())))
                                      .arg(*best * 100, 0, 'f', 0);
            if (fm.horizontalAdvance(label) + 6 < c.width()) {
                const QRect box(c.left() + 3, c.top() + 3, fm.horizontalAdvance(label) + 6, fm.height());
                p.fillRect(box, QColor(255, 255, 255, 200));
                p.setPen(Qt::black);
                p.drawText(box, Qt::AlignCenter, label);
            }
        }
    }

    // Time axis, as the waveform's.
    p.setPen(palette().text().color());
    const double step = std::max(1.0, niceTimeStep(end_ - start_, std::max(2, r.width() / 90)));
    for (double t = std::ceil(start_ / step) * step; t <= end_ + 1e-9; t += step) {
        const int tx = r.left() + int((t - start_) / (end_ - start_) * r.width());
        p.drawLine(tx, r.bottom(), tx, r.bottom() + 3);
        p.drawText(QRect(tx - 40, r.bottom() + 2, 80, kAxisHeight - 2), Qt::AlignHCenter | Qt::AlignTop,
                   formatDuration(std::floor(t)));
    }
}

bool GenreTimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = windowAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), windowToolTip(i), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace gs::ui
