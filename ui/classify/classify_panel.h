#pragma once
// The Classify page: songs classified with the session's model (list with top genre,
// confidence and status), and for the selected one its waveform with the analysed clips
// marked, the mel spectrogram, the ranked genre probabilities and the genre over time. A
// box says what the model was trained on, or how to get one.
#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace gs::ui {

class ChartWidget;
class ClassifySession;
class GenreTimelineView;
class PlaybackController;
class PlayerBar;
class SpectrogramView;
class WaveformView;
struct SongView;

class ClassifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClassifyPanel(ClassifySession* session, QWidget* parent = nullptr);

    // Automation and tests.
    QTreeWidget* songList() const { return list_; }
    void selectSong(int index);            // index into session->classified()
    int selectedSong() const { return selected_; }
    ChartWidget* probabilitiesChart() const { return probabilities_; }
    // The bars shown, most probable first: (genre, probability 0..1).
    const std::vector<std::pair<QString, double>>& shownProbabilities() const { return shownProbabilities_; }
    GenreTimelineView* timelineView() const { return timeline_; }
    WaveformView* waveformView() const { return waveform_; }
    SpectrogramView* spectrogramView() const { return spectrogram_; }
    QLabel* modelBox() const { return modelText_; }
    bool isLoadingSongView() const { return pendingView_; }
    PlayerBar* playerBar() const { return player_; }
    // Plays through `playback` (shared with other pages); null = the page's own player.
    void setPlayback(PlaybackController* playback);
    static QString formatConfidence(double probability); // "87.5 %"
    // The file-dialog filter for songs the decoder reads.
    static QString audioFileFilter();

    enum Column { FileColumn, GenreColumn, ConfidenceColumn, StatusColumn };

public slots:
    void classifyInteractively();   // Classify Songs…
    void openModelInteractively();  // Open Model…
    void saveModelInteractively();  // Save Model…
    void clear();
    void refreshModel();

signals:
    void compareRequested();        // the "Compare page" link of the no-model text
    void statusMessage(const QString& text);
    void readout(const QString& text);  // time/amplitude or time/frequency/level under the mouse

private:
    QWidget* buildViews();
    void syncList();
    void updateRow(int index);
    void showSelected();
    void showProbabilities(int index);
    void onSongView(int index, const SongView& view);
    void updateButtons();

    ClassifySession* session_;
    int selected_ = -1;
    bool pendingView_ = false;
    std::vector<std::pair<QString, double>> shownProbabilities_;

    QPushButton* classify_;
    QPushButton* openModel_;
    QPushButton* saveModel_;
    QPushButton* clear_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* modelText_;
    QLabel* modelError_;
    QTreeWidget* list_;
    QLabel* songTitle_;
    ChartWidget* probabilities_;
    WaveformView* waveform_;
    GenreTimelineView* timeline_;
    SpectrogramView* spectrogram_;
    PlayerBar* player_;
};

} // namespace gs::ui
