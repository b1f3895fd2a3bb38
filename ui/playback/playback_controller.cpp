#include "ui/playback/playback_controller.h"

#include "core/audio/decode.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>

namespace gs::ui {

namespace {
constexpr int kCursorIntervalMs = 30; // ~33 cursor updates a second
}

PlaybackController::PlaybackController(QObject* parent) : PlaybackController(nullptr, parent) {}

PlaybackController::PlaybackController(AudioOutput* output, QObject* parent)
    : QObject(parent), output_(output), decoder_(new BackgroundRunner(this)), ticker_(new QTimer(this))
{
    qRegisterMetaType<gs::ui::PlaybackController::State>();
    if (output_)
        output_->setParent(this);
    ticker_->setInterval(kCursorIntervalMs);
    connect(ticker_, &QTimer::timeout, this, [this] { emit positionChanged(position()); });
    connect(decoder_, &BackgroundRunner::failed, this, [this](const QString& reason) {
        const QString file = file_;
        unload();
        emit statusMessage(tr("Cannot play %1: %2").arg(QFileInfo(file).fileName(), reason));
    });
}

AudioOutput* PlaybackController::output()
{
    if (!output_) {
        output_ = createDefaultAudioOutput(this);
    }
    if (!outputConnected_) {
        outputConnected_ = true;
        connect(output_, &AudioOutput::finished, this, &PlaybackController::onOutputFinished);
        connect(output_, &AudioOutput::failed, this, [this](const QString& reason) {
            pause();
            emit statusMessage(tr("Playback stopped: %1").arg(reason));
        });
    }
    return output_;
}

double PlaybackController::duration() const
{
    return samples_ ? double(samples_->size()) / kPlaybackRate : 0.0;
}

double PlaybackController::position() const
{
    const qint64 frame = state_ == State::Playing && output_ ? output_->positionFrames() : pausedFrame_;
    return double(frame) / kPlaybackRate;
}

qint64 PlaybackController::frameAt(double seconds) const
{
    const qint64 total = samples_ ? qint64(samples_->size()) : 0;
    return std::clamp<qint64>(qint64(std::llround(seconds * kPlaybackRate)), 0, total);
}

void PlaybackController::setState(State state)
{
    if (state_ == state)
        return;
    state_ = state;
    if (state == State::Playing)
        ticker_->start();
    else
        ticker_->stop();
    emit stateChanged(state);
}

void PlaybackController::load(const QString& file)
{
    if (file == file_ && state_ != State::Empty)
        return;
    unload();
    if (file.isEmpty())
        return;
    file_ = file;
    emit fileChanged(file_);
    setState(State::Loading);
    const QString path = file;
    decoder_->start([this, path](BackgroundRunner::Context& context) {
        DecodeOptions options;
        options.sampleRate = kPlaybackRate; // the core decoder resamples (swresample) and mixes to mono
        Audio audio = decodeAudio(path.toStdString(), options, &context.cancel());
        auto samples = std::make_shared<const std::vector<float>>(std::move(audio.samples));
        const QString warning = QString::fromStdString(audio.warning);
        context.post([this, path, samples, warning] { onDecoded(path, samples, warning); });
    });
}

void PlaybackController::onDecoded(const QString& file, SampleBuffer samples, const QString& warning)
{
    if (file != file_)
        return;
    samples_ = std::move(samples);
    pausedFrame_ = 0;
    setState(State::Paused);
    emit durationChanged(duration());
    if (!warning.isEmpty())
        emit statusMessage(tr("%1 plays in part: %2").arg(QFileInfo(file).fileName(), warning));
    if (pendingSeek_ >= 0)
        seek(pendingSeek_);
    pendingSeek_ = -1;
    emit positionChanged(position());
    if (playWhenLoaded_)
        play();
    playWhenLoaded_ = false;
}

void PlaybackController::unload()
{
    decoder_->cancel();
    if (output_)
        output_->stop();
    const bool had = !file_.isEmpty();
    samples_.reset();
    pausedFrame_ = 0;
    pendingSeek_ = -1;
    playWhenLoaded_ = false;
    file_.clear();
    setState(State::Empty);
    if (had) {
        emit fileChanged(file_);
        emit durationChanged(0);
        emit positionChanged(0);
    }
}

bool PlaybackController::outputAvailable()
{
    const QString reason = output()->unavailableReason();
    if (reason.isEmpty())
        return true;
    if (!toldUnavailable_) { // once per controller: the window shares one, so once per session
        toldUnavailable_ = true;
        emit statusMessage(tr("Cannot play: %1. Everything else works.").arg(reason));
    }
    return false;
}

void PlaybackController::play()
{
    if (state_ == State::Loading) {
        playWhenLoaded_ = true;
        return;
    }
    if (state_ != State::Paused || !outputAvailable())
        return;
    if (pausedFrame_ >= qint64(samples_->size()))
        pausedFrame_ = 0; // at the end: play again from the start
    output()->start(samples_, kPlaybackRate, pausedFrame_);
    setState(State::Playing);
}

void PlaybackController::pause()
{
    if (state_ == State::Loading)
        playWhenLoaded_ = false;
    if (state_ != State::Playing)
        return;
    pausedFrame_ = output_->positionFrames();
    output_->stop();
    setState(State::Paused);
    emit positionChanged(position());
}

void PlaybackController::toggle()
{
    if (state_ == State::Playing || (state_ == State::Loading && playWhenLoaded_))
        pause();
    else
        play();
}

void PlaybackController::seek(double seconds)
{
    if (state_ == State::Loading) {
        pendingSeek_ = std::max(0.0, seconds);
        return;
    }
    if (!isLoaded())
        return;
    pausedFrame_ = frameAt(seconds);
    if (state_ == State::Playing)
        output_->start(samples_, kPlaybackRate, pausedFrame_); // restart from there
    emit positionChanged(position());
}

void PlaybackController::onOutputFinished()
{
    if (state_ != State::Playing)
        return;
    pausedFrame_ = samples_ ? qint64(samples_->size()) : 0;
    setState(State::Paused);
    emit positionChanged(position());
}

bool PlaybackController::waitForLoaded(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (state_ == State::Loading && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return isLoaded();
}

} // namespace gs::ui
