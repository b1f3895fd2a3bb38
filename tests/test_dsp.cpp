// DSP building blocks against direct (slow, obviously correct) computations.
#include "core/common/error.h"
#include "core/dsp/fft.h"
#include "core/dsp/filterbank.h"
#include "core/dsp/median_filter.h"
#include "core/dsp/signal_pad.h"
#include "core/dsp/stft.h"
#include "core/dsp/window.h"
#include "tests/testsupport.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace {

// scipy.ndimage 'reflect' (edge repeated), written the slow way.
std::size_t mirror(long i, long n)
{
    while (i < 0 || i >= n)
        i = i < 0 ? -i - 1 : 2 * n - i - 1;
    return std::size_t(i);
}

std::vector<float> naiveMedian(const std::vector<float>& in, std::size_t rows, std::size_t cols, int k, bool alongRows)
{
    std::vector<float> out(in.size());
    std::vector<float> w(static_cast<std::size_t>(k));
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            for (int j = 0; j < k; ++j) {
                const long off = j - k / 2;
                const std::size_t rr = alongRows ? r : mirror(long(r) + off, long(rows));
                const std::size_t cc = alongRows ? mirror(long(c) + off, long(cols)) : c;
                w[std::size_t(j)] = in[rr * cols + cc];
            }
            std::nth_element(w.begin(), w.begin() + k / 2, w.end());
            out[r * cols + c] = w[std::size_t(k / 2)];
        }
    return out;
}

} // namespace

class TestDsp : public QObject {
    Q_OBJECT
private slots:
    void medianFilterMatchesNaive_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("kernel");
        QTest::newRow("31 on 40x37") << 40 << 37 << 31;
        QTest::newRow("31 on short axes 5x9") << 5 << 9 << 31; // window wider than the data: repeated mirroring
        QTest::newRow("3 on 17x1") << 17 << 1 << 3;
        QTest::newRow("1 on 4x4") << 4 << 4 << 1;
        QTest::newRow("31 on 1x100") << 1 << 100 << 31;
        // Odd and even lengths, line counts not a multiple of eight nor of a 64-line band,
        // fewer rows than the kernel along one axis.
        QTest::newRow("31 on 19x131") << 19 << 131 << 31;
        QTest::newRow("31 on 130x18") << 130 << 18 << 31;
        QTest::newRow("5 on 2x64") << 2 << 64 << 5;
        QTest::newRow("7 on 33x2") << 33 << 2 << 7;
    }
    void medianFilterMatchesNaive()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, kernel);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> small(0, 9);
        std::uniform_real_distribution<float> wide(-1e3f, 1e3f);
        std::vector<float> in(std::size_t(rows * cols));
        for (const bool ties : {true, false}) {
            for (auto& v : in)
                v = ties ? float(small(rng)) * 0.5f : wide(rng);
            std::vector<float> out(in.size());
            gs::dsp::medianFilterAlongRows(in.data(), std::size_t(rows), std::size_t(cols), kernel, out.data());
            QVERIFY(out == naiveMedian(in, std::size_t(rows), std::size_t(cols), kernel, true));
            gs::dsp::medianFilterAlongColumns(in.data(), std::size_t(rows), std::size_t(cols), kernel, out.data());
            QVERIFY(out == naiveMedian(in, std::size_t(rows), std::size_t(cols), kernel, false));
        }
        std::vector<float> out(in.size());
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::dsp::medianFilterAlongRows(in.data(), 1, 1, 4, out.data()));
    }

    void padModesFollowNumpy()
    {
        const std::vector<float> y = {1, 2, 3, 4};
        std::vector<float> out;
        gs::dsp::padSignal(y, 5, 5, gs::dsp::Pad::Reflect, out);
        // np.pad([1,2,3,4], 5, mode='reflect')
        QCOMPARE(out, (std::vector<float>{2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3}));
        gs::dsp::padSignal(y, 2, 1, gs::dsp::Pad::Edge, out);
        QCOMPARE(out, (std::vector<float>{1, 1, 1, 2, 3, 4, 4}));
        gs::dsp::padSignal(y, 1, 2, gs::dsp::Pad::Zeros, out);
        QCOMPARE(out, (std::vector<float>{0, 1, 2, 3, 4, 0, 0}));
        gs::dsp::padSignal(std::vector<float>{5}, 2, 2, gs::dsp::Pad::Reflect, out);
        QCOMPARE(out, (std::vector<float>{5, 5, 5, 5, 5}));
        gs::dsp::padSignal({}, 2, 1, gs::dsp::Pad::Reflect, out);
        QCOMPARE(out, (std::vector<float>{0, 0, 0}));
    }

    void stftMatchesDirectDft()
    {
        std::mt19937 rng(3);
        std::normal_distribution<float> noise;
        std::vector<float> y(3000);
        for (auto& v : y)
            v = noise(rng);
        gs::dsp::ComplexSpectrogram spec;
        const gs::dsp::StftShape shape{256, 64};
        gs::dsp::stft(y, shape, gs::dsp::Pad::Reflect, spec);
        QCOMPARE(spec.frames, std::size_t(1 + 3000 / 64));
        const auto w = gs::dsp::hannPeriodic(256);
        std::vector<float> padded;
        gs::dsp::padSignal(y, 128, 128, gs::dsp::Pad::Reflect, padded);
        double worst = 0;
        for (std::size_t t : {std::size_t(0), std::size_t(1), std::size_t(20), spec.frames - 1})
            for (std::size_t k = 0; k < shape.bins(); k += 7) {
                std::complex<double> sum = 0;
                for (int n = 0; n < 256; ++n)
                    sum += w[std::size_t(n)] * double(padded[t * 64 + std::size_t(n)]) *
                           std::polar(1.0, -2 * std::numbers::pi * double(k) * n / 256);
                worst = std::max(worst, std::abs(sum - std::complex<double>(spec.frame(t)[k])));
            }
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    }

    void istftInvertsStft()
    {
        std::vector<float> y(5000);
        for (std::size_t i = 0; i < y.size(); ++i)
            y[i] = float(std::sin(0.01 * double(i)) + 0.3 * std::sin(0.37 * double(i)));
        gs::dsp::ComplexSpectrogram spec;
        gs::dsp::stft(y, {512, 128}, gs::dsp::Pad::Zeros, spec);
        std::vector<float> back;
        gs::dsp::istft(spec, y.size(), back);
        QCOMPARE(back.size(), y.size());
        float worst = 0;
        for (std::size_t i = 0; i < y.size(); ++i)
            worst = std::max(worst, std::fabs(back[i] - y[i]));
        QVERIFY2(worst < 1e-5f, qPrintable(QString::number(worst)));
        gs::dsp::istft(spec, 0, back); // legacy: hop * (frames - 1) samples
        QCOMPARE(back.size(), std::size_t(128 * (spec.frames - 1)));
        QVERIFY(std::fabs(back[1000] - y[1000]) < 1e-5f);
    }

    void melBankIsSlaney()
    {
        // Slaney scale: linear 200/3 Hz per mel to 1 kHz, then log steps of 6.4^(1/27).
        QCOMPARE(gs::dsp::hzToMelSlaney(1000.0), 15.0);
        QVERIFY(std::fabs(gs::dsp::melToHzSlaney(gs::dsp::hzToMelSlaney(5123.0)) - 5123.0) < 1e-9);
        const auto bank = gs::dsp::melFilterBank(22050, 2048, 128, 0, 0);
        QCOMPARE(bank.weights.rows, std::size_t(128));
        QCOMPARE(bank.weights.cols, std::size_t(1025));
        // Slaney norm: each triangle has unit area in Hz, i.e. sum(w) * (sr / n_fft) ~ 1.
        for (std::size_t m = 20; m < 128; m += 17) {
            double area = 0;
            for (float w : bank.weights.row(m))
                area += w * (22050.0 / 2048);
            QVERIFY2(std::fabs(area - 1.0) < 0.05, qPrintable(QString("mel %1 area %2").arg(m).arg(area)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDsp)
#include "test_dsp.moc"
