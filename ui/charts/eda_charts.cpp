#include "ui/charts/eda_charts.h"

#include "core/dataset/stats.h"
#include "ui/models/song_table_model.h"
#include "ui/session/dataset_session.h"
#include "ui/style/genre_colors.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs::ui {

namespace {

QComboBox* addCombo(QHBoxLayout* bar, const QString& label, const QStringList& items)
{
    auto* box = new QComboBox;
    box->addItems(items);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const int at = bar->count() - 1; // before the Export button
    bar->insertWidget(at - 1, new QLabel(label));
    bar->insertWidget(at, box);
    return box;
}

QCheckBox* addCheck(QHBoxLayout* bar, const QString& label)
{
    auto* box = new QCheckBox(label);
    bar->insertWidget(bar->count() - 1, box); // before the Export button
    return box;
}

void resetPlot(QCustomPlot* p)
{
    clearPlot(p);
    p->legend->setVisible(true);
}

QBrush fillOf(QColor c, int alpha = 170)
{
    c.setAlpha(alpha);
    return c;
}

// One genre's box (whiskers, quartiles, median, outliers) at x = genre index, in its colour.
void addGenreBox(QCustomPlot* plot, int genre, const QString& name, const BoxStats& s)
{
    auto* box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
    box->setName(name);
    box->setBrush(fillOf(genreColor(genre), 150));
    box->setWidth(0.6);
    box->addData(genre, s.lowerWhisker, s.q1, s.median, s.q3, s.upperWhisker,
                 QVector<double>(s.outliers.begin(), s.outliers.end()));
    box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, genreColor(genre).darker(140), 5));
}

QString featureLabel(const QString& name)
{
    // Units where the feature has one; most are unitless statistics.
    if (name.startsWith(QLatin1String("spectral_centroid")) || name.startsWith(QLatin1String("spectral_bandwidth")) ||
        name.startsWith(QLatin1String("rolloff")))
        return name + (name.endsWith(QLatin1String("_var")) ? QStringLiteral(" (Hz²)") : QStringLiteral(" (Hz)"));
    if (name == QLatin1String("tempo"))
        return name + QStringLiteral(" (BPM)");
    return name;
}

// Scores of the analysed songs on the first two principal components (StandardScaler + PCA,
// as the notebook). Up to kPcaFitSongs songs the components are fitted on all of them; a
// larger catalogue fits them on a stratified sample of that many (issue 15: a 100,000-song
// fit costs a quarter of a second, a 20,000-song one a fifth of that, and the components
// differ only by sampling error) and projects every song with the sample's standardisation,
// so that every song is still drawn. The axis labels say when the fit was on a sample.
constexpr std::size_t kPcaFitSongs = 20000;

// A filled disc of `diameter` pixels in `color`, as QCPScatterStyle::ssDisc draws it.
// Past kVectorDiscs points the disc is drawn once into a pixmap and stamped: 100,000
// antialiased ellipse paths cost a quarter of a second per redraw, 100,000 stamps about 30 ms
// (bench_ui_catalogue, "scatter (two features)"). Fewer points keep vector discs (sharp in
// SVG and PDF exports).
constexpr std::size_t kVectorDiscs = 20000;

QCPScatterStyle discStyle(const QColor& color, const QColor& fill, double diameter, std::size_t points)
{
    if (points <= kVectorDiscs)
        return QCPScatterStyle(QCPScatterStyle::ssDisc, color, fill, diameter);
    const int side = int(std::ceil(diameter)) + 2; // the outline's half pixel on both sides
    QPixmap disc(side, side);
    disc.fill(Qt::transparent);
    QPainter painter(&disc);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color);
    painter.setBrush(color);
    painter.drawEllipse(QPointF(side / 2.0, side / 2.0), diameter / 2, diameter / 2);
    painter.end();
    return QCPScatterStyle(disc);
}

struct Projection {
    std::vector<std::vector<double>> scores; // [song][component], every analysed song
    std::vector<double> explainedVarianceRatio;
    std::size_t fittedOn = 0;                // songs the components were fitted on
};

// How pca() standardised its rows: their mean and population standard deviation (1 for a
// constant feature), as sklearn's StandardScaler.
struct Standardisation {
    std::vector<double> centre, inverseScale;
};

Standardisation standardisationOf(const std::vector<std::vector<double>>& rows)
{
    const std::size_t d = rows.front().size(), n = rows.size();
    Standardisation s{std::vector<double>(d, 0.0), std::vector<double>(d, 1.0)};
    for (const auto& r : rows)
        for (std::size_t j = 0; j < d; ++j)
            s.centre[j] += r[j];
    for (double& c : s.centre)
        c /= double(n);
    for (std::size_t j = 0; j < d; ++j) {
        double ss = 0.0;
        for (const auto& r : rows)
            ss += (r[j] - s.centre[j]) * (r[j] - s.centre[j]);
        const double sd = std::sqrt(ss / double(n));
        s.inverseScale[j] = sd > 0 ? 1.0 / sd : 1.0;
    }
    return s;
}

// Scores of every row on a fit's components: standardised as the fit's rows were, then
// projected on the unit loadings.
std::vector<std::vector<double>> project(const std::vector<std::vector<double>>& rows, const Standardisation& s, const PcaResult& fit)
{
    std::vector<std::vector<double>> scores(rows.size(), std::vector<double>(fit.components, 0.0));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t k = 0; k < fit.components; ++k) {
            double score = 0.0;
            for (std::size_t j = 0; j < s.centre.size() && j < rows[i].size(); ++j)
                score += (rows[i][j] - s.centre[j]) * s.inverseScale[j] * fit.loadings[k][j];
            scores[i][k] = score;
        }
    return scores;
}

Projection principalComponents(const EdaData& data)
{
    Projection out;
    const auto sample = data.stratifiedSample(kPcaFitSongs);
    out.fittedOn = sample.size();
    if (sample.size() == data.features.size()) {
        PcaResult fit = pca(data.features, 2, true);
        out.scores = std::move(fit.scores);
        out.explainedVarianceRatio = std::move(fit.explainedVarianceRatio);
        return out;
    }
    std::vector<std::vector<double>> rows;
    rows.reserve(sample.size());
    for (std::size_t i : sample)
        rows.push_back(data.features[i]);
    const PcaResult fit = pca(rows, 2, true);
    out.explainedVarianceRatio = fit.explainedVarianceRatio;
    out.scores = project(data.features, standardisationOf(rows), fit);
    return out;
}

} // namespace

// --- EdaChart -------------------------------------------------------------------------

EdaChart::EdaChart(const QString& title, QWidget* parent, bool legendOutside) : ChartWidget(title, parent)
{
    if (legendOutside)
        placeLegendOutside(plot());
}

void EdaChart::enableSeriesTooltips()
{
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        int index = -1;
        QCPAbstractPlottable* hit = plot()->plottableAt(e->pos(), false, &index);
        QString text;
        const auto number = [](double v) { return QLocale().toString(v, 'g', 5); };
        if (auto* bars = qobject_cast<QCPBars*>(hit); bars && index >= 0 && index < bars->data()->size())
            text = QStringLiteral("%1: %2").arg(bars->name(), number(bars->data()->at(index)->value));
        else if (auto* box = qobject_cast<QCPStatisticalBox*>(hit); box && index >= 0 && index < box->data()->size()) {
            const auto d = box->data()->at(index);
            text = tr("%1\nmedian %2\nquartiles %3 – %4\nwhiskers %5 – %6\n%n outlier(s)", nullptr, int(d->outliers.size()))
                       .arg(box->name(), number(d->median), number(d->lowerQuartile), number(d->upperQuartile),
                            number(d->minimum), number(d->maximum));
        } else if (auto* graph = qobject_cast<QCPGraph*>(hit); graph && index >= 0 && index < graph->data()->size())
            text = QStringLiteral("%1: %2, %3").arg(graph->name(), number(graph->data()->at(index)->key),
                                                    number(graph->data()->at(index)->value));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(plot()->mapToGlobal(e->pos()), text, plot());
    });
}

void EdaChart::setData(std::shared_ptr<const EdaData> data)
{
    data_ = std::move(data);
    stale_ = true;
    if (isVisible())
        ensureCurrent();
}

void EdaChart::ensureCurrent()
{
    if (!stale_)
        return;
    stale_ = false;
    rebuild();
}

void EdaChart::showEvent(QShowEvent* event)
{
    ensureCurrent();
    ChartWidget::showEvent(event);
}

void EdaChart::showEmpty(const QString& message)
{
    auto* p = plot();
    resetPlot(p);
    p->legend->setVisible(false);
    auto* text = new QCPItemText(p);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(message);
    text->setColor(palette().placeholderText().color());
    p->replot();
}

void EdaChart::setGenreTicks()
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int g = 0; g < data_->genres.size(); ++g)
        ticker->addTick(g, data_->genres[g].isEmpty() ? tr("(none)") : data_->genres[g]);
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setTickLabelRotation(data_->genres.size() > 6 ? 35 : 0);
    plot()->xAxis->setRange(-0.7, data_->genres.size() - 0.3);
    plot()->xAxis->setLabel(tr("Genre"));
}

// --- Class balance --------------------------------------------------------------------

ClassBalanceChart::ClassBalanceChart(QWidget* parent) : EdaChart(tr("Class balance"), parent)
{
    log_ = addCheck(toolbar(), tr("Log scale"));
    log_->setToolTip(tr("Song counts on a logarithmic axis: small genres stay visible beside large ones"));
    enableSeriesTooltips();
    connect(log_, &QCheckBox::toggled, this, [this] { rebuild(); });
}

void ClassBalanceChart::setLogScale(bool on) { log_->setChecked(on); }

bool ClassBalanceChart::logScale() const { return log_->isChecked(); }

void ClassBalanceChart::rebuild()
{
    if (!data_ || data_->genres.isEmpty())
        return showEmpty(tr("No songs yet"));
    auto* p = plot();
    resetPlot(p);
    const bool logarithmic = log_->isChecked();
    // On a log axis a bar cannot start at 0: it starts below one song, so a genre of 1 song shows.
    constexpr double kLogBase = 0.5;
    int most = 0;
    for (int g = 0; g < data_->genres.size(); ++g) {
        auto* bars = new QCPBars(p->xAxis, p->yAxis);
        bars->setName(data_->genres[g]);
        bars->setWidth(0.7);
        bars->setBaseValue(logarithmic ? kLogBase : 0.0);
        bars->setPen(QPen(genreColor(g).darker(130)));
        bars->setBrush(fillOf(genreColor(g)));
        bars->addData(g, data_->songsPerGenre[std::size_t(g)]);
        most = std::max(most, data_->songsPerGenre[std::size_t(g)]);
    }
    setGenreTicks();
    if (logarithmic) {
        p->yAxis->setLabel(tr("Songs (log scale)"));
        p->yAxis->setScaleType(QCPAxis::stLogarithmic);
        p->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        p->yAxis->setRange(kLogBase, std::max(2.0, most * 2.0));
    } else {
        p->yAxis->setLabel(tr("Songs"));
        p->yAxis->setScaleType(QCPAxis::stLinear);
        auto counts = QSharedPointer<QCPAxisTickerFixed>::create();
        counts->setTickStep(1.0);
        counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        p->yAxis->setTicker(counts);
        p->yAxis->setRange(0, std::max(1.0, most * 1.1));
    }
    p->replot();
}

// --- Song length ----------------------------------------------------------------------

SongLengthChart::SongLengthChart(QWidget* parent) : EdaChart(tr("Song length per genre"), parent)
{
    mode_ = addCombo(toolbar(), tr("Show"), {tr("Box plot"), tr("Average length")});
    enableSeriesTooltips();
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
}

void SongLengthChart::setShowAverages(bool averages) { mode_->setCurrentIndex(averages ? 1 : 0); }

void SongLengthChart::rebuild()
{
    if (!data_ || data_->durationSeconds.empty())
        return showEmpty(tr("No analysed songs yet"));
    auto* p = plot();
    resetPlot(p);
    const bool averages = mode_->currentIndex() == 1;
    double top = 0, bottom = std::numeric_limits<double>::max();
    QCPGraph* means = nullptr;
    if (!averages) {
        means = new QCPGraph(p->xAxis, p->yAxis);
        means->setName(tr("Mean"));
        means->setLineStyle(QCPGraph::lsNone);
        means->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, Qt::black, Qt::white, 8));
    }
    for (int g = 0; g < data_->genres.size(); ++g) {
        const auto lengths = data_->durationsOf(g);
        if (lengths.empty())
            continue;
        const auto s = boxStats(lengths);
        if (averages) {
            auto* bars = new QCPBars(p->xAxis, p->yAxis);
            bars->setName(data_->genres[g]);
            bars->setWidth(0.7);
            bars->setPen(QPen(genreColor(g).darker(130)));
            bars->setBrush(fillOf(genreColor(g)));
            bars->addData(g, s.mean);
            top = std::max(top, s.mean);
        } else {
            addGenreBox(p, g, data_->genres[g], s);
            means->addData(g, s.mean);
            top = std::max(top, s.maximum);
            bottom = std::min(bottom, s.minimum);
        }
    }
    setGenreTicks();
    p->yAxis->setLabel(averages ? tr("Average length (s)") : tr("Length (s)"));
    if (averages) {
        p->yAxis->setRange(0, std::max(1.0, top * 1.12));
    } else { // boxes of similar lengths would be flat lines on a zero-based axis
        const double pad = std::max(0.5, 0.08 * (top - bottom));
        p->yAxis->setRange(std::max(0.0, bottom - pad), top + pad);
    }
    p->replot();
}

// --- Feature distributions ------------------------------------------------------------

FeatureDistributionChart::FeatureDistributionChart(QWidget* parent)
    : EdaChart(tr("Feature distribution"), parent)
{
    feature_ = addCombo(toolbar(), tr("Feature"), {});
    mode_ = addCombo(toolbar(), tr("Show"), {tr("Box plots"), tr("Histograms"), tr("Density curves")});
    enableSeriesTooltips();
    connect(feature_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
}

void FeatureDistributionChart::setFeature(int feature) { feature_->setCurrentIndex(feature); }
void FeatureDistributionChart::setMode(Mode mode) { mode_->setCurrentIndex(int(mode)); }

void FeatureDistributionChart::rebuild()
{
    if (data_ && feature_->count() != data_->featureNames.size()) {
        QSignalBlocker block(feature_);
        const int keep = std::max(0, feature_->currentIndex());
        feature_->clear();
        feature_->addItems(data_->featureNames);
        feature_->setCurrentIndex(std::min(keep, int(feature_->count()) - 1));
    }
    if (!data_ || data_->features.empty())
        return showEmpty(tr("No analysed songs yet"));
    auto* p = plot();
    resetPlot(p);
    const int f = std::max(0, feature_->currentIndex());
    const QString label = featureLabel(data_->featureNames.value(f));
    const auto all = data_->column(f);
    const auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    const double low = *lo, high = *hi > *lo ? *hi : *lo + 1.0;
    const auto mode = Mode(mode_->currentIndex());

    if (mode == BoxPlot) {
        for (int g = 0; g < data_->genres.size(); ++g) {
            const auto values = data_->column(f, g);
            if (values.empty())
                continue;
            const auto s = boxStats(values);
            addGenreBox(p, g, data_->genres[g], s);
        }
        setGenreTicks();
        p->yAxis->setLabel(label);
        p->yAxis->setRange(low - 0.05 * (high - low), high + 0.05 * (high - low));
    } else {
        constexpr int kBins = 30;
        constexpr int kCurvePoints = 200;
        double top = 0;
        for (int g = 0; g < data_->genres.size(); ++g) {
            const auto values = data_->column(f, g);
            if (values.empty())
                continue;
            auto* graph = new QCPGraph(p->xAxis, p->yAxis);
            graph->setName(data_->genres[g]);
            QPen pen(genreColor(g), 2);
            graph->setPen(pen);
            QVector<double> xs, ys;
            if (mode == Histogram) {
                const auto h = histogram(values, low, high, kBins, true);
                for (std::size_t i = 0; i < h.counts.size(); ++i) {
                    xs << h.binCentre(i);
                    ys << h.counts[i];
                }
                graph->setLineStyle(QCPGraph::lsStepCenter);
                graph->setBrush(fillOf(genreColor(g), 45));
            } else {
                std::vector<double> grid(kCurvePoints);
                for (int i = 0; i < kCurvePoints; ++i)
                    grid[std::size_t(i)] = low + (high - low) * i / (kCurvePoints - 1);
                const auto density = gaussianKde(values, grid);
                xs = QVector<double>(grid.begin(), grid.end());
                ys = QVector<double>(density.begin(), density.end());
                graph->setBrush(fillOf(genreColor(g), 30));
            }
            graph->setData(xs, ys, true);
            top = std::max(top, *std::max_element(ys.begin(), ys.end()));
        }
        p->xAxis->setLabel(label);
        p->yAxis->setLabel(mode == Histogram ? tr("Density (share per unit)") : tr("Estimated density"));
        p->xAxis->setRange(low, high);
        p->yAxis->setRange(0, std::max(top * 1.1, 1e-12));
    }
    setTitle(tr("Feature distribution — %1").arg(data_->featureNames.value(f)));
    p->replot();
}

// --- Scatter --------------------------------------------------------------------------

FeatureScatterChart::FeatureScatterChart(QWidget* parent) : EdaChart(tr("Feature scatter"), parent)
{
    x_ = addCombo(toolbar(), tr("X"), {});
    y_ = addCombo(toolbar(), tr("Y"), {});
    connect(x_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(y_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    plot()->setMouseTracking(true);
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const int song = songNear(e->pos());
        if (song < 0) {
            QToolTip::hideText();
            return;
        }
        const auto& s = data_->songIndex;
        const auto at = std::size_t(std::find(s.begin(), s.end(), song) - s.begin());
        QToolTip::showText(plot()->mapToGlobal(e->pos()),
                           tr("%1\n%2\n%3 = %4\n%5 = %6")
                               .arg(data_->file.value(int(at)),
                                    data_->genres.value(data_->genre[at]), x_->currentText())
                               .arg(xs_[at], 0, 'g', 5)
                               .arg(y_->currentText())
                               .arg(ys_[at], 0, 'g', 5),
                           plot());
    });
    connect(plot(), &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        const int song = songNear(e->pos());
        if (song >= 0) {
            highlightSong(song);
            emit songClicked(song);
        }
    });
}

void FeatureScatterChart::setAxes(int x, int y)
{
    QSignalBlocker bx(x_), by(y_); // one rebuild, below
    x_->setCurrentIndex(x);
    y_->setCurrentIndex(y);
    rebuild();
}

void FeatureScatterChart::rebuild()
{
    if (data_ && x_->count() != data_->featureNames.size() + 2) {
        QSignalBlocker bx(x_), by(y_);
        const int kx = std::max(0, x_->currentIndex()), ky = std::max(1, y_->currentIndex());
        QStringList items = {tr("Principal component 1"), tr("Principal component 2")};
        items += data_->featureNames;
        x_->clear();
        y_->clear();
        x_->addItems(items);
        y_->addItems(items);
        x_->setCurrentIndex(kx);
        y_->setCurrentIndex(ky);
    }
    if (!data_ || data_->features.size() < 2)
        return showEmpty(tr("Need at least two analysed songs"));
    auto* p = plot();
    resetPlot(p);
    const int xi = x_->currentIndex(), yi = y_->currentIndex();
    Projection projection;
    if (xi < 2 || yi < 2)
        projection = principalComponents(*data_);
    auto values = [&](int choice) {
        if (choice < 2) {
            std::vector<double> v;
            v.reserve(projection.scores.size());
            for (const auto& row : projection.scores)
                v.push_back(row[std::size_t(choice)]);
            return v;
        }
        return data_->column(choice - 2);
    };
    xs_ = values(xi);
    ys_ = values(yi);
    // A fit on a sample says so on its axes, on screen and in every export.
    const bool sampled = projection.fittedOn > 0 && projection.fittedOn < data_->features.size();
    const QString sampleNote = sampled ? QStringLiteral(" — ") + tr("fitted on a stratified sample of %1 of %2 songs, all shown")
                                                                   .arg(QLocale().toString(qulonglong(projection.fittedOn)),
                                                                        QLocale().toString(qulonglong(data_->features.size())))
                                       : QString();
    auto axisLabel = [&](int choice) {
        if (choice < 2)
            return tr("PC%1 (%2 % of variance)").arg(choice + 1).arg(projection.explainedVarianceRatio[std::size_t(choice)] * 100, 0, 'f', 1) +
                   sampleNote;
        return featureLabel(data_->featureNames.value(choice - 2));
    };
    for (int g = 0; g < data_->genres.size(); ++g) {
        QVector<double> gx, gy;
        for (std::size_t i = 0; i < xs_.size(); ++i)
            if (data_->genre[i] == g) {
                gx << xs_[i];
                gy << ys_[i];
            }
        if (gx.isEmpty())
            continue;
        auto* graph = new QCPGraph(p->xAxis, p->yAxis);
        graph->setName(data_->genres[g]);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(discStyle(genreColor(g).darker(115), fillOf(genreColor(g), 200).color(), 7, xs_.size()));
        graph->setData(gx, gy);
    }
    p->xAxis->setLabel(axisLabel(xi));
    p->yAxis->setLabel(axisLabel(yi));
    p->rescaleAxes();
    p->xAxis->scaleRange(1.08);
    p->yAxis->scaleRange(1.08);
    setTitle(tr("Scatter — %1 vs %2").arg(y_->currentText(), x_->currentText()));
    highlightSong(highlighted_);
}

int FeatureScatterChart::songNear(const QPoint& pixel, double maxDistance) const
{
    if (!data_)
        return -1;
    int best = -1;
    double bestDistance = maxDistance * maxDistance;
    for (std::size_t i = 0; i < xs_.size() && i < data_->songIndex.size(); ++i) {
        const double dx = plot()->xAxis->coordToPixel(xs_[i]) - pixel.x();
        const double dy = plot()->yAxis->coordToPixel(ys_[i]) - pixel.y();
        if (dx * dx + dy * dy <= bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = data_->songIndex[i];
        }
    }
    return best;
}

QPoint FeatureScatterChart::pixelOfSong(int songIndex) const
{
    if (!data_)
        return {-1, -1};
    const auto& s = data_->songIndex;
    const auto it = std::find(s.begin(), s.end(), songIndex);
    if (it == s.end() || std::size_t(it - s.begin()) >= xs_.size())
        return {-1, -1};
    const auto i = std::size_t(it - s.begin());
    return {int(std::lround(plot()->xAxis->coordToPixel(xs_[i]))), int(std::lround(plot()->yAxis->coordToPixel(ys_[i])))};
}

void FeatureScatterChart::highlightSong(int songIndex)
{
    highlighted_ = songIndex;
    if (isStale())
        return; // drawn with the mark at the next rebuild
    auto* p = plot();
    for (int i = p->graphCount() - 1; i >= 0; --i)
        if (p->graph(i)->property("highlight").toBool())
            p->removeGraph(i);
    if (data_) {
        const auto& s = data_->songIndex;
        const auto it = std::find(s.begin(), s.end(), songIndex);
        if (it != s.end() && std::size_t(it - s.begin()) < xs_.size()) {
            const auto i = std::size_t(it - s.begin());
            auto* mark = p->addGraph();
            mark->setProperty("highlight", true);
            mark->setName(tr("Selected song"));
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 14));
            mark->addData(xs_[i], ys_[i]);
            mark->removeFromLegend();
        }
    }
    p->replot();
}

// --- Correlation ----------------------------------------------------------------------

CorrelationChart::CorrelationChart(QWidget* parent) : EdaChart(tr("Feature correlation"), parent, false)
{
    auto* p = plot();
    map_ = nullptr;
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (!map_ || !data_)
            return;
        int a = 0, b = 0;
        map_->data()->coordToCell(plot()->xAxis->pixelToCoord(e->pos().x()), plot()->yAxis->pixelToCoord(e->pos().y()), &a, &b);
        const int n = int(data_->featureNames.size());
        if (a < 0 || b < 0 || a >= n || b >= n)
            return;
        QToolTip::showText(plot()->mapToGlobal(e->pos()),
                           tr("%1 × %2\nr = %3").arg(data_->featureNames[a], data_->featureNames[b]).arg(map_->data()->cell(a, b), 0, 'f', 3),
                           plot());
    });
}

void CorrelationChart::rebuild()
{
    if (!data_ || data_->features.size() < 3)
        return showEmpty(tr("Need at least three analysed songs"));
    auto* p = plot();
    resetPlot(p);
    p->legend->setVisible(false);
    // The colour scale from an earlier build lives in the layout; replace it.
    for (int i = p->plotLayout()->elementCount() - 1; i >= 0; --i)
        if (auto* old = qobject_cast<QCPColorScale*>(p->plotLayout()->elementAt(i)))
            p->plotLayout()->remove(old);
    p->plotLayout()->simplify();

    const int n = int(data_->featureNames.size());
    const auto r = correlationMatrix(data_->columns());
    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setName(tr("Pearson r"));
    map_->data()->setSize(n, n);
    map_->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
            map_->data()->setCell(a, b, r[std::size_t(a * n + b)]);
    map_->setInterpolate(false);
    QCPColorGradient diverging; // blue for negative, white for none, red for positive (coolwarm)
    diverging.clearColorStops();
    diverging.setColorStopAt(0.0, QColor(0x3b, 0x4c, 0xc0));
    diverging.setColorStopAt(0.5, QColor(0xf2, 0xf2, 0xf2));
    diverging.setColorStopAt(1.0, QColor(0xb4, 0x04, 0x26));
    map_->setGradient(diverging);
    map_->setDataRange(QCPRange(-1, 1));
    auto* scale = new QCPColorScale(p);
    p->plotLayout()->addElement(0, 1, scale);
    scale->axis()->setLabel(tr("Pearson correlation"));
    map_->setColorScale(scale);
    map_->setDataRange(QCPRange(-1, 1));

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int f = 0; f < n; ++f)
        ticker->addTick(f, data_->featureNames[f]);
    QFont tiny = font();
    tiny.setPointSizeF(std::max(5.0, tiny.pointSizeF() * (n > 30 ? 0.6 : 0.85)));
    for (auto* axis : {p->xAxis, p->yAxis}) {
        axis->setTicker(ticker);
        axis->setTickLabelFont(tiny);
        axis->setRange(-0.5, n - 0.5);
        axis->setLabel({});
        axis->grid()->setVisible(false);
    }
    p->yAxis->setRangeReversed(true);
    p->xAxis->setTickLabelRotation(90);
    p->replot();
}

} // namespace gs::ui
