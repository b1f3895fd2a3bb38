#pragma once
// The open dataset frozen at one moment, as the dataset session hands it to the classify
// session (which trains on it on a worker thread). A plain value: no Qt objects, no threads.
#include "core/features/schema.h"
#include "ui/session/song.h"

#include <QString>

#include <vector>

namespace gs::ui {

struct DatasetSnapshot {
    QString folder;
    FeatureSchema schema;
    std::vector<Song> songs;
    std::vector<std::vector<int>> duplicateGroups; // indices into songs (fingerprint duplicates)
};

} // namespace gs::ui
