#pragma once
// Where decoded samples are played. Playback decodes with our own FFmpeg decoder
// (core/audio/decode.h) and hands the samples to an AudioOutput; the real one is Qt
// Multimedia's QAudioSink. Why not QMediaPlayer: it decodes through its own backend
// (GStreamer/FFmpeg plugins depending on the build) with other format support and its own
// latency, while we already read every format FFmpeg reads and show exactly those samples;
// QAudioSink plays our samples and tells how much it has played, which drives the cursor.
// Tests and machines without a sound device use the timer-driven or null outputs below.
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QAudioSink;
class QTimer;

namespace gs::ui {

using SampleBuffer = std::shared_ptr<const std::vector<float>>;

class AudioOutput : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Empty when the output can play; otherwise why not, for the user ("no audio device").
    virtual QString unavailableReason() const = 0;
    // Plays mono `samples` at `sampleRate` from frame `fromFrame`, replacing what was playing.
    virtual void start(SampleBuffer samples, int sampleRate, qint64 fromFrame) = 0;
    virtual void stop() = 0;
    // The frame being heard now (fromFrame plus what the device has played); the start
    // frame while stopped.
    virtual qint64 positionFrames() const = 0;
    virtual bool isPlaying() const = 0;

signals:
    void finished();                     // the last sample has been played
    void failed(const QString& reason);  // the device refused or stopped with an error
};

// Qt Multimedia: the default output device, float32 mono (16-bit when the device does not
// take float). Position from QAudioSink::processedUSecs(), i.e. what was handed to the
// device: ahead of the loudspeaker by the device's buffer (tens of milliseconds).
class SinkAudioOutput : public AudioOutput {
    Q_OBJECT
public:
    explicit SinkAudioOutput(QObject* parent = nullptr);
    ~SinkAudioOutput() override;
    QString unavailableReason() const override;
    void start(SampleBuffer samples, int sampleRate, qint64 fromFrame) override;
    void stop() override;
    qint64 positionFrames() const override;
    bool isPlaying() const override;

private:
    class PcmSource;
    QAudioSink* sink_ = nullptr;
    PcmSource* source_ = nullptr;
    qint64 from_ = 0;
    int rate_ = 0;
    qint64 total_ = 0;
};

// No sound: a clock. Position advances in real time from the start frame, as a device would
// consume the samples, and finished() fires at the end. For tests and headless sessions.
class TimerAudioOutput : public AudioOutput {
    Q_OBJECT
public:
    explicit TimerAudioOutput(QObject* parent = nullptr);
    QString unavailableReason() const override { return {}; }
    void start(SampleBuffer samples, int sampleRate, qint64 fromFrame) override;
    void stop() override;
    qint64 positionFrames() const override;
    bool isPlaying() const override { return playing_; }

private:
    QTimer* endCheck_;
    QElapsedTimer clock_;
    bool playing_ = false;
    qint64 from_ = 0;
    qint64 total_ = 0;
    int rate_ = 0;
};

// No device at all: refuses to play (unavailableReason() says why); the cursor can still be
// placed by seeking.
class NullAudioOutput : public AudioOutput {
    Q_OBJECT
public:
    using AudioOutput::AudioOutput;
    QString unavailableReason() const override;
    void start(SampleBuffer, int, qint64 fromFrame) override { from_ = fromFrame; }
    void stop() override {}
    qint64 positionFrames() const override { return from_; }
    bool isPlaying() const override { return false; }

private:
    qint64 from_ = 0;
};

// The sink when the system has an audio output device, else the null output.
// GENRESCOPE_AUDIO=none forces the null output (CI, screenshots).
AudioOutput* createDefaultAudioOutput(QObject* parent = nullptr);

} // namespace gs::ui
