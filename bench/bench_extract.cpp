// Decode and batch-extraction timings on the real dev set: prints figures, asserts nothing.
//   bench_extract [DATASET_DIR] [--threads 1,2] [--mp3 DIR]
#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/scan.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time counts what this process did whatever else the machine runs (shared build hosts).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ms(Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Stats {
    double median = 0, mean = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    for (double x : v)
        s.mean += x / double(v.size());
    s.max = v.back();
    return s;
}

void benchDecode(const char* what, const std::vector<fs::path>& files, const gs::DecodeOptions& options)
{
    if (files.empty())
        return;
    std::vector<double> times, cpu;
    double audioSeconds = 0;
    for (int round = 0; round < 2; ++round) {  // the first round warms the page cache and libraries
        times.clear();
        cpu.clear();
        audioSeconds = 0;
        for (const auto& f : files) {
            const auto t = Clock::now();
            const double c = threadCpuMs();
            const auto audio = gs::decodeAudio(f, options);
            cpu.push_back(threadCpuMs() - c);
            times.push_back(ms(t));
            audioSeconds += audio.seconds();
        }
    }
    const Stats s = stats(times), c = stats(cpu);
    std::printf("decode %-34s %3zu files  wall median %7.2f ms  mean %7.2f ms  max %7.2f ms | CPU median %7.2f ms "
                "(%.0fx real time)\n",
                what, files.size(), s.median, s.mean, s.max, c.median, audioSeconds / (c.mean * double(files.size()) / 1000.0));
}

} // namespace

int main(int argc, char** argv)
{
    const char* env = std::getenv("GENRESCOPE_SHARED_DIR");
    const fs::path shared = env && *env ? env : GENRESCOPE_SHARED_DIR_DEFAULT;
    fs::path dataset = shared / "datasets/gtzan-dev";
    fs::path mp3Dir = shared / "datasets/mp3-samples";
    std::vector<int> threadCounts = {1, 2};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) {
            threadCounts.clear();
            std::stringstream list(argv[++i]);
            for (std::string item; std::getline(list, item, ',');)
                threadCounts.push_back(std::atoi(item.c_str()));
        } else if (a == "--mp3" && i + 1 < argc) {
            mp3Dir = argv[++i];
        } else {
            dataset = a;
        }
    }
    try {
        const auto t = Clock::now();
        const auto scan = gs::scanDataset(dataset);
        std::printf("scan %s: %zu songs, %zu genres in %.1f ms\n", dataset.c_str(), scan.songs.size(), scan.genres.size(), ms(t));

        std::vector<fs::path> wavs, mp3s;
        for (const auto& s : scan.songs)
            wavs.push_back(s.path);
        if (fs::is_directory(mp3Dir))
            for (const auto& s : gs::scanDataset(mp3Dir).songs)
                mp3s.push_back(s.path);
        gs::DecodeOptions clip;  // the classic 30-s clip at 22050 Hz
        clip.durationSeconds = 30;
        gs::DecodeOptions native = clip;
        native.sampleRate = 0;
        benchDecode("30-s WAV clip @22050 (native)", wavs, clip);
        benchDecode("MP3 44.1k stereo, native rate", mp3s, native);
        benchDecode("MP3 44.1k stereo -> 22050 (soxr)", mp3s, clip);

        for (int threads : threadCounts) {
            gs::BatchOptions options;
            options.threads = threads;
            const double cpu0 = processCpuSeconds();
            const auto result = gs::extractBatch(scan.songs, {}, options);
            const double cpu = processCpuSeconds() - cpu0;
            std::printf("extract %zu clips with -j %d: %.2f s wall, %.2f s CPU (%.1f ms CPU/clip); wall inside workers: "
                        "decode %.2f s, features %.2f s; %zu failed\n",
                        scan.songs.size(), threads, result.seconds, cpu, 1000.0 * cpu / double(scan.songs.size()),
                        result.decodeSeconds, result.featureSeconds, result.failures.size());
        }
    } catch (const gs::Error& e) {
        std::fprintf(stderr, "bench_extract: %s\n", e.what());
        return 1;
    }
    return 0;
}
