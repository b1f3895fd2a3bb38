#pragma once
// Plays one song at a time: decodes it with the core decoder (decodeAudio, mono, 44100 Hz)
// on a worker thread, plays it through an AudioOutput (audio_output.h explains why not
// QMediaPlayer) and reports the position for the cursors of the waveform and spectrogram.
// The window may share one controller between pages (setPlayback on each); every page also
// works with its own. Without an audio device it says so once (statusMessage) and everything
// else, seeking included, still works.
#include "ui/common/background_runner.h"
#include "ui/playback/audio_output.h"

#include <QObject>
#include <QString>

class QTimer;

namespace gs::ui {

class PlaybackController : public QObject {
    Q_OBJECT
public:
    enum class State { Empty, Loading, Paused, Playing };
    static constexpr int kPlaybackRate = 44100;

    // The default output (QAudioSink, or null without a device) is made at the first play.
    explicit PlaybackController(QObject* parent = nullptr);
    // Uses `output` (reparented to the controller): tests pass a TimerAudioOutput.
    explicit PlaybackController(AudioOutput* output, QObject* parent = nullptr);

    QString file() const { return file_; }
    State state() const { return state_; }
    bool isPlaying() const { return state_ == State::Playing; }
    bool isLoaded() const { return state_ == State::Paused || state_ == State::Playing; }
    double position() const;            // seconds
    double duration() const;            // seconds; 0 until loaded
    AudioOutput* output();
    bool waitForLoaded(int timeoutMs = 60000); // tests

public slots:
    // Decodes `file` in the background (Loading, then Paused at 0). Same file: nothing.
    void load(const QString& file);
    void unload();
    void play();     // while loading: plays when loaded
    void pause();
    void toggle();
    void seek(double seconds); // clamped to the song; while loading: applied when loaded

signals:
    void fileChanged(const QString& file);
    void stateChanged(gs::ui::PlaybackController::State state);
    void positionChanged(double seconds);
    void durationChanged(double seconds);
    void statusMessage(const QString& text);

private:
    void setState(State state);
    void onDecoded(const QString& file, SampleBuffer samples, const QString& warning);
    void onOutputFinished();
    bool outputAvailable();
    qint64 frameAt(double seconds) const;

    AudioOutput* output_ = nullptr;
    BackgroundRunner* decoder_;
    QTimer* ticker_;
    QString file_;
    State state_ = State::Empty;
    SampleBuffer samples_;
    qint64 pausedFrame_ = 0;
    double pendingSeek_ = -1;
    bool playWhenLoaded_ = false;
    bool toldUnavailable_ = false;
    bool outputConnected_ = false;
};

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::ui::PlaybackController::State)
