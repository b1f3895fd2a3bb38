#pragma once
// Shows a decoded song (SongView) on a page's waveform and spectrogram, aligned in time, or
// the reason it could not be decoded. The Songs page and the Classify page both use it.
namespace gs::ui {

struct SongView;
class SpectrogramView;
class WaveformView;

// False when the view carries an error (both views then show it).
bool presentSongView(const SongView& view, WaveformView& waveform, SpectrogramView& spectrogram);

} // namespace gs::ui
