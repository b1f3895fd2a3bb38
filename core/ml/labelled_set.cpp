#include "core/ml/labelled_set.h"

#include "core/audio/decode.h"
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "core/dataset/analyse_song.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/metadata.h"
#include "core/dataset/scan.h"
#include "core/features/extract.h"
#include "core/jobs/parallel.h"
#include "core/ml/classify_song.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <unordered_map>

namespace gs::ml {

const std::vector<std::string>& groupingModes()
{
    static const std::vector<std::string> modes{"auto", "none", "group", "song", "duplicates"};
    return modes;
}

ExtractionParams kaggleExtractionParams()
{
    ExtractionParams p;
    p.sampleRate = 22050;
    p.clipSeconds = 30;
    p.pad = PadMode::Reflect;
    p.legacyHpss = true;
    return p;
}

std::string songGroupKey(const std::string& file)
{
    // "blues.00000.3.wav" -> "blues.00000"; "a/b/song.wav" -> "a/b/song"
    static const std::regex segment(R"(^(.*?)(\.\d+)?\.[A-Za-z0-9]+$)");
    std::smatch m;
    if (std::regex_match(file, m, segment) && m[2].matched && m[1].length() > 0) {
        // Only strip the number when what is left still ends in a song id (e.g. ".00000").
        static const std::regex songId(R"(.*\.\d+$)");
        if (std::regex_match(m[1].str(), songId))
            return m[1].str();
    }
    return file;
}

std::vector<int> songClipGroups(const std::vector<std::string>& files)
{
    std::vector<std::string> keys;
    std::map<std::string, int> count;
    for (const auto& f : files)
        ++count[keys.emplace_back(songGroupKey(f))];
    std::map<std::string, int> ids;
    std::vector<int> groups(files.size(), -1);
    for (std::size_t i = 0; i < files.size(); ++i)
        if (count[keys[i]] > 1)
            groups[i] = ids.emplace(keys[i], int(ids.size())).first->second;
    return groups;
}

std::vector<int> mergeGroups(const std::vector<int>& groups, const std::vector<std::vector<int>>& linked)
{
    // Union-find over items; items of one existing group are linked through its first member.
    const std::size_t n = groups.size();
    std::vector<std::size_t> parent(n);
    for (std::size_t i = 0; i < n; ++i)
        parent[i] = i;
    auto find = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    auto unite = [&](std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    };
    std::map<int, std::size_t> firstOfGroup;
    for (std::size_t i = 0; i < n; ++i)
        if (groups[i] >= 0) {
            auto [it, inserted] = firstOfGroup.emplace(groups[i], i);
            if (!inserted)
                unite(it->second, i);
        }
    for (const auto& members : linked)
        for (std::size_t k = 1; k < members.size(); ++k) {
            const auto a = std::size_t(members[0]), b = std::size_t(members[k]);
            if (members[0] < 0 || members[k] < 0 || a >= n || b >= n)
                throw Error(ErrorKind::InvalidArgument, "groups", "a linked item is out of range");
            unite(a, b);
        }
    std::vector<std::size_t> size(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++size[find(i)];
    std::map<std::size_t, int> ids;
    std::vector<int> out(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t root = find(i);
        if (size[root] > 1 || groups[i] >= 0)
            out[i] = ids.emplace(root, int(ids.size())).first->second;
    }
    return out;
}

LabelledSet labelledSetFromTable(const FeatureTable& table, const ExtractionParams& params, const std::string& groupBy,
                                 const std::filesystem::path& audioRoot)
{
    if (std::find(groupingModes().begin(), groupingModes().end(), groupBy) == groupingModes().end())
        throw Error(ErrorKind::InvalidArgument, "group-by", "'" + groupBy + "' is not auto, none, group, song or duplicates");
    LabelledSet set;
    if (const auto features = featureSetWithColumns(table.columns)) {
        ExtractionParams extracted = params;
        extracted.features = *features; // the table's columns say which set it holds
        set.schema = genreFeatureSchema(extracted);
    } else {
        set.schema.name = "custom";
        set.schema.columns = table.columns;
        set.schema.params = params;
    }
    std::vector<std::string> classes;
    for (const auto& row : table.rows)
        if (!row.label.empty())
            classes.push_back(row.label);
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    if (classes.empty())
        throw Error(ErrorKind::InvalidArgument, "feature table", "no row has a genre label");
    set.classes = classes;

    const bool anyGroup = std::any_of(table.rows.begin(), table.rows.end(), [](const auto& r) { return !r.group.empty(); });
    const std::string mode = groupBy == "auto" || groupBy == "duplicates" ? (anyGroup ? "group" : "none") : groupBy;
    std::map<std::string, int> groupIds;
    for (const auto& row : table.rows) {
        if (row.label.empty())
            continue;
        Sample s;
        s.features = row.values;
        if (!audioRoot.empty())
            s.audioPath = (audioRoot / row.file).string();
        s.label = int(std::lower_bound(classes.begin(), classes.end(), row.label) - classes.begin());
        std::string key;
        if (mode == "group")
            key = row.group;
        else if (mode == "song")
            key = songGroupKey(row.file);
        if (!key.empty())
            s.group = groupIds.emplace(key, int(groupIds.size())).first->second;
        set.samples.push_back(std::move(s));
    }
    return set;
}

LabelledSet loadFeatureCsv(const std::filesystem::path& file, const ExtractionParams& params, const std::string& groupBy)
{
    if (groupBy == "duplicates")
        throw Error(ErrorKind::InvalidArgument, file.string(),
                    "grouping by duplicates needs the audio (a dataset folder), not a features CSV");
    return labelledSetFromTable(readFeatureCsv(file), params, groupBy);
}

namespace {

namespace fs = std::filesystem;

// The folder as the app names it (QDir::cleanPath of the absolute path), so that both find
// the same cache rows: absolute, no "." or "..", no trailing separator.
fs::path cleanAbsolute(const fs::path& folder)
{
    std::error_code ec;
    fs::path p = fs::absolute(folder, ec);
    if (ec)
        p = folder;
    p = p.lexically_normal();
    if (!p.has_filename() && p.has_relative_path())
        p = p.parent_path();
    return p;
}

struct CachedAnalysis {
    std::vector<CachedSong> records; // one per scanned song, in scan order
    std::vector<char> done;          // record holds a result (cached or analysed now)
    std::size_t fromCache = 0, analysed = 0;
    std::string cacheProblem;
};

std::unique_ptr<FeatureCache> openCache(const fs::path& file, const std::string& schema, std::string& problem)
{
    if (file.empty())
        return nullptr;
    try {
        return std::make_unique<FeatureCache>(file, schema);
    } catch (const Error& e) {
        problem = "feature cache " + file.string() + " cannot be used (" + e.reason() + "); working without it";
    } catch (const std::exception& e) {
        problem = "feature cache " + file.string() + " cannot be used (" + e.what() + "); working without it";
    }
    return nullptr;
}

// Stage 1: every song the cache already holds for this file, label and schema.
std::vector<std::string> takeFromCache(FeatureCache* cache, const fs::path& root, const std::vector<SongEntry>& songs,
                                       CachedAnalysis& out)
{
    std::unordered_map<std::string, CachedSong> cached;
    if (cache)
        for (auto& c : cache->load(root))
            cached.emplace(c.path, std::move(c));
    for (std::size_t i = 0; i < songs.size(); ++i) {
        out.records[i] = identityRecord(songs[i]);
        auto hit = cached.find(out.records[i].path);
        if (hit != cached.end() && hit->second.sameFile(out.records[i].size, out.records[i].modifiedMs) &&
            hit->second.label == songs[i].label) {
            out.records[i] = std::move(hit->second);
            out.done[i] = 1;
            ++out.fromCache;
            cached.erase(hit);
        }
    }
    // Left over: gone from disk or changed; the app forgets them the same way.
    std::vector<std::string> stale;
    for (const auto& [path, c] : cached)
        stale.push_back(path);
    return stale;
}

// Stage 2: the rest, on the shared thread pool, one extractor per worker.
void analyseMissing(const std::vector<SongEntry>& songs, const ExtractionParams& params,
                    const DatasetLoadOptions& options, CachedAnalysis& out)
{
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (!out.done[i])
            pending.push_back(i);
    if (pending.empty())
        return;
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    std::vector<std::unique_ptr<GenreFeatureExtractor>> extractors(std::size_t(std::max(threads, 1)));
    ParallelOptions parallel;
    parallel.threads = threads;
    parallel.cancel = options.cancel;
    parallel.progress = options.progress;
    parallel.stage = "analysing songs";
    const ParallelOutcome run = parallelFor(
        pending.size(),
        [&](std::size_t k, int worker) {
            auto& extractor = extractors[std::size_t(worker)];
            if (!extractor)
                extractor = std::make_unique<GenreFeatureExtractor>(params);
            const std::size_t i = pending[k];
            out.records[i] = analyseSongForCache(songs[i], params, *extractor, options.cancel);
            out.done[i] = 1; // each index is written by exactly one worker
        },
        parallel);
    for (std::size_t k : pending)
        out.analysed += out.done[k] ? 1 : 0;
    for (const auto& f : run.failures) // only exceptions escaping analyseForCache (none expected)
        if (!out.done[pending[f.index]]) {
            out.records[pending[f.index]].error = std::string(toString(f.kind)) + ": " + f.reason;
            out.done[pending[f.index]] = 1;
        }
}

// Stage 3: what was analysed now goes back into the cache (failures too, as the app does),
// in one transaction; stale rows go. Called after a cancel as well: finished work is kept.
void rememberAnalysed(FeatureCache* cache, const CachedAnalysis& analysis, const std::vector<char>& wasCached,
                      const std::vector<std::string>& stale, std::string& problem)
{
    if (!cache)
        return;
    std::vector<CachedSong> fresh;
    for (std::size_t i = 0; i < analysis.records.size(); ++i)
        if (analysis.done[i] && !wasCached[i])
            fresh.push_back(analysis.records[i]);
    try {
        cache->remove(stale);
        cache->store(fresh);
    } catch (const Error& e) {
        if (problem.empty())
            problem = "feature cache " + cache->file().string() + " could not be updated (" + e.reason() + ")";
    }
}

std::string formatSeconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

// Stage 0: the songs, labelled by their genre folder or by a labels file.
ScanResult scanSongs(const fs::path& root, const DatasetLoadOptions& options, DatasetLoad& out)
{
    if (options.labels.file.empty())
        return scanDataset(root, options.cancel);
    LabelledScan labelled = scanWithLabels(root, options.labels, options.cancel);
    out.labelFormat = labelled.format;
    out.labelsWithoutFile = std::move(labelled.labelsWithoutFile);
    out.filesWithoutLabel = std::move(labelled.filesWithoutLabel);
    out.labelProblems = std::move(labelled.labelProblems);
    out.tracksWithoutGenre = labelled.withoutGenre;
    out.tracksOutsideSubset = labelled.outsideSubset;
    return std::move(labelled.scan);
}

// The split and every genre of each labelled song travel with its sample (same order as
// labelledSetFromTable keeps the labelled rows).
void attachLabelDetails(LabelledSet& set, const FeatureTable& table, const std::vector<SongEntry>& songs)
{
    std::unordered_map<std::string, const SongEntry*> byPath;
    for (const auto& song : songs)
        byPath.emplace(song.relativePath, &song);
    std::size_t k = 0;
    for (const auto& row : table.rows) {
        if (row.label.empty())
            continue;
        if (k >= set.samples.size())
            break;
        const auto it = byPath.find(row.file);
        if (it != byPath.end()) {
            set.samples[k].split = it->second->split;
            set.samples[k].genres = it->second->genres;
        }
        ++k;
    }
}

// Stage 4: the clips after the first of songs long enough for several (clipsPerSong), cut
// where classification cuts its windows (songClipStarts on the container's length) and
// analysed as extraction analyses a clip (extractSong with the clip's offset). A clip that
// fails is left out with a warning; the song keeps its other clips.
struct ExtraClip {
    double start = 0;
    std::vector<double> values;
    double length = 0;
};

std::vector<std::vector<ExtraClip>> analyseExtraClips(const std::vector<SongEntry>& songs, const CachedAnalysis& analysis,
                                                      const DatasetLoadOptions& options, std::vector<std::string>& warnings)
{
    std::vector<std::vector<ExtraClip>> out(songs.size());
    const int clips = options.clipsPerSong > 0 ? options.clipsPerSong : kDefaultClipsPerSong;
    if (clips <= 1 || options.params.clipSeconds <= 0)
        return out;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (analysis.records[i].error.empty() && !songs[i].label.empty())
            candidates.push_back(i);
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    std::vector<std::unique_ptr<GenreFeatureExtractor>> extractors(std::size_t(std::max(threads, 1)));
    std::vector<std::string> problems(songs.size());
    ParallelOptions parallel;
    parallel.threads = threads;
    parallel.cancel = options.cancel;
    parallel.progress = options.progress;
    parallel.stage = "analysing more clips of long songs";
    parallelFor(
        candidates.size(),
        [&](std::size_t k, int worker) {
            const std::size_t i = candidates[k];
            std::string warning;
            double seconds = 0;
            try {
                seconds = probeAudio(songs[i].path).durationSeconds;
            } catch (const Error&) {
                return; // the first clip was analysed; its length is unknown, so it stays alone
            }
            const auto starts = songClipStarts(options.params, seconds, clips, warning);
            auto& extractor = extractors[std::size_t(worker)];
            for (std::size_t c = 1; c < starts.size(); ++c) {
                if (!extractor)
                    extractor = std::make_unique<GenreFeatureExtractor>(options.params);
                ExtractionParams at = options.params;
                at.offsetSeconds = starts[c];
                try {
                    SongOutcome clip = extractSong(songs[i], at, *extractor, options.cancel);
                    out[i].push_back({starts[c], std::move(clip.row.values), clip.row.length});
                } catch (const Error& e) {
                    if (e.kind() == ErrorKind::Cancelled)
                        throw;
                    problems[i] += (problems[i].empty() ? "" : "; ") + std::string("clip at ") +
                                   std::to_string(int(starts[c])) + " s left out (" + e.reason() + ")";
                }
            }
        },
        parallel);
    for (std::size_t i = 0; i < songs.size(); ++i)
        if (!problems[i].empty())
            warnings.push_back(songs[i].relativePath + ": " + problems[i]);
    return out;
}

// Stage 5: the feature table of the songs that were analysed, and their fingerprints.
FeatureTable tableFromRecords(const std::vector<SongEntry>& songs, const CachedAnalysis& analysis,
                              const std::vector<std::vector<ExtraClip>>& extraClips, const ExtractionParams& params,
                              std::vector<Fingerprint>& labelledPrints, DatasetLoad& out)
{
    FeatureTable table;
    table.columns = featureNames(params.features);
    for (std::size_t i = 0; i < songs.size(); ++i) {
        const CachedSong& r = analysis.records[i];
        if (!r.error.empty() || r.features.size() != table.columns.size()) {
            out.failures.push_back(songs[i].relativePath + ": " +
                                   (r.error.empty() ? std::string("cached features do not fit the schema") : r.error));
            continue;
        }
        if (out.labelFormat == "fma" && r.durationSeconds > 0 && r.durationSeconds < kFmaMinClipSeconds) {
            out.failures.push_back(songs[i].relativePath + ": audio lasts " + formatSeconds(r.durationSeconds) +
                                   ", much shorter than FMA's 30 s clips (one of FMA's known bad files)");
            continue;
        }
        if (!r.warning.empty())
            out.warnings.push_back(songs[i].relativePath + ": " + r.warning);
        FeatureRow row;
        row.file = songs[i].relativePath;
        row.label = songs[i].label;
        row.group = songs[i].group;
        row.length = r.length;
        row.values = r.features;
        if (!row.label.empty())
            labelledPrints.push_back(r.fingerprint); // labelledSetFromTable keeps exactly these rows
        table.rows.push_back(row);
        for (const auto& clip : extraClips[i]) { // same file: one song, see songsOfRows
            FeatureRow more = row;
            more.values = clip.values;
            more.length = clip.length;
            if (!more.label.empty())
                labelledPrints.push_back(r.fingerprint);
            table.rows.push_back(std::move(more));
            ++out.extraClips;
        }
    }
    return table;
}

// "duplicates": fingerprint matches join the groups the table already had.
std::size_t groupDuplicates(LabelledSet& set, const std::vector<Fingerprint>& prints)
{
    const auto groups = duplicateGroups(findDuplicates(prints), prints.size());
    std::vector<std::vector<int>> linked;
    for (const auto& g : groups)
        linked.emplace_back(g.begin(), g.end());
    std::vector<int> current;
    for (const auto& s : set.samples)
        current.push_back(s.group);
    const auto merged = mergeGroups(current, linked);
    for (std::size_t i = 0; i < set.samples.size(); ++i)
        set.samples[i].group = merged[i];
    return groups.size();
}

// Rows of one file are clips of one song: they get one Sample::song id and, whatever the
// grouping mode, one group (a song's clips on both sides of a split would leak). Only songs
// with several rows are touched, so a set of one clip per song is left exactly as it was.
void markClipsOfOneSong(LabelledSet& set, const std::vector<std::string>& files)
{
    std::map<std::string, std::vector<int>> rowsOf;
    for (std::size_t i = 0; i < files.size() && i < set.samples.size(); ++i)
        rowsOf[files[i]].push_back(int(i));
    std::vector<std::vector<int>> linked;
    int song = 0;
    for (std::size_t i = 0; i < files.size() && i < set.samples.size(); ++i) {
        auto& rows = rowsOf[files[i]];
        if (rows.size() < 2 || rows.front() != int(i))
            continue;
        for (int r : rows)
            set.samples[std::size_t(r)].song = song;
        ++song;
        linked.push_back(rows);
    }
    if (linked.empty())
        return;
    std::vector<int> current;
    for (const auto& s : set.samples)
        current.push_back(s.group);
    const auto merged = mergeGroups(current, linked);
    for (std::size_t i = 0; i < set.samples.size(); ++i)
        set.samples[i].group = merged[i];
}

// Songs, not clips: the rows of one song (Sample::song) count once.
std::vector<std::pair<std::string, long>> countPerGenre(const LabelledSet& set)
{
    std::vector<std::pair<std::string, long>> out;
    for (const auto& c : set.classes)
        out.emplace_back(c, 0);
    std::set<int> counted;
    for (const auto& s : set.samples)
        if (s.label >= 0 && std::size_t(s.label) < out.size() && (s.song < 0 || counted.insert(s.song).second))
            ++out[std::size_t(s.label)].second;
    return out;
}

DatasetLoad loadFolder(const fs::path& input, const DatasetLoadOptions& options)
{
    DatasetLoad out;
    out.fromFolder = true;
    const fs::path root = cleanAbsolute(input);
    const ScanResult scan = scanSongs(root, options, out);
    out.warnings = scan.problems;
    // On a folder, "auto" is the app's default: duplicate recordings (when the songs are
    // analysed, so their fingerprints are known) and clips of one song stay together.
    const bool autoGrouping = options.groupBy == "auto";
    const bool duplicates = options.groupBy == "duplicates" || (autoGrouping && options.extractFeatures);
    FeatureTable table;
    std::vector<Fingerprint> prints;
    if (options.extractFeatures || duplicates) {
        options.params.validate();
        CachedAnalysis analysis;
        analysis.records.resize(scan.songs.size());
        analysis.done.assign(scan.songs.size(), 0);
        auto cache = openCache(options.cacheFile, genreFeatureSchema(options.params).fingerprint(), analysis.cacheProblem);
        std::vector<std::string> stale;
        try {
            stale = takeFromCache(cache.get(), root, scan.songs, analysis);
        } catch (const Error& e) {
            analysis.cacheProblem = "feature cache " + options.cacheFile.string() + " cannot be read (" + e.reason() +
                                    "); working without it";
            cache.reset();
            analysis.done.assign(scan.songs.size(), 0);
            analysis.fromCache = 0;
        }
        const std::vector<char> wasCached = analysis.done;
        analyseMissing(scan.songs, options.params, options, analysis);
        rememberAnalysed(cache.get(), analysis, wasCached, stale, analysis.cacheProblem);
        if (options.cancel && options.cancel->cancelled())
            throw Error(ErrorKind::Cancelled, input.string(), "feature extraction cancelled");
        out.songsFromCache = analysis.fromCache;
        out.songsAnalysed = analysis.analysed;
        out.cacheProblem = analysis.cacheProblem;
        const auto extra = options.extractFeatures
                               ? analyseExtraClips(scan.songs, analysis, options, out.warnings)
                               : std::vector<std::vector<ExtraClip>>(scan.songs.size());
        if (options.cancel && options.cancel->cancelled())
            throw Error(ErrorKind::Cancelled, input.string(), "feature extraction cancelled");
        table = tableFromRecords(scan.songs, analysis, extra, options.params, prints, out);
    } else {
        table.columns = featureNames(options.params.features);
        for (const auto& song : scan.songs) {
            FeatureRow row;
            row.file = song.relativePath;
            row.label = song.label;
            row.group = song.group;
            table.rows.push_back(std::move(row));
        }
    }
    out.set = labelledSetFromTable(table, options.params, options.groupBy, root);
    // Groups from the labels (artists) already hold each song's clips together.
    out.groupedByLabels = autoGrouping && std::any_of(table.rows.begin(), table.rows.end(), [](const FeatureRow& r) {
                              return !r.label.empty() && !r.group.empty();
                          });
    if (!options.labels.file.empty())
        attachLabelDetails(out.set, table, scan.songs);
    std::vector<std::string> files;
    for (const auto& row : table.rows)
        if (!row.label.empty())
            files.push_back(row.file);
    if (autoGrouping && !out.groupedByLabels) {
        const auto clips = songClipGroups(files);
        for (std::size_t i = 0; i < out.set.samples.size() && i < clips.size(); ++i)
            out.set.samples[i].group = clips[i];
    }
    if (duplicates)
        out.duplicateGroups = groupDuplicates(out.set, prints);
    markClipsOfOneSong(out.set, files);
    out.songsPerGenre = countPerGenre(out.set);
    return out;
}

} // namespace

DatasetLoad loadDataset(const std::filesystem::path& input, const DatasetLoadOptions& options)
{
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec))
        return loadFolder(input, options);
    if (!std::filesystem::exists(input, ec))
        throw Error(ErrorKind::NotFound, input.string(), "no such folder or features CSV");
    if (!options.labels.file.empty())
        throw Error(ErrorKind::InvalidArgument, input.string(),
                    "a labels file labels the audio of a folder; a features CSV has its own labels");
    DatasetLoad out;
    out.set = loadFeatureCsv(input, options.params, options.groupBy);
    out.songsPerGenre = countPerGenre(out.set);
    return out;
}

} // namespace gs::ml
