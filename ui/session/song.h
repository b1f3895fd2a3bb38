#pragma once
// What the UI knows about one song: the cached record plus where it stands.
#include "core/dataset/cache.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace gs::ui {

enum class SongStatus {
    Pending,   // found, not analysed yet
    Ready,     // features (and fingerprint) available
    Failed,    // decoding or extraction failed; record.error says why
    Cancelled, // analysis was cancelled before this song
};

struct Song {
    CachedSong record;
    QString relativePath;   // to the opened folder, for display
    SongStatus status = SongStatus::Pending;
    bool fromCache = false;
};

QString statusText(SongStatus status);

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::ui::Song)
