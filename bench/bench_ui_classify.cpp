// The app's train / compare / classify half as a user feels it (offscreen, no window):
//  1. The GUI thread's longest stall (an event-loop latency probe: a 2 ms timer on the GUI
//     thread and the largest gap between its ticks) while the app opens the real-music dev
//     set, cross-validates every default feature model and classifies songs. Goal <= 50 ms.
//  2. Classifying a dropped 5-minute MP3 (44.1 kHz, made here from the real MP3 samples) with
//     a feature model: drop -> result through the session, and the core call alone. Goal <= 0.5 s.
//  3. The comparison on 1,000 songs (the Kaggle GTZAN feature CSV) in the app's session
//     against `genrescope-cli evaluate` on the same CSV, alternated in the same minutes.
//
//   bench_ui_classify [--models a,b,...] [--rounds N] [--skip-stall] [--skip-drop] [--skip-1000]
#include "bench/bench_ui_support.h"
#include "core/audio/decode.h"
#include "core/audio/encode.h"
#include "core/common/error.h"
#include "core/dataset/feature_table.h"
#include "core/ml/classify_song.h"
#include "core/ml/labelled_set.h"
#include "core/ml/train.h"
#include "ui/classify/classify_session.h"
#include "ui/session/dataset_session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace gs;
using Clock = std::chrono::steady_clock;

namespace {

fs::path sharedDir()
{
    const char* env = std::getenv("GENRESCOPE_SHARED_DIR");
    return fs::path(env ? env : GENRESCOPE_SHARED_DIR_DEFAULT);
}

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Gaps between ticks of a fast GUI-thread timer: a long gap = the GUI thread was busy.
class StallProbe {
public:
    StallProbe()
    {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(2);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (last_ >= 0)
                gaps_.push_back(double(now - last_) / 1e6);
            last_ = now;
        });
    }
    void start()
    {
        gaps_.clear();
        last_ = -1;
        clock_.start();
        timer_.start();
    }
    void stop() { timer_.stop(); }
    double maxMs() const { return gaps_.empty() ? 0 : *std::max_element(gaps_.begin(), gaps_.end()); }
    double percentileMs(double p) const
    {
        if (gaps_.empty())
            return 0;
        auto g = gaps_;
        std::sort(g.begin(), g.end());
        return g[std::min(g.size() - 1, std::size_t(p * double(g.size())))];
    }
    std::size_t ticks() const { return gaps_.size(); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = -1;
    std::vector<double> gaps_;
};

void printProbe(const char* phase, const StallProbe& probe, double seconds)
{
    std::printf("  %-44s %7.2f s   longest stall %6.1f ms   p99 %5.1f ms   (%zu ticks)\n", phase, seconds,
                probe.maxMs(), probe.percentileMs(0.99), probe.ticks());
}

using gs::bench::spinUntil;

// The real MP3 samples decoded at 44.1 kHz and joined until five minutes, as one MP3.
fs::path makeFiveMinuteMp3(const fs::path& dir)
{
    std::vector<float> song;
    const int rate = 44100;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(sharedDir() / "datasets" / "mp3-samples"))
        if (e.path().extension() == ".mp3")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    DecodeOptions decode;
    decode.sampleRate = rate;
    for (std::size_t i = 0; song.size() < std::size_t(300 * rate) && !files.empty(); ++i) {
        const auto audio = decodeAudio(files[i % files.size()], decode);
        song.insert(song.end(), audio.samples.begin(), audio.samples.end());
    }
    song.resize(std::size_t(300 * rate));
    const fs::path file = dir / "five-minutes.mp3";
    encodeAudioFile(file, song, rate, AudioCodec::Mp3, 192000);
    return file;
}

std::shared_ptr<ui::DatasetSnapshot> snapshotFromCsv(const fs::path& csv)
{
    const FeatureTable table = readFeatureCsv(csv);
    auto snapshot = std::make_shared<ui::DatasetSnapshot>();
    snapshot->folder = QStringLiteral("/kaggle");
    snapshot->schema = genreFeatureSchema(ml::kaggleExtractionParams());
    for (const auto& row : table.rows) {
        ui::Song s;
        s.record.path = "/kaggle/" + row.label + "/" + row.file;
        s.record.label = row.label;
        s.record.features = row.values;
        s.relativePath = QString::fromStdString(row.label + "/" + row.file);
        s.status = ui::SongStatus::Ready;
        snapshot->songs.push_back(std::move(s));
    }
    return snapshot;
}

void stallAndDrop(bool doStall, bool doDrop)
{
    QTemporaryDir tmp;
    StallProbe probe;
    ui::DatasetSession::Options options;
    options.cacheFile = fs::path(tmp.path().toStdString()) / "cache.sqlite";
    ui::DatasetSession dataset(options);
    ui::ClassifySession classify;

    std::printf("1. GUI-thread stalls (gtzan-dev, 100 real clips; goal <= 50 ms)\n");
    probe.start();
    auto t0 = Clock::now();
    dataset.open(QString::fromStdString((sharedDir() / "datasets" / "gtzan-dev").string()));
    spinUntil([&] { return !dataset.isBusy(); });
    probe.stop();
    printProbe("open + analyse the folder (empty cache)", probe, secondsSince(t0));

    classify.setDataset(dataset.snapshot());
    ui::TrainSettings settings; // every default feature model, 10 folds
    settings.learningCurve = true;
    bool done = false;
    QObject::connect(&classify, &ui::ClassifySession::trainingFinished, [&](bool) { done = true; });
    probe.start();
    t0 = Clock::now();
    classify.train(settings);
    spinUntil([&] { return done; });
    probe.stop();
    printProbe("10-fold CV of all feature models + refit", probe, secondsSince(t0));
    const auto model = classify.model();
    if (!model) {
        std::printf("  (no model was trained)\n");
        return;
    }
    std::printf("  final model: %s\n", model->kind.c_str());

    // Classify ten real clips through the session.
    QStringList clips;
    for (const auto& s : dataset.snapshot()->songs)
        if (clips.size() < 10)
            clips << QString::fromStdString(s.record.path);
    probe.start();
    t0 = Clock::now();
    classify.classify(clips);
    spinUntil([&] { return !classify.isClassifying(); });
    probe.stop();
    printProbe("classify 10 dropped clips", probe, secondsSince(t0));

    if (!doDrop)
        return;
    std::printf("\n2. A dropped 5-minute MP3 (44.1 kHz, 192 kb/s; goal <= 0.5 s wall)\n");
    const fs::path mp3 = makeFiveMinuteMp3(fs::path(tmp.path().toStdString()));
    // A feature model trained on the dev set (svm-rbf, the fast default).
    const auto data = dataset.snapshot();
    const auto labelled = ui::makeLabelledSnapshot(*data, QStringLiteral("none"));
    ml::TrainOptions train;
    train.model = "svm-rbf";
    const auto svm = ml::trainModel(labelled.set, train);
    for (int round = 0; round < 3; ++round) {
        t0 = Clock::now();
        const auto result = ml::classifySong(svm, mp3);
        const double core = secondsSince(t0);
        std::printf("  core classifySong: %.3f s (%d windows, %s %.0f %%)\n", core, result.windows,
                    result.genres.front().genre.c_str(), 100 * result.genres.front().probability);
    }
    const auto path = QString::fromStdString((fs::path(tmp.path().toStdString()) / "svm.gsm").string());
    ml::saveModelFile(path.toStdString(), svm);
    classify.openModel(path);
    spinUntil([&] { return classify.model() && classify.model()->kind == "svm-rbf"; });
    for (int round = 0; round < 3; ++round) {
        classify.clearClassified();
        probe.start();
        t0 = Clock::now();
        classify.classify({QString::fromStdString(mp3.string())});
        spinUntil([&] { return !classify.classified().empty() && classify.classified().front().done; });
        const double wall = secondsSince(t0);
        probe.stop();
        printProbe("drop -> ranked genres, through the session", probe, wall);
    }
}

void thousandSongs(const std::string& models, int rounds)
{
    const fs::path csv = sharedDir() / "reference" / "kaggle-gtzan" / "features_30_sec.csv";
    std::printf("\n3. Comparison on 1,000 songs (%s), 10 folds, models %s\n", csv.filename().c_str(), models.c_str());
    const auto snapshot = snapshotFromCsv(csv);
    ui::TrainSettings settings;
    std::stringstream list(models);
    for (std::string m; std::getline(list, m, ',');)
        settings.models.push_back(m);
    settings.grouping = QStringLiteral("none"); // the CSV has no groups: the CLI's folds
    settings.learningCurve = false;
    for (int round = 0; round < rounds; ++round) {
        ui::ClassifySession classify;
        classify.setDataset(snapshot);
        bool done = false;
        QObject::connect(&classify, &ui::ClassifySession::trainingFinished, [&](bool) { done = true; });
        // The probe wakes the GUI thread every 2 ms, which on 2 cores takes time from the
        // workers: odd rounds run without it, so the app's own speed shows too.
        const bool probing = round % 2 == 0;
        StallProbe probe;
        if (probing)
            probe.start();
        auto t0 = Clock::now();
        classify.train(settings);
        spinUntil([&] { return done; });
        const double app = secondsSince(t0);
        probe.stop();
        const auto run = classify.latestRun();

        // The same work with the CLI: evaluate, then train the best model on every song.
        QProcess cli;
        t0 = Clock::now();
        cli.start(QStringLiteral(GENRESCOPE_CLI_PATH),
                  {QStringLiteral("evaluate"), QString::fromStdString(csv.string()), QStringLiteral("--models"),
                   QString::fromStdString(models), QStringLiteral("--folds"), QStringLiteral("10"), QStringLiteral("--quiet")});
        cli.waitForFinished(-1);
        const double cliEvaluate = secondsSince(t0);
        const QString best = run ? QString::fromStdString(run->report.models.front().name) : QStringLiteral("svm-rbf");
        QTemporaryDir out;
        QProcess train;
        t0 = Clock::now();
        train.start(QStringLiteral(GENRESCOPE_CLI_PATH),
                    {QStringLiteral("train"), QString::fromStdString(csv.string()), QStringLiteral("--model"), best,
                     QStringLiteral("--out"), out.filePath(QStringLiteral("m.gsm")), QStringLiteral("--quiet")});
        train.waitForFinished(-1);
        const double cliTrain = secondsSince(t0);
        const QString stall = probing ? QStringLiteral("longest GUI stall %1 ms").arg(probe.maxMs(), 0, 'f', 1)
                                      : QStringLiteral("no stall probe");
        std::printf("  round %d: app %.2f s (CV + refit of %s; %s)   CLI %.2f s (evaluate %.2f + train %.2f)\n", round + 1,
                    app, qPrintable(best), qPrintable(stall), cliEvaluate + cliTrain, cliEvaluate, cliTrain);
        if (round == 0 && run) {
            std::printf("  app accuracies:");
            for (const auto& m : run->report.models)
                std::printf(" %s %.2f%%", m.name.c_str(), 100 * m.accuracyMean);
            std::printf("\n  CLI table:\n%s", cli.readAllStandardOutput().constData());
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::string models = "dummy,knn,svm-linear,svm-rbf,krr";
    int rounds = 2;
    bool stall = true, drop = true, thousand = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--models" && i + 1 < argc)
            models = argv[++i];
        else if (a == "--rounds" && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (a == "--skip-stall")
            stall = false;
        else if (a == "--skip-drop")
            drop = false;
        else if (a == "--skip-1000")
            thousand = false;
        else {
            std::fprintf(stderr, "usage: bench_ui_classify [--models a,b] [--rounds N] [--skip-stall] [--skip-drop] [--skip-1000]\n");
            return 2;
        }
    }
    if (!fs::exists(sharedDir() / "datasets")) {
        std::printf("SKIPPED: shared data not found at %s (set GENRESCOPE_SHARED_DIR)\n", sharedDir().c_str());
        return 0;
    }
    try {
        if (stall || drop)
            stallAndDrop(stall, drop);
        if (thousand)
            thousandSongs(models, rounds);
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_ui_classify: %s: %s\n", e.subject().c_str(), e.reason().c_str());
        return 1;
    }
    return 0;
}
