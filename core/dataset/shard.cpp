#include "core/dataset/shard.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/read_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace gs {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int kMaxShards = 100000;
constexpr int kRecordVersion = 1;

fs::path withExtension(const fs::path& csv, const std::string& ext)
{
    fs::path p = csv;
    p.replace_extension(ext);
    return p;
}

Json toJson(const ShardRecord& r)
{
    Json j;
    j["genrescope_shard"] = kRecordVersion;
    j["schema"] = r.schema;
    j["layout"] = r.layout;
    j["shard"] = toString(r.shard);
    j["total_songs"] = r.totalSongs;
    j["song_list"] = r.songList;
    j["songs_in_shard"] = r.songsInShard;
    j["failed"] = r.failed;
    j["csv_checksum"] = r.csvChecksum;
    j["row_order"] = r.rowOrder;
    return j;
}

ShardRecord fromJson(const Json& j)
{
    if (j.value("genrescope_shard", 0) != kRecordVersion)
        throw std::runtime_error("not a version " + std::to_string(kRecordVersion) + " shard record");
    ShardRecord r;
    r.schema = j.at("schema").get<std::string>();
    r.layout = j.at("layout").get<std::string>();
    r.shard = parseShardSpec(j.at("shard").get<std::string>());
    r.totalSongs = j.at("total_songs").get<std::size_t>();
    r.songList = j.at("song_list").get<std::string>();
    r.songsInShard = j.at("songs_in_shard").get<std::size_t>();
    r.failed = j.at("failed").get<std::size_t>();
    r.csvChecksum = j.at("csv_checksum").get<std::string>();
    r.rowOrder = j.at("row_order").get<std::vector<std::size_t>>();
    return r;
}

// --- merge stages -------------------------------------------------------------------------

struct Part {
    fs::path csv;
    ShardRecord record;
};

Part readPart(const fs::path& csv)
{
    std::error_code ec;
    if (!fs::is_regular_file(csv, ec))
        throw Error(ErrorKind::NotFound, csv.string(), "part does not exist");
    auto record = readShardRecord(csv);
    if (!record)
        throw Error(ErrorKind::Format, csv.string(),
                    "has no shard record " + shardRecordPath(csv).filename().string()
                        + ": it was not written by extract --shard, or that run did not finish");
    if (fileChecksum(csv) != record->csvChecksum)
        throw Error(ErrorKind::Format, csv.string(), "was changed after extraction (its checksum differs from its shard record)");
    return {csv, std::move(*record)};
}

// All parts must describe the same job; the first part is the reference.
void checkSameJob(const std::vector<Part>& parts)
{
    const ShardRecord& first = parts.front().record;
    const std::string firstName = parts.front().csv.string();
    for (const auto& part : parts) {
        const ShardRecord& r = part.record;
        const auto differs = [&](const std::string& what) {
            throw Error(ErrorKind::Format, part.csv.string(), what + " than " + firstName);
        };
        if (r.shard.count != first.shard.count)
            differs("was extracted as shard " + toString(r.shard) + ", with another shard count");
        if (r.schema != first.schema)
            differs("was extracted with other feature settings (" + r.schema + ")");
        if (r.layout != first.layout)
            differs("has another CSV layout (" + r.layout + ")");
        if (r.songList != first.songList || r.totalSongs != first.totalSongs)
            differs("was extracted from another song list (" + std::to_string(r.totalSongs) + " songs)");
    }
}

// Shards 0..N-1, each exactly once.
void checkShardSet(const std::vector<Part>& parts)
{
    const int count = parts.front().record.shard.count;
    std::map<int, fs::path> seen;
    for (const auto& part : parts) {
        const auto [it, added] = seen.emplace(part.record.shard.index, part.csv);
        if (!added)
            throw Error(ErrorKind::Format, part.csv.string(),
                        "holds shard " + toString(part.record.shard) + ", which " + it->second.string() + " holds too");
    }
    std::string missing;
    for (int i = 0; i < count; ++i)
        if (!seen.count(i))
            missing += (missing.empty() ? "" : ", ") + toString(ShardSpec{i, count});
    if (!missing.empty())
        throw Error(ErrorKind::NotFound, fs::absolute(parts.front().csv).parent_path().string(),
                    "shard(s) " + missing + " missing: extract them (genrescope-cli extract --shard I/N) and merge again");
}

struct PlacedRow {
    std::size_t order = 0;  // index in the whole song list
    FeatureRow row;
};

// Reads the part's rows, checking them against its record.
std::vector<PlacedRow> placeRows(const Part& part, const FeatureTable& table)
{
    const ShardRecord& r = part.record;
    const std::string name = part.csv.string();
    if (table.rows.size() != r.rowOrder.size())
        throw Error(ErrorKind::Format, name,
                    "has " + std::to_string(table.rows.size()) + " rows where its shard record lists "
                        + std::to_string(r.rowOrder.size()));
    if (r.rowOrder.size() + r.failed != r.songsInShard)
        throw Error(ErrorKind::Format, shardRecordPath(part.csv).string(), "rows and failures do not add up to the shard's songs");
    std::vector<PlacedRow> placed;
    placed.reserve(table.rows.size());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const FeatureRow& row = table.rows[i];
        if (r.rowOrder[i] >= r.totalSongs)
            throw Error(ErrorKind::Format, shardRecordPath(part.csv).string(), "row order out of range");
        if (shardOfSong(row.file, r.shard.count) != r.shard.index)
            throw Error(ErrorKind::Format, name, "row " + std::to_string(i + 1) + " (" + row.file + ") does not belong to shard "
                                                   + toString(r.shard));
        placed.push_back({r.rowOrder[i], row});
    }
    return placed;
}

} // namespace

ShardSpec parseShardSpec(const std::string& text)
{
    const auto fail = [&]() -> ShardSpec {
        throw Error(ErrorKind::InvalidArgument, text,
                    "a shard is I/N with 0 <= I < N <= " + std::to_string(kMaxShards) + " (e.g. 0/4)");
    };
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return fail();
    ShardSpec s;
    const char* begin = text.data();
    const char* mid = begin + slash;
    const char* end = begin + text.size();
    const auto a = std::from_chars(begin, mid, s.index);
    const auto b = std::from_chars(mid + 1, end, s.count);
    if (begin == mid || a.ec != std::errc() || a.ptr != mid || mid + 1 == end || b.ec != std::errc() || b.ptr != end)
        return fail();
    if (s.count < 1 || s.count > kMaxShards || s.index < 0 || s.index >= s.count)
        return fail();
    return s;
}

std::string toString(const ShardSpec& shard)
{
    return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash)
{
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string hex64(std::uint64_t value)
{
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        out[std::size_t(i)] = digits[value & 0xF];
    return out;
}

int shardOfSong(const std::string& relativePath, int count)
{
    return int(fnv1a64(relativePath) % std::uint64_t(count));
}

std::vector<std::size_t> songsInShard(const std::vector<SongEntry>& songs, const ShardSpec& shard)
{
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (shardOfSong(songs[i].relativePath, shard.count) == shard.index)
            mine.push_back(i);
    return mine;
}

std::string songListChecksum(const std::vector<SongEntry>& songs)
{
    std::uint64_t hash = fnv1a64("");
    for (const auto& s : songs) {
        // NUL and newline never occur in paths from a scan, so the fields cannot run together.
        hash = fnv1a64(s.relativePath, hash);
        hash = fnv1a64(std::string_view("\0", 1), hash);
        hash = fnv1a64(s.label, hash);
        hash = fnv1a64("\n", hash);
    }
    return hex64(hash);
}

std::string fileChecksum(const fs::path& file)
{
    return hex64(fnv1a64(readWholeFile(file)));
}

fs::path shardRecordPath(const fs::path& csv)
{
    return withExtension(csv, ".shard.json");
}

fs::path shardLogPath(const fs::path& csv)
{
    return withExtension(csv, ".log");
}

void writeShardRecord(const fs::path& csv, const ShardRecord& record)
{
    writeFileAtomically(shardRecordPath(csv), toJson(record).dump(1) + "\n");
}

std::optional<ShardRecord> readShardRecord(const fs::path& csv)
{
    const fs::path path = shardRecordPath(csv);
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::nullopt;
    try {
        return fromJson(Json::parse(readWholeFile(path)));
    } catch (const Error& e) {
        throw Error(ErrorKind::Format, path.string(), e.reason());
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Format, path.string(), std::string("broken shard record: ") + e.what());
    }
}

std::string whyShardIsIncomplete(const fs::path& csv, const ShardRecord& expected)
{
    std::optional<ShardRecord> found;
    try {
        found = readShardRecord(csv);
    } catch (const Error& e) {
        return e.reason();
    }
    if (!found)
        return "not extracted yet";
    if (found->shard != expected.shard)
        return "the record is for shard " + toString(found->shard);
    if (found->schema != expected.schema)
        return "it was extracted with other settings (" + found->schema + ")";
    if (found->layout != expected.layout)
        return "it was written in the " + found->layout + " layout";
    if (found->songList != expected.songList || found->totalSongs != expected.totalSongs)
        return "the song list changed since (" + std::to_string(found->totalSongs) + " songs then, "
               + std::to_string(expected.totalSongs) + " now)";
    std::error_code ec;
    if (!fs::is_regular_file(csv, ec))
        return "the CSV is missing";
    if (fileChecksum(csv) != found->csvChecksum)
        return "the CSV was changed after extraction";
    return {};
}

void writeShardLog(const fs::path& csv, const std::vector<ShardFailure>& failures)
{
    std::string text;
    for (const auto& f : failures)
        text += f.file + '\t' + f.reason + '\n';
    writeFileAtomically(shardLogPath(csv), text);
}

MergedShards mergeShards(const std::vector<fs::path>& partFiles)
{
    if (partFiles.empty())
        throw Error(ErrorKind::InvalidArgument, "merge", "no part given");
    std::vector<Part> parts;
    for (const auto& csv : partFiles)
        parts.push_back(readPart(csv));
    checkSameJob(parts);
    checkShardSet(parts);

    MergedShards merged;
    const ShardRecord& first = parts.front().record;
    merged.layout = first.layout == "kaggle" ? CsvLayout::Kaggle : CsvLayout::Ours;
    merged.shardCount = first.shard.count;
    merged.totalSongs = first.totalSongs;

    std::vector<PlacedRow> rows;
    std::map<std::size_t, std::string> owner;  // song index -> the part that has it
    for (const auto& part : parts) {
        FeatureTable table = readFeatureCsv(part.csv);
        if (merged.table.columns.empty())
            merged.table.columns = table.columns;
        else if (table.columns != merged.table.columns)
            throw Error(ErrorKind::Format, part.csv.string(), "has other feature columns than " + parts.front().csv.string());
        for (auto& placed : placeRows(part, table)) {
            const auto [it, added] = owner.emplace(placed.order, part.csv.string());
            if (!added)
                throw Error(ErrorKind::Format, part.csv.string(),
                            "song " + placed.row.file + " appears twice (also in " + it->second + ")");
            rows.push_back(std::move(placed));
        }
        merged.failed += part.record.failed;
    }
    std::sort(rows.begin(), rows.end(), [](const PlacedRow& a, const PlacedRow& b) { return a.order < b.order; });
    merged.table.rows.reserve(rows.size());
    for (auto& placed : rows)
        merged.table.rows.push_back(std::move(placed.row));
    return merged;
}

} // namespace gs
