#include "ui/session/dataset_session.h"

#include "core/audio/decode.h"
#include "core/audio/envelope.h"
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "core/features/extract.h"
#include "core/dataset/demo.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/scan.h"

#include <QPointer>
#include <QStandardPaths>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent>

#include <condition_variable>
#include <fstream>
#include <deque>
#include <set>
#include <unordered_map>

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

struct DatasetSession::Run {
    QString folder;
    std::filesystem::path root;
    CancelToken cancel;
    bool finishedApplied = false; // GUI thread only

    std::mutex mutex;             // guards results
    std::condition_variable ready;
    std::deque<std::pair<int, Song>> results;
};

namespace {

// One extractor per worker thread, rebuilt only when the extraction parameters change.
GenreFeatureExtractor& threadExtractor(const ExtractionParams& params)
{
    thread_local std::unique_ptr<GenreFeatureExtractor> extractor;
    thread_local std::pair<PadMode, bool> made{PadMode::Constant, false};
    if (!extractor || made != std::pair{params.pad, params.legacyHpss}) {
        extractor = std::make_unique<GenreFeatureExtractor>(params.pad, params.legacyHpss);
        made = {params.pad, params.legacyHpss};
    }
    return *extractor;
}

QString reasonOf(const Error& e)
{
    return QStringLiteral("%1: %2").arg(QString::fromUtf8(toString(e.kind())), QString::fromStdString(e.reason()));
}

Song analyse(Song song, const ExtractionParams& params, const CancelToken& cancel)
{
    auto& r = song.record;
    try {
        cancel.throwIfCancelled(r.path);
        SongEntry entry;
        entry.path = r.path;
        entry.relativePath = song.relativePath.toStdString();
        entry.label = r.label;
        const SongOutcome outcome =
            extractSong(entry, params, threadExtractor(params), &cancel, [&r](const Audio& audio) {
                r.durationSeconds = audio.info.durationSeconds > 0 ? audio.info.durationSeconds : audio.seconds();
                r.sampleRate = audio.info.nativeSampleRate;
                r.channels = audio.info.channels;
                r.codec = audio.info.codec;
                r.container = audio.info.container;
                try {
                    r.fingerprint = computeFingerprint(audio.samples, audio.sampleRate, r.path);
                } catch (const Error&) {
                    r.fingerprint.clear(); // too short to fingerprint: simply never a duplicate
                }
            });
        r.length = outcome.row.length;
        r.warning = outcome.warning.empty() ? std::string() : "decoded only in part: " + outcome.warning;
        r.features = outcome.row.values;
        r.error.clear();
        song.status = SongStatus::Ready;
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled) {
            song.status = SongStatus::Cancelled;
        } else {
            song.status = SongStatus::Failed;
            r.features.clear();
            r.fingerprint.clear();
            r.error = reasonOf(e).toStdString();
        }
    } catch (const std::exception& e) {
        song.status = SongStatus::Failed;
        r.features.clear();
        r.fingerprint.clear();
        r.error = std::string("internal error: ") + e.what();
    }
    return song;
}

std::vector<DuplicateGroup> groupDuplicates(const std::vector<Song>& songs)
{
    std::vector<Fingerprint> prints;
    prints.reserve(songs.size());
    for (const auto& s : songs)
        prints.push_back(s.status == SongStatus::Ready ? s.record.fingerprint : Fingerprint{});
    const auto pairs = findDuplicates(prints);
    std::vector<DuplicateGroup> groups;
    for (const auto& members : duplicateGroups(pairs, prints.size())) {
        DuplicateGroup g;
        for (auto m : members)
            g.songs.push_back(int(m));
        for (const auto& p : pairs)
            if (std::find(members.begin(), members.end(), p.a) != members.end())
                g.worstBitErrorRate = std::max(g.worstBitErrorRate, p.match.bitErrorRate);
        groups.push_back(std::move(g));
    }
    return groups;
}

} // namespace

DatasetSession::DatasetSession(QObject* parent) : DatasetSession(Options{}, parent) {}

DatasetSession::DatasetSession(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), schema_(genreFeatureSchema(options_.params))
{
    qRegisterMetaType<gs::ui::SongView>();
    pool_.setMaxThreadCount(options_.threads > 0 ? options_.threads : QThread::idealThreadCount());
    viewPool_.setMaxThreadCount(1);
    if (options_.cacheFile.empty())
        options_.cacheFile = FeatureCache::defaultLocation();
}

DatasetSession::~DatasetSession()
{
    if (run_)
        run_->cancel.cancel();
    pipeline_.waitForFinished();
    pool_.waitForDone();
    viewPool_.waitForDone();
}

bool DatasetSession::isBusy() const { return run_ && !run_->finishedApplied; }

void DatasetSession::cancel()
{
    if (run_)
        run_->cancel.cancel();
}

void DatasetSession::waitForFinished()
{
    while (isBusy()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
}

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


void DatasetSession::open(const QString& folder)
{
    if (run_) {
        run_->cancel.cancel();
        pipeline_.waitForFinished();
        pool_.waitForDone();
    }
    startRun(folder);
}

QString DatasetSession::demoFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-dataset");
}

void DatasetSession::openDemo()
{
    const QString folder = demoFolder();
    QThreadPool::globalInstance()->start([self = QPointer<DatasetSession>(this), folder] {
        QString error;
        try {
            // A marker written last tells a complete demo from one cut short by a crash.
            const std::filesystem::path dir(folder.toStdString());
            const auto marker = dir / ".genrescope-demo-complete";
            if (!std::filesystem::exists(marker)) {
                std::error_code ec;
                std::filesystem::remove_all(dir, ec);
                DemoOptions demo;
                demo.lengthSpread = kDemoLengthSpread;
                makeDemoDataset(dir, demo);
                std::ofstream(marker) << "1\n";
            }
        } catch (const Error& e) {
            error = reasonOf(e);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (!self) // the window closed while the demo was being written
            return;
        QMetaObject::invokeMethod(self.data(), [self, folder, error] {
            if (error.isEmpty()) {
                self->open(folder);
            } else {
                emit self->openFailed(folder, tr("cannot create the demo dataset: %1").arg(error));
                emit self->finished(false);
            }
        }, Qt::QueuedConnection);
    });
}

void DatasetSession::startRun(const QString& folder)
{
    auto run = std::make_shared<Run>();
    run->folder = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    run->root = std::filesystem::path(run->folder.toStdString());
    run_ = run;
    pipeline_ = QtConcurrent::run([this, run] { runPipeline(run); });
}

void DatasetSession::runPipeline(std::shared_ptr<Run> run)
{
    QElapsedTimer timer;
    timer.start();
    auto toGui = [this](auto fn) { QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection); };

    std::error_code ec;
    if (!std::filesystem::is_directory(run->root, ec)) {
        const QString reason = std::filesystem::exists(run->root, ec) ? tr("not a folder") : tr("no such folder");
        toGui([this, run, reason] {
            if (run != run_)
                return;
            run->finishedApplied = true;
            emit openFailed(run->folder, reason);
            emit finished(false);
        });
        return;
    }

    std::unique_ptr<FeatureCache> cache;
    std::unordered_map<std::string, CachedSong> cached;
    try {
        cache = std::make_unique<FeatureCache>(options_.cacheFile, schema_.fingerprint());
        for (auto& c : cache->load(run->root))
            cached.emplace(c.path, std::move(c));
    } catch (const Error& e) {
        const QString reason = tr("feature cache unavailable, nothing will be remembered: %1").arg(reasonOf(e));
        const QString file = QString::fromStdString(options_.cacheFile.string());
        toGui([this, file, reason] { emit problem(file, reason); });
    }

    ScanResult scan;
    try {
        scan = scanDataset(run->root, &run->cancel);
    } catch (const Error& e) {
        const QString reason = reasonOf(e);
        toGui([this, run, reason] {
            if (run != run_)
                return;
            run->finishedApplied = true;
            emit openFailed(run->folder, reason);
            emit finished(run->cancel.cancelled());
        });
        return;
    }
    for (const auto& p : scan.problems) {
        const QString reason = QString::fromStdString(p);
        toGui([this, reason] { emit problem(tr("(folder)"), reason); });
    }
    std::vector<Song> songs;
    for (const auto& f : scan.songs) {
        Song s;
        s.relativePath = QString::fromStdString(f.relativePath);
        const std::string path = f.path.generic_string();
        const auto size = std::int64_t(f.sizeBytes);
        const std::int64_t modifiedMs = f.modifiedTime * 1000;
        auto hit = cached.find(path);
        if (hit != cached.end() && hit->second.sameFile(size, modifiedMs) && hit->second.label == f.label) {
            s.record = std::move(hit->second);
            s.status = s.record.error.empty() ? SongStatus::Ready : SongStatus::Failed;
            s.fromCache = true;
            cached.erase(hit);
        } else {
            s.record.path = path;
            s.record.size = size;
            s.record.modifiedMs = modifiedMs;
            s.record.label = f.label;
        }
        songs.push_back(std::move(s));
    }
    // What is left in `cached` is gone from disk (or changed): forget it.
    if (cache) {
        std::vector<std::string> gone;
        for (const auto& [path, c] : cached)
            gone.push_back(path);
        try {
            cache->remove(gone);
        } catch (const Error&) {
        }
    }

    std::vector<int> pending;
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (songs[i].status == SongStatus::Pending)
            pending.push_back(int(i));
    toGui([this, run, songs, n = int(pending.size())]() mutable { applyScan(run, std::move(songs), n); });

    for (int index : pending) {
        Song song = songs[std::size_t(index)];
        pool_.start([run, index, song = std::move(song), params = options_.params]() mutable {
            Song done = analyse(std::move(song), params, run->cancel);
            std::lock_guard lock(run->mutex);
            run->results.emplace_back(index, std::move(done));
            run->ready.notify_one();
        });
    }

    // The single writer: collects results, stores them in one transaction per batch and
    // hands them to the GUI thread.
    QElapsedTimer extraction;
    extraction.start();
    std::size_t received = 0;
    std::size_t analysed = 0;
    while (received < pending.size()) {
        std::vector<std::pair<int, Song>> batch;
        {
            std::unique_lock lock(run->mutex);
            run->ready.wait_for(lock, std::chrono::milliseconds(250), [&] { return !run->results.empty(); });
            while (!run->results.empty()) {
                batch.push_back(std::move(run->results.front()));
                run->results.pop_front();
            }
        }
        if (batch.empty())
            continue;
        received += batch.size();
        std::vector<CachedSong> toStore;
        std::vector<Song> forGui;
        std::vector<int> indices;
        for (auto& [index, song] : batch) {
            if (song.status != SongStatus::Cancelled) {
                toStore.push_back(song.record);
                ++analysed;
            }
            songs[std::size_t(index)] = song;
            indices.push_back(index);
            forGui.push_back(std::move(song));
        }
        if (cache) {
            try {
                cache->store(toStore);
            } catch (const Error& e) {
                const QString reason = reasonOf(e);
                toGui([this, reason, file = QString::fromStdString(options_.cacheFile.string())] { emit problem(file, reason); });
            }
        }
        const double elapsed = extraction.elapsed() / 1000.0;
        const double eta = analysed > 0 && !run->cancel.cancelled()
            ? elapsed / double(analysed) * double(pending.size() - received) : -1.0;
        toGui([this, run, indices, forGui = std::move(forGui), done = int(received), total = int(pending.size()), eta]() mutable {
            if (run != run_)
                return;
            for (std::size_t k = 0; k < indices.size(); ++k)
                songs_[std::size_t(indices[k])] = std::move(forGui[k]);
            emit songsUpdated(QList<int>(indices.begin(), indices.end()));
            for (int i : indices)
                reportProblems(songs_[std::size_t(i)]);
            emit progress(done, total, eta);
        });
    }

    auto groups = groupDuplicates(songs);
    const bool cancelled = run->cancel.cancelled();
    const double seconds = timer.elapsed() / 1000.0;
    toGui([this, run, cancelled, seconds, groups = std::move(groups)]() mutable {
        if (run != run_)
            return;
        duplicates_ = std::move(groups);
        applyFinish(run, cancelled, seconds);
    });
}

void DatasetSession::applyScan(std::shared_ptr<Run> run, std::vector<Song> songs, int pending)
{
    if (run != run_)
        return;
    folder_ = run->folder;
    songs_ = std::move(songs);
    std::set<QString> genres;
    for (const auto& s : songs_)
        genres.insert(QString::fromStdString(s.record.label));
    genres_ = QStringList(genres.begin(), genres.end());
    duplicates_.clear();
    emit opened(folder_, int(songs_.size()));
    if (!songs_.empty())
        emit songsAdded(0, int(songs_.size()) - 1);
    for (const auto& s : songs_)
        reportProblems(s);
    emit progress(0, pending, -1);
}

void DatasetSession::reportProblems(const Song& song)
{
    if (song.status == SongStatus::Failed)
        emit problem(song.relativePath, QString::fromStdString(song.record.error));
    else if (song.status == SongStatus::Ready && !song.record.warning.empty())
        emit problem(song.relativePath, tr("warning: %1").arg(QString::fromStdString(song.record.warning)));
}

void DatasetSession::applyFinish(std::shared_ptr<Run> run, bool cancelled, double seconds)
{
    QList<int> changed;
    for (std::size_t i = 0; i < songs_.size(); ++i)
        if (songs_[i].status == SongStatus::Pending) {
            songs_[i].status = SongStatus::Cancelled;
            changed.push_back(int(i));
        }
    if (!changed.isEmpty())
        emit songsUpdated(changed);
    lastOpenSeconds_ = seconds;
    run->finishedApplied = true;
    emit duplicatesChanged();
    emit finished(cancelled);
}

void DatasetSession::requestSongView(int index, const MelOptions& mel)
{
    if (index < 0 || index >= int(songs_.size()))
        return;
    const int generation = ++viewGeneration_;
    const QString path = QString::fromStdString(songs_[std::size_t(index)].record.path);
    viewPool_.start([this, path, mel, generation] {
        if (generation != viewGeneration_)
            return;
        SongView view = computeSongView(path, mel);
        QMetaObject::invokeMethod(this, [this, view = std::move(view), generation] {
            if (generation != viewGeneration_)
                return;
            lastView_ = view;
            emit songViewReady(view);
        }, Qt::QueuedConnection);
    });
}

void DatasetSession::requestSpectrogram(const MelOptions& mel)
{
    if (!lastView_.samples)
        return;
    const int generation = ++viewGeneration_;
    viewPool_.start([this, last = lastView_, mel, generation] {
        SongView view = recomputeSpectrogram(last, mel);
        QMetaObject::invokeMethod(this, [this, view = std::move(view), generation] {
            if (generation == viewGeneration_)
                emit songViewReady(view);
        }, Qt::QueuedConnection);
    });
}

std::shared_ptr<const DatasetSnapshot> DatasetSession::snapshot() const
{
    auto out = std::make_shared<DatasetSnapshot>();
    out->folder = folder_;
    out->schema = schema_;
    out->songs = songs_;
    for (const auto& g : duplicates_)
        out->duplicateGroups.push_back(g.songs);
    return out;
}

} // namespace gs::ui
