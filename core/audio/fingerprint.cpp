#include "core/audio/fingerprint.h"

#include "core/common/error.h"

#include <chromaprint.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <tuple>

namespace gs {

double fingerprintItemSeconds()
{
    // Default algorithm: 11025 Hz analysis, 4096-sample frames, hop 4096/3 samples.
    return 4096.0 / 3.0 / 11025.0;
}

Fingerprint computeFingerprint(std::span<const float> mono, int sampleRate, const std::string& subject)
{
    if (sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, subject, "sample rate must be positive for a fingerprint");
    std::unique_ptr<ChromaprintContext, void (*)(ChromaprintContext*)> ctx(
        chromaprint_new(CHROMAPRINT_ALGORITHM_DEFAULT), chromaprint_free);
    if (!ctx || !chromaprint_start(ctx.get(), sampleRate, 1))
        throw Error(ErrorKind::Internal, subject, "chromaprint could not start");

    std::vector<std::int16_t> chunk;
    constexpr std::size_t kChunk = 1 << 16;
    for (std::size_t i = 0; i < mono.size(); i += kChunk) {
        const auto part = mono.subspan(i, std::min(kChunk, mono.size() - i));
        chunk.resize(part.size());
        std::transform(part.begin(), part.end(), chunk.begin(), [](float x) {
            return std::int16_t(std::lrint(std::clamp(x, -1.0f, 1.0f) * 32767.0f));
        });
        if (!chromaprint_feed(ctx.get(), chunk.data(), int(chunk.size())))
            throw Error(ErrorKind::Internal, subject, "chromaprint rejected the audio");
    }
    if (!chromaprint_finish(ctx.get()))
        throw Error(ErrorKind::Internal, subject, "chromaprint could not finish");

    std::uint32_t* raw = nullptr;
    int size = 0;
    if (!chromaprint_get_raw_fingerprint(ctx.get(), &raw, &size) || size <= 0) {
        if (raw)
            chromaprint_dealloc(raw);
        throw Error(ErrorKind::TooShort, subject, "too short for an audio fingerprint");
    }
    Fingerprint out(raw, raw + size);
    chromaprint_dealloc(raw);
    return out;
}

namespace {

// Bit error rate of a against b shifted by offset, or nullopt-like (overlap 0).
FingerprintMatch compareAt(const Fingerprint& a, const Fingerprint& b, int offset)
{
    FingerprintMatch m;
    m.offset = offset;
    const long start = std::max(0L, -long(offset));        // first index in b
    const long end = std::min(long(b.size()), long(a.size()) - offset);
    if (end <= start)
        return m;
    std::size_t bits = 0;
    for (long i = start; i < end; ++i)
        bits += std::size_t(std::popcount(a[std::size_t(i + offset)] ^ b[std::size_t(i)]));
    m.overlap = std::size_t(end - start);
    m.bitErrorRate = double(bits) / (32.0 * double(m.overlap));
    return m;
}

} // namespace

FingerprintMatch compareFingerprints(const Fingerprint& a, const Fingerprint& b, int maxOffset, std::size_t minOverlap)
{
    FingerprintMatch best;
    for (int offset = -maxOffset; offset <= maxOffset; ++offset) {
        const auto m = compareAt(a, b, offset);
        if (m.overlap >= minOverlap && m.bitErrorRate < best.bitErrorRate)
            best = m;
    }
    return best;
}

namespace {

// One fingerprint word of one song at one position.
struct Posting {
    std::uint32_t word, song, pos;
};

// Postings are sorted by the word's bits in two digits of 11 bits (top first), then the
// last 10 bits by insertion inside each of the ~4 million small runs left.
constexpr int kDigitBits = 11;
constexpr std::size_t kDigits = std::size_t(1) << kDigitBits;
constexpr int kTopShift = 32 - kDigitBits;             // first digit: bits 21..31
constexpr int kSecondShift = 32 - 2 * kDigitBits;      // second digit: bits 10..20
constexpr std::size_t kCrowded = 32;                   // a run longer than this gets a real sort
constexpr std::size_t kMaxScratch = std::size_t(1) << 20; // larger buckets are sorted in place

bool byWordSongPos(const Posting& x, const Posting& y)
{
    return std::tie(x.word, x.song, x.pos) < std::tie(y.word, y.song, y.pos);
}

// A run whose postings are in (song, pos) order for each word: ordered by word, keeping that
// order (insertion is stable), or by the full key when crowded (the same order: (song, pos)
// is unique).
void sortRun(std::vector<Posting>::iterator first, std::vector<Posting>::iterator last)
{
    if (std::size_t(last - first) > kCrowded) {
        std::sort(first, last, byWordSongPos);
        return;
    }
    for (auto i = first; i != last; ++i)
        for (auto j = i; j != first && (j - 1)->word > j->word; --j)
            std::iter_swap(j, j - 1);
}

// One bucket of equal top digits, ordered by the second digit through `scratch` (a stable
// counting sort that stays in the cache: 11,600 postings a bucket at 100,000 songs), then
// each run of equal second digits by sortRun.
void sortBucket(std::vector<Posting>::iterator first, std::vector<Posting>::iterator last, std::vector<Posting>& scratch)
{
    const std::size_t n = std::size_t(last - first);
    if (n <= kCrowded || n > kMaxScratch) { // tiny, or one common word's crowd: sorted directly
        sortRun(first, last);
        return;
    }
    std::array<std::uint32_t, kDigits + 1> start{};
    const auto digit = [](const Posting& x) { return (x.word >> kSecondShift) & (kDigits - 1); };
    for (auto it = first; it != last; ++it)
        ++start[digit(*it) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    scratch.resize(std::max(scratch.size(), n));
    std::array<std::uint32_t, kDigits> next;
    std::copy(start.begin(), start.end() - 1, next.begin());
    for (auto it = first; it != last; ++it)
        scratch[next[digit(*it)]++] = *it;
    std::copy(scratch.begin(), scratch.begin() + std::ptrdiff_t(n), first);
    for (std::size_t d = 0; d < kDigits; ++d)
        if (start[d + 1] - start[d] > 1)
            sortRun(first + start[d], first + start[d + 1]);
}

// Every word of every print, ordered by (word, song, pos): a most-significant-digit radix
// sort. The first pass writes the postings straight from the prints into 2,048 buckets by the
// top 11 bits (in (song, pos) order, which every later step keeps for equal words); each
// bucket is then ordered by the next 11 bits while it is in the cache, and the few postings
// left in each run by insertion. One pass into 2^20 buckets missed the cache on every
// posting: at 100,000 songs (24 million postings) it took ~1.0 s of the search's 1.5 s.
std::vector<Posting> sortedPostings(const std::vector<Fingerprint>& prints)
{
    std::vector<std::size_t> start(kDigits + 1, 0);
    for (const auto& print : prints)
        for (std::uint32_t word : print)
            ++start[(word >> kTopShift) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<Posting> postings(start.back());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t s = 0; s < prints.size(); ++s)
            for (std::size_t i = 0; i < prints[s].size(); ++i)
                postings[next[prints[s][i] >> kTopShift]++] = {prints[s][i], std::uint32_t(s), std::uint32_t(i)};
    }
    std::vector<Posting> scratch;
    for (std::size_t b = 0; b < kDigits; ++b)
        sortBucket(postings.begin() + std::ptrdiff_t(start[b]), postings.begin() + std::ptrdiff_t(start[b + 1]), scratch);
    return postings;
}

// A vote that song b matches song a (a < b) when b is shifted by `offset` items, packed so
// that sorting the votes orders them by (b, a, offset).
constexpr int kOffsetBias = 1 << 15;
std::uint64_t packVote(std::uint32_t a, std::uint32_t b, int offset)
{
    return (std::uint64_t(b) << 40) | (std::uint64_t(a) << 16) | std::uint64_t(offset + kOffsetBias);
}

// Every pair of different songs sharing an exact word at an offset within maxOffset. Words
// shared by more than `commonLimit` postings (silence, DC) say nothing about identity and
// would make this quadratic; they are skipped.
std::vector<std::uint64_t> sharedWordVotes(const std::vector<Posting>& postings, std::size_t commonLimit, int maxOffset)
{
    std::vector<std::uint64_t> votes;
    for (std::size_t first = 0; first < postings.size();) {
        std::size_t last = first + 1;
        while (last < postings.size() && postings[last].word == postings[first].word)
            ++last;
        if (last - first > 1 && last - first <= commonLimit)
            for (std::size_t x = first; x < last; ++x)
                for (std::size_t y = x + 1; y < last; ++y) {
                    const Posting& a = postings[x];
                    const Posting& b = postings[y]; // b.song >= a.song: the run is sorted by song
                    const int offset = int(a.pos) - int(b.pos);
                    if (a.song != b.song && std::abs(offset) <= maxOffset)
                        votes.push_back(packVote(a.song, b.song, offset));
                }
        first = last;
    }
    std::sort(votes.begin(), votes.end());
    return votes;
}

// For each pair of songs with votes: the offset with the most votes (the smallest on ties).
// A few exact words at one offset are enough to look closer (two unrelated songs rarely
// share even one word at a fixed offset); the match is then confirmed by its bit error rate
// around that offset.
std::vector<DuplicatePair> confirmedPairs(const std::vector<Fingerprint>& prints, const std::vector<std::uint64_t>& votes,
                                          const DuplicateOptions& options)
{
    std::vector<DuplicatePair> pairs;
    for (std::size_t k = 0; k < votes.size();) {
        const std::uint64_t songs = votes[k] >> 16; // (b, a)
        int bestCount = 0, bestOffset = 0;
        while (k < votes.size() && votes[k] >> 16 == songs) {
            std::size_t end = k;
            while (end < votes.size() && votes[end] == votes[k])
                ++end;
            if (int(end - k) > bestCount) {
                bestCount = int(end - k);
                bestOffset = int(votes[k] & 0xffff) - kOffsetBias;
            }
            k = end;
        }
        if (bestCount < 2)
            continue;
        const std::size_t a = std::size_t(songs & 0xffffff), b = std::size_t(songs >> 24);
        FingerprintMatch best;
        for (int d = -2; d <= 2; ++d) {
            const auto m = compareAt(prints[a], prints[b], bestOffset + d);
            if (m.overlap >= options.minOverlap && m.bitErrorRate < best.bitErrorRate)
                best = m;
        }
        if (best.overlap >= options.minOverlap && best.bitErrorRate <= options.maxBitErrorRate)
            pairs.push_back({a, b, best});
    }
    return pairs;
}

} // namespace

std::vector<DuplicatePair> findDuplicates(const std::vector<Fingerprint>& prints, const DuplicateOptions& options)
{
    if (prints.size() >= (std::size_t(1) << 24))
        throw Error(ErrorKind::InvalidArgument, "duplicate search", "more than 16,777,215 songs");
    const int maxOffset = std::clamp(options.maxOffset, 0, kOffsetBias - 1);
    // A word in more than a quarter of the songs is not specific (at least 32 postings so
    // that small sets still compare); past 2,048 postings even a large catalogue's vote for
    // one word would cost millions of pairs, and a duplicate shares many rarer words anyway.
    const std::size_t commonLimit = std::min<std::size_t>(std::max<std::size_t>(32, prints.size() / 4), 2048);
    auto pairs = confirmedPairs(prints, sharedWordVotes(sortedPostings(prints), commonLimit, maxOffset), options);
    std::sort(pairs.begin(), pairs.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    return pairs;
}

std::vector<std::vector<std::size_t>> duplicateGroups(const std::vector<DuplicatePair>& pairs, std::size_t count)
{
    std::vector<std::size_t> parent(count);
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& p : pairs)
        if (p.a < count && p.b < count)
            parent[root(p.b)] = root(p.a);
    std::map<std::size_t, std::vector<std::size_t>> byRoot;
    for (const auto& p : pairs)
        for (std::size_t x : {p.a, p.b})
            if (x < count)
                byRoot[root(x)].push_back(x);
    std::vector<std::vector<std::size_t>> groups;
    for (auto& [r, members] : byRoot) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        groups.push_back(std::move(members));
    }
    std::sort(groups.begin(), groups.end());
    return groups;
}

} // namespace gs
