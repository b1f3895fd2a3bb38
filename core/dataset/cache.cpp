#include "core/dataset/cache.h"

#include "core/common/error.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gs {

namespace {

constexpr int kCacheLayoutVersion = 2; // bump when the table layout changes

QString qs(const std::string& s) { return QString::fromStdString(s); }

template <typename T>
QByteArray toBlob(const std::vector<T>& v)
{
    return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size() * sizeof(T)));
}

template <typename T>
std::vector<T> fromBlob(const QByteArray& b)
{
    std::vector<T> v(std::size_t(b.size()) / sizeof(T));
    if (!v.empty())
        std::memcpy(v.data(), b.constData(), v.size() * sizeof(T));
    return v;
}

[[noreturn]] void fail(const std::filesystem::path& file, const QString& what, const QSqlError& error)
{
    throw Error(ErrorKind::Format, file.string(), (what + QStringLiteral(": ") + error.text()).toStdString());
}

void exec(QSqlQuery& q, const std::filesystem::path& file, const QString& sql)
{
    if (!q.exec(sql))
        fail(file, sql.left(60), q.lastError());
}

// A text column selected as CAST(... AS BLOB): its UTF-8 bytes (empty for NULL).
std::string utf8Column(const QSqlQuery& q, int column)
{
    const QByteArray bytes = q.value(column).toByteArray();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

QSqlDatabase db(const std::string& connection) { return QSqlDatabase::database(qs(connection), false); }

// A damaged row (bit rot, another writer) holds a partial number or a NaN; it is left out, so
// the song is analysed again and store() replaces it, instead of NaN reaching a feature table.
bool usableRow(const CachedSong& s, const QByteArray& features, const QByteArray& fingerprint)
{
    const auto finite = [](double v) { return std::isfinite(v); };
    return features.size() % qsizetype(sizeof(double)) == 0 && fingerprint.size() % qsizetype(sizeof(std::uint32_t)) == 0
        && finite(s.length) && finite(s.durationSeconds) && std::all_of(s.features.begin(), s.features.end(), finite);
}

// A 128-bit hash as two independent 64-bit chains over the same 64-bit values: splitmix64's
// finaliser (Steele, Lea & Flood 2014) and MurmurHash3's fmix64, each mixing every input bit
// into every output bit. Chaining makes the order count. Not cryptographic: it tells one
// collection (or one stored entry) from another, nobody forges them.
class Hash128 {
public:
    Hash128() = default;
    explicit Hash128(std::uint64_t lane) : a_(splitmix(kSeedA + lane)), b_(fmix(kSeedB ^ lane)) {}

    void add(std::uint64_t v)
    {
        a_ = splitmix(a_ ^ v);
        b_ = fmix(b_ + v + 0x2545f4914f6cdd1dULL);
    }
    // The words' count, then the words two by two in four lanes (values 0, 4, 8... in the first),
    // folded in at the end: four pairs of chains run side by side instead of one pair waiting
    // on each mix (100,000 fingerprints: ~50 ms as one chain).
    void addWords(std::span<const std::uint32_t> words)
    {
        add(words.size());
        std::array<Hash128, 4> lanes{Hash128(1), Hash128(2), Hash128(3), Hash128(4)};
        const auto value = [&](std::size_t k) { return std::uint64_t(words[2 * k]) | std::uint64_t(words[2 * k + 1]) << 32; };
        const std::size_t values = words.size() / 2;
        std::size_t k = 0;
        for (; k + 4 <= values; k += 4)
            for (std::size_t lane = 0; lane < 4; ++lane)
                lanes[lane].add(value(k + lane));
        for (; k < values; ++k)
            lanes[0].add(value(k));
        if (words.size() % 2 != 0)
            lanes[1].add(words.back());
        for (const auto& lane : lanes) {
            add(lane.a_);
            add(lane.b_);
        }
    }
    void addBytes(std::string_view bytes)
    {
        add(bytes.size());
        for (std::size_t i = 0; i < bytes.size(); i += 8) {
            std::uint64_t v = 0;
            std::memcpy(&v, bytes.data() + i, std::min<std::size_t>(8, bytes.size() - i));
            add(v);
        }
    }
    std::string hex() const
    {
        char text[33];
        std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(a_), static_cast<unsigned long long>(b_));
        return text;
    }

private:
    static std::uint64_t splitmix(std::uint64_t x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    static std::uint64_t fmix(std::uint64_t x)
    {
        x = (x ^ (x >> 33)) * 0xff51afd7ed558ccdULL;
        x = (x ^ (x >> 33)) * 0xc4ceb9fe1a85ec53ULL;
        return x ^ (x >> 33);
    }
    static constexpr std::uint64_t kSeedA = 0x9e3779b97f4a7c15ULL, kSeedB = 0x6a09e667f3bcc909ULL;
    std::uint64_t a_ = kSeedA, b_ = kSeedB;
};

// Stored duplicate groups: the members as 32-bit words, [size, songs...] group after group,
// and the worst bit error rates, one double per group: two blobs like the features.
std::vector<std::uint32_t> groupMembers(std::span<const DuplicateGroupRecord> groups)
{
    std::vector<std::uint32_t> words;
    for (const auto& g : groups) {
        words.push_back(std::uint32_t(g.songs.size()));
        words.insert(words.end(), g.songs.begin(), g.songs.end());
    }
    return words;
}

std::vector<double> groupRates(std::span<const DuplicateGroupRecord> groups)
{
    std::vector<double> rates;
    for (const auto& g : groups)
        rates.push_back(g.worstBitErrorRate);
    return rates;
}

// The groups of an entry, or nullopt unless they could be what duplicateGroups gives for
// songCount songs: groups of >= 2 ascending, disjoint indices below songCount, ordered by
// their first song, one rate in [0, 1] each. A damaged entry must mean "search again", never
// wrong groups or an index past the song list.
std::optional<std::vector<DuplicateGroupRecord>> decodeGroups(const QByteArray& membersBlob, const QByteArray& ratesBlob,
                                                              std::size_t songCount)
{
    if (membersBlob.size() % qsizetype(sizeof(std::uint32_t)) != 0 || ratesBlob.size() % qsizetype(sizeof(double)) != 0)
        return std::nullopt;
    const auto words = fromBlob<std::uint32_t>(membersBlob);
    const auto rates = fromBlob<double>(ratesBlob);
    if (rates.size() > songCount / 2)
        return std::nullopt;
    std::vector<DuplicateGroupRecord> groups;
    std::vector<bool> seen(songCount, false);
    for (std::size_t k = 0; k < words.size();) {
        const std::size_t size = words[k++];
        if (groups.size() == rates.size() || size < 2 || size > words.size() - k)
            return std::nullopt;
        DuplicateGroupRecord g;
        g.songs.assign(words.begin() + std::ptrdiff_t(k), words.begin() + std::ptrdiff_t(k + size));
        g.worstBitErrorRate = rates[groups.size()];
        k += size;
        for (std::size_t m = 0; m < g.songs.size(); ++m) {
            const std::uint32_t song = g.songs[m];
            if (song >= songCount || seen[song] || (m > 0 && song <= g.songs[m - 1]))
                return std::nullopt;
            seen[song] = true;
        }
        if (!(g.worstBitErrorRate >= 0.0 && g.worstBitErrorRate <= 1.0)
            || (!groups.empty() && g.songs.front() <= groups.back().songs.front()))
            return std::nullopt;
        groups.push_back(std::move(g));
    }
    if (groups.size() != rates.size())
        return std::nullopt;
    return groups;
}

// What the checksum column covers: the entry's whole content, so that a change to any of its
// columns (bit rot, a partial copy of the file, another writer) is seen.
std::string entryChecksum(const std::string& signature, std::size_t songCount, const QByteArray& members,
                          const QByteArray& rates)
{
    Hash128 h;
    h.addBytes(signature);
    h.add(songCount);
    h.addBytes(std::string_view(members.constData(), std::size_t(members.size())));
    h.addBytes(std::string_view(rates.constData(), std::size_t(rates.size())));
    return h.hex();
}

} // namespace

std::string duplicateSearchSignature(const std::vector<Fingerprint>& prints, const DuplicateOptions& options)
{
    Hash128 h;
    h.add(std::uint64_t(kDuplicateSearchVersion));
    h.add(std::bit_cast<std::uint64_t>(options.maxBitErrorRate));
    h.add(std::uint64_t(std::int64_t(options.maxOffset)));
    h.add(options.minOverlap);
    h.add(prints.size());
    for (const auto& print : prints)
        h.addWords(print);
    return "dup" + std::to_string(kDuplicateSearchVersion) + "-" + std::to_string(prints.size()) + "-" + h.hex();
}

FeatureCache::FeatureCache(const std::filesystem::path& databaseFile, std::string schemaFingerprint)
    : file_(databaseFile), schema_(std::move(schemaFingerprint))
{
    static std::atomic<int> serial{0};
    connection_ = "gs-cache-" + std::to_string(serial++) + "-" +
                  std::to_string(reinterpret_cast<std::uintptr_t>(QThread::currentThreadId()));
    if (file_.has_parent_path())
        QDir().mkpath(QString::fromStdString(file_.parent_path().string()));
    {
        auto d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), qs(connection_));
        d.setDatabaseName(QString::fromStdString(file_.string()));
        // Wait for the writer rather than failing when several processes share the file.
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!d.open()) {
            const auto err = d.lastError();
            d = {};
            QSqlDatabase::removeDatabase(qs(connection_));
            fail(file_, QStringLiteral("cannot open"), err);
        }
        try {
            QSqlQuery q(d);
            exec(q, file_, QStringLiteral("PRAGMA journal_mode=WAL"));
            exec(q, file_, QStringLiteral("PRAGMA synchronous=NORMAL"));
            exec(q, file_, QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"));
            exec(q, file_, QStringLiteral("SELECT value FROM meta WHERE key='layout'"));
            const int layout = q.next() ? q.value(0).toInt() : 0;
            if (layout != kCacheLayoutVersion) {
                // An old layout holds nothing we can trust; start afresh (it is only a cache).
                exec(q, file_, QStringLiteral("DROP TABLE IF EXISTS songs"));
                exec(q, file_, QStringLiteral("DROP TABLE IF EXISTS duplicate_groups"));
                exec(q, file_, QStringLiteral("INSERT OR REPLACE INTO meta VALUES ('layout', '%1')").arg(kCacheLayoutVersion));
            }
            exec(q, file_, QStringLiteral(
                "CREATE TABLE IF NOT EXISTS songs ("
                " path TEXT NOT NULL, schema TEXT NOT NULL, size INTEGER, modified INTEGER,"
                " label TEXT, duration REAL, sample_rate INTEGER, channels INTEGER,"
                " codec TEXT, container TEXT, length REAL, features BLOB, fingerprint BLOB, error TEXT,"
                " warning TEXT, PRIMARY KEY (path, schema))"));
            // One entry per opened folder: the groups of its last duplicate search and the
            // signature of that search's input (duplicateSearchSignature).
            exec(q, file_, QStringLiteral(
                "CREATE TABLE IF NOT EXISTS duplicate_groups ("
                " folder TEXT NOT NULL, schema TEXT NOT NULL, signature TEXT NOT NULL, song_count INTEGER NOT NULL,"
                " members BLOB NOT NULL, rates BLOB NOT NULL, checksum TEXT NOT NULL, PRIMARY KEY (folder, schema))"));
        } catch (...) {
            d.close();
            d = {};
            QSqlDatabase::removeDatabase(qs(connection_));
            throw;
        }
    }
}

FeatureCache::~FeatureCache()
{
    {
        auto d = db(connection_);
        if (d.isValid())
            d.close();
    }
    QSqlDatabase::removeDatabase(qs(connection_));
}

std::vector<CachedSong> FeatureCache::load(const std::filesystem::path& folder) const
{
    QSqlQuery q(db(connection_));
    q.setForwardOnly(true);
    // Text columns are read as BLOBs: their UTF-8 bytes as stored, straight into std::string.
    // As TEXT, SQLite translates them to UTF-16 for Qt's QString and we translate them back;
    // at 100,000 songs that was 80 ms of a 410 ms read.
    QString sql = QStringLiteral(
        "SELECT CAST(path AS BLOB), size, modified, CAST(label AS BLOB), duration, sample_rate, channels,"
        " CAST(codec AS BLOB), CAST(container AS BLOB), length, features, fingerprint, CAST(error AS BLOB),"
        " CAST(warning AS BLOB) FROM songs WHERE schema = ?");
    std::string prefix;
    if (!folder.empty()) {
        prefix = folder.generic_string();
        if (!prefix.ends_with('/'))
            prefix += '/';
        // Everything starting with "dir/" sorts in ["dir/", "dir0"): '0' follows '/'.
        sql += QStringLiteral(" AND path >= ? AND path < ?");
    }
    q.prepare(sql);
    q.addBindValue(qs(schema_));
    if (!prefix.empty()) {
        q.addBindValue(qs(prefix));
        q.addBindValue(qs(prefix.substr(0, prefix.size() - 1) + "0"));
    }
    if (!q.exec())
        fail(file_, QStringLiteral("cannot read songs"), q.lastError());
    std::vector<CachedSong> out;
    while (q.next()) {
        CachedSong s;
        s.path = utf8Column(q, 0);
        s.size = q.value(1).toLongLong();
        s.modifiedMs = q.value(2).toLongLong();
        s.label = utf8Column(q, 3);
        s.durationSeconds = q.value(4).toDouble();
        s.sampleRate = q.value(5).toInt();
        s.channels = q.value(6).toInt();
        s.codec = utf8Column(q, 7);
        s.container = utf8Column(q, 8);
        s.length = q.value(9).toDouble();
        const QByteArray features = q.value(10).toByteArray();
        const QByteArray fingerprint = q.value(11).toByteArray();
        s.features = fromBlob<double>(features);
        s.fingerprint = fromBlob<std::uint32_t>(fingerprint);
        s.error = utf8Column(q, 12);
        s.warning = utf8Column(q, 13);
        if (usableRow(s, features, fingerprint))
            out.push_back(std::move(s));
    }
    return out;
}

void FeatureCache::store(std::span<const CachedSong> songs)
{
    if (songs.empty())
        return;
    auto d = db(connection_);
    if (!d.transaction())
        fail(file_, QStringLiteral("cannot begin a transaction"), d.lastError());
    QSqlQuery q(d);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO songs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const auto& s : songs) {
        q.addBindValue(qs(s.path));
        q.addBindValue(qs(schema_));
        q.addBindValue(qint64(s.size));
        q.addBindValue(qint64(s.modifiedMs));
        q.addBindValue(qs(s.label));
        q.addBindValue(s.durationSeconds);
        q.addBindValue(s.sampleRate);
        q.addBindValue(s.channels);
        q.addBindValue(qs(s.codec));
        q.addBindValue(qs(s.container));
        q.addBindValue(s.length);
        q.addBindValue(toBlob(s.features));
        q.addBindValue(toBlob(s.fingerprint));
        q.addBindValue(qs(s.error));
        q.addBindValue(qs(s.warning));
        if (!q.exec()) {
            const auto err = q.lastError();
            d.rollback();
            fail(file_, QStringLiteral("cannot store ") + qs(s.path), err);
        }
    }
    if (!d.commit()) {
        const auto err = d.lastError();
        d.rollback();
        fail(file_, QStringLiteral("cannot commit"), err);
    }
}

void FeatureCache::remove(std::span<const std::string> paths)
{
    if (paths.empty())
        return;
    auto d = db(connection_);
    if (!d.transaction())
        fail(file_, QStringLiteral("cannot begin a transaction"), d.lastError());
    QSqlQuery q(d);
    q.prepare(QStringLiteral("DELETE FROM songs WHERE path = ? AND schema = ?"));
    for (const auto& p : paths) {
        q.addBindValue(qs(p));
        q.addBindValue(qs(schema_));
        if (!q.exec()) {
            const auto err = q.lastError();
            d.rollback();
            fail(file_, QStringLiteral("cannot remove ") + qs(p), err);
        }
    }
    if (!d.commit())
        fail(file_, QStringLiteral("cannot commit"), d.lastError());
}

std::size_t FeatureCache::count() const
{
    QSqlQuery q(db(connection_));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM songs WHERE schema = ?"));
    q.addBindValue(qs(schema_));
    if (!q.exec() || !q.next())
        fail(file_, QStringLiteral("cannot count songs"), q.lastError());
    return std::size_t(q.value(0).toLongLong());
}

std::optional<std::vector<DuplicateGroupRecord>> FeatureCache::loadDuplicateGroups(const std::filesystem::path& folder,
                                                                                  const std::string& signature,
                                                                                  std::size_t songCount) const
{
    QSqlQuery q(db(connection_));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT signature, song_count, members, rates, checksum FROM duplicate_groups WHERE folder = ? AND schema = ?"));
    q.addBindValue(qs(folder.generic_string()));
    q.addBindValue(qs(schema_));
    if (!q.exec() || !q.next())
        return std::nullopt;
    const std::string storedSignature = q.value(0).toString().toStdString();
    const QByteArray members = q.value(2).toByteArray();
    const QByteArray rates = q.value(3).toByteArray();
    if (storedSignature != signature || q.value(1).toLongLong() != qint64(songCount)
        || q.value(4).toString().toStdString() != entryChecksum(storedSignature, songCount, members, rates))
        return std::nullopt;
    return decodeGroups(members, rates, songCount);
}

void FeatureCache::storeDuplicateGroups(const std::filesystem::path& folder, const std::string& signature,
                                        std::size_t songCount, std::span<const DuplicateGroupRecord> groups)
{
    // No groups: empty blobs, which must not be bound as NULL (a null QByteArray is).
    const auto notNull = [](QByteArray blob) { return blob.isNull() ? QByteArray("", 0) : blob; };
    const QByteArray members = notNull(toBlob(groupMembers(groups)));
    const QByteArray rates = notNull(toBlob(groupRates(groups)));
    auto d = db(connection_);
    if (!d.transaction())
        fail(file_, QStringLiteral("cannot begin a transaction"), d.lastError());
    QSqlQuery q(d);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO duplicate_groups VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(qs(folder.generic_string()));
    q.addBindValue(qs(schema_));
    q.addBindValue(qs(signature));
    q.addBindValue(qint64(songCount));
    q.addBindValue(members);
    q.addBindValue(rates);
    q.addBindValue(qs(entryChecksum(signature, songCount, members, rates)));
    if (!q.exec()) {
        const auto err = q.lastError();
        d.rollback();
        fail(file_, QStringLiteral("cannot store the duplicate groups of ") + qs(folder.generic_string()), err);
    }
    if (!d.commit()) {
        const auto err = d.lastError();
        d.rollback();
        fail(file_, QStringLiteral("cannot commit"), err);
    }
}

bool FeatureCache::integrityOk() const
{
    QSqlQuery q(db(connection_));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return false;
    return q.value(0).toString() == QStringLiteral("ok");
}

std::filesystem::path FeatureCache::defaultLocation()
{
    // Not AppDataLocation: that depends on the QCoreApplication names, which the CLI does not
    // set. GenericDataLocation ($XDG_DATA_HOME, else ~/.local/share on Linux) + the app's
    // organisation and application names is the same folder the app used before.
    if (const char* dir = std::getenv("GENRESCOPE_CACHE_DIR"); dir && *dir)
        return std::filesystem::path(dir) / "features.sqlite";
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return std::filesystem::path(data.toStdString()) / kOrganizationName / kApplicationName / "features.sqlite";
}

} // namespace gs
