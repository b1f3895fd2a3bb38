#pragma once
// Audio of one song prepared for the views: decoded once, its waveform envelope and mel
// spectrogram. Computed on worker threads by whichever session shows the song (the dataset
// session for the Songs page, the classify session for a dropped song).
#include "core/common/progress.h"
#include "core/dsp/matrix.h"
#include "core/features/mel.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace gs {
class WaveformEnvelope;
}

namespace gs::ui {

struct SongView {
    QString path;
    int sampleRate = 0;
    double seconds = 0;
    std::shared_ptr<const WaveformEnvelope> envelope;
    std::shared_ptr<const std::vector<float>> samples; // for recomputing the spectrogram
    Matrix melDb;               // rows = mels, cols = frames
    MelOptions mel;
    QString error;              // non-empty: the song could not be decoded
};

// Decodes `path` (mono, 22050 Hz), builds the envelope and the mel spectrogram. Errors go
// into SongView::error, never thrown (Cancelled included).
SongView computeSongView(const QString& path, const MelOptions& mel, const CancelToken* cancel = nullptr);
// Only the spectrogram again, from a view's decoded samples, with other settings.
SongView recomputeSpectrogram(const SongView& view, const MelOptions& mel);

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::ui::SongView)
