// Soak: the app's main window (offscreen) opens a big folder, is cancelled part-way, opens it
// again to the end, N times over; then trains a model and classifies songs dropped on it.
// Prints the resident memory after every round: it must stay flat (no growth per round
// beyond noise), and nothing may crash. Meant to run under the ASan build (scripts/soak.sh),
// where LeakSanitizer also checks the exit.
//
// Each round touches 10 % of the songs (new modification time), so that every reopen
// analyses songs again instead of only reading the cache.
//
//   bench_ui_soak --folder DIR [--rounds 50] [--classify 100] [--cache FILE] [--threads N]
#include "bench/bench_ui_support.h"
#include "ui/classify/classify_session.h"
#include "ui/main_window.h"
#include "ui/session/dataset_session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// VmRSS / VmHWM of this process in MB, from /proc/self/status.
double statusMb(const char* key)
{
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0)
            return std::atof(line.c_str() + std::string(key).size()) / 1024.0;
    return -1;
}

using gs::bench::spinUntil;

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

std::vector<fs::path> audioFiles(const fs::path& folder)
{
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file())
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

struct Args {
    fs::path folder, cache;
    int rounds = 50, classify = 100, threads = 0;
};

Args parse(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--folder")
            a.folder = v;
        else if (k == "--cache")
            a.cache = v;
        else if (k == "--rounds")
            a.rounds = std::atoi(v.c_str());
        else if (k == "--classify")
            a.classify = std::atoi(v.c_str());
        else if (k == "--threads")
            a.threads = std::atoi(v.c_str());
        else {
            std::fprintf(stderr, "unknown option %s\n", k.c_str());
            std::exit(2);
        }
    }
    if (a.folder.empty()) {
        std::fprintf(stderr, "usage: bench_ui_soak --folder DIR [--rounds 50] [--classify 100] [--cache FILE] [--threads N]\n");
        std::exit(2);
    }
    return a;
}

} // namespace

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM"))
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    const Args args = parse(argc, argv);
    QTemporaryDir holder;
    const fs::path cache = args.cache.empty() ? fs::path(holder.path().toStdString()) / "soak.sqlite" : args.cache;
    const auto files = audioFiles(args.folder);
    std::printf("soak: %zu files in %s, %d rounds, cache %s\n", files.size(), args.folder.c_str(), args.rounds,
                cache.c_str());
    std::printf("%6s %9s %9s %9s %10s %10s\n", "round", "cancel@", "songs", "open s", "RSS MB", "peak MB");

    gs::ui::DatasetSession::Options options;
    options.cacheFile = cache;
    options.threads = args.threads;
    gs::ui::MainWindow window(options);
    auto* session = window.session();
    std::mt19937 random(7);
    int failures = 0;
    double firstRss = 0;
    for (int round = 1; round <= args.rounds; ++round) {
        // 10 % of the songs look changed, so that this round analyses them again.
        for (std::size_t i = 0; i < files.size(); ++i)
            if (random() % 10 == 0)
                fs::last_write_time(files[i], fs::file_time_type::clock::now());
        QElapsedTimer timer;
        timer.start();
        int lastDone = 0;
        const auto connection = QObject::connect(session, &gs::ui::DatasetSession::progress,
                                                 [&](int done, int, double) { lastDone = done; });
        window.openFolder(QString::fromStdString(args.folder.string()));
        const int cancelAt = 1 + int(random() % 8);
        spinUntil([&] { return lastDone >= cancelAt || !session->isBusy(); }, 600000);
        session->cancel();
        session->waitForFinished();
        settle();
        window.openFolder(QString::fromStdString(args.folder.string()));
        spinUntil([&] { return !session->isBusy(); }, 1800000);
        session->waitForFinished();
        settle();
        QObject::disconnect(connection);
        const double rss = statusMb("VmRSS:");
        if (round == 1)
            firstRss = rss;
        std::printf("%6d %9d %9zu %9.1f %10.1f %10.1f\n", round, cancelAt, session->songs().size(),
                    double(timer.elapsed()) / 1000.0, rss, statusMb("VmHWM:"));
        std::fflush(stdout);
        if (session->songs().size() != files.size())
            ++failures;
    }

    // Train one quick model on the folder and classify songs dropped on the window.
    auto* classify = window.classifySession();
    classify->setDataset(session->snapshot());
    gs::ui::TrainSettings settings;
    settings.models = {"knn"};
    settings.folds = 3;
    settings.learningCurve = false;
    QElapsedTimer timer;
    timer.start();
    classify->train(settings);
    classify->waitForIdle(1800000);
    settle();
    QStringList dropped;
    for (int i = 0; i < args.classify && !files.empty(); ++i)
        dropped << QString::fromStdString(files[std::size_t(i) * files.size() / std::size_t(args.classify)].string());
    classify->classify(dropped);
    spinUntil([&] { return !classify->isClassifying() && !classify->isTraining(); }, 1800000);
    classify->waitForIdle(1800000);
    settle();
    int classified = 0;
    for (const auto& c : classify->classified()) {
        classified += c.done && c.error.isEmpty();
        if (!c.error.isEmpty())
            std::fprintf(stderr, "  %s\n", qPrintable(c.error));
    }
    const double rss = statusMb("VmRSS:");
    std::printf("classify: model %s, %d of %lld songs classified in %.1f s; RSS %.1f MB, peak %.1f MB\n",
                classify->model() ? "trained" : "MISSING", classified, static_cast<long long>(dropped.size()),
                double(timer.elapsed()) / 1000.0, rss, statusMb("VmHWM:"));
    std::printf("RSS after round 1: %.1f MB, at the end: %.1f MB (%+.1f MB)\n", firstRss, rss, rss - firstRss);
    failures += classified != int(dropped.size());
    return failures == 0 ? 0 : 1;
}
