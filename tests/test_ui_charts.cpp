// The exploration charts on hand-made data: one series per genre with the values the
// statistics say, and Export… writing real PNG, SVG and PDF files.
#include "core/dataset/stats.h"
#include "ui/charts/eda_charts.h"
#include "ui/views/waveform_view.h"
#include "core/audio/envelope.h"
#include "tests/testsupport.h"

#include <qcustomplot.h>

#include <QToolTip>

namespace {

std::shared_ptr<gs::ui::EdaData> sampleData()
{
    auto d = std::make_shared<gs::ui::EdaData>();
    d->genres = {QStringLiteral("blues"), QStringLiteral("jazz"), QStringLiteral("rock")};
    d->featureNames = {QStringLiteral("tempo"), QStringLiteral("rms_mean"), QStringLiteral("rolloff_mean")};
    d->songsPerGenre = {3, 2, 4}; // one rock song failed: 3 analysed
    const double lengths[] = {30, 31, 35, 60, 62, 10, 12, 14};
    const int genre[] = {0, 0, 0, 1, 1, 2, 2, 2};
    for (int i = 0; i < 8; ++i) {
        d->songIndex.push_back(i);
        d->file << QStringLiteral("song%1.wav").arg(i);
        d->genre.push_back(genre[i]);
        d->durationSeconds.push_back(lengths[i]);
        d->features.push_back({100.0 + 10 * i, 0.01 * (i + 1), 1000.0 + 500 * (i % 3)});
    }
    return d;
}

template <typename T>
std::vector<T*> plottablesOf(QCustomPlot* p)
{
    std::vector<T*> out;
    for (int i = 0; i < p->plottableCount(); ++i)
        if (auto* t = qobject_cast<T*>(p->plottable(i)))
            out.push_back(t);
    return out;
}

} // namespace

class TestUiCharts : public QObject {
    Q_OBJECT
private slots:
    void classBalanceHasOneBarSeriesPerGenre()
    {
        gs::ui::ClassBalanceChart chart;
        chart.setData(sampleData());
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        const auto bars = plottablesOf<QCPBars>(chart.plot());
        QCOMPARE(bars.size(), std::size_t(3));
        const int expected[] = {3, 2, 4};
        const char* names[] = {"blues", "jazz", "rock"};
        for (int g = 0; g < 3; ++g) {
            QCOMPARE(bars[std::size_t(g)]->name(), QString::fromLatin1(names[g]));
            QCOMPARE(bars[std::size_t(g)]->data()->size(), 1);
            QCOMPARE(bars[std::size_t(g)]->data()->at(0)->key, double(g));
            QCOMPARE(bars[std::size_t(g)]->data()->at(0)->value, double(expected[g]));
        }
        QVERIFY(chart.plot()->legend->visible());
        QCOMPARE(chart.plot()->legend->itemCount(), 3);

        // Hovering the jazz bar says what it is.
        chart.resize(640, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.plot()->replot();
        const QPoint jazz(int(chart.plot()->xAxis->coordToPixel(1)), int(chart.plot()->yAxis->coordToPixel(1)));
        QTest::mouseMove(chart.plot(), jazz);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("jazz: 2"));
    }

    void hiddenChartDrawsWhenShownNotBefore()
    {
        gs::ui::ClassBalanceChart chart;
        chart.setData(sampleData());
        QCOMPARE(chart.plot()->plottableCount(), 0); // hidden: nothing computed yet
        chart.show();
        QCOMPARE(chart.plot()->plottableCount(), 3); // shown: drawn from the latest snapshot
    }

    void songLengthBoxesAndMeans()
    {
        gs::ui::SongLengthChart chart;
        chart.setData(sampleData());
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        const auto boxes = plottablesOf<QCPStatisticalBox>(chart.plot());
        QCOMPARE(boxes.size(), std::size_t(3));
        // blues 30, 31, 35: median 31, q1 30.5, q3 33 (numpy linear); rock 10, 12, 14: median 12.
        QCOMPARE(boxes[0]->data()->at(0)->median, 31.0);
        QCOMPARE(boxes[0]->data()->at(0)->lowerQuartile, 30.5);
        QCOMPARE(boxes[0]->data()->at(0)->upperQuartile, 33.0);
        QCOMPARE(boxes[1]->data()->at(0)->median, 61.0);
        QCOMPARE(boxes[2]->data()->at(0)->median, 12.0);
        const auto graphs = plottablesOf<QCPGraph>(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(1)); // the mean markers
        QCOMPARE(graphs[0]->data()->size(), 3);
        QCOMPARE(graphs[0]->data()->at(0)->value, 32.0);
        QCOMPARE(graphs[0]->data()->at(1)->value, 61.0);

        chart.setShowAverages(true);
        const auto bars = plottablesOf<QCPBars>(chart.plot());
        QCOMPARE(bars.size(), std::size_t(3));
        QCOMPARE(bars[2]->data()->at(0)->value, 12.0);
    }

    void featureDistributionPerGenre()
    {
        gs::ui::FeatureDistributionChart chart;
        const auto data = sampleData();
        chart.setData(data);
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        chart.setFeature(0); // tempo = 100 + 10 i
        auto boxes = plottablesOf<QCPStatisticalBox>(chart.plot());
        QCOMPARE(boxes.size(), std::size_t(3));
        QCOMPARE(boxes[0]->data()->at(0)->median, 110.0); // 100, 110, 120
        QCOMPARE(boxes[2]->data()->at(0)->median, 160.0); // 150, 160, 170
        QVERIFY(chart.plot()->yAxis->label().contains(QStringLiteral("BPM")));

        chart.setMode(gs::ui::FeatureDistributionChart::Histogram);
        auto graphs = plottablesOf<QCPGraph>(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(3));
        // Each genre's density histogram integrates to one.
        for (auto* g : graphs) {
            double area = 0;
            const double width = (data->features[7][0] - data->features[0][0]) / 30.0;
            for (int i = 0; i < g->data()->size(); ++i)
                area += g->data()->at(i)->value * width;
            QVERIFY2(std::abs(area - 1.0) < 1e-9, qPrintable(QString::number(area)));
        }

        chart.setMode(gs::ui::FeatureDistributionChart::Density);
        graphs = plottablesOf<QCPGraph>(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(3));
        const std::vector<double> jazz = {130, 140};
        const std::vector<double> at = {graphs[1]->data()->at(100)->key};
        QVERIFY(std::abs(graphs[1]->data()->at(100)->value - gs::gaussianKde(jazz, at)[0]) < 1e-12);
    }

    void scatterPlacesEverySongAndFindsItBack()
    {
        gs::ui::FeatureScatterChart chart;
        chart.resize(800, 600);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setData(sampleData());
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        chart.setAxes(2, 3); // tempo vs rms_mean
        auto graphs = plottablesOf<QCPGraph>(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(3));
        QCOMPARE(graphs[0]->data()->size() + graphs[1]->data()->size() + graphs[2]->data()->size(), 8);
        QCOMPARE(graphs[1]->data()->at(0)->key, 130.0);
        QCOMPARE(graphs[1]->data()->at(0)->value, 0.04);
        chart.plot()->replot();
        QSignalSpy clicked(&chart, &gs::ui::FeatureScatterChart::songClicked);
        const QPoint at = chart.pixelOfSong(5);
        QVERIFY(at.x() >= 0);
        QCOMPARE(chart.songNear(at), 5);
        QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 5);

        chart.setAxes(0, 1); // principal components
        QVERIFY(chart.plot()->xAxis->label().startsWith(QStringLiteral("PC1")));
        graphs = plottablesOf<QCPGraph>(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(4)); // 3 genres + the selected-song ring
    }

    void correlationHeatmapHoldsPearson()
    {
        gs::ui::CorrelationChart chart;
        const auto data = sampleData();
        chart.setData(data);
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        auto* map = chart.colorMap();
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 3);
        QCOMPARE(map->data()->cell(0, 0), 1.0);
        // tempo and rms_mean are both linear in i: r = 1.
        QVERIFY(std::abs(map->data()->cell(0, 1) - 1.0) < 1e-12);
        const auto r02 = gs::pearson(data->column(0), data->column(2));
        QVERIFY(std::abs(map->data()->cell(0, 2) - r02) < 1e-12);
        QCOMPARE(map->dataRange().lower, -1.0);
    }

    void exportWritesPngSvgAndPdf()
    {
        QTemporaryDir tmp;
        gs::ui::ClassBalanceChart chart;
        chart.resize(640, 400);
        chart.setData(sampleData());
        chart.ensureCurrent(); // a hidden chart draws when asked (or shown)
        const QString base = tmp.path() + QStringLiteral("/balance");
        QVERIFY(chart.exportTo(base + QStringLiteral(".png"), 640, 400));
        QVERIFY(chart.exportTo(base + QStringLiteral(".svg"), 640, 400));
        QVERIFY(chart.exportTo(base + QStringLiteral(".pdf"), 640, 400));
        QVERIFY(!chart.exportTo(base + QStringLiteral(".bmpx")));
        auto head = [](const QString& f) {
            QFile file(f);
            return file.open(QIODevice::ReadOnly) ? file.read(400) : QByteArray();
        };
        QVERIFY(head(base + QStringLiteral(".png")).startsWith("\x89PNG"));
        QVERIFY(head(base + QStringLiteral(".pdf")).startsWith("%PDF"));
        const QByteArray svg = head(base + QStringLiteral(".svg"));
        QVERIFY(svg.contains("<svg"));
        QImage png(base + QStringLiteral(".png"));
        QCOMPARE(png.width(), 1280); // exported at 2x for sharp README images

        // In memory, for reports: the same chart at the asked size, and it draws something.
        const QImage embedded = QImage::fromData(chart.toPng(500, 300));
        QCOMPARE(embedded.size(), QSize(500, 300));
        QSet<QRgb> colours;
        for (int y = 0; y < embedded.height(); y += 3)
            for (int x = 0; x < embedded.width(); x += 3)
                colours.insert(embedded.pixel(x, y));
        QVERIFY(colours.size() > 8);
    }

    void waveformZoomAndScrollKeepInsideTheSong()
    {
        gs::ui::WaveformView view;
        view.resize(600, 150);
        std::vector<float> y(22050 * 10, 0.0f);
        view.setEnvelope(std::make_shared<gs::WaveformEnvelope>(y), 22050);
        QCOMPARE(view.visibleStart(), 0.0);
        QCOMPARE(view.visibleEnd(), 10.0);
        QSignalSpy range(&view, &gs::ui::WaveformView::visibleRangeChanged);
        QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.visibleEnd() - view.visibleStart(), 5.0);
        QCOMPARE(range.count(), 1);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.visibleEnd(), 10.0);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.visibleEnd(), 10.0); // cannot scroll past the end
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QCOMPARE(view.visibleStart(), 0.0);
        QCOMPARE(view.visibleEnd(), 10.0);
        QCOMPARE(gs::ui::niceTimeStep(30, 6), 5.0);
    }
};

QTEST_MAIN(TestUiCharts)
#include "test_ui_charts.moc"
