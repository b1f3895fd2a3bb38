// The one shuffle (core/common/shuffle.h) and the one binary reader's records
// (core/ml/binary_io.h) as the CNN uses them: exact draws, exact bytes, clear errors.
#include "core/common/error.h"
#include "core/common/shuffle.h"
#include "core/ml/binary_io.h"
#include "core/ml/cnn/cnn_checkpoint.h"
#include "tests/testsupport.h"

#include <functional>
#include <numeric>
#include <sstream>

using namespace gs::ml;

namespace {

// True when f throws gs::Error(Format), the kind every damaged model file must give.
bool isFormatError(const std::function<void()>& f)
{
    try {
        f();
    } catch (const gs::Error& e) {
        return e.kind() == gs::ErrorKind::Format;
    }
    return false;
}

} // namespace

class TestMlShuffleAndRecords : public QObject {
    Q_OBJECT

private slots:
    // Expected values from an independent Python implementation of MT19937-64 (Matsumoto &
    // Nishimura's mt19937-64.c; it reproduces the standard's 10000th output 9981545732273789042)
    // with the documented rule: for i = n..2 swap items[i-1], items[next % i].
    void shuffleDrawsAreTheDocumentedOnes()
    {
        std::mt19937_64 rng(42);
        std::vector<int> items(10);
        std::iota(items.begin(), items.end(), 0);
        gs::fisherYatesShuffle(items, rng);
        QCOMPARE(items, (std::vector<int>{1, 7, 9, 0, 3, 8, 4, 2, 5, 6}));

        std::mt19937_64 a(7);
        QCOMPARE(gs::drawBelow(a, 1000), std::uint64_t(15));
        QCOMPARE(gs::drawBelow(a, 0), std::uint64_t(0)); // consumes nothing
        QCOMPARE(gs::drawBelow(a, 1000), std::uint64_t(250));
        QCOMPARE(gs::drawBelow(a, 1000), std::uint64_t(878));
        std::mt19937_64 b(7);
        QCOMPARE(gs::drawUnit(b), 0x1.823eca63d6cdbp-1);
        QCOMPARE(gs::drawUnit(b), 0x1.e60acea8f4698p-1);

        std::vector<int> one{5}, none;
        std::mt19937_64 c(1), untouched(1);
        gs::fisherYatesShuffle(one, c);
        gs::fisherYatesShuffle(none, c);
        QCOMPARE(one, std::vector<int>{5});
        QCOMPARE(c(), untouched()); // n < 2: no draw
    }

    // The record frame, byte by byte: magic, u32 version, u64 length, payload, FNV-1a 64.
    void recordLayoutAndChecksum()
    {
        // FNV-1a 64 of "a" (published test vector of Fowler/Noll/Vo).
        QCOMPARE(bin::fnv1a64("a", 1), 0xaf63dc4c8601ec8cull);
        const bin::Magic magic = {'T', 'E', 'S', 'T', 'R', 'E', 'C', '1'};
        std::ostringstream out(std::ios::binary);
        bin::writeRecord(out, magic, 3, "a");
        const std::string bytes = out.str();
        QCOMPARE(bytes.size(), std::size_t(8 + 4 + 8 + 1 + 8));
        QCOMPARE(bytes.substr(0, 8), std::string("TESTREC1"));
        QCOMPARE(bytes.substr(8, 4), std::string("\x03\0\0\0", 4));
        QCOMPARE(bytes.substr(12, 8), std::string("\x01\0\0\0\0\0\0\0", 8));
        QCOMPARE(bytes.substr(20, 1), std::string("a"));
        QCOMPARE(bytes.substr(21, 8), std::string("\x8c\xec\x01\x86\x4c\xdc\x63\xaf", 8));

        std::istringstream in(bytes, std::ios::binary);
        QCOMPARE(bin::readRecord(in, magic, 3, "test record", 100), std::string("a"));
    }

    void damagedRecordsAreFormatErrors()
    {
        const bin::Magic magic = {'T', 'E', 'S', 'T', 'R', 'E', 'C', '1'};
        std::ostringstream out(std::ios::binary);
        bin::writeRecord(out, magic, 1, "payload");
        const std::string good = out.str();
        const auto refused = [&](std::string bytes, std::uint32_t version, std::size_t maxBytes) {
            return isFormatError([&] {
                std::istringstream in(bytes, std::ios::binary);
                bin::readRecord(in, magic, version, "test record", maxBytes);
            });
        };
        std::string flipped = good;
        flipped[22] ^= 1; // a payload byte
        QVERIFY(refused(flipped, 1, 100));
        QVERIFY(refused(good.substr(0, good.size() - 3), 1, 100)); // truncated checksum
        QVERIFY(refused(good.substr(0, 23), 1, 100));              // truncated payload
        QVERIFY(refused(good, 2, 100));                            // other version
        QVERIFY(refused(good, 1, 6));                              // over the limit
        QVERIFY(refused("XESTREC1" + good.substr(8), 1, 100));     // other magic
        QVERIFY(!refused(good, 1, 7));                                                  // exactly at the limit: fine
    }

    void shortStringsHaveA32BitLength()
    {
        std::ostringstream out(std::ios::binary);
        bin::writeString32(out, "abc");
        QCOMPARE(out.str(), std::string("\x03\0\0\0abc", 7));
        std::istringstream in(out.str(), std::ios::binary);
        QCOMPARE(bin::readString32(in, "name", 3), std::string("abc"));
        std::istringstream tooLong(out.str(), std::ios::binary);
        QVERIFY(isFormatError([&] { bin::readString32(tooLong, "name", 2); }));
        std::istringstream lying(std::string("\xff\xff\xff\x7f" "abc", 7), std::ios::binary);
        QVERIFY(isFormatError([&] { bin::readString32(lying, "name"); }));
    }

    // The checkpoint payload keeps every field, and any truncation is refused.
    void checkpointRoundTrips()
    {
        CnnCheckpoint c;
        c.key = "mel n_fft=2048|10|42|song.wav:3:-1;";
        c.epochsDone = 4;
        c.bestEpoch = 3;
        c.bestAccuracy = 0.625;
        c.bestLoss = 1.25;
        c.epochsWithoutProgress = 1;
        c.rngState = "1 2 3";
        for (int e = 1; e <= 4; ++e)
            c.history.push_back({e, 2.0 / e, 0.5 + 0.01 * e, 1.5 - 0.1 * e, 1e-3 / e, 30.0 + e, 50.0 + e});
        c.trainerState = std::string("\0\1\2weights", 10);
        c.bestPredictor = "best";
        const std::string payload = serialiseCnnCheckpoint(c);
        const CnnCheckpoint back = parseCnnCheckpoint(payload);
        QCOMPARE(back.key, c.key);
        QCOMPARE(back.epochsDone, 4);
        QCOMPARE(back.bestEpoch, 3);
        QCOMPARE(back.bestAccuracy, 0.625);
        QCOMPARE(back.bestLoss, 1.25);
        QCOMPARE(back.epochsWithoutProgress, 1);
        QCOMPARE(back.rngState, c.rngState);
        QCOMPARE(back.trainerState, c.trainerState);
        QCOMPARE(back.bestPredictor, c.bestPredictor);
        QCOMPARE(back.history.size(), c.history.size());
        QCOMPARE(back.history[2].epoch, 3);
        QCOMPARE(back.history[2].validationLoss, 1.5 - 0.1 * 3);
        QCOMPARE(back.history[3].cpuSeconds, 54.0);
        QCOMPARE(serialiseCnnCheckpoint(back), payload); // every field came back, to the bit
        // Size: key (4 + 35), 3 x i32 + 2 x f64, rng (4 + 5), count 4, 4 x (4 + 6 x 8), 2 x (8 + bytes).
        QCOMPARE(payload.size(), std::size_t(39 + 12 + 16 + 9 + 4 + 4 * 52 + 18 + 12));
        for (std::size_t cut : {std::size_t(0), std::size_t(10), payload.size() / 2, payload.size() - 1})
            QVERIFY(isFormatError([&] { parseCnnCheckpoint(payload.substr(0, cut)); }));
    }
};

QTEST_GUILESS_MAIN(TestMlShuffleAndRecords)
#include "test_ml_shuffle_and_records.moc"
