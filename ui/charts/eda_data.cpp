#include "ui/charts/eda_data.h"

#include "core/features/schema.h"
#include "ui/session/dataset_session.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

namespace gs::ui {

EdaData EdaData::fromSession(const DatasetSession& session)
{
    EdaData d;
    d.genres = session.genres();
    for (const auto& name : session.schema().columns)
        d.featureNames << QString::fromStdString(name);
    d.songsPerGenre.assign(std::size_t(d.genres.size()), 0);
    const auto& songs = session.songs();
    // Genres are few: each label is looked up in the list once, not once per song.
    std::unordered_map<std::string, int> genreOf;
    d.songIndex.reserve(songs.size());
    d.genre.reserve(songs.size());
    d.durationSeconds.reserve(songs.size());
    d.features.reserve(songs.size());
    d.file.reserve(qsizetype(songs.size()));
    for (std::size_t i = 0; i < songs.size(); ++i) {
        auto known = genreOf.find(songs[i].record.label);
        if (known == genreOf.end())
            known = genreOf.emplace(songs[i].record.label, int(d.genres.indexOf(QString::fromStdString(songs[i].record.label)))).first;
        const int g = known->second;
        if (g < 0)
            continue;
        ++d.songsPerGenre[std::size_t(g)];
        const auto& r = songs[i].record;
        if (songs[i].status != SongStatus::Ready || r.features.size() != std::size_t(d.featureNames.size()))
            continue;
        d.songIndex.push_back(int(i));
        d.file << songs[i].relativePath;
        d.genre.push_back(g);
        d.durationSeconds.push_back(r.durationSeconds);
        d.features.push_back(r.features);
    }
    return d;
}

std::vector<double> EdaData::column(int feature) const
{
    std::vector<double> out;
    out.reserve(features.size());
    for (const auto& row : features)
        out.push_back(row[std::size_t(feature)]);
    return out;
}

std::vector<std::vector<double>> EdaData::columns() const
{
    std::vector<std::vector<double>> out(std::size_t(featureNames.size()));
    for (auto& c : out)
        c.resize(features.size());
    for (std::size_t i = 0; i < features.size(); ++i)
        for (std::size_t f = 0; f < out.size() && f < features[i].size(); ++f)
            out[f][i] = features[i][f];
    return out;
}

std::vector<double> EdaData::column(int feature, int genreIndex) const
{
    std::vector<double> out;
    for (std::size_t i = 0; i < features.size(); ++i)
        if (genre[i] == genreIndex)
            out.push_back(features[i][std::size_t(feature)]);
    return out;
}

std::vector<double> EdaData::durationsOf(int genreIndex) const
{
    std::vector<double> out;
    for (std::size_t i = 0; i < durationSeconds.size(); ++i)
        if (genre[i] == genreIndex)
            out.push_back(durationSeconds[i]);
    return out;
}

std::vector<std::size_t> EdaData::stratifiedSample(std::size_t count) const
{
    const std::size_t n = features.size();
    std::vector<std::size_t> out;
    if (n <= count) {
        out.resize(n);
        std::iota(out.begin(), out.end(), std::size_t(0));
        return out;
    }
    std::vector<std::vector<std::size_t>> byGenre(std::size_t(std::max<qsizetype>(genres.size(), 1)));
    for (std::size_t i = 0; i < n; ++i)
        byGenre[std::size_t(std::clamp(genre[i], 0, int(byGenre.size()) - 1))].push_back(i);
    for (const auto& members : byGenre) {
        // Proportional share, at least one song of every genre that has songs.
        const auto take = std::min(members.size(), std::max<std::size_t>(members.empty() ? 0 : 1,
                                                                          std::size_t(std::llround(double(members.size()) * double(count) / double(n)))));
        for (std::size_t k = 0; k < take; ++k)
            out.push_back(members[k * members.size() / take]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace gs::ui
