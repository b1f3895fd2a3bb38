#pragma once
// The numbers behind the exploration charts, gathered from the session's songs once per
// update: plain vectors the chart widgets turn into series.
#include <QStringList>

#include <vector>

namespace gs::ui {

class DatasetSession;

struct EdaData {
    QStringList genres;                       // sorted; index = colour index
    QStringList featureNames;                 // the 57 columns
    std::vector<int> songsPerGenre;           // every song found, analysed or not
    // One entry per analysed song (status Ready):
    std::vector<int> songIndex;               // into DatasetSession::songs()
    QStringList file;                         // relative path, for tooltips
    std::vector<int> genre;                   // index into genres
    std::vector<double> durationSeconds;      // whole file
    std::vector<std::vector<double>> features;

    static EdaData fromSession(const DatasetSession& session);
    std::vector<double> column(int feature) const;               // over all analysed songs
    std::vector<std::vector<double>> columns() const;            // every feature's column, one pass
    std::vector<double> column(int feature, int genreIndex) const;
    std::vector<double> durationsOf(int genreIndex) const;
    // At most `count` analysed songs (indices into songIndex), the same every time: each
    // genre's share as in the whole (stratified), its songs evenly spaced in its order.
    // Every song when there are no more than `count`.
    std::vector<std::size_t> stratifiedSample(std::size_t count) const;
};

} // namespace gs::ui
