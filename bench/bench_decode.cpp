// Decoding cost of real-collection formats, per 30-s clip, in CPU ms of one thread (the
// machine is shared, so wall time would measure the neighbours). Prints figures only.
//
//   bench_decode ROOT [--runs N] [--features-csv OUT.csv] [--long FILE] [--clip-only]
//
// ROOT holds one sub-folder per format (wav/, mp3/, flac/, aac/ ...); every audio file in a
// sub-folder is one song. For each song the default extraction clip is decoded (first 30 s,
// resampled to 22050 Hz, as `genrescope-cli extract`) and the 57 features computed on it;
// the figures are the best of N runs per song (other processes only ever add time), then
// the mean over the songs. "probe" is gs::probeAudio (opening the container, reading its
// header); "native" decodes the same 30 s without resampling, so "clip - native" is the
// resampler's share.
//
// The inputs of issue 15 (60-s songs, 44.1 kHz stereo, two GTZAN clips back to back, the
// right channel delayed and low-passed so the channels differ) are made outside the repo:
//   G=shared/datasets/gtzan-dev; mkdir -p $T/{wav,mp3,flac,aac}      # $T outside the repo
//   ffmpeg -i $G/blues/blues.00000.wav -i $G/blues/blues.00001.wav -filter_complex
//     "[0][1]concat=n=2:v=0:a=1,aresample=44100:resampler=soxr,
//      aformat=sample_fmts=s16:channel_layouts=mono,asplit[l][r];[r]adelay=11,lowpass=f=9000,
//      aformat=sample_fmts=s16:channel_layouts=mono[r2];[l][r2]amerge=inputs=2"
//     -c:a pcm_s16le $T/wav/blues-00000.wav             (2 pairs per genre: 00000+00001, 00005+00006)
//   ffmpeg -i $T/wav/X.wav -c:a libmp3lame -b:a 192k $T/mp3/X.mp3
//   ffmpeg -i $T/wav/X.wav -c:a flac $T/flac/X.flac
//   ffmpeg -i $T/wav/X.wav -c:a aac -b:a 192k $T/aac/X.m4a
//   long file: ffmpeg -stream_loop 59 -i $T/wav/rock-00000.wav -c:a libmp3lame -b:a 192k long60.mp3
//
// --clip-only times the clip decode alone (to run under perf). --features-csv writes the
// 57 values of every clip (to compare values before/after a decoder change). --long FILE streams a long recording through decodeAudioBlocks and
// prints the peak RSS, then decodes it whole with decodeAudio for comparison.
#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/features/extract.h"
#include "core/features/schema.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

template <class F>
double bestOf(int runs, F&& f)
{
    double best = 1e300;
    for (int r = 0; r < runs; ++r) {
        const double t0 = threadCpuMs();
        f();
        best = std::min(best, threadCpuMs() - t0);
    }
    return best;
}

bool isAudioFile(const fs::path& p)
{
    static const std::vector<std::string> exts = {".wav", ".mp3", ".flac", ".m4a", ".aac", ".ogg", ".opus"};
    return std::find(exts.begin(), exts.end(), p.extension().string()) != exts.end();
}

struct Row {
    double open = 0, native = 0, clip = 0, features = 0, audioSeconds = 0;
    int songs = 0;
};

void benchLong(const fs::path& file)
{
#ifdef BENCH_DECODE_BASELINE
    (void)file;
#else
    // Streaming first: ru_maxrss is a high-water mark, the whole-file decode would mask it.
    gs::DecodeOptions options;
    options.sampleRate = 22050;
    const long before = peakRssMb();
    std::size_t largestBlock = 0;
    double sum = 0;
    double t0 = threadCpuMs();
    const auto streamed = gs::decodeAudioBlocks(file, options, 65536, [&](std::span<const float> block) {
        largestBlock = std::max(largestBlock, block.size());
        for (float v : block)
            sum += v;
        return true;
    });
    const double streamMs = threadCpuMs() - t0;
    const long afterStream = peakRssMb();
    t0 = threadCpuMs();
    const auto whole = gs::decodeAudio(file, options);
    const double wholeMs = threadCpuMs() - t0;
    const long afterWhole = peakRssMb();
    std::printf("long file %s: %.1f min at %d Hz, %lld samples\n", file.c_str(), double(streamed.samples) / streamed.sampleRate / 60,
                streamed.sampleRate, static_cast<long long>(streamed.samples));
    std::printf("  decodeAudioBlocks (65536)  %8.0f ms CPU, peak RSS %ld MB (before %ld MB), largest block %zu\n", streamMs,
                afterStream, before, largestBlock);
    std::printf("  decodeAudio (whole)        %8.0f ms CPU, peak RSS %ld MB, %zu samples%s\n", wholeMs, afterWhole,
                whole.samples.size(), std::size_t(streamed.samples) == whole.samples.size() ? "" : " (DIFFERENT COUNT)");
#endif
}

} // namespace

int main(int argc, char** argv)
{
    fs::path root, featuresCsv, longFile;
    int runs = 3;
    bool clipOnly = false;  // for profilers: only the clip decode, nothing else
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--features-csv" && i + 1 < argc)
            featuresCsv = argv[++i];
        else if (a == "--clip-only")
            clipOnly = true;
        else if (a == "--long" && i + 1 < argc)
            longFile = argv[++i];
        else
            root = a;
    }
    try {
        if (!longFile.empty())
            benchLong(longFile);
        if (root.empty()) {
            if (longFile.empty())
                std::fprintf(stderr, "usage: bench_decode ROOT [--runs N] [--features-csv OUT] [--long FILE] [--clip-only]\n");
            return longFile.empty() ? 2 : 0;
        }
        std::map<std::string, std::vector<fs::path>> formats;
        for (const auto& dir : fs::directory_iterator(root))
            if (dir.is_directory())
                for (const auto& f : fs::directory_iterator(dir.path()))
                    if (f.is_regular_file() && isAudioFile(f.path()))
                        formats[dir.path().filename().string()].push_back(f.path());

        gs::GenreFeatureExtractor extractor;
        std::ofstream csv;
        if (!featuresCsv.empty()) {
            csv.open(featuresCsv);
            csv << "file";
            for (const auto& n : gs::genreFeatureNames())
                csv << ',' << n;
            csv << '\n';
            csv.precision(9);
        }
        gs::DecodeOptions clip;  // what `extract` decodes by default
        clip.sampleRate = 22050;
        clip.durationSeconds = 30;
        gs::DecodeOptions native = clip;
        native.sampleRate = 0;
        {   // warm-up: FFTW plans, codec tables, page cache
            const auto& first = formats.begin()->second.front();
            extractor.compute(gs::decodeAudio(first, clip).samples, 22050);
        }

        std::printf("bench_decode: first 30 s of each song, one thread, CPU ms per clip, best of %d runs per song\n", runs);
        std::printf("  %-6s %5s %8s %10s %14s %12s %10s %14s\n", "format", "songs", "probe", "native", "clip @22050", "(resample)",
                    "features", "clip+features");
        for (auto& [format, files] : formats) {
            std::sort(files.begin(), files.end());
            Row row;
            for (const auto& file : files) {
                gs::Audio audio;
                if (clipOnly) {
                    row.clip += bestOf(runs, [&] { audio = gs::decodeAudio(file, clip); });
                    row.audioSeconds += audio.seconds();
                    ++row.songs;
                    continue;
                }
                row.open += bestOf(runs, [&] { gs::probeAudio(file); });
                row.native += bestOf(runs, [&] { audio = gs::decodeAudio(file, native); });
                row.clip += bestOf(runs, [&] { audio = gs::decodeAudio(file, clip); });
                std::vector<double> values;
                row.features += bestOf(runs, [&] { values = extractor.compute(audio.samples, audio.sampleRate); });
                row.audioSeconds += audio.seconds();
                ++row.songs;
                if (csv.is_open()) {
                    csv << format << '/' << file.filename().string();
                    for (double v : values)
                        csv << ',' << v;
                    csv << '\n';
                }
            }
            const double k = 1.0 / row.songs;
            std::printf("  %-6s %5d %8.2f %10.2f %14.2f %12.2f %10.2f %14.2f   (%.1f s clips)\n", format.c_str(), row.songs,
                        row.open * k, row.native * k, row.clip * k, (row.clip - row.native) * k, row.features * k,
                        (row.clip + row.features) * k, row.audioSeconds * k);
        }
    } catch (const gs::Error& e) {
        std::fprintf(stderr, "bench_decode: %s\n", e.what());
        return 1;
    }
    return 0;
}
