#include "ui/classify/labelled_snapshot.h"

#include "core/common/error.h"
#include "core/ml/labelled_set.h"

#include <QCryptographicHash>

#include <algorithm>
#include <map>
#include <string>

namespace gs::ui {

namespace {

// A song the models can learn from: analysed, with a full feature vector and a genre.
bool learnable(const Song& song, const FeatureSchema& schema)
{
    return song.status == SongStatus::Ready && !song.record.label.empty() && !song.record.features.empty() &&
           song.record.features.size() == schema.columns.size();
}

std::vector<int> learnableSongs(const DatasetSnapshot& dataset)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < dataset.songs.size(); ++i)
        if (learnable(dataset.songs[i], dataset.schema))
            out.push_back(int(i));
    return out;
}

std::vector<std::string> sortedGenres(const DatasetSnapshot& dataset, const std::vector<int>& songs)
{
    std::vector<std::string> classes;
    for (int i : songs)
        classes.push_back(dataset.songs[std::size_t(i)].record.label);
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    return classes;
}

// Clips cut from one song ("blues.00012.3.wav") share a group (ml::songClipGroups); a song
// with no sibling clip stays on its own, so a plain folder gives plain stratified folds.
std::vector<int> songClipGroups(const DatasetSnapshot& dataset, const std::vector<int>& songs)
{
    std::vector<std::string> files;
    for (int i : songs)
        files.push_back(dataset.songs[std::size_t(i)].relativePath.toStdString());
    return ml::songClipGroups(files);
}

// The fingerprint duplicate groups in sample indices, keeping those with two or more
// learnable members (a duplicate of a failed or unlabelled song links nothing).
std::vector<std::vector<int>> duplicateLinks(const DatasetSnapshot& dataset, const std::vector<int>& songs)
{
    std::map<int, int> sampleOfSong;
    for (std::size_t s = 0; s < songs.size(); ++s)
        sampleOfSong.emplace(songs[s], int(s));
    std::vector<std::vector<int>> links;
    for (const auto& group : dataset.duplicateGroups) {
        std::vector<int> members;
        for (int song : group)
            if (auto it = sampleOfSong.find(song); it != sampleOfSong.end())
                members.push_back(it->second);
        if (members.size() > 1)
            links.push_back(std::move(members));
    }
    return links;
}

} // namespace

const QStringList& appGroupingModes()
{
    static const QStringList modes{QStringLiteral("auto"), QStringLiteral("none"), QStringLiteral("song"),
                                   QStringLiteral("duplicates")};
    return modes;
}

QString datasetKey(const DatasetSnapshot& dataset)
{
    // Features are a function of the file (size, time) and the schema, so hashing these
    // identifies the features without reading them.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QByteArray& bytes) {
        hash.addData(bytes);
        hash.addData(QByteArrayView("\x1f", 1)); // unit separator: "ab"+"c" != "a"+"bc"
    };
    add(dataset.folder.toUtf8());
    add(QByteArray::fromStdString(dataset.schema.fingerprint()));
    for (int i : learnableSongs(dataset)) {
        const auto& r = dataset.songs[std::size_t(i)].record;
        add(QByteArray::fromStdString(r.path));
        add(QByteArray::number(qint64(r.size)));
        add(QByteArray::number(qint64(r.modifiedMs)));
        add(QByteArray::fromStdString(r.label));
    }
    return QString::fromLatin1(hash.result().toHex());
}

LabelledSnapshot makeLabelledSnapshot(const DatasetSnapshot& dataset, const QString& grouping)
{
    if (!appGroupingModes().contains(grouping))
        throw Error(ErrorKind::InvalidArgument, "grouping",
                    "'" + grouping.toStdString() + "' is not one of " + appGroupingModes().join(QStringLiteral(", ")).toStdString());
    const std::vector<int> songs = learnableSongs(dataset);

    LabelledSnapshot out;
    out.folder = dataset.folder;
    out.grouping = grouping;
    out.dataKey = datasetKey(dataset);
    out.excluded = int(dataset.songs.size() - songs.size());
    out.set.schema = dataset.schema;
    out.set.classes = sortedGenres(dataset, songs);
    const auto& classes = out.set.classes;

    for (int i : songs) {
        const Song& song = dataset.songs[std::size_t(i)];
        ml::Sample sample;
        sample.features = song.record.features;
        sample.audioPath = song.record.path; // models that read audio (cnn) decode the song itself
        sample.label = int(std::lower_bound(classes.begin(), classes.end(), song.record.label) - classes.begin());
        out.set.samples.push_back(std::move(sample));
        out.songs.push_back({i, QString::fromStdString(song.record.path), song.relativePath});
    }

    const bool byClips = grouping == QLatin1String("auto") || grouping == QLatin1String("song");
    const bool byDuplicates = grouping == QLatin1String("auto") || grouping == QLatin1String("duplicates");
    const std::vector<int> clipGroups = byClips ? songClipGroups(dataset, songs) : std::vector<int>(songs.size(), -1);
    const auto links = byDuplicates ? duplicateLinks(dataset, songs) : std::vector<std::vector<int>>{};
    out.duplicateGroupsUsed = int(links.size());
    const std::vector<int> groups = ml::mergeGroups(clipGroups, links);
    for (std::size_t s = 0; s < groups.size(); ++s)
        out.set.samples[s].group = groups[s];
    return out;
}

} // namespace gs::ui
