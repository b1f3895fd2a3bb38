#pragma once
// The feature cache: per-song metadata, the 57 features and the audio fingerprint in an
// SQLite database (Qt Sql), keyed by absolute path and the feature schema fingerprint and
// valid while the file's size and modification time are unchanged.
//
// Crash safety: WAL journal, every store() is one transaction, so a killed process leaves
// either the old or the new rows, never a torn database.
// Threads: a FeatureCache owns one QSqlDatabase connection, which Qt allows only in the
// thread that opened it. Use one FeatureCache per thread, and write from one thread.
#include "core/audio/fingerprint.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace gs {

struct CachedSong {
    std::string path;               // absolute, generic ('/') form
    std::int64_t size = 0;          // bytes
    std::int64_t modifiedMs = 0;    // ms since the epoch
    std::string label;              // genre (sub-folder) at the time of extraction
    double durationSeconds = 0;     // whole file
    int sampleRate = 0;             // native
    int channels = 0;
    std::string codec, container;
    double length = 0;              // samples analysed (the feature table's length)
    std::vector<double> features;   // empty when extraction failed
    Fingerprint fingerprint;        // empty when too short / failed
    std::string error;              // why extraction failed; empty = ok
    std::string warning;            // analysed, but with a caveat (e.g. decoded only in part)

    bool sameFile(std::int64_t otherSize, std::int64_t otherModifiedMs) const
    {
        return size == otherSize && modifiedMs == otherModifiedMs;
    }
};

class FeatureCache {
public:
    // Opens (creating if needed) the database. Throws gs::Error(Format) naming the file when
    // it is not a usable SQLite database.
    FeatureCache(const std::filesystem::path& databaseFile, std::string schemaFingerprint);
    ~FeatureCache();
    FeatureCache(const FeatureCache&) = delete;
    FeatureCache& operator=(const FeatureCache&) = delete;

    const std::filesystem::path& file() const { return file_; }

    // Every song of this schema under `folder` (all songs when folder is empty).
    std::vector<CachedSong> load(const std::filesystem::path& folder = {}) const;
    // Inserts or replaces, in one transaction.
    void store(std::span<const CachedSong> songs);
    void remove(std::span<const std::string> paths);
    std::size_t count() const; // rows of this schema
    // PRAGMA integrity_check says "ok".
    bool integrityOk() const;

    // The one cache the app and the CLI share: $GENRESCOPE_CACHE_DIR/features.sqlite when set
    // (tests, scripts), else <GenericDataLocation>/Genrescope/genrescope/features.sqlite, i.e.
    // $XDG_DATA_HOME (or ~/.local/share)/Genrescope/genrescope on Linux: the app's
    // AppDataLocation under the names below, computed without a QCoreApplication.
    static std::filesystem::path defaultLocation();
    static constexpr const char* kOrganizationName = "Genrescope"; // QCoreApplication names of the app
    static constexpr const char* kApplicationName = "genrescope";

private:
    std::filesystem::path file_;
    std::string schema_;
    std::string connection_;
};

} // namespace gs
