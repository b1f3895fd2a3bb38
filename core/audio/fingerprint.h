#pragma once
// Audio fingerprints for duplicate detection: Chromaprint's raw sub-fingerprints (one
// 32-bit word per ~0.124 s of audio) compared by bit error rate at the best alignment.
// Robust to re-encoding, resampling, gain and a shifted start, unlike file hashes.
// Chromaprint's headers stay in fingerprint.cpp.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

using Fingerprint = std::vector<std::uint32_t>;

// Seconds of audio one fingerprint word stands for (Chromaprint's default algorithm).
double fingerprintItemSeconds();

// Raw fingerprint of mono audio at any rate. Throws gs::Error(TooShort) when the audio is
// too short for a single item (about 3 s are needed for a useful one), naming `subject`.
Fingerprint computeFingerprint(std::span<const float> mono, int sampleRate, const std::string& subject = {});

struct FingerprintMatch {
    double bitErrorRate = 1.0; // share of differing bits over the overlap, 0 = identical
    int offset = 0;            // b's item i lines up with a's item i + offset
    std::size_t overlap = 0;   // items compared
};

// Best alignment within +-maxOffset items (exhaustive search, coarse-to-fine is not
// needed at these sizes). Overlaps shorter than minOverlap items are not considered.
FingerprintMatch compareFingerprints(const Fingerprint& a, const Fingerprint& b, int maxOffset = 80,
                                     std::size_t minOverlap = 16);

// Bump when findDuplicates or duplicateGroups would give other results for the same input:
// remembered groups (core/dataset/cache.h) of an older search are then searched again.
constexpr int kDuplicateSearchVersion = 1;

struct DuplicateOptions {
    double maxBitErrorRate = 0.20; // unrelated music sits near 0.5
    int maxOffset = 80;            // ~10 s of start shift
    std::size_t minOverlap = 16;   // ~2 s
};

struct DuplicatePair {
    std::size_t a = 0, b = 0;      // indices into the input, a < b
    FingerprintMatch match;
};

// All pairs of (near-)identical songs. Candidates come from shared exact words at a
// consistent offset (an inverted index, so 1,000 songs take well under a second); each
// candidate is then confirmed by its bit error rate around that offset.
std::vector<DuplicatePair> findDuplicates(const std::vector<Fingerprint>& prints, const DuplicateOptions& options = {});

// Connected groups of duplicates (each group sorted, groups ordered by first member).
std::vector<std::vector<std::size_t>> duplicateGroups(const std::vector<DuplicatePair>& pairs, std::size_t count);

} // namespace gs
