#include "ui/playback/player_bar.h"

#include "ui/playback/playback_controller.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace gs::ui {

namespace {

constexpr int kSliderStepsPerSecond = 100;

QString clockText(double seconds)
{
    const double s = std::max(0.0, seconds);
    const int minutes = int(s / 60);
    return QStringLiteral("%1:%2").arg(minutes).arg(s - minutes * 60, 4, 'f', 1, QLatin1Char('0'));
}

} // namespace

PlayerBar::PlayerBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    play_ = new QToolButton;
    play_->setAutoRaise(true);
    play_->setToolTip(tr("Play / pause the selected song (Space)"));
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setToolTip(tr("Position in the song; click the waveform or spectrogram to jump there"));
    time_ = new QLabel;
    time_->setMinimumWidth(time_->fontMetrics().horizontalAdvance(QStringLiteral("00:00.0 / 00:00.0")));
    layout->addWidget(play_);
    layout->addWidget(slider_, 1);
    layout->addWidget(time_);

    connect(play_, &QToolButton::clicked, this, &PlayerBar::togglePlay);
    connect(slider_, &QSlider::sliderPressed, this, [this] { sliderHeld_ = true; });
    connect(slider_, &QSlider::sliderReleased, this, [this] {
        sliderHeld_ = false;
        seekTo(double(slider_->value()) / kSliderStepsPerSecond);
    });
    connect(slider_, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove) // page steps and arrow keys seek at once
            QMetaObject::invokeMethod(this, [this] { if (!sliderHeld_) seekTo(double(slider_->sliderPosition()) / kSliderStepsPerSecond); },
                                      Qt::QueuedConnection);
    });
    setController(nullptr);
}

void PlayerBar::setController(PlaybackController* controller)
{
    if (!controller) {
        if (!own_) {
            own_ = new PlaybackController(this);
            connect(own_, &PlaybackController::statusMessage, this, &PlayerBar::ownStatusMessage);
        }
        controller = own_;
    }
    if (controller == controller_)
        return;
    if (controller_ && controller_ == own_ && controller != own_)
        own_->unload(); // the page's own player falls silent when the window's takes over
    controller_ = controller;
    connectController();
    updateState();
    updatePosition();
}

void PlayerBar::connectController()
{
    for (const auto& c : connections_)
        disconnect(c);
    connections_.clear();
    connections_ << connect(controller_, &PlaybackController::stateChanged, this, &PlayerBar::updateState)
                 << connect(controller_, &PlaybackController::fileChanged, this, [this] {
                        updateState();
                        updatePosition();
                    })
                 << connect(controller_, &PlaybackController::durationChanged, this, &PlayerBar::updatePosition)
                 << connect(controller_, &PlaybackController::positionChanged, this, &PlayerBar::updatePosition);
}

bool PlayerBar::isCurrent() const { return controller_ && !song_.isEmpty() && controller_->file() == song_; }

void PlayerBar::setSong(const QString& file)
{
    if (file == song_)
        return;
    // The page moved on: stop what it was playing (another page's song plays on).
    if (isCurrent())
        controller_->unload();
    song_ = file;
    updateState();
    updatePosition();
}

void PlayerBar::attachViews(WaveformView* waveform, SpectrogramView* spectrogram)
{
    waveform_ = waveform;
    spectrogram_ = spectrogram;
    if (waveform)
        connect(waveform, &WaveformView::seekRequested, this, &PlayerBar::seekTo);
    if (spectrogram)
        connect(spectrogram, &SpectrogramView::seekRequested, this, &PlayerBar::seekTo);
    updatePosition();
}

void PlayerBar::installSpaceShortcut(QWidget* scope)
{
    auto* shortcut = new QShortcut(QKeySequence(Qt::Key_Space), scope);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &PlayerBar::togglePlay);
}

void PlayerBar::togglePlay()
{
    if (song_.isEmpty() || !controller_)
        return;
    if (!isCurrent()) {
        controller_->load(song_);
        controller_->play();
        return;
    }
    controller_->toggle();
}

void PlayerBar::seekTo(double seconds)
{
    if (song_.isEmpty() || !controller_)
        return;
    if (!isCurrent())
        controller_->load(song_); // the seek is kept until the song is decoded
    controller_->seek(seconds);
    updatePosition();
}

void PlayerBar::updateState()
{
    const bool current = isCurrent();
    const bool playing = current && (controller_->isPlaying() || controller_->state() == PlaybackController::State::Loading);
    play_->setEnabled(!song_.isEmpty());
    slider_->setEnabled(!song_.isEmpty());
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setText(playing ? tr("Pause") : tr("Play"));
}

void PlayerBar::updatePosition()
{
    const bool current = isCurrent() && controller_->isLoaded();
    const double position = current ? controller_->position() : 0.0;
    const double duration = current ? controller_->duration() : 0.0;
    if (!sliderHeld_) {
        const QSignalBlocker block(slider_);
        slider_->setRange(0, int(std::lround(duration * kSliderStepsPerSecond)));
        slider_->setPageStep(5 * kSliderStepsPerSecond);
        slider_->setValue(int(std::lround(position * kSliderStepsPerSecond)));
    }
    time_->setText(current ? tr("%1 / %2").arg(clockText(position), clockText(duration)) : QString());
    // The cursor shows where the page's song is, also while paused; none for another song.
    const double cursor = current ? position : -1.0;
    if (waveform_) {
        waveform_->setPlayhead(cursor);
        if (current && controller_->isPlaying())
            waveform_->keepInView(cursor);
    }
    if (spectrogram_)
        spectrogram_->setPlayhead(cursor);
}

} // namespace gs::ui
