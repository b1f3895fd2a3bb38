#include "ui/classify/compare_charts.h"

#include "core/ml/registry.h"
#include "ui/classify/classify_session.h"
#include "ui/style/genre_colors.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs::ui {

namespace {

constexpr double kPercent = 100.0;

// Also undoes what the comparison charts change beyond clearPlot: reversed ranges, second
// axes, hidden legend, axis labels.
void resetPlot(QCustomPlot* p)
{
    clearPlot(p);
    p->yAxis->setRangeReversed(false);
    p->xAxis2->setVisible(false);
    p->yAxis2->setVisible(false);
    p->legend->setVisible(false);
    for (auto* axis : {p->xAxis, p->yAxis}) {
        axis->grid()->setVisible(true);
        axis->setLabel({});
    }
}

void addEmptyMessage(ChartWidget* chart, const QString& message)
{
    auto* p = chart->plot();
    resetPlot(p);
    auto* text = new QCPItemText(p);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(message);
    text->setColor(chart->palette().placeholderText().color());
    p->replot();
}

QString num(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }

const ml::ModelReport* findModel(const ComparisonRun& run, const std::string& name)
{
    for (const auto& m : run.report.models)
        if (m.name == name)
            return &m;
    return nullptr;
}

// Model names of both runs: the primary's order first, then what only `beside` has.
std::vector<std::string> modelOrder(const ComparisonRun& primary, const ComparisonRun* beside)
{
    std::vector<std::string> names;
    for (const auto& m : primary.report.models)
        names.push_back(m.name);
    if (beside)
        for (const auto& m : beside->report.models)
            if (std::find(names.begin(), names.end(), m.name) == names.end())
                names.push_back(m.name);
    return names;
}

QCPAxisTickerText* categoricalTicker(QCPAxis* axis, const QStringList& labels)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < labels.size(); ++i)
        ticker->addTick(i, labels[i]);
    axis->setTicker(ticker);
    return ticker.data();
}

// Removes a colour scale a previous build put into the layout.
void removeColorScales(QCustomPlot* p)
{
    for (int i = p->plotLayout()->elementCount() - 1; i >= 0; --i)
        if (auto* old = qobject_cast<QCPColorScale*>(p->plotLayout()->elementAt(i)))
            p->plotLayout()->remove(old);
    p->plotLayout()->simplify();
}

} // namespace

QColor modelColor(const std::string& model)
{
    const auto& models = ml::availableModels();
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].name == model)
            return genreColor(int(i));
    return genreColor(-1);
}

// --- accuracy -----------------------------------------------------------------------------

AccuracyChart::AccuracyChart(QWidget* parent) : ChartWidget(tr("Accuracy per model"), parent)
{
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        int index = -1;
        auto* bars = qobject_cast<QCPBars*>(plot()->plottableAt(e->pos(), false, &index));
        const ComparisonRun* run = bars ? (bars->property("run").toInt() == (beside_ ? beside_->id : -1) ? beside_.get() : primary_.get()) : nullptr;
        const ml::ModelReport* m = run ? findModel(*run, bars->name().toStdString()) : nullptr;
        if (!m) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(plot()->mapToGlobal(e->pos()),
                           tr("%1 (run %2)\naccuracy %3 % ± %4 over %n folds\nbalanced accuracy %5 %\nmacro-F1 %6", nullptr,
                              int(m->folds.size()))
                               .arg(bars->name())
                               .arg(run->id)
                               .arg(num(m->accuracyMean * kPercent, 1), num(m->accuracyStd * kPercent, 1))
                               .arg(num(m->balancedAccuracy * kPercent, 1), num(m->macroF1, 3)),
                           plot());
    });
    addEmptyMessage(this, tr("Train to compare models"));
}

double AccuracyChart::baselinePercent() const
{
    return baseline_ ? baseline_->point1->value() : std::numeric_limits<double>::quiet_NaN();
}

void AccuracyChart::showEmpty(const QString& message)
{
    bars_.clear();
    errors_.clear();
    baseline_ = nullptr;
    addEmptyMessage(this, message);
}

void AccuracyChart::setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside)
{
    primary_ = std::move(primary);
    beside_ = std::move(beside);
    if (!primary_ || primary_->report.models.empty())
        return showEmpty(tr("Train to compare models"));
    auto* p = plot();
    resetPlot(p);
    bars_.clear();
    errors_.clear();
    baseline_ = nullptr;

    const auto names = modelOrder(*primary_, beside_.get());
    const bool twoRuns = beside_ != nullptr;
    const double width = twoRuns ? 0.38 : 0.62;
    double top = 0;
    auto addBar = [&](const ComparisonRun& run, const ml::ModelReport& m, double x, bool second) {
        const QColor colour = modelColor(m.name);
        auto* bars = new QCPBars(p->xAxis, p->yAxis);
        bars->setName(QString::fromStdString(m.name));
        bars->setProperty("run", run.id);
        bars->setWidth(width);
        bars->setPen(QPen(colour.darker(130)));
        QColor fill = colour;
        fill.setAlpha(second ? 90 : 190);
        bars->setBrush(second ? QBrush(colour, Qt::BDiagPattern) : QBrush(fill));
        bars->addData(x, m.accuracyMean * kPercent);
        auto* errors = new QCPErrorBars(p->xAxis, p->yAxis);
        errors->removeFromLegend();
        errors->setDataPlottable(bars);
        errors->setErrorType(QCPErrorBars::etValueError);
        errors->setPen(QPen(p->palette().color(QPalette::Text), 1.4));
        errors->setWhiskerWidth(10);
        errors->addData(m.accuracyStd * kPercent);
        // The mean above the whisker, so nobody has to read it off the axis.
        const double whiskerTop = (m.accuracyMean + m.accuracyStd) * kPercent;
        auto* label = new QCPItemText(p);
        label->position->setCoords(x, whiskerTop);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 3));
        label->setText(num(m.accuracyMean * kPercent, 1));
        label->setColor(p->palette().color(QPalette::Text));
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        label->setFont(small);
        top = std::max(top, whiskerTop);
        if (!second) {
            bars_ << bars;
            errors_ << errors;
        }
    };
    for (std::size_t i = 0; i < names.size(); ++i) {
        const double x = double(i);
        if (const auto* m = findModel(*primary_, names[i]))
            addBar(*primary_, *m, twoRuns ? x - 0.2 : x, false);
        if (twoRuns)
            if (const auto* m = findModel(*beside_, names[i]))
                addBar(*beside_, *m, x + 0.2, true);
    }

    if (const auto* dummy = findModel(*primary_, "dummy")) {
        const double level = dummy->accuracyMean * kPercent;
        baseline_ = new QCPItemStraightLine(p);
        baseline_->point1->setCoords(-1, level);
        baseline_->point2->setCoords(double(names.size()), level);
        baseline_->setPen(QPen(p->palette().color(QPalette::Mid), 1.5, Qt::DashLine));
        // Labelled on the right-hand axis, where no bar or value label can cover it.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTick(level, tr("dummy baseline\n%1 %").arg(num(level, 1)));
        p->yAxis2->setVisible(true);
        p->yAxis2->setTicker(ticker);
        p->yAxis2->setTickLabelColor(p->palette().color(QPalette::Text));
        p->yAxis2->setTickPen(QPen(p->palette().color(QPalette::Mid), 1.5, Qt::DashLine));
        p->yAxis2->setSubTicks(false);
        p->yAxis2->grid()->setVisible(false);
        p->yAxis2->setBasePen(Qt::NoPen);
    }

    QStringList labels;
    for (const auto& n : names)
        labels << QString::fromStdString(n);
    categoricalTicker(p->xAxis, labels);
    p->xAxis->setTickLabelRotation(names.size() > 6 ? 30 : 0);
    p->xAxis->setRange(-0.6, double(names.size()) - 0.4);
    p->xAxis->grid()->setVisible(false);
    p->xAxis->setLabel(twoRuns ? tr("Model (solid: run %1, hatched: run %2)").arg(primary_->id).arg(beside_->id) : tr("Model"));
    p->yAxis->setLabel(tr("Accuracy %, mean ± std"));
    p->yAxis->setRange(0, std::min(112.0, std::max(top * 1.12, 10.0)));
    p->yAxis2->setRange(p->yAxis->range());
    setTitle(tr("Accuracy per model — run %1, %2-fold cross-validation")
                 .arg(primary_->id)
                 .arg(primary_->report.protocol.folds));
    p->replot();
}

// --- per-class F1 heat map ----------------------------------------------------------------

PerClassF1Map::PerClassF1Map(QWidget* parent) : ChartWidget(tr("F1 per genre and model"), parent)
{
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (!map_ || !run_)
            return;
        int genre = 0, model = 0;
        map_->data()->coordToCell(plot()->xAxis->pixelToCoord(e->pos().x()), plot()->yAxis->pixelToCoord(e->pos().y()), &genre,
                                  &model);
        const auto& models = run_->report.models;
        if (model < 0 || model >= int(models.size()) || genre < 0 || genre >= int(models[std::size_t(model)].perClass.size()))
            return QToolTip::hideText();
        const auto& c = models[std::size_t(model)].perClass[std::size_t(genre)];
        QToolTip::showText(plot()->mapToGlobal(e->pos()),
                           tr("%1 on %2\nF1 %3 · precision %4 · recall %5 · %n songs", nullptr, int(c.support))
                               .arg(QString::fromStdString(models[std::size_t(model)].name), QString::fromStdString(c.name),
                                    num(c.f1, 3), num(c.precision, 3), num(c.recall, 3)),
                           plot());
    });
    addEmptyMessage(this, tr("Train to compare models"));
}

void PerClassF1Map::setRun(std::shared_ptr<const ComparisonRun> run)
{
    run_ = std::move(run);
    auto* p = plot();
    removeColorScales(p);
    map_ = nullptr;
    if (!run_ || run_->report.models.empty() || run_->report.classes.empty())
        return addEmptyMessage(this, tr("Train to compare models"));
    resetPlot(p);
    const auto& models = run_->report.models;
    const int genres = int(run_->report.classes.size());
    const int rows = int(models.size());

    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setName(tr("F1"));
    map_->data()->setSize(genres, rows);
    map_->data()->setRange(QCPRange(0, std::max(1, genres - 1)), QCPRange(0, std::max(1, rows - 1)));
    map_->setInterpolate(false);
    QCPColorGradient blues; // sequential, light = poor, dark = good (ColorBrewer Blues)
    blues.clearColorStops();
    blues.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    blues.setColorStopAt(0.5, QColor(0x6b, 0xae, 0xd6));
    blues.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6b));
    map_->setGradient(blues);
    QFont cellFont = font();
    cellFont.setPointSizeF(cellFont.pointSizeF() * (genres > 8 ? 0.75 : 0.9));
    for (int m = 0; m < rows; ++m)
        for (int g = 0; g < genres; ++g) {
            const auto& perClass = models[std::size_t(m)].perClass;
            const double f1 = g < int(perClass.size()) ? perClass[std::size_t(g)].f1 : 0.0;
            map_->data()->setCell(g, m, f1);
            auto* text = new QCPItemText(p);
            text->position->setCoords(g, m);
            text->setText(num(f1, 2));
            text->setFont(cellFont);
            text->setColor(f1 > 0.55 ? Qt::white : Qt::black); // readable on both ends of the gradient
        }
    auto* scale = new QCPColorScale(p);
    p->plotLayout()->addElement(0, 1, scale);
    scale->axis()->setLabel(tr("F1"));
    scale->setBarWidth(12);
    map_->setColorScale(scale);
    scale->setGradient(blues); // the scale hands its own (default) gradient to the map
    map_->setGradient(blues);
    map_->setDataRange(QCPRange(0, 1));
    auto* margins = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    QStringList genreLabels, modelLabels;
    for (const auto& c : run_->report.classes)
        genreLabels << QString::fromStdString(c);
    for (const auto& m : models)
        modelLabels << QString::fromStdString(m.name);
    categoricalTicker(p->xAxis, genreLabels);
    categoricalTicker(p->yAxis, modelLabels);
    p->xAxis->setTickLabelRotation(genres > 6 ? 35 : 0);
    p->xAxis->setRange(-0.5, genres - 0.5);
    p->yAxis->setRange(-0.5, rows - 0.5);
    p->yAxis->setRangeReversed(true); // best model on top, as in the table
    for (auto* axis : {p->xAxis, p->yAxis})
        axis->grid()->setVisible(false);
    p->xAxis->setLabel(tr("Genre"));
    setTitle(tr("F1 per genre and model — run %1").arg(run_->id));
    p->replot();
}

// --- learning curve -----------------------------------------------------------------------

LearningCurveChart::LearningCurveChart(QWidget* parent) : ChartWidget(tr("Learning curve"), parent)
{
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        int index = -1;
        auto* graph = qobject_cast<QCPGraph*>(plot()->plottableAt(e->pos(), false, &index));
        if (!graph || index < 0 || index >= graph->data()->size() || graph->name().isEmpty())
            return QToolTip::hideText();
        const auto point = graph->data()->at(index);
        QToolTip::showText(plot()->mapToGlobal(e->pos()),
                           tr("%1\n%2 % of the training songs: %3 %").arg(graph->name(), num(point->key, 0), num(point->value, 1)),
                           plot());
    });
    addEmptyMessage(this, tr("Train with “Learning curve” on to see whether more songs would help"));
}

void LearningCurveChart::setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside)
{
    primary_ = std::move(primary);
    beside_ = std::move(beside);
    accuracy_ = train_ = nullptr;
    const bool any = (primary_ && !primary_->curves.empty()) || (beside_ && !beside_->curves.empty());
    if (!any)
        return addEmptyMessage(this, tr("No learning curve in this run: turn on “Learning curve” and train again"));
    auto* p = plot();
    resetPlot(p);
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);

    auto songsTicker = QSharedPointer<QCPAxisTickerText>::create();
    QStringList titleModels;
    bool firstCurve = true;
    for (const auto& run : {primary_, beside_}) {
        if (!run)
            continue;
        const bool second = run == beside_ && run != primary_;
        for (const auto& curve : run->curves) {
            QColor colour = modelColor(curve.model);
            if (second)
                colour = colour.darker(160);
            const QString name = QString::fromStdString(curve.model) + (beside_ ? tr(" (run %1)").arg(run->id) : QString());
            titleModels << name;
            QVector<double> x, mean, low, high, trainAcc;
            for (const auto& pt : curve.points) {
                x << pt.fraction * kPercent;
                mean << pt.accuracyMean * kPercent;
                low << (pt.accuracyMean - pt.accuracyStd) * kPercent;
                high << (pt.accuracyMean + pt.accuracyStd) * kPercent;
                trainAcc << pt.trainAccuracyMean * kPercent;
                if (firstCurve)
                    songsTicker->addTick(pt.fraction * kPercent, QString::number(std::lround(pt.trainSize)));
            }
            // The ± std band: the lower edge filled up to the upper one (channel fill).
            auto* upper = new QCPGraph(p->xAxis, p->yAxis);
            upper->setData(x, high, true);
            upper->setPen(Qt::NoPen);
            upper->removeFromLegend();
            auto* lower = new QCPGraph(p->xAxis, p->yAxis);
            lower->setData(x, low, true);
            lower->setPen(Qt::NoPen);
            QColor band = colour;
            band.setAlpha(55);
            lower->setBrush(band);
            lower->setChannelFillGraph(upper);
            lower->setName(tr("%1: ± std over folds").arg(name));
            auto* test = new QCPGraph(p->xAxis, p->yAxis);
            test->setData(x, mean, true);
            test->setPen(QPen(colour, 2.2));
            test->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 6));
            test->setName(tr("%1: accuracy on held-out songs").arg(name));
            auto* fit = new QCPGraph(p->xAxis, p->yAxis);
            fit->setData(x, trainAcc, true);
            fit->setPen(QPen(colour, 1.6, Qt::DashLine));
            fit->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 5));
            fit->setName(tr("%1: accuracy on training songs").arg(name));
            if (firstCurve) {
                accuracy_ = test;
                train_ = fit;
            }
            firstCurve = false;
        }
    }
    p->xAxis->setLabel(tr("Share of each training fold used (%)"));
    p->xAxis->setRange(0, 105);
    p->yAxis->setLabel(tr("Accuracy (%)"));
    p->yAxis->setRange(0, 105);
    // The top axis gives the same points as numbers of songs (mean over the folds).
    p->xAxis2->setVisible(true);
    p->xAxis2->setTicker(songsTicker);
    p->xAxis2->setRange(p->xAxis->range());
    p->xAxis2->setLabel(tr("Mean training songs"));
    p->xAxis2->grid()->setVisible(false);
    setTitle(tr("Learning curve — %1").arg(titleModels.join(QStringLiteral(", "))));
    p->replot();
}

} // namespace gs::ui
