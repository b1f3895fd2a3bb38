#pragma once
// The feature cache: per-song metadata, the 57 features and the audio fingerprint in an
// SQLite database (Qt Sql), keyed by absolute path and the feature schema fingerprint and
// valid while the file's size and modification time are unchanged.
//
// Crash safety: WAL journal, every store (songs or duplicate groups) is one transaction, so a
// killed process leaves either the old or the new rows, never a torn database.
// Threads: a FeatureCache owns one QSqlDatabase connection, which Qt allows only in the
// thread that opened it. Use one FeatureCache per thread, and write from one thread.
#include "core/audio/fingerprint.h"

#include <cstdint>
#include <filesystem>
#include <optional>
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

// One group of (near-)identical songs as the duplicate search found it, remembered so that
// opening an unchanged collection again does not search again (0.8 s CPU at 100,000 songs).
struct DuplicateGroupRecord {
    std::vector<std::uint32_t> songs; // indices into the fingerprints searched, ascending, >= 2
    double worstBitErrorRate = 0;     // of the group's pairs
    bool operator==(const DuplicateGroupRecord&) const = default;
};

// Names the exact input of a duplicate search: every fingerprint in order (empty for a song
// without one), the options and kDuplicateSearchVersion, as a 128-bit hash. Groups stored
// under it are what findDuplicates + duplicateGroups give for that input, whatever changed
// in between: a song added, removed, re-analysed or reordered changes the signature.
std::string duplicateSearchSignature(const std::vector<Fingerprint>& prints, const DuplicateOptions& options = {});

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

    // The duplicate groups remembered for `folder` under exactly this signature, or nullopt:
    // none, another signature (the collection changed), or an entry that fails its checksum
    // or its checks (indices < songCount, ascending, disjoint groups): search again then.
    // Never throws; a read error is a nullopt too.
    std::optional<std::vector<DuplicateGroupRecord>> loadDuplicateGroups(const std::filesystem::path& folder,
                                                                         const std::string& signature,
                                                                         std::size_t songCount) const;
    // Replaces the folder's remembered groups, in one transaction. Throws gs::Error(Format).
    void storeDuplicateGroups(const std::filesystem::path& folder, const std::string& signature, std::size_t songCount,
                              std::span<const DuplicateGroupRecord> groups);
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
