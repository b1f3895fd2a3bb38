#include "core/common/error.h"
#include "core/features/schema.h"
#include "tests/testsupport.h"

class TestSchema : public QObject {
    Q_OBJECT
private slots:
    void namesMatchKaggleHeader()
    {
        const auto& names = gs::genreFeatureNames();
        QCOMPARE(names.size(), std::size_t(57));
        QCOMPARE(QString::fromStdString(names.front()), QStringLiteral("chroma_stft_mean"));
        QCOMPARE(QString::fromStdString(names[16]), QStringLiteral("tempo"));
        QCOMPARE(QString::fromStdString(names.back()), QStringLiteral("mfcc20_var"));

        GS_REQUIRE_SHARED(kaggle, "reference/kaggle-gtzan/features_30_sec.csv");
        const auto table = gs::test::readCsv(kaggle);
        // Kaggle: filename,length,<57>,label
        QCOMPARE(table.header.size(), std::size_t(60));
        for (std::size_t i = 0; i < names.size(); ++i)
            QCOMPARE(QString::fromStdString(table.header[i + 2]), QString::fromStdString(names[i]));
    }

    void paramsOutsideRangeAreRejected()
    {
        gs::ExtractionParams p;
        p.validate();
        p.clipSeconds = -1;
        QVERIFY_THROWS_EXCEPTION(gs::Error, p.validate());
        p = {};
        p.sampleRate = 100;
        QVERIFY_THROWS_EXCEPTION(gs::Error, p.validate());
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::padModeFromString("edge"));
    }

    void fingerprintChangesWithParams()
    {
        gs::ExtractionParams a, b;
        b.pad = gs::PadMode::Reflect;
        QVERIFY(gs::genreFeatureSchema(a).fingerprint() != gs::genreFeatureSchema(b).fingerprint());
        QCOMPARE(gs::genreFeatureSchema(a).fingerprint(), gs::genreFeatureSchema(a).fingerprint());
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
