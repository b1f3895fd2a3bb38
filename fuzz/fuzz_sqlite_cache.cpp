// The SQLite feature cache (core/dataset/cache.*) opened on a damaged or foreign file:
// the constructor (journal mode, layout check, table creation), load(), count(),
// integrityOk() and one store() + load() round trip. Every failure must be a gs::Error
// naming the file (callers then work without the cache); whatever load() returns must be
// usable as it is: finite numbers, since the rows go straight into feature tables.
//
// SQLite and the Qt driver are not instrumented, so coverage guidance only sees our side;
// the seeds are real caches written by FeatureCache itself.
#include "core/dataset/cache.h"

#include "fuzz/harness.h"

#include <QCoreApplication>

#include <cmath>

namespace {

using namespace gs;
namespace fs = std::filesystem;

const std::string kSchema = fuzz::kCacheSchema;

void checkRows(const std::vector<CachedSong>& rows)
{
    for (const auto& r : rows) {
        fuzz::require(std::isfinite(r.length) && std::isfinite(r.durationSeconds), "a cached row with a non-finite length");
        for (double v : r.features)
            fuzz::require(std::isfinite(v), "a cached row with a non-finite feature value");
    }
}

CachedSong probeSong()
{
    CachedSong s;
    s.path = "/music/blues/probe.wav";
    s.size = 1234;
    s.modifiedMs = 1700000000000;
    s.label = "blues";
    s.durationSeconds = 30.0;
    s.sampleRate = 22050;
    s.channels = 1;
    s.codec = "pcm_s16le";
    s.container = "wav";
    s.length = 661500;
    s.features = {0.5, -1.25, 3e-7};
    s.fingerprint = {1u, 0xdeadbeefu};
    return s;
}

void exercise(const fs::path& file)
{
    FeatureCache cache(file, kSchema);
    checkRows(cache.load());
    checkRows(cache.load("/music/blues"));
    cache.count();
    cache.integrityOk();
    const CachedSong probe = probeSong();
    cache.store(std::span(&probe, 1));
    for (const auto& r : cache.load("/music/blues"))
        if (r.path == probe.path)
            fuzz::require(r.features == probe.features && r.fingerprint == probe.fingerprint,
                          "a stored row reads back different");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The SQLite driver is a Qt plugin; an application object makes its lookup ordinary.
    static int argc = 1;
    static char name[] = "fuzz_sqlite_cache";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);

    const fs::path file = fuzz::tempDir() / "features.sqlite";
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        fs::remove(file.string() + suffix, ec); // left by the previous input: not part of this one
    fuzz::writeInput("features.sqlite", {data, size});
    fuzz::expectClean(file.string(), [&] { exercise(file); });
    return 0;
}
