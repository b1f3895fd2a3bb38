// The scatter chart at catalogue scale (issue 15): past 20,000 analysed songs the principal
// components are fitted on a stratified sample, every song is still projected and drawn,
// and the axes say so. Checked against core pca() on the same sample and on all songs.
#include "core/dataset/stats.h"
#include "ui/charts/eda_charts.h"
#include "tests/testsupport.h"

#include <qcustomplot.h>

#include <QTest>

#include <cmath>
#include <map>
#include <random>
#include <set>

namespace {

// `perGenre[g]` songs of genre g, three features: two correlated around a genre centre,
// one noise. Feature values are deterministic.
std::shared_ptr<gs::ui::EdaData> syntheticData(const std::vector<int>& perGenre)
{
    auto d = std::make_shared<gs::ui::EdaData>();
    d->featureNames = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    std::mt19937_64 rng(5);
    std::normal_distribution<double> noise(0.0, 1.0);
    int song = 0;
    for (std::size_t g = 0; g < perGenre.size(); ++g) {
        d->genres << QStringLiteral("genre %1").arg(g);
        d->songsPerGenre.push_back(perGenre[g]);
        for (int i = 0; i < perGenre[g]; ++i, ++song) {
            const double centre = 3.0 * double(g), shared = noise(rng);
            d->songIndex.push_back(song);
            d->file << QStringLiteral("g%1/s%2.wav").arg(g).arg(i);
            d->genre.push_back(int(g));
            d->durationSeconds.push_back(30);
            d->features.push_back({centre + shared, 2.0 * (centre + shared) + 0.3 * noise(rng), noise(rng)});
        }
    }
    return d;
}

std::vector<QCPGraph*> genreGraphs(QCustomPlot* p)
{
    std::vector<QCPGraph*> out;
    for (int i = 0; i < p->graphCount(); ++i)
        if (!p->graph(i)->property("highlight").toBool())
            out.push_back(p->graph(i));
    return out;
}

} // namespace

class TestUiScatterSample : public QObject {
    Q_OBJECT
private slots:
    void stratifiedSampleKeepsGenreSharesAndIsStable()
    {
        const auto data = syntheticData({15000, 7000, 2999, 1});
        const auto sample = data->stratifiedSample(20000);
        QCOMPARE(sample, data->stratifiedSample(20000)); // deterministic
        QVERIFY(std::is_sorted(sample.begin(), sample.end()));
        QCOMPARE(std::set<std::size_t>(sample.begin(), sample.end()).size(), sample.size()); // no repeats
        std::map<int, int> perGenre;
        for (std::size_t i : sample)
            ++perGenre[data->genre[i]];
        // 25,000 songs -> 20,000: 4/5 of every genre (rounded), the one-song genre kept.
        QCOMPARE(perGenre[0], 12000);
        QCOMPARE(perGenre[1], 5600);
        QCOMPARE(perGenre[2], 2399);
        QCOMPARE(perGenre[3], 1);
        // No more songs than asked: all of them, in order.
        const auto small = syntheticData({10, 5});
        const auto all = small->stratifiedSample(20000);
        QCOMPARE(all.size(), std::size_t(15));
        QCOMPARE(all.front(), std::size_t(0));
        QCOMPARE(all.back(), std::size_t(14));
    }

    void largeCatalogueIsFittedOnTheSampleAndEverySongDrawn()
    {
        const std::vector<int> perGenre = {15000, 7000, 2999, 1};
        const auto data = syntheticData(perGenre);
        gs::ui::FeatureScatterChart chart;
        chart.resize(800, 600);
        chart.setData(data);
        chart.ensureCurrent();
        chart.setAxes(0, 1);

        for (const QCPAxis* axis : {chart.plot()->xAxis, chart.plot()->yAxis}) {
            QVERIFY(axis->label().contains(QStringLiteral("sample")));
            QVERIFY(axis->label().contains(QLocale().toString(20000)));
            QVERIFY(axis->label().contains(QLocale().toString(25000)));
        }
        const auto graphs = genreGraphs(chart.plot());
        QCOMPARE(graphs.size(), perGenre.size());
        for (std::size_t g = 0; g < graphs.size(); ++g)
            QCOMPARE(graphs[g]->data()->size(), perGenre[g]);

        // The components are pca() of the sample; each song is standardised with the
        // sample's mean and population sd, then projected on them.
        std::vector<std::vector<double>> rows;
        for (std::size_t i : data->stratifiedSample(20000))
            rows.push_back(data->features[i]);
        const auto fit = gs::pca(rows, 2, true);
        std::vector<double> mean(3, 0.0), sd(3, 0.0);
        for (const auto& r : rows)
            for (int j = 0; j < 3; ++j)
                mean[j] += r[j] / double(rows.size());
        for (const auto& r : rows)
            for (int j = 0; j < 3; ++j)
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / double(rows.size());
        const auto score = [&](std::size_t song, int k) {
            double s = 0;
            for (int j = 0; j < 3; ++j)
                s += (data->features[song][j] - mean[j]) / std::sqrt(sd[j]) * fit.loadings[k][j];
            return s;
        };
        // The one song of genre 3 (the last song) is the only point of its graph.
        const std::size_t last = data->features.size() - 1;
        QVERIFY(std::abs(graphs[3]->data()->at(0)->key - score(last, 0)) < 1e-9);
        QVERIFY(std::abs(graphs[3]->data()->at(0)->value - score(last, 1)) < 1e-9);
        QVERIFY(chart.plot()->xAxis->label().startsWith(
            QStringLiteral("PC1 (%1 %").arg(fit.explainedVarianceRatio[0] * 100, 0, 'f', 1)));
        // The sample's first component explains what the whole catalogue's does, to 1 %.
        const auto full = gs::pca(data->features, 2, true);
        QVERIFY(std::abs(full.explainedVarianceRatio[0] - fit.explainedVarianceRatio[0]) < 0.01);
    }

    void smallCatalogueIsFittedOnEverySong()
    {
        const auto data = syntheticData({300, 200});
        gs::ui::FeatureScatterChart chart;
        chart.setData(data);
        chart.ensureCurrent();
        chart.setAxes(0, 1);
        QVERIFY(!chart.plot()->xAxis->label().contains(QStringLiteral("sample")));
        const auto full = gs::pca(data->features, 2, true);
        const auto graphs = genreGraphs(chart.plot());
        QCOMPARE(graphs.size(), std::size_t(2));
        // Genre 1's points are the full fit's scores of songs 300..499 (QCustomPlot keeps
        // them sorted by x).
        std::multiset<double> expected, drawn;
        for (std::size_t i = 300; i < 500; ++i)
            expected.insert(full.scores[i][0]);
        for (auto it = graphs[1]->data()->constBegin(); it != graphs[1]->data()->constEnd(); ++it)
            drawn.insert(it->key);
        QCOMPARE(drawn, expected);
    }
};

QTEST_MAIN(TestUiScatterSample)
#include "test_ui_scatter_sample.moc"
