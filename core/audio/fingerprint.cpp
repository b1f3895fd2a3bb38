#include "core/audio/fingerprint.h"

#include "core/common/error.h"

#include <chromaprint.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>

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

std::vector<DuplicatePair> findDuplicates(const std::vector<Fingerprint>& prints, const DuplicateOptions& options)
{
    // Index: word -> (song, position), as one sorted array (no per-word allocations).
    // Words shared by very many songs (silence, DC) say nothing about identity and would
    // make the vote quadratic; they are skipped.
    struct Posting {
        std::uint32_t word, song, pos;
        bool operator<(const Posting& o) const { return word < o.word; }
    };
    std::vector<Posting> index;
    for (std::size_t s = 0; s < prints.size(); ++s)
        for (std::size_t i = 0; i < prints[s].size(); ++i)
            index.push_back({prints[s][i], std::uint32_t(s), std::uint32_t(i)});
    std::sort(index.begin(), index.end(), [](const Posting& x, const Posting& y) {
        return std::tie(x.word, x.song, x.pos) < std::tie(y.word, y.song, y.pos);
    });
    const std::size_t commonLimit = std::max<std::size_t>(32, prints.size() / 4);

    std::vector<DuplicatePair> pairs;
    // (other song, offset) packed in one word, sorted and counted: far cheaper than a map.
    std::vector<std::uint64_t> votes;
    auto pack = [](std::uint32_t a, int offset) { return (std::uint64_t(a) << 32) | std::uint32_t(offset + (1 << 30)); };
    for (std::size_t b = 0; b < prints.size(); ++b) {
        votes.clear();
        for (std::size_t i = 0; i < prints[b].size(); ++i) {
            const auto [first, last] = std::equal_range(index.begin(), index.end(), Posting{prints[b][i], 0, 0});
            if (std::size_t(last - first) > commonLimit)
                continue;
            for (auto hit = first; hit != last && hit->song < b; ++hit) {
                const int offset = int(hit->pos) - int(i);
                if (std::abs(offset) <= options.maxOffset)
                    votes.push_back(pack(hit->song, offset));
            }
        }
        std::sort(votes.begin(), votes.end());
        // Best-voted offset per other song; a few exact words at one offset are enough to
        // look closer (two unrelated songs rarely share even one word at a fixed offset).
        std::vector<std::pair<std::uint32_t, std::pair<int, int>>> bestOffset; // a -> (votes, offset)
        for (std::size_t k = 0; k < votes.size();) {
            std::size_t end = k;
            while (end < votes.size() && votes[end] == votes[k])
                ++end;
            const auto a = std::uint32_t(votes[k] >> 32);
            const int offset = int(std::uint32_t(votes[k])) - (1 << 30);
            const int count = int(end - k);
            if (bestOffset.empty() || bestOffset.back().first != a)
                bestOffset.push_back({a, {count, offset}});
            else if (count > bestOffset.back().second.first)
                bestOffset.back().second = {count, offset};
            k = end;
        }
        for (const auto& [a, vo] : bestOffset) {
            if (vo.first < 2)
                continue;
            FingerprintMatch best;
            for (int d = -2; d <= 2; ++d) {
                const auto m = compareAt(prints[a], prints[b], vo.second + d);
                if (m.overlap >= options.minOverlap && m.bitErrorRate < best.bitErrorRate)
                    best = m;
            }
            if (best.overlap >= options.minOverlap && best.bitErrorRate <= options.maxBitErrorRate)
                pairs.push_back({a, b, best});
        }
    }
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
