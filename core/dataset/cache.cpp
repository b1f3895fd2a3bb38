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
#include <atomic>
#include <cmath>
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

QSqlDatabase db(const std::string& connection) { return QSqlDatabase::database(qs(connection), false); }

// A damaged row (bit rot, another writer) holds a partial number or a NaN; it is left out, so
// the song is analysed again and store() replaces it, instead of NaN reaching a feature table.
bool usableRow(const CachedSong& s, const QByteArray& features, const QByteArray& fingerprint)
{
    const auto finite = [](double v) { return std::isfinite(v); };
    return features.size() % qsizetype(sizeof(double)) == 0 && fingerprint.size() % qsizetype(sizeof(std::uint32_t)) == 0
        && finite(s.length) && finite(s.durationSeconds) && std::all_of(s.features.begin(), s.features.end(), finite);
}

} // namespace

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
                exec(q, file_, QStringLiteral("INSERT OR REPLACE INTO meta VALUES ('layout', '%1')").arg(kCacheLayoutVersion));
            }
            exec(q, file_, QStringLiteral(
                "CREATE TABLE IF NOT EXISTS songs ("
                " path TEXT NOT NULL, schema TEXT NOT NULL, size INTEGER, modified INTEGER,"
                " label TEXT, duration REAL, sample_rate INTEGER, channels INTEGER,"
                " codec TEXT, container TEXT, length REAL, features BLOB, fingerprint BLOB, error TEXT,"
                " warning TEXT, PRIMARY KEY (path, schema))"));
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
    QString sql = QStringLiteral(
        "SELECT path, size, modified, label, duration, sample_rate, channels, codec, container,"
        " length, features, fingerprint, error, warning FROM songs WHERE schema = ?");
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
        s.path = q.value(0).toString().toStdString();
        s.size = q.value(1).toLongLong();
        s.modifiedMs = q.value(2).toLongLong();
        s.label = q.value(3).toString().toStdString();
        s.durationSeconds = q.value(4).toDouble();
        s.sampleRate = q.value(5).toInt();
        s.channels = q.value(6).toInt();
        s.codec = q.value(7).toString().toStdString();
        s.container = q.value(8).toString().toStdString();
        s.length = q.value(9).toDouble();
        const QByteArray features = q.value(10).toByteArray();
        const QByteArray fingerprint = q.value(11).toByteArray();
        s.features = fromBlob<double>(features);
        s.fingerprint = fromBlob<std::uint32_t>(fingerprint);
        s.error = q.value(12).toString().toStdString();
        s.warning = q.value(13).toString().toStdString();
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
