// Memory and time of the whole-signal feature extraction: the streaming extractor on a
// 60-minute signal (made on the fly from the GTZAN development clips, end to end and
// round again, never held whole) against the one-shot GenreFeatureExtractor on 10 minutes
// (which must hold it). Each run is a child process, so that its peak RSS is its own.
//
//   bench_streaming                       # stream 60 min, stream 10 min, one-shot 10 min
//   bench_streaming stream|oneshot MINUTES
#include "core/audio/decode.h"
#include "core/features/extract.h"
#include "core/features/streaming_extract.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {
constexpr int kSampleRate = 22050;

std::vector<fs::path> clips()
{
    const char* env = std::getenv("GENRESCOPE_SHARED_DIR");
    const fs::path root = fs::path(env && *env ? env : GENRESCOPE_SHARED_DIR_DEFAULT) / "datasets/gtzan-dev";
    std::vector<fs::path> files;
    if (fs::is_directory(root))
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.path().extension() == ".wav")
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// `minutes` of signal in blocks of one clip (30 s): the development clips in turn, or
// (without shared data) tones over noise. The same samples on every call.
void generate(double minutes, const gs::SampleSink& sink)
{
    static const std::vector<fs::path> files = clips();
    const auto total = std::size_t(minutes * 60 * kSampleRate);
    std::size_t sent = 0;
    for (std::size_t k = 0; sent < total; ++k) {
        std::vector<float> block;
        if (!files.empty()) {
            gs::DecodeOptions options;
            options.sampleRate = kSampleRate;
            block = gs::decodeAudio(files[k % files.size()], options).samples;
        } else {
            block.resize(30 * kSampleRate);
            std::uint32_t state = 12345u + std::uint32_t(k);
            for (std::size_t i = 0; i < block.size(); ++i) {
                state = state * 1664525u + 1013904223u;
                const double noise = (double(state >> 8) / double(1 << 24) - 0.5) * 0.1;
                block[i] = float(noise + 0.3 * std::sin(2 * M_PI * (220.0 + 20.0 * double(k % 7)) * double(i) / kSampleRate));
            }
        }
        block.resize(std::min(block.size(), total - sent));
        sent += block.size();
        sink(block);
    }
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

int run(const std::string& mode, double minutes)
{
    const auto start = std::chrono::steady_clock::now();
    std::vector<double> values;
    if (mode == "stream") {
        values = gs::extractStreaming([&](const gs::SampleSink& sink) { generate(minutes, sink); }, kSampleRate);
    } else {
        std::vector<float> y;
        generate(minutes, [&](std::span<const float> block) { y.insert(y.end(), block.begin(), block.end()); });
        y.shrink_to_fit();
        gs::GenreFeatureExtractor extractor;
        values = extractor.compute(y, kSampleRate);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-8s %5.1f min: wall %6.1f s, cpu %6.1f s, tempo %.2f, chroma_mean %.6f\n", mode.c_str(), minutes,
                wall, cpuSeconds(), values.size() > 16 ? values[16] : 0.0, values.empty() ? 0.0 : values[0]);
    return 0;
}

void runChild(const char* self, const char* mode, const char* minutes)
{
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        execl(self, self, mode, minutes, static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    std::printf("         peak RSS %.0f MiB (%s %s min, exit %d)\n", double(usage.ru_maxrss) / 1024.0, mode, minutes,
                WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}
} // namespace

int main(int argc, char** argv)
{
    if (argc == 3)
        return run(argv[1], std::atof(argv[2]));
    std::printf("signal: %s\n", clips().empty() ? "synthetic tones (no shared data)" : "GTZAN dev clips end to end");
    runChild("/proc/self/exe", "stream", "60");
    runChild("/proc/self/exe", "stream", "10");
    runChild("/proc/self/exe", "oneshot", "10");
    return 0;
}
