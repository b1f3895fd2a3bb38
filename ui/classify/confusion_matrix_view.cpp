#include "ui/classify/confusion_matrix_view.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"

#include <QBuffer>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

constexpr int kPad = 6;
const QColor kCorrect(0x1f, 0x5f, 0xa8); // diagonal: share of the genre recognised
const QColor kConfused(0xc8, 0x3a, 0x2e); // off the diagonal: share sent elsewhere

QColor mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Off-diagonal shares are usually small: a square-root ramp keeps a 5 % confusion visible.
// The diagonal is linear, so that 60 % and 90 % recall look different.
double rampPosition(bool diagonal, double share)
{
    share = std::clamp(share, 0.0, 1.0);
    return diagonal ? 0.1 + 0.9 * share : 0.12 + 0.88 * std::sqrt(share);
}

// paper: the background the ramp starts from (the palette's base on screen, white in exports).
QColor cellColor(bool diagonal, double share, long count, const QColor& paper = Qt::white)
{
    if (count == 0)
        return paper;
    return mix(paper, diagonal ? kCorrect : kConfused, rampPosition(diagonal, share));
}

bool isDark(const QColor& c) { return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF() < 0.55; }

QString percent(double share)
{
    const double p = share * 100.0;
    if (p == 0)
        return QStringLiteral("0");
    return p < 10 ? QStringLiteral("%1%").arg(p, 0, 'f', 1) : QStringLiteral("%1%").arg(p, 0, 'f', 0);
}

double safeShare(long part, long whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }

} // namespace

QString confusionScaleName(ml::ConfusionScale scale)
{
    switch (scale) {
    case ml::ConfusionScale::Counts: return ConfusionMatrixView::tr("Counts");
    case ml::ConfusionScale::ByTrue: return ConfusionMatrixView::tr("By true genre (row %)");
    case ml::ConfusionScale::ByPredicted: return ConfusionMatrixView::tr("By predicted genre (column %)");
    case ml::ConfusionScale::OverAll: return ConfusionMatrixView::tr("Share of all songs");
    }
    return {};
}

// Where everything goes for a target rectangle and font; shared by painting and hit tests.
struct ConfusionMatrixView::Geometry {
    QRect grid;            // the n x n cells
    int cell = 0;
    int n = 0;
    QRect rowLabels, columnLabels, rowTitle, columnTitle, legend;
    bool rotateColumnLabels = false;
    QFont font, small, bold;

    QRect cellRect(int row, int col) const { return {grid.left() + col * cell, grid.top() + row * cell, cell, cell}; }
};

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    clear();
}

void ConfusionMatrixView::setConfusion(const ml::Confusion& confusion, const QStringList& classes)
{
    confusion_ = confusion;
    classes_ = classes;
    message_.clear();
    if (selTrue_ >= classCount() || selPred_ >= classCount())
        selTrue_ = selPred_ = -1;
    hoverTrue_ = hoverPred_ = -1;
    rescale();
}

void ConfusionMatrixView::clear(const QString& message)
{
    confusion_.clear();
    classes_.clear();
    scaled_.clear();
    message_ = message.isEmpty() ? tr("No cross-validation results yet.") : message;
    selTrue_ = selPred_ = hoverTrue_ = hoverPred_ = -1;
    update();
}

void ConfusionMatrixView::setScale(ml::ConfusionScale scale)
{
    scale_ = scale;
    rescale();
}

void ConfusionMatrixView::rescale()
{
    scaled_ = confusion_.empty() ? std::vector<std::vector<double>>{} : ml::scaleConfusion(confusion_, scale_);
    update();
}

long ConfusionMatrixView::count(int t, int p) const { return confusion_.at(std::size_t(t)).at(std::size_t(p)); }

long ConfusionMatrixView::rowTotal(int t) const
{
    long sum = 0;
    for (long v : confusion_.at(std::size_t(t)))
        sum += v;
    return sum;
}

long ConfusionMatrixView::columnTotal(int p) const
{
    long sum = 0;
    for (const auto& row : confusion_)
        sum += row.at(std::size_t(p));
    return sum;
}

long ConfusionMatrixView::total() const
{
    long sum = 0;
    for (int t = 0; t < classCount(); ++t)
        sum += rowTotal(t);
    return sum;
}

double ConfusionMatrixView::shownValue(int t, int p) const { return scaled_.at(std::size_t(t)).at(std::size_t(p)); }

double ConfusionMatrixView::rowShare(int t, int p) const { return safeShare(count(t, p), rowTotal(t)); }

QString ConfusionMatrixView::cellText(int t, int p) const
{
    if (scale_ == ml::ConfusionScale::Counts)
        return QString::number(count(t, p));
    if (count(t, p) == 0)
        return QStringLiteral("0");
    return QStringLiteral("%1\n%2").arg(percent(shownValue(t, p))).arg(count(t, p));
}

QString ConfusionMatrixView::cellToolTip(int t, int p) const
{
    const QString truth = classes_.value(t), pred = classes_.value(p);
    QString text = tr("<b>True %1 · predicted %2</b><br>%n song(s)", nullptr, int(count(t, p))).arg(truth, pred);
    text += QStringLiteral("<br>") + tr("%1 % of the %n %2 songs (row share, recall)", nullptr, int(rowTotal(t)))
                                         .arg(rowShare(t, p) * 100, 0, 'f', 1).arg(truth);
    text += QStringLiteral("<br>") + tr("%1 % of the %n songs predicted %2 (column share, precision)", nullptr,
                                            int(columnTotal(p)))
                                         .arg(safeShare(count(t, p), columnTotal(p)) * 100, 0, 'f', 1)
                                         .arg(pred);
    text += QStringLiteral("<br>") + tr("%1 % of all %n songs", nullptr, int(total()))
                                         .arg(safeShare(count(t, p), total()) * 100, 0, 'f', 1);
    if (count(t, p) > 0)
        text += QStringLiteral("<br><i>") + tr("Click to list the songs") + QStringLiteral("</i>");
    return text;
}

void ConfusionMatrixView::setSelectedCell(int t, int p)
{
    if (t < 0 || p < 0 || t >= classCount() || p >= classCount())
        t = p = -1;
    selTrue_ = t;
    selPred_ = p;
    update();
}

ConfusionMatrixView::Geometry ConfusionMatrixView::layoutFor(const QRect& target, const QFont& font) const
{
    Geometry g;
    g.n = classCount();
    g.font = font;
    g.small = font;
    g.small.setPointSizeF(font.pointSizeF() * 0.85);
    g.bold = font;
    g.bold.setBold(true);
    if (g.n == 0)
        return g;
    const QFontMetrics fm(font), fb(g.bold);
    int nameWidth = fm.horizontalAdvance(tr("total"));
    for (const auto& c : classes_)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(c));
    const int line = fm.height();
    const int titleBand = fb.height() + 4;
    const int left = target.left() + kPad + titleBand + nameWidth + kPad;
    const int legendHeight = line + 2 * kPad;
    const int cells = g.n + 1; // + totals

    // First try horizontal column labels; rotate them when the cells are narrower.
    auto cellFor = [&](int topBand) {
        const int w = (target.right() - kPad - left) / cells;
        const int h = (target.bottom() - legendHeight - (target.top() + topBand)) / cells;
        return std::clamp(std::min(w, h), 8, 110);
    };
    int top = titleBand + line + kPad;
    g.cell = cellFor(top);
    if (nameWidth + 4 > g.cell) {
        g.rotateColumnLabels = true;
        top = titleBand + int(nameWidth * 0.72) + line / 2 + kPad; // 45°: sin(45°) ≈ 0.71
        g.cell = cellFor(top);
    }
    const int gridWidth = g.cell * cells;
    const int freeX = std::max(0, target.right() - kPad - left - gridWidth);
    const int x0 = left + freeX / 2;
    g.grid = QRect(x0, target.top() + top, g.cell * g.n, g.cell * g.n);
    g.columnTitle = QRect(g.grid.left(), target.top() + 2, gridWidth, titleBand);
    g.columnLabels = QRect(g.grid.left(), g.columnTitle.bottom(), gridWidth, g.grid.top() - g.columnTitle.bottom());
    g.rowLabels = QRect(x0 - kPad - nameWidth, g.grid.top(), nameWidth, g.cell * cells);
    g.rowTitle = QRect(g.rowLabels.left() - titleBand, g.grid.top(), titleBand, g.cell * cells);
    g.legend = QRect(g.rowLabels.left(), g.grid.bottom() + g.cell + kPad, target.right() - g.rowLabels.left(), line + kPad);
    return g;
}

void ConfusionMatrixView::render(QPainter& p, const QRect& target, bool withCursor) const
{
    p.save();
    // On screen the matrix follows the palette (light or dark); exported images stay on white.
    const QColor paper = withCursor ? palette().color(QPalette::Base) : QColor(Qt::white);
    const QColor text = withCursor ? palette().color(QPalette::Text) : QColor(0x20, 0x20, 0x20);
    const QColor faint = mix(paper, text, 0.35);
    const QColor totals = mix(paper, text, 0.07);
    p.fillRect(target, paper);
    if (classes_.isEmpty()) {
        p.setPen(mix(paper, text, 0.6));
        p.drawText(target.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, message_);
        p.restore();
        return;
    }
    const Geometry g = layoutFor(target, font());
    const QFontMetrics fm(g.font);
    p.setRenderHint(QPainter::TextAntialiasing);

    // Axis titles.
    p.setFont(g.bold);
    p.setPen(text);
    p.drawText(g.columnTitle, Qt::AlignHCenter | Qt::AlignTop, tr("predicted genre"));
    p.save();
    p.translate(g.rowTitle.center());
    p.rotate(-90);
    p.drawText(QRect(-g.rowTitle.height() / 2, -g.rowTitle.width() / 2, g.rowTitle.height(), g.rowTitle.width()),
               Qt::AlignCenter, tr("true genre"));
    p.restore();

    // Genre names.
    p.setFont(g.font);
    for (int i = 0; i <= g.n; ++i) {
        const QString name = i < g.n ? classes_[i] : tr("total");
        const QRect row(g.rowLabels.left(), g.grid.top() + i * g.cell, g.rowLabels.width(), g.cell);
        p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, name);
        const int cx = g.grid.left() + i * g.cell + g.cell / 2;
        if (!g.rotateColumnLabels) {
            p.drawText(QRect(cx - g.cell / 2, g.columnLabels.top(), g.cell, g.columnLabels.height() - 2),
                       Qt::AlignHCenter | Qt::AlignBottom, name);
        } else {
            p.save();
            p.translate(cx, g.grid.top() - 4);
            p.rotate(-45);
            p.drawText(QRect(0, -fm.height() / 2, fm.horizontalAdvance(name) + 4, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       name);
            p.restore();
        }
    }

    // Cells: the number (and the count under a share scale), coloured by the row share.
    const bool twoLines = scale_ != ml::ConfusionScale::Counts && g.cell >= 2 * fm.height() + 2;
    for (int t = 0; t < g.n; ++t)
        for (int c = 0; c < g.n; ++c) {
            const QRect r = g.cellRect(t, c);
            const QColor fill = cellColor(t == c, rowShare(t, c), count(t, c), paper);
            p.fillRect(r, fill);
            p.setPen(count(t, c) == 0 ? faint : isDark(fill) ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20));
            QString label = cellText(t, c);
            if (!twoLines)
                label = label.section(QLatin1Char('\n'), 0, 0);
            if (label.contains(QLatin1Char('\n'))) {
                const int h = r.height() / 2;
                p.setFont(t == c ? g.bold : g.font);
                p.drawText(QRect(r.left(), r.top() + h - fm.height(), r.width(), fm.height()), Qt::AlignCenter,
                           label.section(QLatin1Char('\n'), 0, 0));
                p.setFont(g.small);
                p.drawText(QRect(r.left(), r.top() + h, r.width(), fm.height()), Qt::AlignCenter,
                           QStringLiteral("(%1)").arg(label.section(QLatin1Char('\n'), 1)));
            } else {
                p.setFont(t == c ? g.bold : g.font);
                p.drawText(r, Qt::AlignCenter, label);
            }
        }
    p.setFont(g.font);

    // Totals: support per true genre (right), predictions per genre (bottom).
    p.setPen(text);
    for (int i = 0; i < g.n; ++i) {
        const QRect right = g.cellRect(i, g.n), bottom = g.cellRect(g.n, i);
        p.fillRect(right, totals);
        p.fillRect(bottom, totals);
        p.drawText(right, Qt::AlignCenter, QString::number(rowTotal(i)));
        p.drawText(bottom, Qt::AlignCenter, QString::number(columnTotal(i)));
    }
    const QRect corner = g.cellRect(g.n, g.n);
    p.fillRect(corner, mix(paper, text, 0.14));
    p.setFont(g.bold);
    p.drawText(corner, Qt::AlignCenter, QString::number(total()));
    p.setFont(g.font);

    // Grid lines, then the hovered and the selected cell on top.
    p.setPen(QPen(paper, 1));
    for (int i = 0; i <= g.n + 1; ++i) {
        p.drawLine(g.grid.left() + i * g.cell, g.grid.top(), g.grid.left() + i * g.cell, g.grid.top() + (g.n + 1) * g.cell);
        p.drawLine(g.grid.left(), g.grid.top() + i * g.cell, g.grid.left() + (g.n + 1) * g.cell, g.grid.top() + i * g.cell);
    }
    p.setPen(QPen(faint, 1));
    p.drawRect(QRect(g.grid.topLeft(), QSize((g.n + 1) * g.cell, (g.n + 1) * g.cell)).adjusted(0, 0, -1, -1));
    if (withCursor && hoverTrue_ >= 0) {
        p.setPen(QPen(QColor(0, 0, 0, 120), 1));
        p.drawRect(g.cellRect(hoverTrue_, hoverPred_).adjusted(1, 1, -2, -2));
    }
    if (withCursor && selTrue_ >= 0) {
        p.setPen(QPen(QColor(0xff, 0xb0, 0x00), 3));
        p.drawRect(g.cellRect(selTrue_, selPred_).adjusted(1, 1, -2, -2));
    }

    // Legend: what the colours mean.
    p.setFont(g.small);
    const QFontMetrics fs(g.small);
    int x = g.legend.left();
    const int y = g.legend.top() + (g.legend.height() - fs.height()) / 2;
    auto ramp = [&](bool diagonal, const QString& label) {
        const int w = 60;
        for (int i = 0; i < w; ++i) {
            p.setPen(cellColor(diagonal, double(i) / (w - 1), 1));
            p.drawLine(x + i, y + 2, x + i, y + fs.height() - 2);
        }
        p.setPen(text);
        x += w + 4;
        p.drawText(QRect(x, y, fs.horizontalAdvance(label) + 2, fs.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += fs.horizontalAdvance(label) + 14;
    };
    ramp(true, tr("correct, 0–100 % of the true genre"));
    ramp(false, tr("confused with the column's genre, 0–100 %"));
    p.restore();
}

void ConfusionMatrixView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    render(p, rect());
}

std::pair<int, int> ConfusionMatrixView::cellAt(const QPoint& pos) const
{
    const Geometry g = layoutFor(rect(), font());
    if (g.n == 0 || !g.grid.contains(pos) || g.cell <= 0)
        return {-1, -1};
    return {std::min(g.n - 1, (pos.y() - g.grid.top()) / g.cell), std::min(g.n - 1, (pos.x() - g.grid.left()) / g.cell)};
}

QPoint ConfusionMatrixView::cellCenter(int t, int p) const
{
    const Geometry g = layoutFor(rect(), font());
    if (t < 0 || p < 0 || t >= g.n || p >= g.n)
        return {};
    return g.cellRect(t, p).center();
}

void ConfusionMatrixView::mouseMoveEvent(QMouseEvent* event)
{
    const auto [t, p] = cellAt(event->position().toPoint());
    if (t != hoverTrue_ || p != hoverPred_) {
        hoverTrue_ = t;
        hoverPred_ = p;
        update();
    }
}

void ConfusionMatrixView::leaveEvent(QEvent*)
{
    hoverTrue_ = hoverPred_ = -1;
    update();
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* event)
{
    setFocus();
    const auto [t, p] = cellAt(event->position().toPoint());
    if (t < 0 || event->button() != Qt::LeftButton)
        return;
    setSelectedCell(t, p);
    emit cellClicked(t, p);
}

void ConfusionMatrixView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const auto [t, p] = cellAt(event->position().toPoint());
    if (t >= 0)
        emit cellActivated(t, p);
}

void ConfusionMatrixView::keyPressEvent(QKeyEvent* event)
{
    if (classes_.isEmpty())
        return QWidget::keyPressEvent(event);
    int t = std::max(0, selTrue_), p = std::max(0, selPred_);
    switch (event->key()) {
    case Qt::Key_Left: p = std::max(0, p - 1); break;
    case Qt::Key_Right: p = std::min(classCount() - 1, p + 1); break;
    case Qt::Key_Up: t = std::max(0, t - 1); break;
    case Qt::Key_Down: t = std::min(classCount() - 1, t + 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selTrue_ >= 0)
            emit cellActivated(selTrue_, selPred_);
        return;
    default: return QWidget::keyPressEvent(event);
    }
    setSelectedCell(t, p);
    emit cellClicked(t, p);
}

bool ConfusionMatrixView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [t, p] = cellAt(help->pos());
        if (t >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(t, p), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ConfusionMatrixView::exportImage(const QString& file, QSize size) const
{
    if (size.isEmpty())
        size = QSize(std::max(width(), 720), std::max(height(), 620));
    const QString suffix = QFileInfo(file).suffix().toLower();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32);
        image.setDevicePixelRatio(2.0);
        image.fill(Qt::white);
        QPainter p(&image);
        render(p, QRect(QPoint(0, 0), size), false);
        p.end();
        image.save(&buffer, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Confusion matrix"));
        QPainter p(&svg);
        render(p, QRect(QPoint(0, 0), size), false);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setTitle(tr("Confusion matrix"));
        pdf.setCreator(QStringLiteral("Genrescope"));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        const QRect page = p.viewport();
        p.scale(double(page.width()) / size.width(), double(page.height()) / size.height());
        render(p, QRect(QPoint(0, 0), size), false);
    } else {
        throw Error(ErrorKind::InvalidArgument, file.toStdString(), "choose a .png, .svg or .pdf file");
    }
    buffer.close();
    if (bytes.isEmpty())
        throw Error(ErrorKind::Internal, file.toStdString(), "the image could not be rendered");
    writeFileAtomically(file.toStdString(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace gs::ui
