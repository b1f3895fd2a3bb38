#pragma once
// The transport row of a page: play/pause, a position slider and "0:12.3 / 0:30.0". It plays
// the page's song (setSong) through a PlaybackController that may be shared with other pages:
// Play loads the page's song when another one is loaded. It also puts the playing position
// as a cursor on the page's waveform and spectrogram, seeks where they are clicked, and gives
// the page Space for play/pause.
#include <QPointer>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace gs::ui {

class PlaybackController;
class SpectrogramView;
class WaveformView;

class PlayerBar : public QWidget {
    Q_OBJECT
public:
    // Starts with a controller of its own (see setController).
    explicit PlayerBar(QWidget* parent = nullptr);

    // Replaces the controller (not owned unless it is the bar's own); null = the own one.
    void setController(PlaybackController* controller);
    PlaybackController* controller() const { return controller_; }
    // The song Play plays ("" = none: the buttons are disabled).
    void setSong(const QString& file);
    QString song() const { return song_; }
    // True when the controller holds this bar's song.
    bool isCurrent() const;
    // Cursor and click-to-seek on these views (either may be null).
    void attachViews(WaveformView* waveform, SpectrogramView* spectrogram);
    // Space plays / pauses while the focus is anywhere inside `scope` (text fields keep it).
    void installSpaceShortcut(QWidget* scope);
    QToolButton* playButton() const { return play_; }

public slots:
    void togglePlay();
    void seekTo(double seconds);

signals:
    // The bar's own controller's messages ("no audio device"). A shared controller's are
    // shown once by whoever made it, so they are not repeated here.
    void ownStatusMessage(const QString& text);

private:
    void connectController();
    void updateState();
    void updatePosition();

    PlaybackController* own_ = nullptr;
    QPointer<PlaybackController> controller_;
    QList<QMetaObject::Connection> connections_;
    QString song_;
    QToolButton* play_;
    QSlider* slider_;
    QLabel* time_;
    QPointer<WaveformView> waveform_;
    QPointer<SpectrogramView> spectrogram_;
    bool sliderHeld_ = false;
};

} // namespace gs::ui
