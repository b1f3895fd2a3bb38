#pragma once
// The one shuffle and the one mapping of random numbers, for results that are the same with
// every standard library: std::mt19937_64's output sequence is fixed by the C++ standard, but
// std::shuffle and the std::*_distribution classes are not (libstdc++ and libc++ draw
// differently), so folds, training orders and augmentations built on them would change with
// the compiler. Saved reports, model files and tests rely on the exact draws below.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <utility>

namespace gs {

// An integer in [0, n): the engine's next output modulo n. The modulo bias (n / 2^64) is
// negligible for our sizes; what matters is that the draw is specified. n == 0 gives 0 and
// consumes no output.
inline std::uint64_t drawBelow(std::mt19937_64& rng, std::uint64_t n) { return n ? rng() % n : 0; }

// A double in [0, 1) from the top 53 bits of the next output (every value a multiple of 2^-53).
inline double drawUnit(std::mt19937_64& rng) { return double(rng() >> 11) * 0x1.0p-53; }

// Fisher-Yates (Durstenfeld's in-place form, Knuth TAOCP vol. 2, algorithm 3.4.2 P): for
// i = n, n-1, ..., 2 swap items[i-1] with items[drawBelow(rng, i)], i.e. n-1 draws, from the
// back. Works on any random-access container (std::vector, std::span, ...).
template <typename RandomAccess>
void fisherYatesShuffle(RandomAccess& items, std::mt19937_64& rng)
{
    using std::swap;
    for (std::size_t i = std::size(items); i > 1; --i)
        swap(items[i - 1], items[drawBelow(rng, i)]);
}

} // namespace gs
