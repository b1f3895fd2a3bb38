#include "ui/session/song_view.h"

#include "core/audio/decode.h"
#include "core/audio/envelope.h"
#include "core/common/error.h"
#include "ui/common/background_runner.h"

#include <QCoreApplication>

namespace gs::ui {

namespace {

// The rate the views (and the genre features) work at.
constexpr int kViewSampleRate = 22050;

// Fills view.melDb (or view.error); never throws.
void computeSpectrogram(SongView& view, const CancelToken* cancel)
{
    try {
        if (cancel)
            cancel->throwIfCancelled(view.path.toStdString());
        view.melDb = melSpectrogramDb(*view.samples, view.sampleRate, view.mel);
    } catch (const std::exception& e) {
        view.error = errorText(e);
    }
}

} // namespace

SongView computeSongView(const QString& path, const MelOptions& mel, const CancelToken* cancel)
{
    SongView view;
    view.path = path;
    view.mel = mel;
    try {
        DecodeOptions decode;
        decode.sampleRate = kViewSampleRate;
        auto audio = decodeAudio(path.toStdString(), decode, cancel);
        view.sampleRate = audio.sampleRate;
        view.seconds = audio.seconds();
        auto samples = std::make_shared<const std::vector<float>>(std::move(audio.samples));
        view.samples = samples;
        view.envelope = std::make_shared<const WaveformEnvelope>(*samples);
    } catch (const std::exception& e) {
        view.error = errorText(e);
        return view;
    }
    computeSpectrogram(view, cancel);
    return view;
}

SongView recomputeSpectrogram(const SongView& view, const MelOptions& mel)
{
    SongView out;
    out.path = view.path;
    out.sampleRate = view.sampleRate;
    out.seconds = view.seconds;
    out.envelope = view.envelope;
    out.samples = view.samples;
    out.mel = mel;
    if (!out.samples) {
        out.error = view.error.isEmpty() ? QCoreApplication::translate("gs::ui::SongView", "the song has not been decoded")
                                          : view.error;
        return out;
    }
    computeSpectrogram(out, nullptr);
    return out;
}

} // namespace gs::ui
