#include "core/dataset/metadata.h"

#include "core/common/error.h"
#include "core/common/read_file.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

namespace gs {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool parseWhole(const std::string& text, long& value)
{
    const std::string t = trim(text);
    if (t.empty())
        return false;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    return ec == std::errc() && end == t.data() + t.size();
}

std::string subjectOf(const fs::path& file, std::size_t line)
{
    return file.filename().string() + " line " + std::to_string(line);
}

} // namespace

// ---- FMA ------------------------------------------------------------------------------

FmaGenres readFmaGenres(const fs::path& file)
{
    const auto records = readCsvFile(file);
    if (records.empty())
        throw Error(ErrorKind::Format, file.string(), "is empty");
    std::map<std::string, std::size_t> column;
    for (std::size_t c = 0; c < records[0].fields.size(); ++c)
        column[records[0].fields[c]] = c;
    for (const char* name : {"genre_id", "parent", "title"})
        if (!column.count(name))
            throw Error(ErrorKind::Format, file.string(), std::string("has no column '") + name + "' (not FMA's genres.csv)");
    FmaGenres genres;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        auto at = [&](const char* name) -> std::string {
            const auto it = column.find(name);
            return it != column.end() && it->second < f.size() ? f[it->second] : std::string();
        };
        long id = 0, parent = 0, top = 0, tracks = 0;
        if (!parseWhole(at("genre_id"), id) || !parseWhole(at("parent"), parent))
            throw Error(ErrorKind::Format, subjectOf(file, records[r].line), "genre_id and parent must be whole numbers");
        FmaGenre g;
        g.id = int(id);
        g.parent = int(parent);
        g.topLevel = parseWhole(at("top_level"), top) ? int(top) : 0;
        g.tracks = parseWhole(at("#tracks"), tracks) ? tracks : 0;
        g.title = at("title");
        genres[g.id] = g;
    }
    // Without a top_level column: follow the parents up to the root.
    for (auto& [id, g] : genres)
        if (g.topLevel == 0) {
            int at = id;
            for (int steps = 0; steps < 64 && genres.count(at) && genres.at(at).parent != 0; ++steps)
                at = genres.at(at).parent;
            g.topLevel = at;
        }
    return genres;
}

GenreTree fmaGenreTree(const FmaGenres& genres, const std::vector<std::vector<std::string>>& songGenres)
{
    std::map<std::string, int> idOf;
    for (const auto& [id, g] : genres)
        idOf.emplace(g.title, id);
    // The genre ids above `id`, nearest first; stops at a root, an unknown parent or a loop.
    auto ancestors = [&](int id) {
        std::vector<int> up;
        std::set<int> seen{id};
        for (auto it = genres.find(id); it != genres.end() && it->second.parent != 0;) {
            const int parent = it->second.parent;
            if (!seen.insert(parent).second || !genres.count(parent))
                break;
            up.push_back(parent);
            it = genres.find(parent);
        }
        return up;
    };
    std::map<int, std::vector<int>> ancestorsOf; // once per genre, not once per song
    for (const auto& entry : genres)
        ancestorsOf.emplace(entry.first, ancestors(entry.first));
    GenreTree tree;
    std::set<int> present; // genres some song counts in
    for (const auto& titles : songGenres) {
        std::set<int> own;
        for (const auto& title : titles)
            if (const auto it = idOf.find(title); it != idOf.end())
                own.insert(it->second);
        if (!own.empty())
            ++tree.songs;
        std::set<int> above; // genres of this song that sit above another of its genres
        std::set<int> counted;
        for (int id : own) {
            counted.insert(id);
            for (int up : ancestorsOf.at(id)) {
                counted.insert(up);
                if (own.count(up))
                    above.insert(up);
            }
        }
        for (int id : own)
            if (!above.count(id))
                ++tree.ownSongs[genres.at(id).title];
        for (int id : counted) {
            ++tree.totalSongs[genres.at(id).title];
            present.insert(id);
        }
    }
    for (int id : present) {
        const auto& up = ancestorsOf.at(id);
        tree.parentOf[genres.at(id).title] = up.empty() ? std::string() : genres.at(up.front()).title;
    }
    return tree;
}

std::string fmaAudioPath(long trackId)
{
    char name[32];
    std::snprintf(name, sizeof name, "%03ld/%06ld.mp3", trackId / 1000, trackId);
    return name;
}

std::vector<int> parseFmaGenreList(const std::string& text)
{
    const std::string t = trim(text);
    if (t.empty())
        return {};
    if (t.front() != '[' || t.back() != ']')
        throw Error(ErrorKind::Format, text, "a genre list looks like [17, 10, 76]");
    std::vector<int> ids;
    std::stringstream items(t.substr(1, t.size() - 2));
    for (std::string item; std::getline(items, item, ',');) {
        if (trim(item).empty())
            continue;
        long id = 0;
        if (!parseWhole(item, id))
            throw Error(ErrorKind::Format, text, "'" + trim(item) + "' is not a genre id");
        ids.push_back(int(id));
    }
    return ids;
}

LabelField labelFieldFromName(const std::string& name)
{
    if (name == "genre_top")
        return LabelField::GenreTop;
    if (name == "genres_all")
        return LabelField::GenresAll;
    throw Error(ErrorKind::InvalidArgument, "label field", "'" + name + "' is not genre_top or genres_all");
}

const char* labelFieldName(LabelField field)
{
    return field == LabelField::GenreTop ? "genre_top" : "genres_all";
}

const std::vector<std::string>& fmaSubsets()
{
    static const std::vector<std::string> subsets{"small", "medium", "large"};
    return subsets;
}

namespace {

// (top, second) header names -> column, from FMA's first two header rows.
class FmaColumns {
public:
    FmaColumns(const CsvRecord& top, const CsvRecord& second)
    {
        std::string currentTop;
        for (std::size_t c = 0; c < second.fields.size(); ++c) {
            if (c < top.fields.size() && !top.fields[c].empty())
                currentTop = top.fields[c];
            columns_[currentTop + "." + second.fields[c]] = c;
        }
    }
    bool has(const std::string& name) const { return columns_.count(name) > 0; }
    std::string get(const CsvRecord& r, const std::string& name) const
    {
        const auto it = columns_.find(name);
        return it != columns_.end() && it->second < r.fields.size() ? r.fields[it->second] : std::string();
    }

private:
    std::map<std::string, std::size_t> columns_;
};

bool isFmaTracks(const std::vector<CsvRecord>& records)
{
    return records.size() >= 3 && !records[0].fields.empty() && records[0].fields[0].empty() &&
           std::find(records[0].fields.begin(), records[0].fields.end(), "track") != records[0].fields.end() &&
           !records[2].fields.empty() && records[2].fields[0] == "track_id";
}

// Index of subset in fmaSubsets(); npos when unknown.
std::size_t subsetRank(const std::string& subset)
{
    const auto& all = fmaSubsets();
    const auto it = std::find(all.begin(), all.end(), subset);
    return it == all.end() ? std::string::npos : std::size_t(it - all.begin());
}

// genres_all rule (see LabelledSong::label): the lowest-id root among the track's genres.
std::string rootLabel(const std::vector<int>& ids, const FmaGenres& genres)
{
    int best = -1;
    for (int id : ids) {
        const auto it = genres.find(id);
        if (it != genres.end() && it->second.parent == 0 && (best < 0 || id < best))
            best = id;
    }
    return best < 0 ? std::string() : genres.at(best).title;
}

std::vector<std::string> genreTitles(const std::vector<int>& ids, const FmaGenres& genres)
{
    std::vector<std::string> titles;
    for (int id : ids) {
        const auto it = genres.find(id);
        titles.push_back(it == genres.end() ? "genre " + std::to_string(id) : it->second.title);
    }
    return titles;
}

// The records after `from` in head, then the rest of the file, one at a time.
template <typename Fn>
void forEachRecord(const std::vector<CsvRecord>& head, std::size_t from, CsvCursor& rest, Fn&& fn)
{
    for (std::size_t r = from; r < head.size(); ++r)
        fn(head[r]);
    for (CsvRecord r; rest.next(r);)
        fn(r);
}

LabelTable readFmaTracks(const fs::path& file, const std::vector<CsvRecord>& records, CsvCursor& rest,
                         const LabelSource& source)
{
    LabelTable table;
    table.format = "fma";
    table.field = source.field;
    const FmaColumns columns(records[0], records[1]);
    for (const char* name : {"track.genre_top", "track.genres_all"})
        if (!columns.has(name))
            throw Error(ErrorKind::Format, file.string(), std::string("has no column ") + name);
    const fs::path genresFile = file.parent_path() / "genres.csv";
    FmaGenres genres;
    std::error_code ec;
    if (fs::exists(genresFile, ec))
        genres = readFmaGenres(genresFile);
    else if (source.field == LabelField::GenresAll)
        throw Error(ErrorKind::NotFound, genresFile.string(), "genres_all needs FMA's genres.csv beside tracks.csv");
    const std::size_t wantedRank = source.subset.empty() ? fmaSubsets().size() : subsetRank(source.subset);
    if (wantedRank == std::string::npos)
        throw Error(ErrorKind::InvalidArgument, "subset", "'" + source.subset + "' is not small, medium or large");

    forEachRecord(records, 3, rest, [&](const CsvRecord& rec) {
        long id = -1;
        if (rec.fields.empty() || !parseWhole(rec.fields[0], id) || id < 0) {
            table.problems.push_back(subjectOf(file, rec.line) + ": no track id");
            return;
        }
        LabelledSong song;
        song.trackId = id;
        song.relativePath = fmaAudioPath(id);
        song.split = columns.get(rec, "set.split");
        song.subset = columns.get(rec, "set.subset");
        const std::string artist = columns.get(rec, "artist.id");
        song.group = artist.empty() ? std::string() : "artist " + artist;
        const std::string key = labelKey(song, table.format);
        if (!source.subset.empty() && subsetRank(song.subset) > wantedRank) {
            ++table.outsideSubset;
            table.leftOut.insert(key);
            return;
        }
        const std::string top = columns.get(rec, "track.genre_top");
        std::vector<int> all;
        try {
            all = parseFmaGenreList(columns.get(rec, "track.genres_all"));
        } catch (const Error& e) {
            table.problems.push_back(subjectOf(file, rec.line) + ": genres_all " + e.reason());
        }
        if (source.field == LabelField::GenreTop) {
            song.label = top;
            if (!top.empty())
                song.genres = {top};
        } else {
            song.label = top.empty() ? rootLabel(all, genres) : top;
            song.genres = genreTitles(all, genres);
        }
        if (song.label.empty()) {
            ++table.withoutGenre;
            table.leftOut.insert(key);
            return;
        }
        table.songs.push_back(std::move(song));
    });
    return table;
}

// Plain CSV columns: which holds what; -1 = absent.
struct PlainColumns {
    int path = 0, genre = 1, split = -1, group = -1, subset = -1;
    bool header = false;
};

PlainColumns plainColumns(const CsvRecord& first)
{
    PlainColumns c;
    auto find = [&](std::initializer_list<const char*> names) {
        for (std::size_t i = 0; i < first.fields.size(); ++i)
            for (const char* n : names)
                if (lower(trim(first.fields[i])) == n)
                    return int(i);
        return -1;
    };
    const int path = find({"path", "file", "filename"});
    const int genre = find({"genre", "label"});
    if (path < 0 && genre < 0)
        return c; // no header: path,genre
    c.header = true;
    c.path = path;
    c.genre = genre;
    c.split = find({"split"});
    c.group = find({"group", "artist", "artist_id"});
    c.subset = find({"subset"});
    return c;
}

std::string cleanRelative(const std::string& path)
{
    std::string p = fs::path(trim(path)).lexically_normal().generic_string();
    while (p.rfind("./", 0) == 0)
        p.erase(0, 2);
    return p;
}

LabelTable readPlainLabels(const fs::path& file, const std::vector<CsvRecord>& records, CsvCursor& rest,
                           const LabelSource& source)
{
    LabelTable table;
    table.format = "csv";
    table.field = source.field;
    if (records.empty())
        throw Error(ErrorKind::Format, file.string(), "has no rows (expected path,genre)");
    const PlainColumns col = plainColumns(records[0]);
    // Without a header only path,genre: any other table (FMA's raw_tracks.csv, echonest.csv...)
    // would otherwise be read as nonsense labels.
    if (!col.header && records[0].fields.size() != 2)
        throw Error(ErrorKind::Format, file.string(),
                    "is neither FMA's tracks.csv nor a CSV of path,genre (give a header naming the path and genre columns)");
    if (col.path < 0 || col.genre < 0)
        throw Error(ErrorKind::Format, file.string(), "the header names no path and genre columns (path,genre)");
    std::set<std::string> seen;
    auto field = [](const CsvRecord& r, int c) { return c >= 0 && std::size_t(c) < r.fields.size() ? trim(r.fields[std::size_t(c)]) : std::string(); };
    forEachRecord(records, col.header ? 1 : 0, rest, [&](const CsvRecord& rec) {
        LabelledSong song;
        song.relativePath = cleanRelative(field(rec, col.path));
        if (song.relativePath.empty() || song.relativePath == ".") {
            table.problems.push_back(subjectOf(file, rec.line) + ": no path");
            return;
        }
        if (fs::path(song.relativePath).is_absolute() || song.relativePath.rfind("../", 0) == 0) {
            table.problems.push_back(subjectOf(file, rec.line) + ": " + song.relativePath +
                                     " is not relative to the audio folder");
            return;
        }
        const std::string key = labelKey(song, table.format);
        if (!seen.insert(key).second) {
            table.problems.push_back(subjectOf(file, rec.line) + ": " + song.relativePath +
                                     " is listed again; the first label is kept");
            return;
        }
        song.split = lower(field(rec, col.split));
        song.group = field(rec, col.group);
        song.subset = field(rec, col.subset);
        if (!source.subset.empty() && song.subset != source.subset) {
            ++table.outsideSubset;
            table.leftOut.insert(key);
            return;
        }
        song.label = field(rec, col.genre);
        if (song.label.empty()) {
            ++table.withoutGenre;
            table.leftOut.insert(key);
            return;
        }
        song.genres = {song.label};
        table.songs.push_back(std::move(song));
    });
    return table;
}

} // namespace

LabelTable readLabels(const LabelSource& source)
{
    // Read record by record: FMA's full tracks.csv (106 574 tracks x 53 columns) never becomes
    // millions of strings at once.
    const std::string text = readWholeFile(source.file);
    CsvCursor cursor(text, source.file.string());
    std::vector<CsvRecord> head;
    for (CsvRecord r; head.size() < 3 && cursor.next(r);)
        head.push_back(r);
    if (isFmaTracks(head))
        return readFmaTracks(source.file, head, cursor, source);
    return readPlainLabels(source.file, head, cursor, source);
}

std::string labelKey(const std::string& format, const std::string& relativePath)
{
    if (format == "fma") {
        long id = -1;
        if (parseWhole(fs::path(relativePath).stem().string(), id))
            return "#" + std::to_string(id);
        return {};
    }
    return cleanRelative(relativePath);
}

std::string labelKey(const LabelledSong& song, const std::string& format)
{
    return format == "fma" ? "#" + std::to_string(song.trackId) : cleanRelative(song.relativePath);
}

LabelledScan matchLabels(ScanResult files, const LabelTable& labels)
{
    LabelledScan out;
    out.format = labels.format;
    out.withoutGenre = labels.withoutGenre;
    out.outsideSubset = labels.outsideSubset;
    out.labelProblems = labels.problems;
    std::unordered_map<std::string, std::size_t> byKey;
    for (std::size_t i = 0; i < labels.songs.size(); ++i)
        byKey.emplace(labelKey(labels.songs[i], labels.format), i);
    std::vector<char> found(labels.songs.size(), 0);
    std::set<std::string> genres;
    out.scan.skippedHidden = files.skippedHidden;
    out.scan.skippedNotAudio = files.skippedNotAudio;
    out.scan.problems = std::move(files.problems);
    for (auto& file : files.songs) {
        const std::string key = labelKey(labels.format, file.relativePath);
        const auto it = byKey.find(key);
        if (it == byKey.end() || found[it->second]) {
            if (!labels.leftOut.count(key))
                out.filesWithoutLabel.push_back(file.relativePath);
            continue;
        }
        found[it->second] = 1;
        const LabelledSong& song = labels.songs[it->second];
        file.label = song.label;
        file.genres = song.genres;
        file.split = song.split;
        file.group = song.group;
        genres.insert(song.label);
        out.scan.songs.push_back(std::move(file));
    }
    for (std::size_t i = 0; i < labels.songs.size(); ++i)
        if (!found[i])
            out.labelsWithoutFile.push_back(labels.songs[i].relativePath);
    out.scan.genres.assign(genres.begin(), genres.end());
    return out;
}

LabelledScan scanWithLabels(const fs::path& root, const LabelSource& source, const CancelToken* cancel)
{
    const LabelTable labels = readLabels(source);
    return matchLabels(scanDataset(root, cancel), labels);
}

} // namespace gs
