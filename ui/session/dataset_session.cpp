#include "ui/session/dataset_session.h"

#include "core/audio/decode.h"
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "core/dataset/analyse_song.h"
#include "core/dataset/cache.h"
#include "core/dataset/demo.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/scan.h"
#include "core/features/extract.h"
#include "core/jobs/parallel.h"
#include "ui/common/background_runner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace gs::ui {

QString statusText(SongStatus status)
{
    switch (status) {
    case SongStatus::Pending: return DatasetSession::tr("Waiting");
    case SongStatus::Ready: return DatasetSession::tr("Ready");
    case SongStatus::Failed: return DatasetSession::tr("Failed");
    case SongStatus::Cancelled: return DatasetSession::tr("Not analysed");
    }
    return {};
}

namespace {


// The same analysis as the CLI's (core/dataset/analyse_song.h), as a song of the table.
Song analyse(Song song, const ExtractionParams& params, GenreFeatureExtractor& extractor, const CancelToken& cancel)
{
    SongEntry entry;
    entry.path = song.record.path;
    entry.relativePath = song.relativePath.toStdString();
    entry.label = song.record.label;
    entry.sizeBytes = std::uintmax_t(song.record.size);
    entry.modifiedTime = song.record.modifiedMs / 1000;
    try {
        cancel.throwIfCancelled(song.record.path);
        song.record = analyseSongForCache(entry, params, extractor, &cancel);
        song.status = song.record.error.empty() ? SongStatus::Ready : SongStatus::Failed;
    } catch (const Error&) { // Cancelled: the record stays as it was
        song.status = SongStatus::Cancelled;
    }
    return song;
}

// The fingerprints the duplicate search compares: one per song, empty unless analysed.
std::vector<Fingerprint> fingerprintsOf(const std::vector<Song>& songs)
{
    std::vector<Fingerprint> prints;
    prints.reserve(songs.size());
    for (const auto& s : songs)
        prints.push_back(s.status == SongStatus::Ready ? s.record.fingerprint : Fingerprint{});
    return prints;
}

// The same, moved out of the songs instead of copied (100,000 songs: 95 MB); the GUI gets
// them back with the duplicate groups (applyFinish), nothing there reads them before.
std::vector<Fingerprint> takeFingerprints(std::vector<Song>& songs)
{
    std::vector<Fingerprint> prints(songs.size());
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (songs[i].status == SongStatus::Ready) {
            prints[i] = std::move(songs[i].record.fingerprint);
            songs[i].record.fingerprint.clear();
        }
    return prints;
}

std::vector<DuplicateGroup> groupDuplicates(const std::vector<Fingerprint>& prints, const DuplicateOptions& options)
{
    const auto pairs = findDuplicates(prints, options);
    std::vector<DuplicateGroup> groups;
    std::vector<std::size_t> groupOf(prints.size()); // of the songs in a group
    for (const auto& members : duplicateGroups(pairs, prints.size())) {
        DuplicateGroup g;
        for (auto m : members) {
            g.songs.push_back(int(m));
            groupOf[m] = groups.size();
        }
        groups.push_back(std::move(g));
    }
    // Each pair's songs are in one group (a group per connected set of pairs).
    for (const auto& p : pairs) {
        auto& worst = groups[groupOf[p.a]].worstBitErrorRate;
        worst = std::max(worst, p.match.bitErrorRate);
    }
    return groups;
}

// The duplicate groups as the feature cache remembers them, and back.
std::vector<DuplicateGroupRecord> toRecords(const std::vector<DuplicateGroup>& groups)
{
    std::vector<DuplicateGroupRecord> records;
    records.reserve(groups.size());
    for (const auto& g : groups)
        records.push_back({std::vector<std::uint32_t>(g.songs.begin(), g.songs.end()), g.worstBitErrorRate});
    return records;
}

std::vector<DuplicateGroup> fromRecords(const std::vector<DuplicateGroupRecord>& records)
{
    std::vector<DuplicateGroup> groups;
    groups.reserve(records.size());
    for (const auto& r : records)
        groups.push_back({std::vector<int>(r.songs.begin(), r.songs.end()), r.worstBitErrorRate});
    return groups;
}

// The cache's rows of the opened folder, looked up by path and taken by the songs they match.
// One vector, no node per song (100,000 songs: a hash map spent two allocations per song, its
// node and a copy of the path as key). The cache reads them in path order, and the
// scan asks in the same order, so the row after the last hit is tried first, else a binary
// search; rows out of order are sorted first, so a lookup never depends on that order.
class CachedRows {
public:
    CachedRows() = default;
    explicit CachedRows(std::vector<CachedSong> rows) : rows_(std::move(rows)), taken_(rows_.size(), false)
    {
        const auto byPath = [](const CachedSong& a, const CachedSong& b) { return a.path < b.path; };
        if (!std::is_sorted(rows_.begin(), rows_.end(), byPath))
            std::sort(rows_.begin(), rows_.end(), byPath);
    }

    // The row of this path not taken yet, or null.
    CachedSong* find(const std::string& path)
    {
        std::size_t i = next_;
        if (i >= rows_.size() || rows_[i].path != path) {
            const auto it = std::lower_bound(rows_.begin(), rows_.end(), path,
                                             [](const CachedSong& row, const std::string& p) { return row.path < p; });
            i = std::size_t(it - rows_.begin());
            if (i >= rows_.size() || rows_[i].path != path)
                return nullptr;
        }
        next_ = i + 1;
        return taken_[i] ? nullptr : &rows_[i];
    }
    CachedSong take(CachedSong& row)
    {
        taken_[std::size_t(&row - rows_.data())] = true;
        return std::move(row);
    }
    // Paths of the rows no song took: gone from disk, or changed.
    std::vector<std::string> untakenPaths() const
    {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (!taken_[i])
                out.push_back(rows_[i].path);
        return out;
    }

private:
    std::vector<CachedSong> rows_; // sorted by path
    std::vector<bool> taken_;
    std::size_t next_ = 0;
};

// Finished songs on their way from the extraction workers to the single cache writer.
class ResultQueue {
public:
    void push(int index, Song song)
    {
        std::lock_guard lock(mutex_);
        items_.emplace_back(index, std::move(song));
        ready_.notify_one();
    }
    void close()
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_one();
    }
    // What arrived, waiting a little when nothing has; nullopt once closed and drained.
    std::optional<std::vector<std::pair<int, Song>>> take()
    {
        std::unique_lock lock(mutex_);
        ready_.wait_for(lock, std::chrono::milliseconds(250), [this] { return !items_.empty() || closed_; });
        if (items_.empty() && closed_)
            return std::nullopt;
        std::vector<std::pair<int, Song>> out(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
        items_.clear();
        return out;
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::pair<int, Song>> items_;
    bool closed_ = false;
};

// The demo in the app data folder, generated when missing. A marker written last tells a
// complete demo from one cut short by a crash. Throws gs::Error.
void ensureDemoDataset(const QString& folder, const CancelToken& cancel)
{
    const std::filesystem::path dir(folder.toStdString());
    const auto marker = dir / ".genrescope-demo-complete";
    if (std::filesystem::exists(marker))
        return;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    DemoOptions demo;
    demo.lengthSpread = kDemoLengthSpread;
    makeDemoDataset(dir, demo, {}, &cancel);
    std::ofstream(marker) << "1\n";
}

} // namespace

// One open of a folder on the open runner's worker thread: check the folder, open the cache,
// scan, match the songs against the cache, analyse the rest (workers from the core's thread
// pool, this thread the single cache writer), find duplicates. Everything the GUI sees is
// posted through the runner, so a superseded open delivers nothing.
class DatasetSession::Pipeline {
public:
    Pipeline(DatasetSession* session, const BackgroundRunner::Context& context, QString folder, LabelSource labels)
        : session_(session), context_(context), folder_(std::move(folder)), root_(folder_.toStdString()),
          options_(session->options_), schemaFingerprint_(session->schema_.fingerprint()), labels_(std::move(labels))
    {
    }

    void run()
    {
        QElapsedTimer timer;
        timer.start();
        if (!folderExists())
            return;
        const auto scan = scanWhileOpeningCache();
        if (!scan)
            return;
        std::vector<Song> songs = matchAgainstCache(*scan);
        forgetGoneSongs();
        std::vector<int> pending;
        for (std::size_t i = 0; i < songs.size(); ++i)
            if (songs[i].status == SongStatus::Pending)
                pending.push_back(int(i));
        if (pending.empty()) {
            // A cached open: nothing changes any more, so the songs move to the GUI, their
            // fingerprints lent to the duplicate search meanwhile (100,000 songs: no copy of
            // ~250 MB of features and fingerprints).
            std::vector<Fingerprint> prints = takeFingerprints(songs);
            postScan(std::move(songs), 0);
            auto groups = duplicatesOf(prints);
            context_.post([session = session_, groups = std::move(groups), reused = duplicatesReused_,
                           seconds = timer.elapsed() / 1000.0, prints = std::move(prints)]() mutable {
                session->applyFinish(std::move(groups), reused, seconds, std::move(prints));
            });
            return;
        }
        postScan(songs, int(pending.size()));
        analysePending(songs, pending);
        auto groups = duplicatesOf(fingerprintsOf(songs));
        context_.post([session = session_, groups = std::move(groups), reused = duplicatesReused_,
                       seconds = timer.elapsed() / 1000.0]() mutable {
            session->applyFinish(std::move(groups), reused, seconds);
        });
    }

private:
    void postProblem(const QString& file, const QString& reason) const
    {
        context_.post([session = session_, file, reason] { emit session->problem(file, reason); });
    }
    void postOpenFailed(const QString& reason) const
    {
        context_.post([session = session_, folder = folder_, reason] { emit session->openFailed(folder, reason); });
    }
    QString cacheFileName() const { return QString::fromStdString(options_.cacheFile.string()); }

    void postScan(std::vector<Song> songs, int pending) const
    {
        context_.post([session = session_, folder = folder_, songs = std::move(songs), pending, format = labelFormat_,
                       tree = genreTree_]() mutable {
            session->applyScan(folder, std::move(songs), pending, format, std::move(tree));
        });
    }

    // The folder scan (a stat() per file) and the cache read (SQLite) do not depend on each
    // other: the scan runs on a helper thread meanwhile. The cache stays on this thread,
    // which owns its SQL connection and later stores the analysed songs.
    std::optional<ScanResult> scanWhileOpeningCache()
    {
        std::optional<ScanResult> scan;
        std::exception_ptr scanError;
        std::thread scanner([&] {
            try {
                scan = scanFolder();
            } catch (...) {
                scanError = std::current_exception();
            }
        });
        try {
            openCache();
        } catch (...) {
            scanner.join();
            throw;
        }
        scanner.join();
        if (scanError)
            std::rethrow_exception(scanError);
        return scan;
    }

    bool folderExists() const
    {
        std::error_code ec;
        if (std::filesystem::is_directory(root_, ec))
            return true;
        postOpenFailed(std::filesystem::exists(root_, ec) ? DatasetSession::tr("not a folder") : DatasetSession::tr("no such folder"));
        return false;
    }

    // Without a usable cache the folder still opens; nothing is remembered.
    void openCache()
    {
        try {
            cache_ = std::make_unique<FeatureCache>(options_.cacheFile, schemaFingerprint_);
            cached_ = CachedRows(cache_->load(root_));
        } catch (const Error& e) {
            cache_.reset();
            postProblem(cacheFileName(), DatasetSession::tr("feature cache unavailable, nothing will be remembered: %1").arg(errorText(e)));
        }
    }

    // Problems the labels file and the folder disagree on: at most this many rows of each
    // kind (FMA's full tracks.csv names 106 574 tracks, a folder holds a subset), then a count.
    static constexpr std::size_t kListedLabelProblems = 200;

    void postLabelList(const std::vector<std::string>& items, const QString& reason) const
    {
        const std::size_t shown = std::min(items.size(), kListedLabelProblems);
        for (std::size_t i = 0; i < shown; ++i)
            postProblem(QString::fromStdString(items[i]), reason);
        if (items.size() > shown)
            postProblem(DatasetSession::tr("(labels)"),
                        DatasetSession::tr("%n more like the above: %1", "", int(items.size() - shown)).arg(reason));
    }

    ScanResult scanLabelled()
    {
        LabelledScan labelled = scanWithLabels(root_, labels_, &context_.cancel());
        labelFormat_ = labelled.format;
        if (labelled.format == "fma")
            genreTree_ = fmaGenreTreeOf(labelled.scan);
        const QString file = QString::fromStdString(labels_.file.filename().string());
        postLabelList(labelled.labelsWithoutFile, DatasetSession::tr("labelled in %1, but no such audio file in the folder").arg(file));
        postLabelList(labelled.filesWithoutLabel, DatasetSession::tr("no label in %1; left out").arg(file));
        postLabelList(labelled.labelProblems, DatasetSession::tr("row of the labels file not used"));
        if (labelled.withoutGenre > 0)
            postProblem(file, DatasetSession::tr("%n tracks have no %1 and are left out", "", int(labelled.withoutGenre))
                                  .arg(QString::fromLatin1(labelled.format == "fma" ? labelFieldName(labels_.field) : "genre")));
        if (labelled.outsideSubset > 0)
            postProblem(file, DatasetSession::tr("%n tracks are outside subset %1 and are left out", "", int(labelled.outsideSubset))
                                  .arg(QString::fromStdString(labels_.subset)));
        return std::move(labelled.scan);
    }

    // FMA's genre tree for the Genre Hierarchy page, from genres.csv beside tracks.csv. Optional:
    // without it (or with a damaged one) the page falls back to nested genre folders.
    GenreTree fmaGenreTreeOf(const ScanResult& scan) const
    {
        const auto file = labels_.file.parent_path() / "genres.csv";
        std::error_code missing;
        if (!std::filesystem::is_regular_file(file, missing))
            return {};
        try {
            std::vector<std::vector<std::string>> songGenres;
            songGenres.reserve(scan.songs.size());
            for (const auto& f : scan.songs)
                songGenres.push_back(f.genres.empty() ? std::vector<std::string>{f.label} : f.genres);
            return fmaGenreTree(readFmaGenres(file), songGenres);
        } catch (const Error& e) {
            postProblem(QString::fromStdString(file.string()), DatasetSession::tr("genre hierarchy not shown: %1").arg(errorText(e)));
            return {};
        }
    }

    std::optional<ScanResult> scanFolder()
    {
        try {
            ScanResult scan = labels_.file.empty() ? scanDataset(root_, &context_.cancel()) : scanLabelled();
            for (const auto& p : scan.problems)
                postProblem(DatasetSession::tr("(folder)"), QString::fromStdString(p));
            return scan;
        } catch (const Error& e) {
            postOpenFailed(errorText(e));
            return std::nullopt;
        }
    }

    // A cached song is reused while its file (size, time) and genre are unchanged.
    std::vector<Song> matchAgainstCache(const ScanResult& scan)
    {
        std::vector<Song> songs;
        songs.reserve(scan.songs.size());
        for (const auto& f : scan.songs) {
            Song s;
            s.relativePath = QString::fromStdString(f.relativePath);
            const std::string path = f.path.generic_string();
            const auto size = std::int64_t(f.sizeBytes);
            const std::int64_t modifiedMs = f.modifiedTime * 1000;
            CachedSong* hit = cached_.find(path);
            if (hit && hit->sameFile(size, modifiedMs) && hit->label == f.label) {
                s.record = cached_.take(*hit);
                s.status = s.record.error.empty() ? SongStatus::Ready : SongStatus::Failed;
                s.fromCache = true;
            } else {
                s.record.path = path;
                s.record.size = size;
                s.record.modifiedMs = modifiedMs;
                s.record.label = f.label;
            }
            songs.push_back(std::move(s));
        }
        return songs;
    }

    // What is left of the cache's rows is gone from disk (or changed): forget it.
    void forgetGoneSongs()
    {
        if (!cache_)
            return;
        const std::vector<std::string> gone = cached_.untakenPaths();
        cached_ = {};
        try {
            cache_->remove(gone);
        } catch (const Error&) {
            // stale rows are harmless: they never match a changed file
        }
    }

    // The extraction workers run on the core's thread pool (parallelFor, one extractor per
    // worker) from a helper thread, while this thread, which opened the cache (a Qt SQL
    // connection belongs to its thread), stores their results in batches: one writer.
    void analysePending(std::vector<Song>& songs, const std::vector<int>& pending)
    {
        if (pending.empty())
            return;
        const int threads = std::min(options_.threads > 0 ? options_.threads : defaultThreadCount(), int(pending.size()));
        std::vector<Song> todo;
        for (int index : pending)
            todo.push_back(songs[std::size_t(index)]);
        ResultQueue queue;
        std::thread workers([&] {
            std::vector<std::unique_ptr<GenreFeatureExtractor>> extractors(std::size_t(std::max(threads, 1)));
            ParallelOptions parallel;
            parallel.threads = threads;
            parallel.cancel = &context_.cancel();
            parallelFor(
                todo.size(),
                [&](std::size_t k, int worker) {
                    auto& extractor = extractors[std::size_t(worker)];
                    if (!extractor)
                        extractor = std::make_unique<GenreFeatureExtractor>(options_.params.pad, options_.params.legacyHpss);
                    queue.push(pending[k], analyse(todo[k], options_.params, *extractor, context_.cancel()));
                },
                parallel);
            queue.close();
        });

        QElapsedTimer extraction;
        extraction.start();
        std::size_t received = 0;
        while (auto batch = queue.take()) {
            if (batch->empty())
                continue;
            received += batch->size();
            storeBatch(*batch);
            for (const auto& [index, song] : *batch)
                songs[std::size_t(index)] = song;
            const double eta = context_.cancel().cancelled()
                ? -1.0 : estimateRemainingSeconds(received, pending.size(), extraction.elapsed() / 1000.0);
            context_.post([session = session_, results = std::move(*batch), done = int(received), total = int(pending.size()), eta] {
                session->applyResults(results, done, total, eta);
            });
        }
        workers.join();
    }

    // The duplicate groups of these fingerprints (one per song, by index): the cache's when it
    // remembers them for exactly this input (duplicateSearchSignature), else a fresh search,
    // which is then remembered. A cache that cannot be read or written only costs the search.
    std::vector<DuplicateGroup> duplicatesOf(const std::vector<Fingerprint>& prints)
    {
        const DuplicateOptions options; // the search and its signature see the same options
        const std::string signature = duplicateSearchSignature(prints, options);
        if (cache_)
            if (auto stored = cache_->loadDuplicateGroups(root_, signature, prints.size())) {
                duplicatesReused_ = true;
                return fromRecords(*stored);
            }
        duplicatesReused_ = false;
        auto groups = groupDuplicates(prints, options);
        if (cache_) {
            try {
                cache_->storeDuplicateGroups(root_, signature, prints.size(), toRecords(groups));
            } catch (const Error&) {
                // searched again next time; storeBatch reports a cache that cannot be written
            }
        }
        return groups;
    }

    // One transaction per batch; songs cut short by Cancel are not stored.
    void storeBatch(const std::vector<std::pair<int, Song>>& batch)
    {
        if (!cache_)
            return;
        std::vector<CachedSong> records;
        for (const auto& [index, song] : batch)
            if (song.status != SongStatus::Cancelled)
                records.push_back(song.record);
        try {
            cache_->store(records);
        } catch (const Error& e) {
            // Said once (disk full, folder made read-only): the later batches would fail alike.
            cache_.reset();
            postProblem(cacheFileName(),
                        DatasetSession::tr("feature cache could not be updated, nothing more will be remembered: %1").arg(errorText(e)));
        }
    }

    DatasetSession* session_; // touched only in posted functions (GUI thread)
    BackgroundRunner::Context context_;
    QString folder_;
    std::filesystem::path root_;
    Options options_;
    std::string schemaFingerprint_;
    std::unique_ptr<FeatureCache> cache_;
    CachedRows cached_;
    LabelSource labels_;
    std::string labelFormat_;
    GenreTree genreTree_; // FMA labels with genres.csv beside them; else empty
    bool duplicatesReused_ = false; // the last duplicatesOf() came from the cache
};

DatasetSession::DatasetSession(QObject* parent) : DatasetSession(Options{}, parent) {}

DatasetSession::DatasetSession(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), schema_(genreFeatureSchema(options_.params)),
      openRunner_(new BackgroundRunner(this)), viewRunner_(new BackgroundRunner(this))
{
    qRegisterMetaType<gs::ui::SongView>();
    if (options_.cacheFile.empty())
        options_.cacheFile = FeatureCache::defaultLocation();
    connect(openRunner_, &BackgroundRunner::failed, this, [this](const QString& reason) {
        emit problem(folder_, tr("internal error while opening: %1").arg(reason));
    });
    connect(openRunner_, &BackgroundRunner::finished, this, &DatasetSession::finished);
}

DatasetSession::~DatasetSession()
{
    // Stop the workers before the members they report into go away.
    openRunner_->cancel();
    viewRunner_->cancel();
    delete openRunner_;
    delete viewRunner_;
}

bool DatasetSession::isBusy() const { return openRunner_->isBusy(); }

void DatasetSession::cancel() { openRunner_->cancel(); }

void DatasetSession::waitForFinished() { openRunner_->waitForIdle(); }

int DatasetSession::indexOfPath(const QString& pathOrRelative) const
{
    const QString wanted = QDir::fromNativeSeparators(pathOrRelative);
    for (std::size_t i = 0; i < songs_.size(); ++i)
        if (songs_[i].relativePath == wanted || QString::fromStdString(songs_[i].record.path) == wanted)
            return int(i);
    const QString absolute = QDir::cleanPath(QDir(folder_).absoluteFilePath(wanted));
    for (std::size_t i = 0; i < songs_.size(); ++i)
        if (QString::fromStdString(songs_[i].record.path) == absolute)
            return int(i);
    return -1;
}

void DatasetSession::open(const QString& folder, const LabelSource& labels) { startOpen(folder, false, labels); }

QString DatasetSession::demoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-dataset");
}

void DatasetSession::openDemo() { startOpen(demoFolder(), true); }

void DatasetSession::startOpen(const QString& folder, bool makeDemo, const LabelSource& labels)
{
    const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    // A newer open supersedes the running one; the runner's single worker starts it once the
    // old one has stopped, so the cache never has two writers.
    openRunner_->start([this, absolute, makeDemo, labels](BackgroundRunner::Context& context) {
        if (makeDemo) {
            try {
                ensureDemoDataset(absolute, context.cancel());
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::Cancelled)
                    throw;
                context.post([this, absolute, reason = errorText(e)] {
                    emit openFailed(absolute, tr("cannot create the demo dataset: %1").arg(reason));
                });
                return;
            }
        }
        Pipeline(this, context, absolute, labels).run();
    });
}

void DatasetSession::applyScan(const QString& folder, std::vector<Song> songs, int pending, const std::string& labelFormat,
                               GenreTree genreTree)
{
    folder_ = folder;
    labelFormat_ = labelFormat;
    genreTree_ = std::move(genreTree);
    songs_ = std::move(songs);
    for (auto& s : songs_)
        failTooShortClip(s);
    snapshot_.reset();
    std::set<std::string> labels; // few distinct: converted once each, then sorted as QStrings
    for (const auto& s : songs_)
        labels.insert(s.record.label);
    std::set<QString> genres;
    for (const auto& label : labels)
        genres.insert(QString::fromStdString(label));
    genres_ = QStringList(genres.begin(), genres.end());
    duplicates_.clear();
    duplicatesFromCache_ = false;
    emit opened(folder_, int(songs_.size()));
    if (!songs_.empty())
        emit songsAdded(0, int(songs_.size()) - 1);
    for (const auto& s : songs_)
        reportProblems(s);
    emit progress(0, pending, -1);
}

void DatasetSession::applyResults(const std::vector<std::pair<int, Song>>& results, int done, int total, double eta)
{
    QList<int> indices;
    for (const auto& [index, song] : results) {
        songs_[std::size_t(index)] = song;
        failTooShortClip(songs_[std::size_t(index)]);
        indices.push_back(index);
    }
    snapshot_.reset();
    emit songsUpdated(indices);
    for (int i : indices)
        reportProblems(songs_[std::size_t(i)]);
    emit progress(done, total, eta);
}

void DatasetSession::reportProblems(const Song& song)
{
    if (song.status == SongStatus::Failed)
        emit problem(song.relativePath, QString::fromStdString(song.record.error));
    else if (song.status == SongStatus::Ready && !song.record.warning.empty())
        emit problem(song.relativePath, tr("warning: %1").arg(QString::fromStdString(song.record.warning)));
}

void DatasetSession::failTooShortClip(Song& song) const
{
    const double seconds = song.record.durationSeconds;
    if (labelFormat_ != "fma" || song.status != SongStatus::Ready || seconds <= 0 || seconds >= kFmaMinClipSeconds)
        return;
    song.status = SongStatus::Failed;
    song.record.error = tr("audio lasts %1 s, much shorter than FMA's 30 s clips (one of FMA's known bad files)")
                            .arg(seconds, 0, 'f', 1)
                            .toStdString();
}

void DatasetSession::applyFinish(std::vector<DuplicateGroup> groups, bool groupsFromCache, double seconds,
                                 std::vector<Fingerprint> lentFingerprints)
{
    duplicatesFromCache_ = groupsFromCache;
    for (std::size_t i = 0; i < lentFingerprints.size() && i < songs_.size(); ++i)
        if (!lentFingerprints[i].empty())
            songs_[i].record.fingerprint = std::move(lentFingerprints[i]);
    duplicates_ = std::move(groups);
    QList<int> changed;
    for (std::size_t i = 0; i < songs_.size(); ++i)
        if (songs_[i].status == SongStatus::Pending) {
            songs_[i].status = SongStatus::Cancelled;
            changed.push_back(int(i));
        }
    snapshot_.reset();
    if (!changed.isEmpty())
        emit songsUpdated(changed);
    lastOpenSeconds_ = seconds;
    emit duplicatesChanged();
    // finished() follows from the runner once this run's work has returned.
}

void DatasetSession::requestSongView(int index, const MelOptions& mel)
{
    if (index < 0 || index >= int(songs_.size()))
        return;
    const QString path = QString::fromStdString(songs_[std::size_t(index)].record.path);
    viewRunner_->start([this, path, mel](BackgroundRunner::Context& context) {
        SongView view = computeSongView(path, mel, &context.cancel());
        context.post([this, view = std::move(view)] {
            lastView_ = view;
            emit songViewReady(view);
        });
    });
}

void DatasetSession::requestSpectrogram(const MelOptions& mel)
{
    if (!lastView_.samples)
        return;
    viewRunner_->start([this, last = lastView_, mel](BackgroundRunner::Context& context) {
        SongView view = recomputeSpectrogram(last, mel);
        context.post([this, view = std::move(view)] { emit songViewReady(view); });
    });
}

std::shared_ptr<const DatasetSnapshot> DatasetSession::snapshot() const
{
    if (!snapshot_) {
        auto out = std::make_shared<DatasetSnapshot>();
        out->folder = folder_;
        out->schema = schema_;
        out->songs = songs_;
        for (const auto& g : duplicates_)
            out->duplicateGroups.push_back(g.songs);
        snapshot_ = std::move(out);
    }
    return snapshot_;
}

} // namespace gs::ui
