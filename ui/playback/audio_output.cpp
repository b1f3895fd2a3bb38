#include "ui/playback/audio_output.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>
#include <cstring>

namespace gs::ui {

// Reads the samples as the sink asks for them, converting to the device's sample format.
class SinkAudioOutput::PcmSource : public QIODevice {
public:
    PcmSource(SampleBuffer samples, qint64 from, QAudioFormat::SampleFormat format, QObject* parent)
        : QIODevice(parent), samples_(std::move(samples)), next_(from), format_(format)
    {
    }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return remaining() == 0; }
    qint64 bytesAvailable() const override { return remaining() * frameBytes() + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 frames = std::min(maxSize / frameBytes(), remaining());
        const float* in = samples_->data() + next_;
        if (format_ == QAudioFormat::Float) {
            std::memcpy(data, in, std::size_t(frames) * sizeof(float));
        } else {
            auto* out = reinterpret_cast<qint16*>(data);
            for (qint64 i = 0; i < frames; ++i)
                out[i] = qint16(std::clamp(in[i], -1.0f, 1.0f) * 32767.0f);
        }
        next_ += frames;
        return frames * frameBytes();
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    qint64 remaining() const { return std::max<qint64>(0, qint64(samples_->size()) - next_); }
    qint64 frameBytes() const { return format_ == QAudioFormat::Float ? 4 : 2; }

    SampleBuffer samples_;
    qint64 next_;
    QAudioFormat::SampleFormat format_;
};

SinkAudioOutput::SinkAudioOutput(QObject* parent) : AudioOutput(parent) {}

SinkAudioOutput::~SinkAudioOutput() { stop(); }

QString SinkAudioOutput::unavailableReason() const
{
    return QMediaDevices::defaultAudioOutput().isNull() ? tr("no audio device") : QString();
}

void SinkAudioOutput::start(SampleBuffer samples, int sampleRate, qint64 fromFrame)
{
    stop();
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull() || !samples || sampleRate <= 0) {
        emit failed(tr("no audio device"));
        return;
    }
    QAudioFormat format;
    format.setSampleRate(sampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Float);
    if (!device.isFormatSupported(format))
        format.setSampleFormat(QAudioFormat::Int16);
    from_ = std::clamp<qint64>(fromFrame, 0, qint64(samples->size()));
    rate_ = sampleRate;
    total_ = qint64(samples->size());
    source_ = new PcmSource(std::move(samples), from_, format.sampleFormat(), this);
    source_->open(QIODevice::ReadOnly);
    sink_ = new QAudioSink(device, format, this);
    connect(sink_, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (!sink_ || state != QAudio::IdleState)
            return;
        if (sink_->error() == QAudio::UnderrunError && source_->atEnd())
            emit finished(); // Idle after the last sample: the song is over
        else if (sink_->error() != QAudio::NoError && sink_->error() != QAudio::UnderrunError)
            emit failed(tr("the audio device stopped (error %1)").arg(int(sink_->error())));
    });
    sink_->start(source_);
    if (sink_->error() == QAudio::OpenError)
        emit failed(tr("cannot open the audio device %1").arg(device.description()));
}

void SinkAudioOutput::stop()
{
    if (sink_) {
        from_ = positionFrames();
        sink_->disconnect(this);
        sink_->stop();
        sink_->deleteLater();
        sink_ = nullptr;
    }
    if (source_) {
        source_->deleteLater();
        source_ = nullptr;
    }
}

qint64 SinkAudioOutput::positionFrames() const
{
    if (!sink_)
        return from_;
    return std::min(total_, from_ + sink_->processedUSecs() * rate_ / 1000000);
}

bool SinkAudioOutput::isPlaying() const { return sink_ && sink_->state() == QAudio::ActiveState; }

TimerAudioOutput::TimerAudioOutput(QObject* parent) : AudioOutput(parent), endCheck_(new QTimer(this))
{
    endCheck_->setInterval(10);
    connect(endCheck_, &QTimer::timeout, this, [this] {
        if (positionFrames() >= total_) {
            stop();
            emit finished();
        }
    });
}

void TimerAudioOutput::start(SampleBuffer samples, int sampleRate, qint64 fromFrame)
{
    total_ = samples ? qint64(samples->size()) : 0;
    rate_ = std::max(1, sampleRate);
    from_ = std::clamp<qint64>(fromFrame, 0, total_);
    clock_.start();
    playing_ = true;
    endCheck_->start();
}

void TimerAudioOutput::stop()
{
    from_ = positionFrames();
    playing_ = false;
    endCheck_->stop();
}

qint64 TimerAudioOutput::positionFrames() const
{
    if (!playing_)
        return from_;
    return std::min(total_, from_ + clock_.elapsed() * rate_ / 1000);
}

QString NullAudioOutput::unavailableReason() const { return tr("no audio device"); }

AudioOutput* createDefaultAudioOutput(QObject* parent)
{
    if (qEnvironmentVariable("GENRESCOPE_AUDIO") == QLatin1String("none") || QMediaDevices::audioOutputs().isEmpty())
        return new NullAudioOutput(parent);
    return new SinkAudioOutput(parent);
}

} // namespace gs::ui
