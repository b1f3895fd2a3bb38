// Re-opening a 1,000-song folder whose features are cached: scan + cache load + matching +
// the duplicate search over the cached fingerprints (what DatasetSession does before the
// table fills). Prints figures; with --keep DIR it leaves the folder and its cache there so
// that the GUI can be timed on it too:
//   bench_cache_reopen --keep /tmp/reopen
//   genrescope --open /tmp/reopen/music --cache /tmp/reopen/cache.sqlite --screenshot /tmp/r.png
#include "core/audio/fingerprint.h"
#include "core/audio/wav_writer.h"
#include "core/dataset/cache.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>

namespace fs = std::filesystem;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int songs = 1000, genres = 10;
    fs::path root;
    bool keep = false;
    if (argc == 3 && std::string(argv[1]) == "--keep") {
        root = argv[2];
        keep = true;
    } else {
        root = fs::temp_directory_path() / ("gs-bench-reopen-" + std::to_string(::getpid()));
    }
    fs::remove_all(root);
    const fs::path music = root / "music", cacheFile = root / "cache.sqlite";
    const auto schema = gs::genreFeatureSchema().fingerprint();

    // A folder of tiny valid WAVs (the cache, not the audio, is what is measured).
    const std::vector<float> blip(2205, 0.0f);
    for (int i = 0; i < songs; ++i) {
        const fs::path dir = music / ("genre" + std::to_string(i % genres));
        fs::create_directories(dir);
        gs::writeWav(dir / ("song" + std::to_string(i) + ".wav"), blip, 22050);
    }
    // Cache rows as extraction would have written them: 57 features and a 30-s fingerprint.
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> u(0, 1);
    {
        gs::FeatureCache cache(cacheFile, schema);
        std::vector<gs::CachedSong> rows;
        for (const auto& s : gs::scanDataset(music).songs) {
            gs::CachedSong c;
            c.path = s.path.generic_string();
            c.size = std::int64_t(s.sizeBytes);
            c.modifiedMs = s.modifiedTime * 1000;
            c.label = s.label;
            c.durationSeconds = 30;
            c.sampleRate = 22050;
            c.channels = 1;
            c.codec = "pcm_s16le";
            c.container = "wav";
            c.length = 661500;
            for (int k = 0; k < 57; ++k)
                c.features.push_back(u(rng));
            for (int k = 0; k < 237; ++k)
                c.fingerprint.push_back(std::uint32_t(rng()));
            rows.push_back(std::move(c));
        }
        const auto t0 = std::chrono::steady_clock::now();
        cache.store(rows);
        std::printf("store %d rows (one transaction):  %.3f s\n", songs, secondsSince(t0));
    }

    const auto t0 = std::chrono::steady_clock::now();
    gs::FeatureCache cache(cacheFile, schema);
    const auto rows = cache.load(music);
    const double tLoad = secondsSince(t0);
    const auto t1 = std::chrono::steady_clock::now();
    const auto scan = gs::scanDataset(music);
    const double tScan = secondsSince(t1);
    const auto t2 = std::chrono::steady_clock::now();
    std::unordered_map<std::string, const gs::CachedSong*> byPath;
    for (const auto& r : rows)
        byPath.emplace(r.path, &r);
    std::size_t hits = 0;
    std::vector<gs::Fingerprint> prints;
    for (const auto& s : scan.songs) {
        const auto it = byPath.find(s.path.generic_string());
        if (it != byPath.end() && it->second->sameFile(std::int64_t(s.sizeBytes), s.modifiedTime * 1000)) {
            ++hits;
            prints.push_back(it->second->fingerprint);
        }
    }
    const double tMatch = secondsSince(t2);
    const auto t3 = std::chrono::steady_clock::now();
    const auto pairs = gs::findDuplicates(prints);
    const double tDup = secondsSince(t3);

    std::printf("songs: %zu scanned, %zu cached rows, %zu cache hits, %zu duplicate pairs\n", scan.songs.size(),
                rows.size(), hits, pairs.size());
    std::printf("open + load cache:  %.3f s\n", tLoad);
    std::printf("scan folder:        %.3f s\n", tScan);
    std::printf("match rows:         %.3f s\n", tMatch);
    std::printf("duplicate search:   %.3f s\n", tDup);
    std::printf("total re-open core: %.3f s (target <= 1 s including the table)\n", tLoad + tScan + tMatch + tDup);
    if (!keep)
        fs::remove_all(root);
    else
        std::printf("kept %s (music/, cache.sqlite)\n", root.string().c_str());
    return hits == std::size_t(songs) ? 0 : 1;
}
