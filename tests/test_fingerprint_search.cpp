// findDuplicates on collections shaped to take each path of its postings sort: words spread
// over the whole 32-bit range (many small buckets), every word below 2^21 (one bucket of more
// than a million postings, sorted in place), and a few very common words (crowded runs). In
// each, exactly the planted near-copies are found, each at its planted offset with the bit
// error rate an exhaustive comparison gives.
#include "core/audio/fingerprint.h"
#include "tests/testsupport.h"

#include <random>
#include <set>

namespace {

struct Planted {
    std::size_t a, b;
    int offset; // b's item i is a's item i + offset
};

struct Collection {
    std::vector<gs::Fingerprint> prints;
    std::vector<Planted> copies;
};

// `count` random prints of 120..240 words drawn by `word`, then every 40th print replaced by a
// copy of one of the 39 before it that starts `shift` items later and has one bit flipped in every
// fifth word (bit error rate ~0.6 %).
template <typename WordFn>
Collection makeCollection(std::size_t count, WordFn word, unsigned seed)
{
    std::mt19937 rng(seed);
    Collection c;
    for (std::size_t s = 0; s < count; ++s) {
        gs::Fingerprint p(120 + rng() % 121);
        for (auto& w : p)
            w = word(rng);
        c.prints.push_back(std::move(p));
    }
    for (std::size_t s = 40; s < count; s += 40) {
        const std::size_t of = s - 1 - rng() % 39; // an original (not a copy), used once
        const int shift = int(rng() % 9);
        const auto& original = c.prints[of];
        gs::Fingerprint copy(original.begin() + shift, original.end());
        for (std::size_t k = 0; k < copy.size(); k += 5)
            copy[k] ^= 1u << (rng() % 32);
        c.prints[s] = std::move(copy);
        c.copies.push_back({of, s, shift});
    }
    return c;
}

void checkFindsExactlyThePlantedCopies(const Collection& c)
{
    const auto pairs = gs::findDuplicates(c.prints);
    QCOMPARE(pairs.size(), c.copies.size());
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const auto& p : pairs)
        found.insert({p.a, p.b});
    for (const auto& planted : c.copies) {
        QVERIFY2(found.count({planted.a, planted.b}) == 1, qPrintable(QStringLiteral("%1-%2").arg(planted.a).arg(planted.b)));
        const auto& pair = *std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.a == planted.a && p.b == planted.b; });
        const auto exhaustive = gs::compareFingerprints(c.prints[planted.a], c.prints[planted.b]);
        QCOMPARE(pair.match.offset, planted.offset);
        QCOMPARE(exhaustive.offset, planted.offset);
        QCOMPARE(pair.match.bitErrorRate, exhaustive.bitErrorRate);
        QCOMPARE(pair.match.overlap, exhaustive.overlap);
        QVERIFY(pair.match.bitErrorRate > 0.0 && pair.match.bitErrorRate < 0.02);
    }
}

} // namespace

class TestFingerprintSearch : public QObject {
    Q_OBJECT
private slots:
    void wordsOverTheWholeRange()
    {
        checkFindsExactlyThePlantedCopies(makeCollection(4000, [](std::mt19937& r) { return std::uint32_t(r()); }, 1));
    }

    void everyWordInOneTopBucket()
    {
        // 6,000 prints of ~180 words below 2^21: ~1.1 million postings share the top digit.
        const auto c = makeCollection(6000, [](std::mt19937& r) { return std::uint32_t(r() % (1u << 21)); }, 2);
        std::size_t postings = 0;
        for (const auto& p : c.prints)
            postings += p.size();
        QVERIFY(postings > (std::size_t(1) << 20));
        checkFindsExactlyThePlantedCopies(c);
    }

    void aFewVeryCommonWords()
    {
        // A quarter of all words is one of 8 values (silence, DC): crowded runs, skipped as votes.
        checkFindsExactlyThePlantedCopies(makeCollection(
            3000, [](std::mt19937& r) { return r() % 4 == 0 ? std::uint32_t(r() % 8) : std::uint32_t(r()); }, 3));
    }
};

QTEST_GUILESS_MAIN(TestFingerprintSearch)
#include "test_fingerprint_search.moc"
