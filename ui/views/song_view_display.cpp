#include "ui/views/song_view_display.h"

#include "ui/session/song_view.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QCoreApplication>

namespace gs::ui {

bool presentSongView(const SongView& view, WaveformView& waveform, SpectrogramView& spectrogram)
{
    if (!view.error.isEmpty()) {
        waveform.clear(QCoreApplication::translate("gs::ui::SongViewDisplay", "Cannot decode: %1").arg(view.error));
        spectrogram.clear(view.error);
        return false;
    }
    if (view.envelope)
        waveform.setEnvelope(view.envelope, view.sampleRate);
    spectrogram.setSpectrogram(view.melDb, view.sampleRate, view.mel);
    spectrogram.setVisibleRange(waveform.visibleStart(), waveform.visibleEnd());
    return true;
}

} // namespace gs::ui
