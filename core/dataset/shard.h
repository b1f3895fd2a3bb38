#pragma once
// Sharded extraction (genrescope-cli extract --shard I/N, then merge): which songs a shard
// owns, the record a finished shard leaves beside its CSV, and merging the parts back into
// exactly the table a single `extract` run writes.
//
// Membership is FNV-1a 64 of the song's path relative to its dataset root ('/' separated,
// UTF-8) modulo N: it depends on nothing but the name, so it is the same on every machine,
// whatever the mount point or the order a file system lists a folder in.
//
// A shard writes part.csv, part.log (one line per failed song) and last part.shard.json (the
// record). The record is the completion marker: all three files are written atomically, and a
// run that dies before the end leaves no record, so the next run extracts the shard again.
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

struct ShardSpec {
    int index = 0;  // 0 .. count-1
    int count = 1;
    bool operator==(const ShardSpec&) const = default;
};

// "I/N" with 0 <= I < N <= 100000; throws Error(InvalidArgument) otherwise.
ShardSpec parseShardSpec(const std::string& text);
std::string toString(const ShardSpec& shard);  // "I/N"

// FNV-1a 64 (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/): tiny, stable,
// specified bit for bit, good spread on short strings.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);
std::string hex64(std::uint64_t value);  // 16 lower-case hex digits

int shardOfSong(const std::string& relativePath, int count);

// Indices into `songs` (kept in their order) of the songs the shard owns.
std::vector<std::size_t> songsInShard(const std::vector<SongEntry>& songs, const ShardSpec& shard);

// Checksum of the whole song list in extraction order (relative paths and labels, never the
// absolute paths): every shard of one job must have seen the same list.
std::string songListChecksum(const std::vector<SongEntry>& songs);
std::string fileChecksum(const std::filesystem::path& file);  // FNV-1a 64 of the bytes, hex

struct ShardRecord {
    std::string schema;                  // FeatureSchema::fingerprint() of the extraction
    std::string layout;                  // "ours" or "kaggle"
    ShardSpec shard;
    std::size_t totalSongs = 0;          // in the whole song list
    std::string songList;                // songListChecksum() of the whole list
    std::size_t songsInShard = 0;
    std::size_t failed = 0;              // listed in the shard's .log
    std::vector<std::size_t> rowOrder;   // per CSV row: its index in the whole song list
    std::string csvChecksum;             // fileChecksum() of the CSV as written
};

std::filesystem::path shardRecordPath(const std::filesystem::path& csv);  // part-3.csv -> part-3.shard.json
std::filesystem::path shardLogPath(const std::filesystem::path& csv);     // part-3.csv -> part-3.log

void writeShardRecord(const std::filesystem::path& csv, const ShardRecord& record);  // atomic
// nullopt when there is no record; throws Error(Format) naming the record when it is broken.
std::optional<ShardRecord> readShardRecord(const std::filesystem::path& csv);

// Why the shard at `csv` must be extracted (again), or empty when its record matches what
// this run would write (same schema, layout, shard and song list) and the CSV is the one
// the record describes.
std::string whyShardIsIncomplete(const std::filesystem::path& csv, const ShardRecord& expected);

// One line per failure: "relative/path<TAB>reason". Atomic; written (empty) even without failures.
struct ShardFailure {
    std::string file;
    std::string reason;
};
void writeShardLog(const std::filesystem::path& csv, const std::vector<ShardFailure>& failures);

struct MergedShards {
    FeatureTable table;   // rows in the order of the whole song list, as a single run writes them
    CsvLayout layout = CsvLayout::Ours;
    int shardCount = 0;
    std::size_t totalSongs = 0, failed = 0;
};

// Reads each part and its record and checks: every part has a record and is the CSV it
// describes; all parts come from the same schema, layout, song list and N; shards 0..N-1 are
// each present exactly once; every row belongs to its shard; no song appears twice.
// Throws Error(Format or NotFound) naming the offending file.
MergedShards mergeShards(const std::vector<std::filesystem::path>& parts);

} // namespace gs
