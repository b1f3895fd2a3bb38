// Descriptive statistics checked against values worked out by hand / with numpy & scipy.
#include "core/dataset/stats.h"
#include "tests/testsupport.h"

#include <cmath>

class TestStats : public QObject {
    Q_OBJECT
private slots:
    void percentilesMatchNumpyLinear()
    {
        const std::vector<double> v = {7, 1, 10, 3, 2, 9, 5, 4, 8, 6};
        QCOMPARE(gs::percentile(v, 25), 3.25);  // numpy.percentile(range(1, 11), 25)
        QCOMPARE(gs::percentile(v, 50), 5.5);
        QCOMPARE(gs::percentile(v, 75), 7.75);
        QCOMPARE(gs::percentile(v, 0), 1.0);
        QCOMPARE(gs::percentile(v, 100), 10.0);
    }

    void boxPlotHasTukeyWhiskersAndOutliers()
    {
        const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
        const auto s = gs::boxStats(v);
        QCOMPARE(s.count, std::size_t(10));
        QCOMPARE(s.q1, 3.25);
        QCOMPARE(s.median, 5.5);
        QCOMPARE(s.q3, 7.75);
        QCOMPARE(s.mean, 14.5);
        QCOMPARE(s.lowerWhisker, 1.0);  // q1 - 1.5 IQR = -3.5: all low values inside
        QCOMPARE(s.upperWhisker, 9.0);  // q3 + 1.5 IQR = 14.5
        QCOMPARE(s.outliers.size(), std::size_t(1));
        QCOMPARE(s.outliers[0], 100.0);
        QCOMPARE(s.maximum, 100.0);
        QCOMPARE(gs::boxStats(std::vector<double>{}).count, std::size_t(0));
    }

    void histogramCountsAndDensity()
    {
        const std::vector<double> v = {0.0, 0.1, 0.5, 0.99, 1.0, 2.0, -1.0};
        const auto h = gs::histogram(v, 0.0, 1.0, 2);
        QCOMPARE(h.counts.size(), std::size_t(2));
        QCOMPARE(h.counts[0], 2.0); // 0.0, 0.1
        QCOMPARE(h.counts[1], 3.0); // 0.5, 0.99 and the right edge 1.0; 2.0, -1.0 dropped
        QCOMPARE(h.binCentre(1), 0.75);
        const auto d = gs::histogram(v, 0.0, 1.0, 4, true);
        double area = 0;
        for (double c : d.counts)
            area += c * d.binWidth();
        QVERIFY(std::abs(area - 1.0) < 1e-12);
    }

    void kdeMatchesScipyScott()
    {
        // scipy.stats.gaussian_kde([0, 1, 2, 3, 4])([2, 0]) = [0.19515..., 0.13481...]
        const std::vector<double> v = {0, 1, 2, 3, 4};
        const std::vector<double> xs = {2, 0};
        const auto d = gs::gaussianKde(v, xs);
        QVERIFY2(std::abs(d[0] - 0.195148) < 1e-5, qPrintable(QString::number(d[0], 'g', 10)));
        QVERIFY2(std::abs(d[1] - 0.134807) < 1e-5, qPrintable(QString::number(d[1], 'g', 10)));
        // Constant data must not produce NaN.
        const auto c = gs::gaussianKde(std::vector<double>{3, 3, 3}, xs);
        QVERIFY(std::isfinite(c[0]) && std::isfinite(c[1]));
    }

    void pearsonAndCorrelationMatrix()
    {
        const std::vector<double> a = {1, 2, 3}, b = {2, 4, 7}, flat = {5, 5, 5};
        QVERIFY(std::abs(gs::pearson(a, b) - 0.993399) < 1e-6); // numpy.corrcoef
        QCOMPARE(gs::pearson(a, flat), 0.0);
        const auto r = gs::correlationMatrix({a, b, {3, 2, 1}});
        QCOMPARE(r.size(), std::size_t(9));
        QCOMPARE(r[0], 1.0);
        QVERIFY(std::abs(r[2] + 1.0) < 1e-12);
        QCOMPARE(r[1], r[3]);
        QVERIFY(std::abs(r[1] - gs::pearson(a, b)) < 1e-12);
        // Larger columns: every entry equals the pairwise pearson; a constant column gives 0.
        std::vector<std::vector<double>> columns(4, std::vector<double>(1000));
        for (std::size_t n = 0; n < 1000; ++n) {
            columns[0][n] = std::sin(0.01 * double(n));
            columns[1][n] = columns[0][n] * 3.0 + std::cos(0.37 * double(n));
            columns[2][n] = 7.5;
            columns[3][n] = double((n * 7919) % 101);
        }
        const auto big = gs::correlationMatrix(columns);
        for (std::size_t i = 0; i < 4; ++i)
            for (std::size_t j = 0; j < 4; ++j)
                QVERIFY2(std::abs(big[i * 4 + j] - (i == j ? 1.0 : gs::pearson(columns[i], columns[j]))) < 1e-12,
                         qPrintable(QString("r[%1][%2]").arg(i).arg(j)));
        QCOMPARE(big[2 * 4 + 0], 0.0);
    }

    void pcaRecoversKnownAxes()
    {
        // x = a * u + b * w with orthonormal u = (1, 2)/sqrt5, w = (2, -1)/sqrt5 and
        // uncorrelated a, b: the components are u and w with variances var(a), var(b).
        const std::vector<double> a = {-6, -3, 0, 3, 6}, b = {1, -1, 0, -1, 1};
        const double r5 = std::sqrt(5.0);
        std::vector<std::vector<double>> rows;
        for (std::size_t i = 0; i < a.size(); ++i)
            rows.push_back({(a[i] + 2 * b[i]) / r5, (2 * a[i] - b[i]) / r5});
        const auto p = gs::pca(rows, 2, false);
        QCOMPARE(p.components, std::size_t(2));
        QVERIFY(std::abs(p.explainedVarianceRatio[0] - 22.5 / 23.5) < 1e-9);
        QVERIFY(std::abs(p.explainedVarianceRatio[1] - 1.0 / 23.5) < 1e-9);
        QVERIFY(std::abs(p.loadings[0][0] - 1 / r5) < 1e-9);
        QVERIFY(std::abs(p.loadings[0][1] - 2 / r5) < 1e-9);
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY(std::abs(p.scores[i][0] - a[i]) < 1e-9);
            QVERIFY(std::abs(p.scores[i][1] - b[i]) < 1e-9);
        }
    }

    void standardisedPcaIgnoresUnits()
    {
        // The same data in other units (x1000 on one axis) gives the same standardised PCA.
        std::vector<std::vector<double>> rows, scaled;
        for (int i = 0; i < 20; ++i) {
            const double x = std::sin(i * 0.7), y = 0.5 * x + std::cos(i * 1.3);
            rows.push_back({x, y, x - y});
            scaled.push_back({x * 1000, y, x - y});
        }
        const auto p = gs::pca(rows, 2), q = gs::pca(scaled, 2);
        for (int i = 0; i < 20; ++i)
            QVERIFY(std::abs(p.scores[i][0] - q.scores[i][0]) < 1e-6);
        QVERIFY(std::abs(p.explainedVarianceRatio[0] - q.explainedVarianceRatio[0]) < 1e-9);
        // x - y is a linear combination: the third component carries no variance.
        QVERIFY(p.explainedVarianceRatio[0] + p.explainedVarianceRatio[1] > 1 - 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "test_stats.moc"
