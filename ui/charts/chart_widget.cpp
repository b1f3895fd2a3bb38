#include "ui/charts/chart_widget.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs::ui {

ChartWidget::ChartWidget(const QString& title, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    toolbar_ = new QHBoxLayout;
    toolbar_->setContentsMargins(4, 2, 4, 0);
    title_ = new QLabel(title);
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    toolbar_->addWidget(title_);
    toolbar_->addStretch(1);
    auto* exportButton = new QToolButton;
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save this chart as PNG, SVG or PDF"));
    connect(exportButton, &QToolButton::clicked, this, &ChartWidget::exportInteractively);
    toolbar_->addWidget(exportButton);
    layout->addLayout(toolbar_);
    plot_ = new QCustomPlot(this);
    styleChart(plot_);
    layout->addWidget(plot_, 1);
}

void ChartWidget::setTitle(const QString& title) { title_->setText(title); }
QString ChartWidget::title() const { return title_->text(); }

QByteArray ChartWidget::toPng(int width, int height, double scale) const
{
    const QPixmap pixmap = plot_->toPixmap(width, height, scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (pixmap.isNull() || !buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG"))
        return {};
    return bytes;
}

bool ChartWidget::exportTo(const QString& file, int width, int height)
{
    const int w = width > 0 ? width : plot_->width();
    const int h = height > 0 ? height : plot_->height();
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return plot_->savePng(file, w, h, 2.0);
    if (suffix == QLatin1String("pdf"))
        return plot_->savePdf(file, w, h, QCP::epNoCosmetic, QStringLiteral("Genrescope"), title());
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(title());
        svg.setDescription(tr("Chart exported by Genrescope"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        plot_->toPainter(&painter, w, h);
        painter.end();
        return QFileInfo(file).size() > 0;
    }
    return false;
}

void ChartWidget::exportInteractively()
{
    QString selected;
    QString file = QFileDialog::getSaveFileName(this, tr("Export chart"), title() + QStringLiteral(".png"),
                                                tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".png");
    if (!exportTo(file))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(file));
}

void clearPlot(QCustomPlot* plot)
{
    plot->clearPlottables();
    plot->clearItems();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot->xAxis->setTickLabelRotation(0);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

void styleChart(QCustomPlot* plot)
{
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNoAntialiasingOnDrag(true);
    // Axes, text and grid from the palette, so charts stay readable in a dark appearance.
    const QPalette palette = plot->palette();
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(28);
    plot->setBackground(palette.base());
    for (auto* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setBasePen(QPen(text, 0));
        axis->setTickPen(QPen(text, 0));
        axis->setSubTickPen(QPen(text, 0));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
    }
    QColor legendBack = palette.color(QPalette::Base);
    legendBack.setAlpha(220);
    QColor legendBorder = text;
    legendBorder.setAlpha(60);
    plot->legend->setBrush(legendBack);
    plot->legend->setBorderPen(QPen(legendBorder));
    plot->legend->setTextColor(text);
    QFont small = plot->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    plot->legend->setFont(small);
}

} // namespace gs::ui

namespace gs::ui {

void placeLegendOutside(QCustomPlot* plot)
{
    auto* column = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 1, column);
    column->setMargins(QMargins(4, 8, 8, 8));
    column->addElement(0, 0, plot->legend); // takes it out of the inset layout
    column->addElement(1, 0, new QCPLayoutElement(plot)); // pushes the legend to the top
    column->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
}

} // namespace gs::ui
