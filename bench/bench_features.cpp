// Feature extraction speed over the gtzan-dev clips: ms per clip per stage, single thread,
// for gtzan-57 and, on the same clips in the same run, the rich schema (rich-680).
// Usage: bench_features [gtzan-dev folder] [reflect] [legacy]
// Features run on audio read by a tiny WAV reader; FFmpeg decoding (gs::decodeAudio) is
// timed on its own line, and "decode + 57 features" adds the two.
#include "core/audio/decode.h"
#include "core/features/extract.h"
#include "core/features/mel.h"
#include "core/features/rich_features.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <sys/resource.h>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Clip {
    std::vector<float> samples;
    int sampleRate = 0;
};

bool readPcm16Wav(const std::filesystem::path& file, Clip& clip)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (b.size() < 44 || std::memcmp(b.data(), "RIFF", 4) != 0)
        return false;
    std::size_t pos = 12;
    int channels = 1, bits = 16;
    while (pos + 8 <= b.size()) {
        std::uint32_t size;
        std::memcpy(&size, b.data() + pos + 4, 4);
        if (std::memcmp(b.data() + pos, "fmt ", 4) == 0) {
            std::uint16_t ch, bi;
            std::uint32_t rate;
            std::memcpy(&ch, b.data() + pos + 10, 2);
            std::memcpy(&rate, b.data() + pos + 12, 4);
            std::memcpy(&bi, b.data() + pos + 22, 2);
            channels = ch;
            bits = bi;
            clip.sampleRate = int(rate);
        } else if (std::memcmp(b.data() + pos, "data", 4) == 0) {
            if (bits != 16)
                return false;
            const std::size_t n = std::min<std::size_t>(size, b.size() - pos - 8) / (2 * std::size_t(channels));
            clip.samples.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                float sum = 0;
                for (int c = 0; c < channels; ++c) {
                    std::int16_t s;
                    std::memcpy(&s, b.data() + pos + 8 + (i * std::size_t(channels) + std::size_t(c)) * 2, 2);
                    sum += float(s) / 32768.0f;
                }
                clip.samples[i] = sum / float(channels);
            }
            return true;
        }
        pos += 8 + size + (size & 1);
    }
    return false;
}

// CPU time of this thread: the machine is shared, wall time would measure the neighbours.
double nowSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

} // namespace

int main(int argc, char** argv)
{
    const std::filesystem::path dir =
        argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(GENRESCOPE_SHARED_DIR_DEFAULT) / "datasets/gtzan-dev";
    const bool reflect = argc > 2 && std::string(argv[2]) == "reflect";
    const bool legacy = argc > 3 && std::string(argv[3]) == "legacy";
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it); ++it)
        if (it->path().extension() == ".wav")
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "no .wav files under %s\n", dir.c_str());
        return 1;
    }

    gs::GenreFeatureExtractor extractor(reflect ? gs::PadMode::Reflect : gs::PadMode::Constant, legacy);
    // Warm-up: FFTW plans, filter banks.
    {
        Clip warm;
        readPcm16Wav(files.front(), warm);
        extractor.compute(warm.samples, warm.sampleRate);
    }
    gs::GenreFeatureExtractor rich(reflect ? gs::PadMode::Reflect : gs::PadMode::Constant, false, gs::FeatureSet::Rich);
    gs::StageTimes sum, richSum;
    double decode = 0, ffmpeg = 0, mel = 0, seconds = 0;
    int clips = 0;
    for (const auto& file : files) {
        Clip clip;
        const double t0 = nowSeconds();
        if (!readPcm16Wav(file, clip))
            continue;
        decode += nowSeconds() - t0;
        // The product path: FFmpeg decoding at the native rate (what the app runs per file).
        double bestDecode = 1e9;
        for (int run = 0; run < 3; ++run) {
            const double d0 = nowSeconds();
            gs::DecodeOptions options;
            options.sampleRate = 0;
            const auto audio = gs::decodeAudio(file, options);
            bestDecode = std::min(bestDecode, nowSeconds() - d0);
            if (audio.samples.size() != clip.samples.size())
                std::fprintf(stderr, "warning: %s: FFmpeg gives %zu samples, the WAV reader %zu\n", file.c_str(),
                             audio.samples.size(), clip.samples.size());
        }
        ffmpeg += bestDecode;
        // Best of three runs per clip and stage: other processes on a shared machine only
        // ever add time, so the minimum is the closest to the code's own cost.
        const auto bestOfThree = [&clip](gs::GenreFeatureExtractor& x, gs::StageTimes& total) {
            gs::StageTimes t;
            for (int run = 0; run < 3; ++run) {
                x.compute(clip.samples, clip.sampleRate);
                const auto& r = x.lastTimes();
                auto keep = [run](double& best, double v) { best = run == 0 ? v : std::min(best, v); };
                keep(t.stft, r.stft);
                keep(t.melMfcc, r.melMfcc);
                keep(t.chroma, r.chroma);
                keep(t.spectral, r.spectral);
                keep(t.hpss, r.hpss);
                keep(t.tempo, r.tempo);
                keep(t.statistics, r.statistics);
                keep(t.total, r.total);
            }
            total.stft += t.stft;
            total.melMfcc += t.melMfcc;
            total.chroma += t.chroma;
            total.spectral += t.spectral;
            total.hpss += t.hpss;
            total.tempo += t.tempo;
            total.statistics += t.statistics;
            total.total += t.total;
        };
        bestOfThree(extractor, sum);
        bestOfThree(rich, richSum);
        double bestMel = 1e9;
        for (int run = 0; run < 3; ++run) {
            const double t1 = nowSeconds();
            gs::melSpectrogramDb(clip.samples, clip.sampleRate);
            bestMel = std::min(bestMel, nowSeconds() - t1);
        }
        mel += bestMel;
        seconds += double(clip.samples.size()) / clip.sampleRate;
        ++clips;
    }
    const double k = 1000.0 / clips;
    std::printf("bench_features: %d clips (%.1f s of audio each on average), pad=%s, hpss=%s, one thread,\n  CPU time, best of 3 runs per clip and stage\n", clips,
                seconds / clips, reflect ? "reflect" : "constant", legacy ? "legacy" : "librosa-0.10");
    std::printf("  %-28s %8.2f ms/clip\n", "decode (gs::decodeAudio)", ffmpeg * k);
    std::printf("  %-28s %8.2f ms/clip\n", "WAV read (bench's own)", decode * k);
    std::printf("  %-28s %8.2f ms/clip\n", "STFT + |S|, |S|^2", sum.stft * k);
    std::printf("  %-28s %8.2f ms/clip\n", "mel + dB + MFCC", sum.melMfcc * k);
    std::printf("  %-28s %8.2f ms/clip\n", "chroma (tuning + filter)", sum.chroma * k);
    std::printf("  %-28s %8.2f ms/clip\n", "spectral + rms + zcr", sum.spectral * k);
    std::printf("  %-28s %8.2f ms/clip\n", "HPSS (median, masks, istft)", sum.hpss * k);
    std::printf("  %-28s %8.2f ms/clip\n", "onset + tempo", sum.tempo * k);
    std::printf("  %-28s %8.2f ms/clip\n", "all 57 features (best total)", sum.total * k);
    std::printf("  %-28s %8.2f ms/clip\n", "decode + 57 features", (ffmpeg + sum.total) * k);
    std::printf("  %-28s %8.2f ms/clip\n", "melSpectrogramDb alone", mel * k);
    std::printf("rich-680 (%zu values), same clips:\n", gs::richFeatureNames().size());
    std::printf("  %-28s %8.2f ms/clip\n", "STFT + |S|, |S|^2", richSum.stft * k);
    std::printf("  %-28s %8.2f ms/clip\n", "mel + dB + MFCC + delta", richSum.melMfcc * k);
    std::printf("  %-28s %8.2f ms/clip\n", "chroma + CENS + tonnetz", richSum.chroma * k);
    std::printf("  %-28s %8.2f ms/clip\n", "contrast, shape, flatness..", richSum.spectral * k);
    std::printf("  %-28s %8.2f ms/clip\n", "onsets, tempogram ratio, tempo", richSum.tempo * k);
    std::printf("  %-28s %8.2f ms/clip\n", "7 statistics per row", richSum.statistics * k);
    std::printf("  %-28s %8.2f ms/clip\n", "all rich features (best total)", richSum.total * k);
    std::printf("  %-28s %8.2f ms/clip\n", "decode + rich features", (ffmpeg + richSum.total) * k);

    // A 10-minute song (GUI spectrogram view, whole-file extraction): time and peak memory.
    {
        std::vector<float> song(std::size_t(22050) * 600);
        std::uint32_t state = 1;
        for (std::size_t i = 0; i < song.size(); ++i) {
            state = state * 1664525u + 1013904223u;
            song[i] = 0.3f * std::sin(0.05f * float(i % 100000)) + 0.05f * (float(state >> 8) / 16777216.0f - 0.5f);
        }
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        const double t0 = nowSeconds();
        const auto melDb = gs::melSpectrogramDb(song, 22050);
        const double t1 = nowSeconds();
        rusage afterMel{};
        getrusage(RUSAGE_SELF, &afterMel);
        gs::GenreFeatureExtractor whole(gs::PadMode::Constant);
        whole.compute(song, 22050);
        const double t2 = nowSeconds();
        rusage afterAll{};
        getrusage(RUSAGE_SELF, &afterAll);
        std::printf("10-minute song (22.05 kHz, %zu frames):\n", melDb.cols);
        std::printf("  %-28s %8.1f ms, peak RSS %ld MB\n", "melSpectrogramDb", (t1 - t0) * 1e3, afterMel.ru_maxrss / 1024);
        std::printf("  %-28s %8.1f ms, peak RSS %ld MB (the process, before: %ld MB)\n", "all 57 features, whole song",
                    (t2 - t1) * 1e3, afterAll.ru_maxrss / 1024, before.ru_maxrss / 1024);
    }
    return 0;
}
