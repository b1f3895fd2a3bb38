#pragma once
// The controller between the core and the widgets: opens a folder, runs scanning,
// decoding, feature extraction and fingerprinting on worker threads, keeps the song list
// and the feature cache up to date, and reports everything through queued signals.
// Widgets never call the core directly for long work; they ask the session.
#include "core/common/progress.h"
#include "core/dataset/metadata.h"
#include "core/dsp/matrix.h"
#include "core/features/mel.h"
#include "core/features/schema.h"
#include "ui/session/dataset_snapshot.h"
#include "ui/session/song.h"
#include "ui/session/song_view.h"

#include <QObject>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

namespace gs::ui {

class BackgroundRunner;

struct DuplicateGroup {
    std::vector<int> songs;     // indices into DatasetSession::songs()
    double worstBitErrorRate = 0;
};

class DatasetSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::filesystem::path cacheFile;     // empty = FeatureCache::defaultLocation()
        ExtractionParams params;
        int threads = 0;                     // 0 = all cores
    };

    explicit DatasetSession(QObject* parent = nullptr);
    DatasetSession(Options options, QObject* parent = nullptr);
    ~DatasetSession() override;

    // Starts opening (returns at once). Emits opened() or openFailed(), then songsAdded /
    // songsUpdated as songs arrive, progress(), and finished().
    // labels: genre labels from a metadata file (FMA tracks.csv or a CSV path,genre) instead
    // of genre folders; labels without a file and files without a label become problem() rows.
    void open(const QString& folder, const LabelSource& labels = {});
    // Opens the bundled demo dataset, generating it first (in the background) when it is
    // not in the app data folder yet.
    void openDemo();
    static QString demoFolder();
    void cancel();
    bool isBusy() const;
    // Blocks until the current open has finished (tests, --screenshot).
    void waitForFinished();

    QString folder() const { return folder_; }
    const std::vector<Song>& songs() const { return songs_; }
    int indexOfPath(const QString& pathOrRelative) const;
    const QStringList& genres() const { return genres_; } // sorted, distinct
    // Opened with FMA labels and genres.csv beside tracks.csv: the genre tree with song counts.
    const GenreTree& metadataGenreTree() const { return genreTree_; }
    const std::vector<DuplicateGroup>& duplicates() const { return duplicates_; }
    // The last open's duplicate groups came from the feature cache (no song changed since
    // they were found), not from a new search.
    bool duplicatesFromCache() const { return duplicatesFromCache_; }
    const FeatureSchema& schema() const { return schema_; }
    double lastOpenSeconds() const { return lastOpenSeconds_; }
    // A copy of the songs, folder, schema and duplicate groups as they are now, for the
    // classify session (cheap to call again: shared until the songs change).
    std::shared_ptr<const DatasetSnapshot> snapshot() const;

    // Decodes the song and computes its envelope and mel spectrogram in the background;
    // songViewReady() follows. A newer request supersedes an older one.
    void requestSongView(int index, const MelOptions& mel);
    // Recomputes only the spectrogram of the last view with other settings.
    void requestSpectrogram(const MelOptions& mel);

signals:
    void opened(const QString& folder, int songCount);
    void openFailed(const QString& folder, const QString& reason);
    void songsAdded(int first, int last);              // rows appended to songs()
    void songsUpdated(const QList<int>& indices);      // status / features changed
    void problem(const QString& file, const QString& reason);
    void progress(int done, int total, double etaSeconds);
    void finished(bool cancelled);
    void duplicatesChanged();
    void songViewReady(const gs::ui::SongView& view);

private:
    class Pipeline; // one open, stage by stage, on the open runner's worker thread
    void startOpen(const QString& folder, bool makeDemo, const LabelSource& labels = {});
    // Queued into the GUI thread by the pipeline. labelFormat: "fma", "csv" or empty (folders).
    void applyScan(const QString& folder, std::vector<Song> songs, int pending, const std::string& labelFormat,
                   GenreTree genreTree = {});
    void applyResults(const std::vector<std::pair<int, Song>>& results, int done, int total, double eta);
    // lentFingerprints: the songs' fingerprints, by index, when the pipeline took them for the
    // duplicate search (a cached open); empty ones are left alone.
    void applyFinish(std::vector<DuplicateGroup> groups, bool groupsFromCache, double seconds,
                     std::vector<Fingerprint> lentFingerprints = {});
    void reportProblems(const Song& song);
    // FMA's known bad files: a clip much shorter than 30 s is failed here (not in the cache).
    void failTooShortClip(Song& song) const;

    Options options_;
    FeatureSchema schema_;
    QString folder_;
    std::vector<Song> songs_;
    QStringList genres_;
    std::string labelFormat_; // of the open folder's labels file; empty = genre folders
    GenreTree genreTree_;     // FMA genres.csv tree of the open folder's songs; empty otherwise
    std::vector<DuplicateGroup> duplicates_;
    bool duplicatesFromCache_ = false;
    BackgroundRunner* openRunner_;
    BackgroundRunner* viewRunner_;
    double lastOpenSeconds_ = 0;
    SongView lastView_;                                      // for requestSpectrogram()
    mutable std::shared_ptr<const DatasetSnapshot> snapshot_; // null = songs changed since
};

} // namespace gs::ui

