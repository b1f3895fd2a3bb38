// A 100,000-song catalogue in one session (issue 15), as the app handles it (offscreen):
// a folder of tiny WAVs whose features and fingerprints are already in the feature cache
// (generated here: the cache, not the audio, is what is measured), opened by the real
// DatasetSession, shown by the real Songs page and EDA charts. Prints:
//   - cached open: open() -> finished() (scan, cache load, matching, duplicate groups, table),
//     and open() -> the table filled (before the duplicate groups, found in the background);
//     the first open of a new catalogue searches, later ones read the groups the cache
//     remembers (printed: "searched" or "remembered"); then the open's stages one by one
//   - table sort by each column and text / genre filters, through the real proxy
//   - every EDA chart redrawn (data snapshot + setData + a paint of the widget)
//   - the duplicate search alone on the cached fingerprints
//   - peak memory (max RSS) of the process
// Goals (issue 15): open <= 3 s, sort/filter <= 100 ms, each chart <= 300 ms, duplicates
// <= 10 s, peak <= 1.5 GB. Figures only, nothing is asserted.
//
//   bench_ui_catalogue [--songs N] [--genres G] [--keep DIR] [--rounds R] [--open-only 1] [--breakdown 0]
#include "core/audio/fingerprint.h"
#include "core/audio/wav_writer.h"
#include "core/dataset/cache.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"
#include "ui/charts/eda_charts.h"
#include "ui/models/song_table_model.h"
#include "ui/panels/eda_panel.h"
#include "ui/session/dataset_session.h"
#include "ui/songs/songs_page.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace gs;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of the whole process: on a loaded machine wall times inflate, CPU time much less.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing {
    double wallMs = 0, cpuMs = 0;
};

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux: KiB
}

struct Args {
    int songs = 100000;
    int genres = 16;
    int rounds = 3;
    fs::path keep;
    bool openOnly = false;  // --open-only 1: stop after the open rounds (for profiling)
    bool breakdown = true;  // --breakdown 0: without the open's stages one by one
};

Args parseArgs(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--songs")
            a.songs = std::max(10, std::atoi(argv[i + 1]));
        else if (key == "--genres")
            a.genres = std::clamp(std::atoi(argv[i + 1]), 2, 200);
        else if (key == "--rounds")
            a.rounds = std::max(1, std::atoi(argv[i + 1]));
        else if (key == "--keep")
            a.keep = argv[i + 1];
        else if (key == "--open-only")
            a.openOnly = std::string(argv[i + 1]) != "0";
        else if (key == "--breakdown")
            a.breakdown = std::string(argv[i + 1]) != "0";
    }
    return a;
}

// Imbalanced like FMA: genre g holds a share proportional to 1/(g+1).
std::vector<int> genreSizes(int songs, int genres)
{
    double total = 0;
    for (int g = 0; g < genres; ++g)
        total += 1.0 / (g + 1);
    std::vector<int> sizes(genres);
    int assigned = 0;
    for (int g = 0; g < genres; ++g)
        assigned += sizes[g] = std::max(1, int(songs * (1.0 / (g + 1)) / total));
    sizes[0] += songs - assigned;
    return sizes;
}

// The folder and a cache as the app would have left it: every song analysed, 57 features
// drawn around a per-genre centre, a fingerprint (1 % of songs copies of another: duplicates).
void makeCatalogue(const fs::path& music, const fs::path& cacheFile, const Args& args)
{
    const auto t0 = Clock::now();
    const std::vector<float> blip(32, 0.0f);
    const auto sizes = genreSizes(args.songs, args.genres);
    for (int g = 0; g < args.genres; ++g) {
        const fs::path dir = music / ("Genre " + std::to_string(g + 1));
        fs::create_directories(dir);
        for (int i = 0; i < sizes[g]; ++i)
            writeWav(dir / ("track_" + std::to_string(g) + "_" + std::to_string(i) + ".wav"), blip, 22050);
    }
    std::printf("wrote %d tiny WAVs in %d genres: %.1f s\n", args.songs, args.genres, msSince(t0) / 1000);

    const auto t1 = Clock::now();
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    FeatureCache cache(cacheFile, genreFeatureSchema().fingerprint());
    const auto scan = scanDataset(music);
    std::vector<CachedSong> rows;
    rows.reserve(scan.songs.size());
    std::vector<Fingerprint> prints;
    for (const auto& s : scan.songs) {
        CachedSong c;
        c.path = s.path.generic_string();
        c.size = std::int64_t(s.sizeBytes);
        c.modifiedMs = s.modifiedTime * 1000;
        c.label = s.label;
        c.durationSeconds = 20 + double(rng() % 400);
        c.sampleRate = 44100;
        c.channels = 2;
        c.codec = "mp3";
        c.container = "mp3";
        c.length = 661500;
        const double centre = double(std::hash<std::string>{}(s.label) % 100) / 10.0;
        for (int k = 0; k < 57; ++k)
            c.features.push_back(centre + k + noise(rng));
        if (!prints.empty() && rng() % 100 == 0) {
            c.fingerprint = prints[rng() % prints.size()]; // a duplicate recording
        } else {
            for (int k = 0; k < 237; ++k)
                c.fingerprint.push_back(std::uint32_t(rng()));
        }
        prints.push_back(c.fingerprint);
        rows.push_back(std::move(c));
        if (rows.size() == 10000) {
            cache.store(rows);
            rows.clear();
        }
    }
    cache.store(rows);
    std::printf("filled the cache (%zu songs): %.1f s\n", scan.songs.size(), msSince(t1) / 1000);
}

template <typename Action>
Timing timed(Action&& action)
{
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    action();
    QApplication::processEvents();
    return {msSince(t0), cpuMs() - c0};
}

struct OpenTiming {
    Timing shown;    // open() -> the table filled (songsAdded handled): the user can work
    Timing finished; // open() -> finished(): including the duplicate search
};

// Runs the event loop until the session reports finished().
OpenTiming timedOpen(ui::DatasetSession& session, const fs::path& music)
{
    QEventLoop loop;
    OpenTiming out;
    const auto start = Clock::now();
    const double cpu0 = cpuMs();
    const auto finished = QObject::connect(&session, &ui::DatasetSession::finished, &loop, &QEventLoop::quit);
    // Queued after the table's own slots have run.
    const auto shown = QObject::connect(&session, &ui::DatasetSession::songsAdded, &session, [&] {
        out.shown = {msSince(start), cpuMs() - cpu0};
    });
    out.finished = timed([&] {
        session.open(QString::fromStdString(music.string()));
        loop.exec();
    });
    QObject::disconnect(finished);
    QObject::disconnect(shown);
    return out;
}

// The cached open's stages alone, as the session's pipeline runs them (CPU ms of each run):
// the folder scan, the cache read, the signature of the duplicate search's input and the
// read of the remembered groups. The open runs the scan and the read on two threads.
void printOpenBreakdown(const fs::path& music, const fs::path& cacheFile, int rounds)
{
    std::printf("\ncached open, stage by stage (CPU ms per run):\n");
    auto row = [&](const char* what, auto&& action) {
        std::printf("  %-34s", what);
        for (int r = 0; r < rounds; ++r)
            std::printf(" %6.0f", timed(action).cpuMs);
        std::printf("\n");
    };
    std::size_t songs = 0;
    row("scan (scanDataset)", [&] { songs = scanDataset(music).songs.size(); });
    std::vector<Fingerprint> prints;
    row("cache read (FeatureCache::load)", [&] {
        FeatureCache cache(cacheFile, genreFeatureSchema().fingerprint());
        auto rows = cache.load(music);
        prints.clear();
        for (auto& r : rows)
            prints.push_back(std::move(r.fingerprint));
    });
    std::string signature;
    row("duplicate search signature", [&] { signature = duplicateSearchSignature(prints); });
    FeatureCache cache(cacheFile, genreFeatureSchema().fingerprint());
    std::size_t groups = 0;
    row("remembered groups read", [&] {
        const auto stored = cache.loadDuplicateGroups(music, signature, prints.size());
        groups = stored ? stored->size() : 0;
    });
    std::printf("  (%zu songs scanned, %zu fingerprints read, %zu remembered groups for them)\n", songs, prints.size(), groups);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Args args = parseArgs(argc, argv);
    const fs::path root = args.keep.empty() ? fs::temp_directory_path() / ("gs-bench-catalogue-" + std::to_string(::getpid()))
                                            : args.keep;
    const fs::path music = root / "music", cacheFile = root / "cache.sqlite";
    if (!fs::exists(cacheFile)) {
        fs::remove_all(root);
        makeCatalogue(music, cacheFile, args);
    } else {
        std::printf("reusing %s\n", root.string().c_str());
    }
    std::printf("peak RSS after setup: %.0f MB\n\n", peakRssMb());

    ui::DatasetSession::Options options;
    options.cacheFile = cacheFile;
    ui::DatasetSession session(options);
    ui::SongsPage songs(&session);
    ui::EdaPanel eda(&session);
    songs.resize(1280, 800);
    eda.resize(1280, 800);
    songs.show();
    eda.show();

    for (int round = 1; round <= args.rounds; ++round) {
        const OpenTiming open = timedOpen(session, music);
        std::size_t ready = 0;
        for (const auto& s : session.songs())
            ready += s.status == ui::SongStatus::Ready;
        std::printf("round %d: cached open of %zu songs (%zu ready, %zu duplicate groups %s): %.0f ms wall, %.0f ms CPU"
                    " (table shown after %.0f ms wall, %.0f ms CPU)\n",
                    round, session.songs().size(), ready, session.duplicates().size(),
                    session.duplicatesFromCache() ? "remembered" : "searched", open.finished.wallMs,
                    open.finished.cpuMs, open.shown.wallMs, open.shown.cpuMs);
    }

    if (args.breakdown)
        printOpenBreakdown(music, cacheFile, args.rounds);
    if (args.openOnly)
        return 0;
    std::printf("\n(wall ms / CPU ms)\ntable (%d rows):\n", songs.songProxy()->rowCount());
    QTableView* table = songs.songTable();
    const char* columnNames[] = {"file", "genre", "duration", "format", "status"};
    for (int column = 0; column < ui::SongTableModel::ColumnCount; ++column)
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const Timing t = timed([&] { table->sortByColumn(column, order); });
            std::printf("  sort by %-8s %s: %6.0f / %6.0f\n", columnNames[column], order == Qt::AscendingOrder ? "asc " : "desc",
                        t.wallMs, t.cpuMs);
        }
    auto filterRow = [&](const char* what, auto&& action) {
        const Timing t = timed(action);
        std::printf("  %-26s %6.0f / %6.0f (%d rows)\n", what, t.wallMs, t.cpuMs, songs.songProxy()->rowCount());
    };
    filterRow("filter text 'track_3_1'", [&] { songs.setTextFilter("track_3_1"); });
    filterRow("filter text cleared", [&] { songs.setTextFilter(""); });
    filterRow("filter genre 'Genre 5'", [&] { songs.setGenreFilter("Genre 5"); });
    filterRow("filter genre cleared", [&] { songs.setGenreFilter(""); });

    std::printf("\nEDA charts:\n");
    {
        const Timing t = timed([&] { eda.refreshNow(); });
        std::printf("  new snapshot of %zu songs + the shown chart: %6.0f / %6.0f\n", session.songs().size(), t.wallMs, t.cpuMs);
    }
    const char* pageNames[] = {"class balance", "song length", "distribution", "scatter (PCA)", "correlation"};
    for (int page = ui::EdaPanel::ClassBalance; page <= ui::EdaPanel::Correlation; ++page) {
        // Switching to a page draws it from the current snapshot; grab() paints it.
        const Timing t = timed([&] {
            eda.showPage(ui::EdaPanel::Page(page));
            (void)eda.grab();
        });
        std::printf("  %-24s %6.0f / %6.0f\n", pageNames[page], t.wallMs, t.cpuMs);
    }
    {
        // The scatter on two features (no PCA): what drawing every song costs alone.
        eda.showPage(ui::EdaPanel::Scatter);
        const Timing t = timed([&] {
            eda.scatter()->setAxes(2, 3);
            (void)eda.grab();
        });
        std::printf("  %-24s %6.0f / %6.0f\n", "scatter (two features)", t.wallMs, t.cpuMs);
        eda.scatter()->setAxes(0, 1);
        std::printf("  scatter x axis: %s\n", qPrintable(eda.scatter()->plot()->xAxis->label()));
    }

    std::vector<Fingerprint> prints;
    {
        FeatureCache cache(cacheFile, genreFeatureSchema().fingerprint());
        for (auto& row : cache.load(music))
            if (!row.fingerprint.empty())
                prints.push_back(std::move(row.fingerprint));
    }
    std::vector<DuplicatePair> pairs;
    const Timing t = timed([&] { pairs = findDuplicates(prints); });
    std::printf("\nduplicate search over %zu fingerprints: %.0f / %.0f ms (%zu pairs)\n", prints.size(), t.wallMs, t.cpuMs,
                pairs.size());
    std::printf("peak RSS: %.0f MB\n", peakRssMb());
    if (args.keep.empty())
        fs::remove_all(root);
    return 0;
}
