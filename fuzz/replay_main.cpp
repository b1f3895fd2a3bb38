// test_fuzz_replay: the fuzz targets without libFuzzer, for CI. Every seed in
// CORPUS_ROOT/<target>/ and MUTATIONS deterministic mutations of it (bit flips, interesting
// integers, cuts, splices, inserted bytes: the kinds libFuzzer makes) go through the target's
// entry point; a broken invariant aborts, an unexpected exception terminates. Usage:
//   test_fuzz_replay CORPUS_ROOT [MUTATIONS [TARGET]]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#define GS_FUZZ_TARGET(name) extern "C" int gsFuzzReplay_##name(const std::uint8_t*, std::size_t);
#include "replay_targets.inc"
#undef GS_FUZZ_TARGET

namespace {

namespace fs = std::filesystem;

struct Target {
    const char* name;
    int (*run)(const std::uint8_t*, std::size_t);
};

const Target kTargets[] = {
#define GS_FUZZ_TARGET(name) {#name, &gsFuzzReplay_##name},
#include "replay_targets.inc"
#undef GS_FUZZ_TARGET
};

// splitmix64: the same mutations on every machine and every run.
struct Random {
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n ? std::size_t(next() % n) : 0; }
};

std::uint64_t hashOf(const std::string& text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

void mutateOnce(std::string& b, Random& r)
{
    static const std::uint64_t interesting[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff,
                                                0x80000000, 0xffffffff, 0xffffffffffffffffull, 0x7ff8000000000000ull};
    // Byte 0 of several targets picks a mode: keep it most of the time so that both modes stay covered.
    const std::size_t from = b.size() > 1 && r.below(4) != 0 ? 1 : 0;
    const std::size_t span = b.size() - std::min(from, b.size());
    switch (r.below(7)) {
    case 0: // flip a bit
        if (span)
            b[from + r.below(span)] ^= char(1u << r.below(8));
        break;
    case 1: // an interesting value, 1, 2, 4 or 8 bytes wide, little-endian
        if (span) {
            const std::uint64_t v = interesting[r.below(std::size(interesting))];
            const std::size_t width = std::size_t(1) << r.below(4), at = from + r.below(span);
            for (std::size_t i = 0; i < width && at + i < b.size(); ++i)
                b[at + i] = char((v >> (8 * i)) & 0xff);
        }
        break;
    case 2: // cut the tail
        b.resize(from + r.below(span + 1));
        break;
    case 3: // erase a run
        if (span) {
            const std::size_t at = from + r.below(span);
            b.erase(at, 1 + r.below(std::min<std::size_t>(64, b.size() - at)));
        }
        break;
    case 4: // duplicate a run somewhere else
        if (span) {
            const std::size_t at = from + r.below(span);
            const std::string piece = b.substr(at, 1 + r.below(32));
            b.insert(from + r.below(span + 1), piece);
        }
        break;
    case 5: // insert random bytes
    {
        std::string piece(1 + r.below(16), '\0');
        for (char& c : piece)
            c = char(r.next());
        b.insert(from + r.below(span + 1), piece);
        break;
    }
    default: // a random byte
        if (span)
            b[from + r.below(span)] = char(r.next());
        break;
    }
}

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The input under test, kept for the abort handler: a failing run leaves it in
// ./fuzz-replay-crash so that it can be replayed with the libFuzzer build or turned into a test.
const std::string* g_current = nullptr;

extern "C" void saveCurrentInput(int signal)
{
    if (g_current) {
        const int fd = ::open("fuzz-replay-crash", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            [[maybe_unused]] auto n = ::write(fd, g_current->data(), g_current->size());
            ::close(fd);
        }
        static const char note[] = "test_fuzz_replay: the failing input is in ./fuzz-replay-crash\n";
        [[maybe_unused]] auto m = ::write(2, note, sizeof note - 1);
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void runOne(const Target& t, const std::string& bytes)
{
    g_current = &bytes;
    t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    g_current = nullptr;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: test_fuzz_replay CORPUS_ROOT[:ROOT...] [MUTATIONS [TARGET]]\n");
        return 2;
    }
    std::signal(SIGABRT, saveCurrentInput);
    std::signal(SIGSEGV, saveCurrentInput);
    // Seeds of a target are gathered from every root: the tracked ones (fuzz/corpus) and those
    // generated at build time (the audio seeds, which are never committed).
    std::vector<fs::path> roots;
    {
        std::stringstream list(argv[1]);
        for (std::string root; std::getline(list, root, ':');)
            if (!root.empty())
                roots.emplace_back(root);
    }
    const int mutations = argc > 2 ? std::atoi(argv[2]) : 24;
    const std::string only = argc > 3 ? argv[3] : "";
    int passed = 0, failed = 0;
    for (const Target& t : kTargets) {
        if (!only.empty() && only != t.name)
            continue;
        const auto start = std::chrono::steady_clock::now();
        std::vector<fs::path> seeds;
        for (const auto& root : roots)
            if (fs::is_directory(root / t.name))
                for (const auto& e : fs::directory_iterator(root / t.name))
                    if (e.is_regular_file())
                        seeds.push_back(e.path());
        std::sort(seeds.begin(), seeds.end());
        if (seeds.empty()) {
            std::printf("FAIL  %-18s no seeds in %s\n", t.name, argv[1]);
            ++failed;
            continue;
        }
        std::size_t runs = 0;
        runOne(t, std::string()); // the empty input
        for (const auto& seed : seeds) {
            const std::string original = readBytes(seed);
            runOne(t, original);
            ++runs;
            Random r{hashOf(seed.filename().string())};
            for (int m = 0; m < mutations; ++m) {
                std::string mutated = original;
                for (std::size_t k = 0, n = 1 + r.below(4); k < n; ++k)
                    mutateOnce(mutated, r);
                runOne(t, mutated);
                ++runs;
            }
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::printf("PASS  %-18s %3zu seeds, %5zu inputs, %8.0f ms\n", t.name, seeds.size(), runs + 1, ms);
        ++passed;
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
