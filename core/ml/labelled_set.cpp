#include "core/ml/labelled_set.h"

#include "core/common/error.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"

#include <algorithm>
#include <map>
#include <regex>

namespace gs::ml {

const std::vector<std::string>& groupingModes()
{
    static const std::vector<std::string> modes{"auto", "none", "group", "song"};
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
        throw Error(ErrorKind::InvalidArgument, "group-by", "'" + groupBy + "' is not auto, none, group or song");
    LabelledSet set;
    if (table.columns == genreFeatureNames()) {
        set.schema = genreFeatureSchema(params);
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
    const std::string mode = groupBy == "auto" ? (anyGroup ? "group" : "none") : groupBy;
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
    return labelledSetFromTable(readFeatureCsv(file), params, groupBy);
}

DatasetLoad loadDataset(const std::filesystem::path& input, const DatasetLoadOptions& options)
{
    DatasetLoad out;
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
        if (!std::filesystem::exists(input, ec))
            throw Error(ErrorKind::NotFound, input.string(), "no such folder or features CSV");
        out.set = loadFeatureCsv(input, options.params, options.groupBy);
        return out;
    }
    out.fromFolder = true;
    const ScanResult scan = scanDataset(input, options.cancel);
    out.warnings = scan.problems;
    FeatureTable table;
    if (options.extractFeatures) {
        BatchOptions batch;
        batch.threads = options.threads;
        batch.progress = options.progress;
        batch.cancel = options.cancel;
        BatchResult result = extractBatch(scan.songs, options.params, batch);
        if (result.cancelled)
            throw Error(ErrorKind::Cancelled, input.string(), "feature extraction cancelled");
        for (const auto& f : result.failures)
            out.failures.push_back(f.file + ": " + f.reason);
        out.warnings.insert(out.warnings.end(), result.warnings.begin(), result.warnings.end());
        table = std::move(result.table);
    } else {
        table.columns = genreFeatureNames();
        for (const auto& song : scan.songs) {
            FeatureRow row;
            row.file = song.relativePath;
            row.label = song.label;
            table.rows.push_back(std::move(row));
        }
    }
    out.set = labelledSetFromTable(table, options.params, options.groupBy, input);
    return out;
}

} // namespace gs::ml
