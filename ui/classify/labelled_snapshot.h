#pragma once
// The small pure adapter between the open dataset and the models: which songs can be learnt
// from (analysed, with a genre), their features, and how they are grouped so that related
// songs never sit on both sides of a fold. No Qt objects, no threads: a value in, a value out.
#include "core/features/schema.h"
#include "core/ml/classifier.h"
#include "ui/session/dataset_snapshot.h"
#include "ui/session/song.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace gs::ui {

// How songs are grouped for cross-validation:
//   "auto"        duplicate recordings (fingerprints) and clips of one song ("x.00012.3.wav")
//   "none"        every song on its own
//   "song"        clips of one song only (file name without a trailing segment number)
//   "duplicates"  duplicate recordings only
const QStringList& appGroupingModes();

struct SampleSong {          // sample i of the labelled set comes from this song
    int songIndex = -1;      // into DatasetSnapshot::songs (and DatasetSession::songs())
    QString path;            // absolute
    QString relativePath;    // to the folder, for display
};

struct LabelledSnapshot {
    QString folder;
    QString grouping;
    ml::LabelledSet set;            // features + labels + groups, schema = the dataset's
    std::vector<SampleSong> songs;  // one per sample, same order
    QString dataKey;                // changes whenever the learnable songs, labels or features change
    int excluded = 0;               // songs left out: not analysed (yet), failed, or without a genre
    int duplicateGroupsUsed = 0;    // duplicate groups that became CV groups
};

// Throws gs::Error(InvalidArgument) for an unknown grouping mode. Classes are the sorted
// distinct genres of the learnable songs.
LabelledSnapshot makeLabelledSnapshot(const DatasetSnapshot& dataset, const QString& grouping);

// The same key makeLabelledSnapshot() would give, without building the set (cheap: for
// marking results stale as songs arrive).
QString datasetKey(const DatasetSnapshot& dataset);

} // namespace gs::ui
