// The waveform envelope used by WaveformView: the pyramid gives exactly the brute-force answer.
#include "core/audio/envelope.h"
#include "tests/testsupport.h"

#include <cmath>
#include <random>

class TestUiEnvelope : public QObject {
    Q_OBJECT
private slots:
    void columnsHoldTheExtremaOfTheirSamples()
    {
        const std::vector<float> y = {0, 1, -1, 2, -3, 0.5f, 0.25f, -0.25f};
        const auto c = gs::minMaxColumns(y, 0, y.size(), 4);
        QCOMPARE(c.size(), std::size_t(4));
        QCOMPARE(c[0].min, 0.0f);
        QCOMPARE(c[0].max, 1.0f);
        QCOMPARE(c[1].min, -1.0f);
        QCOMPARE(c[1].max, 2.0f);
        QCOMPARE(c[2].min, -3.0f);
        QCOMPARE(c[2].max, 0.5f);
        QCOMPARE(c[3].min, -0.25f);
        // More columns than samples: every column still holds a real sample.
        const auto wide = gs::minMaxColumns(y, 2, 4, 8);
        for (const auto& col : wide)
            QVERIFY(col.min == col.max && (col.min == -1.0f || col.min == 2.0f));
    }

    void pyramidEqualsBruteForce()
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> u(-1, 1);
        std::vector<float> y(200000);
        for (float& x : y)
            x = u(rng);
        const gs::WaveformEnvelope env(y, 256);
        for (auto [first, last, cols] : {std::tuple<std::size_t, std::size_t, std::size_t>{0, 200000, 800},
                                         {1234, 190001, 333}, {0, 5000, 1000}, {77, 120000, 7}}) {
            const auto fast = env.columns(first, last, cols);
            const auto slow = gs::minMaxColumns(y, first, last, cols);
            QCOMPARE(fast.size(), slow.size());
            for (std::size_t i = 0; i < fast.size(); ++i) {
                QCOMPARE(fast[i].min, slow[i].min);
                QCOMPARE(fast[i].max, slow[i].max);
            }
        }
        QCOMPARE(env.columns(10, 5, 3).size(), std::size_t(3)); // empty range: zeros, no crash
    }
};

QTEST_GUILESS_MAIN(TestUiEnvelope)
#include "test_ui_envelope.moc"
