// The .npy writer: the header numpy expects (checked byte by byte, hand-computed) and the
// data read back exactly; when python3 with numpy is present, numpy.load() reads the same file.
#include "core/common/error.h"
#include "core/common/npy.h"
#include "tests/testsupport.h"

#include <QProcess>

#include <cstring>
#include <fstream>
#include <iterator>

namespace {

std::string readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<float> kMatrix = {0.0f, 1.5f, -2.25f, 3.0f,      // row 0
                                    4.0f, -5.5f, 6.125f, 1e-3f,    // row 1
                                    -80.0f, 0.25f, 100.0f, -0.5f}; // row 2

// The python3 on PATH (may be a pyenv without numpy), else the system's (python3-numpy).
QString pythonWithNumpy()
{
    for (const QString& candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import numpy")});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

} // namespace

class TestNpy : public QObject {
    Q_OBJECT
private slots:
    void headerIsNumpyVersion1WithTheDictPaddedTo64Bytes()
    {
        const std::string h = gs::npyHeader2D(3, 4);
        QCOMPARE(h.size(), std::size_t(128)); // 10 + 59-character dict + newline = 70, rounded up to 128 (as numpy writes it)
        QCOMPARE(h.substr(0, 6), std::string("\x93NUMPY", 6));
        QCOMPARE(int(h[6]), 1); // major
        QCOMPARE(int(h[7]), 0); // minor
        const int headerLength = int(std::uint8_t(h[8])) | int(std::uint8_t(h[9])) << 8;
        QCOMPARE(headerLength, 128 - 10);
        const std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
        QCOMPARE(h.substr(10, dict.size()), dict);
        QCOMPARE(h.back(), '\n');
        for (std::size_t i = 10 + dict.size(); i + 1 < h.size(); ++i)
            QCOMPARE(h[i], ' ');
        // A longer shape still lands on a multiple of 64.
        QCOMPARE(gs::npyHeader2D(128, 123456789).size() % 64, std::size_t(0));
    }

    void matrixIsWrittenAndReadBackByteForByte()
    {
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "m.npy";
        gs::writeNpy2D(file, kMatrix, 3, 4);
        const std::string bytes = readAll(file);
        QCOMPARE(bytes.size(), std::size_t(128 + 12 * 4));
        QCOMPARE(bytes.substr(0, 128), gs::npyHeader2D(3, 4));
        // C order, little-endian float32: value (r, c) at 128 + 4 * (4r + c).
        for (std::size_t i = 0; i < kMatrix.size(); ++i) {
            std::uint32_t bits = 0;
            for (int b = 0; b < 4; ++b)
                bits |= std::uint32_t(std::uint8_t(bytes[128 + 4 * i + std::size_t(b)])) << (8 * b);
            float v;
            std::memcpy(&v, &bits, 4);
            QCOMPARE(v, kMatrix[i]);
        }
        // 1.5f = 0x3FC00000, little-endian: 00 00 C0 3F.
        QCOMPARE(bytes.substr(128 + 4, 4), std::string("\x00\x00\xc0\x3f", 4));
        QVERIFY(!std::filesystem::exists(file.string() + ".tmp"));
    }

    void wrongSizeIsRefusedNamingTheFile()
    {
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "bad.npy";
        try {
            gs::writeNpy2D(file, kMatrix, 4, 4);
            QFAIL("expected gs::Error");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            QCOMPARE(e.subject(), file.string());
        }
        QVERIFY(!std::filesystem::exists(file));
    }

    void numpyLoadsTheSameMatrix()
    {
        const QString python = pythonWithNumpy();
        if (python.isEmpty())
            QSKIP("SKIPPED: no python3 with numpy (python3 -c 'import numpy' failed)");
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "m.npy";
        gs::writeNpy2D(file, kMatrix, 3, 4);
        QProcess py;
        py.start(python,
                 {QStringLiteral("-c"),
                  QStringLiteral("import numpy, sys\n"
                                 "a = numpy.load(sys.argv[1])\n"
                                 "print(a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'])\n"
                                 "print(' '.join(repr(float(x)) for x in a.ravel()))\n"
                                 "print(repr(float(a[2, 0])), repr(float(a[1, 2])))"),
                  QString::fromStdString(file.string())});
        QVERIFY(py.waitForFinished(60000));
        QCOMPARE(py.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("<f4 (3, 4) True"));
        const QStringList values = lines[1].split(QLatin1Char(' '));
        QCOMPARE(values.size(), 12);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(values[i].toFloat(), kMatrix[std::size_t(i)]);
        QCOMPARE(lines[2], QStringLiteral("-80.0 6.125"));
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "test_npy.moc"
