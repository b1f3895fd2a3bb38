#pragma once
// The Songs page: the sortable, filterable song table and the selected song's waveform and
// mel spectrogram. Talks to the dataset session only; the window just registers it.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace gs::ui {

class DatasetSession;
class PlaybackController;
class PlayerBar;
class SongFilterProxy;
class SongTableModel;
class SpectrogramView;
class WaveformView;
struct SongView;

class SongsPage : public QWidget {
    Q_OBJECT
public:
    explicit SongsPage(DatasetSession* session, QWidget* parent = nullptr);

    SongTableModel* songModel() const { return model_; }
    SongFilterProxy* songProxy() const { return proxy_; }
    QTableView* songTable() const { return table_; }
    WaveformView* waveform() const { return waveform_; }
    SpectrogramView* spectrogram() const { return spectrogram_; }
    // True while a song view (waveform + spectrogram) is being computed.
    bool isLoadingSongView() const { return pendingView_; }
    int shownSong() const { return shownSong_; }
    PlayerBar* playerBar() const { return player_; }
    // Plays through `playback` (shared with other pages); null = the page's own player.
    void setPlayback(PlaybackController* playback);

public slots:
    bool selectSong(const QString& fileOrRelativePath); // false if not in the table
    void selectSongIndex(int songIndex);
    void setGenreFilter(const QString& genre);
    void setTextFilter(const QString& text);

signals:
    void songSelected(int songIndex);
    void songViewShown(const QString& path);
    void filterChanged(); // the number of shown rows may have changed
    void readout(const QString& text);        // time/amplitude or time/frequency/level under the mouse
    void statusMessage(const QString& text);  // playback notes ("no audio device")

private:
    void onDatasetOpened();
    void onSelectionChanged();
    void showSongView(const SongView& view);

    DatasetSession* session_;
    SongTableModel* model_;
    SongFilterProxy* proxy_;
    QTableView* table_;
    QComboBox* genreFilter_;
    QLineEdit* textFilter_;
    WaveformView* waveform_;
    SpectrogramView* spectrogram_;
    PlayerBar* player_;
    int shownSong_ = -1;
    bool pendingView_ = false;
};

} // namespace gs::ui
