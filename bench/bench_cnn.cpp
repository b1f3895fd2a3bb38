// CNN benchmarks: epoch time, peak memory at FMA-small scale, inference time, model size,
// and song-grouped cross-validation on a real genre folder.
//
//   bench_cnn speed  [--songs 1000] [--windows 10] [--epochs 2]
//   bench_cnn memory [--songs 8000] [--windows 1] [--epochs 1]   (run under /usr/bin/time -v)
//   bench_cnn cv DIR [--folds 5] [--seed 42] [--epochs 20] [--oof FILE] [--verbose] [key=value ...]
//                                           (DIR/<genre>/<songs>; evaluate's folds and seeds)
//   bench_cnn infer DIR                     (prediction time per song file: decode + mel + network)
//
// speed/memory write synthetic spectrograms straight into a cache in a temporary folder
// (removed afterwards; --keep keeps it) so that no audio needs decoding.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/dataset/scan.h"
#include "core/ml/cnn/cnn_classifier.h"
#include "core/ml/cnn/synthetic_spectrograms.h"
#include "core/ml/evaluate.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <cmath>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace gs;
using namespace gs::ml;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

struct Args {
    std::string mode;
    std::string dir;
    std::map<std::string, double> numbers;
    std::map<std::string, std::string> text; // --oof FILE
    Hyperparameters overrides;
    bool keep = false;
    double get(const std::string& name, double fallback) const
    {
        auto it = numbers.find(name);
        return it == numbers.end() ? fallback : it->second;
    }
};

Args parse(int argc, char** argv)
{
    Args a;
    if (argc < 2)
        throw Error(ErrorKind::InvalidArgument, "bench_cnn", "usage: bench_cnn speed|memory|cv [DIR] [--opt N] [key=value]");
    a.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s == "--keep")
            a.keep = true;
        else if (s == "--oof")
            a.text[s.substr(2)] = i + 1 < argc ? argv[++i] : "";
        else if (s == "--verbose")
            a.numbers["verbose"] = 1;
        else if (s.rfind("--", 0) == 0 && i + 1 < argc)
            a.numbers[s.substr(2)] = std::stod(argv[++i]);
        else if (auto eq = s.find('='); eq != std::string::npos)
            a.overrides[s.substr(0, eq)] = std::stod(s.substr(eq + 1));
        else
            a.dir = s;
    }
    return a;
}

fs::path makeTempDir()
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (fs::path(base && *base ? base : "/tmp") / "gs-bench-cnn-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw Error(ErrorKind::Internal, pattern, "cannot create a temporary folder");
    return pattern;
}

ProgressFn printer()
{
    return [](const ProgressInfo& p) {
        if (p.stage.rfind("epoch", 0) == 0 && p.stage.find("batch") == std::string::npos)
            std::cerr << "  " << p.stage << '\n';
    };
}

// Synthetic data: `songs` training songs (plus the validation share on top), 30 s each.
int runSynthetic(const Args& args, bool memoryMode)
{
    const int trainSongs = int(args.get("songs", memoryMode ? 8000 : 1000));
    const int windows = int(args.get("windows", memoryMode ? 1 : 10));
    const int epochs = int(args.get("epochs", memoryMode ? 1 : 2));
    const int classes = 10;
    const int frames = 1292; // 30 s at 22050 Hz, hop 512
    Hyperparameters hp = args.overrides;
    hp["epochs"] = epochs;
    hp["windows_per_song"] = windows;
    hp["patience"] = 1000;
    const double validation = CnnOptions::fromHyperparameters(hp).validationFraction;
    const int totalSongs = int(std::ceil(trainSongs / (1.0 - validation) / classes)) * classes;

    const fs::path dir = makeTempDir();
    std::cout << "temporary folder: " << dir << '\n';
    struct Cleanup { // also on errors: the synthetic cache is gigabytes at full scale
        fs::path dir;
        bool keep;
        ~Cleanup() { if (!keep) { std::error_code ec; fs::remove_all(dir, ec); } }
    } cleanup{dir, args.keep};
    CnnClassifier cnn(CnnOptions::fromHyperparameters(hp), dir / "cache");
    auto t0 = Clock::now();
    const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), classes, totalSongs / classes, frames, 7);
    std::cout << "wrote " << set.samples.size() << " synthetic spectrograms (128 x " << frames << ", 8-bit) in "
              << seconds(t0) << " s; peak RSS so far " << peakRssMiB() << " MiB\n";

    TrainContext context;
    context.seed = 1;
    context.progress = printer();
    t0 = Clock::now();
    cnn.fit(set, context);
    const double fitSeconds = seconds(t0);
    const auto& report = cnn.trainingReport();
    std::cout << "training songs " << report.trainingSongs << ", validation songs " << report.validationSongs
              << ", windows per epoch " << report.trainingSongs * std::size_t(windows) << '\n';
    for (const auto& e : report.epochs)
        std::cout << "epoch " << e.epoch << ": " << e.seconds << " s wall, " << e.cpuSeconds << " s CPU (train loss " << e.trainLoss << ", val acc "
                  << e.validationAccuracy << ")\n";
    std::cout << "fit total " << fitSeconds << " s (including cache checks)\n";

    // Inference on one full 30-s song from the cache (decode and mel time come on top).
    t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    const int repeats = 5;
    for (int i = 0; i < repeats; ++i)
        cnn.predictProbabilities(set.samples[std::size_t(i)]);
    std::cout << "inference per 30-s song (cached spectrogram, 20 windows): " << 1000.0 * seconds(t0) / repeats
              << " ms wall, " << 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC / repeats << " ms CPU\n";
    std::ostringstream blob;
    cnn.save(blob);
    std::cout << "model size " << blob.str().size() << " bytes, " << cnn.parameterCount() << " parameters\n";
    std::cout << "peak RSS " << peakRssMiB() << " MiB (getrusage ru_maxrss)\n";
    return 0;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + 1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

// DIR/<genre>/<file> as a labelled set, one group per song.
LabelledSet scanLabelled(const std::string& dir)
{
    if (dir.empty())
        throw Error(ErrorKind::InvalidArgument, "cv", "give the dataset folder");
    const ScanResult scan = scanDataset(dir);
    LabelledSet set;
    set.classes = scan.genres;
    for (const auto& song : scan.songs) {
        if (song.label.empty())
            continue;
        Sample s;
        s.audioPath = song.path.string();
        s.label = int(std::find(set.classes.begin(), set.classes.end(), song.label) - set.classes.begin());
        s.group = int(set.samples.size());
        set.samples.push_back(s);
    }
    return set;
}

// Song-grouped stratified k-fold CV on DIR/<genre>/<file>, reported at song level. Folds and
// per-fold seeds are those of `genrescope-cli evaluate DIR --models cnn --folds K --seed S`
// (assignFolds with mixSeed(S, "outer-folds"), fit seed mixSeed(S, "cnn", fold)), so the two
// give the same models for the same hyperparameters. --oof FILE writes the out-of-fold
// probabilities (song, fold, truth, p...) as CSV for fusion experiments, rewritten after every fold.
int runCv(const Args& args)
{
    const LabelledSet set = scanLabelled(args.dir);
    const int folds = int(args.get("folds", 5));
    const std::uint64_t seed = std::uint64_t(args.get("seed", 42));
    Hyperparameters hp = args.overrides;
    if (args.numbers.count("epochs"))
        hp["epochs"] = args.get("epochs", 30);
    const fs::path cacheDir = args.numbers.count("fresh") ? makeTempDir() : fs::path(defaultCnnCacheDirectory());
    std::cout << set.samples.size() << " songs, " << set.classes.size() << " classes, " << folds
              << " song-grouped folds (seed " << seed << "); cache " << cacheDir << '\n';
    std::vector<int> labels, groups;
    for (const auto& s : set.samples) {
        labels.push_back(s.label);
        groups.push_back(s.group);
    }
    const std::vector<int> fold = assignFolds(labels, groups, folds, mixSeed(seed, "outer-folds"));

    std::size_t correct = 0, total = 0;
    double logLoss = 0;
    std::vector<double> foldAccuracy;
    std::vector<std::vector<int>> confusion(set.classes.size(), std::vector<int>(set.classes.size()));
    std::ostringstream oof;
    const auto t0 = Clock::now();
    const double cpu0 = processCpuSeconds();
    for (int f = 0; f < folds; ++f) {
        LabelledSet train;
        train.classes = set.classes;
        std::vector<const Sample*> test;
        for (std::size_t i = 0; i < set.samples.size(); ++i)
            (fold[i] == f ? (void)test.push_back(&set.samples[i]) : train.samples.push_back(set.samples[i]));
        CnnClassifier cnn(CnnOptions::fromHyperparameters(hp), cacheDir);
        TrainContext context;
        context.seed = mixSeed(seed, "cnn", std::uint64_t(f));
        context.progress = args.numbers.count("verbose") ? printer() : ProgressFn{};
        const auto tf = Clock::now();
        const double cpuFold = processCpuSeconds();
        cnn.fit(train, context);
        std::size_t foldCorrect = 0;
        for (const Sample* s : test) {
            const auto p = cnn.predictProbabilities(*s);
            const int predicted = int(std::max_element(p.begin(), p.end()) - p.begin());
            ++confusion[std::size_t(s->label)][std::size_t(predicted)];
            foldCorrect += predicted == s->label;
            logLoss -= std::log(std::max(1e-15, p[std::size_t(s->label)]));
            oof << s->audioPath << ',' << f << ',' << s->label;
            for (double v : p)
                oof << ',' << v;
            oof << '\n';
        }
        if (args.text.count("oof")) // after every fold: an interrupted run keeps the folds it finished
            writeFileAtomically(args.text.at("oof"), oof.str());
        correct += foldCorrect;
        total += test.size();
        foldAccuracy.push_back(double(foldCorrect) / double(test.size()));
        std::cout << "fold " << f + 1 << "/" << folds << ": " << foldCorrect << "/" << test.size() << " songs, best epoch "
                  << cnn.trainingReport().bestEpoch << "/" << cnn.trainingReport().epochs.size() << ", "
                  << seconds(tf) << " s, " << processCpuSeconds() - cpuFold << " s CPU ("
                  << cnn.trainingReport().spectrogramsComputed << " spectrograms computed)" << std::endl;
    }
    double mean = 0, var = 0;
    for (double a : foldAccuracy)
        mean += a / double(folds);
    for (double a : foldAccuracy)
        var += (a - mean) * (a - mean) / double(folds); // population std over folds, as evaluate
    std::cout << "song-level CV accuracy " << double(correct) / double(total) << " (" << correct << "/" << total
              << "); over folds " << 100.0 * mean << " % +- " << 100.0 * std::sqrt(var) << "; log-loss "
              << logLoss / double(total) << "; chance " << 1.0 / double(set.classes.size()) << "; " << seconds(t0)
              << " s wall, " << processCpuSeconds() - cpu0 << " s CPU\n";
    std::cout << "confusion (rows = true):\n";
    for (std::size_t r = 0; r < confusion.size(); ++r) {
        std::cout << "  " << set.classes[r].substr(0, 9);
        for (int v : confusion[r])
            std::cout << ' ' << v;
        std::cout << '\n';
    }
    std::cout << "peak RSS " << peakRssMiB() << " MiB\n";
    return 0;
}

// Time to classify a song from its file (nothing cached): decode + mel + 20 windows.
// The network is a quickly trained one: its accuracy does not matter here, its cost does.
int runInfer(const Args& args)
{
    const ScanResult scan = scanDataset(args.dir);
    const fs::path dir = makeTempDir();
    struct Cleanup {
        fs::path dir;
        ~Cleanup() { std::error_code ec; fs::remove_all(dir, ec); }
    } cleanup{dir};
    CnnClassifier cnn(CnnOptions::fromHyperparameters({{"epochs", 1}, {"windows_per_song", 2}}), dir / "cache");
    const LabelledSet set = writeSyntheticDataset(dir / "songs", cnn.cache(), 10, 4, 1292, 3);
    cnn.fit(set, TrainContext{});
    double wall = 0, cpu = 0, worst = 0;
    std::size_t n = 0;
    for (const auto& song : scan.songs) {
        const auto t0 = Clock::now();
        const std::clock_t c0 = std::clock();
        Sample s;
        s.audioPath = song.path.string();
        cnn.predictProbabilities(s);
        const double w = seconds(t0);
        wall += w;
        worst = std::max(worst, w);
        cpu += double(std::clock() - c0) / CLOCKS_PER_SEC;
        ++n;
    }
    std::cout << n << " songs, uncached prediction (decode 30 s + mel + network): " << 1000.0 * wall / double(n)
              << " ms wall (worst " << 1000.0 * worst << "), " << 1000.0 * cpu / double(n) << " ms CPU per song\n";
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const Args args = parse(argc, argv);
        if (args.mode == "speed" || args.mode == "memory")
            return runSynthetic(args, args.mode == "memory");
        if (args.mode == "cv")
            return runCv(args);
        if (args.mode == "infer")
            return runInfer(args);
        throw Error(ErrorKind::InvalidArgument, args.mode, "unknown mode (speed, memory, cv)");
    } catch (const std::exception& e) {
        std::cerr << "bench_cnn: " << e.what() << '\n';
        return 1;
    }
}
