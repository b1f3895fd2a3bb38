#pragma once
// The main window only presents and delegates: sessions do the work (DatasetSession for the
// open folder, ClassifySession for training, comparing and classifying), pages present it. Pages are registered from one table (key, title, widget);
// nothing refers to a tab by its index.
#include "ui/session/dataset_session.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace gs::ui {

class ClassifyPanel;
class ClassifySession;
class ComparePage;
class ConfusionPanel;
class DuplicatesPanel;
class EdaPanel;
class PlaybackController;
class ProblemsPanel;
class BackgroundRunner;
class SongFilterProxy;
class SongTableModel;
class SongsPage;
class SpectrogramView;
class WaveformView;
struct AppPreferences;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(DatasetSession::Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    DatasetSession* session() const { return session_; }
    SongsPage* songsPage() const { return songs_; }
    SongTableModel* songModel() const;
    SongFilterProxy* songProxy() const;
    QTableView* songTable() const;
    WaveformView* waveform() const;
    SpectrogramView* spectrogram() const;
    EdaPanel* eda() const { return eda_; }
    DuplicatesPanel* duplicates() const { return duplicates_; }
    ProblemsPanel* problems() const { return problems_; }
    ClassifySession* classifySession() const { return classify_; }
    PlaybackController* playback() const { return playback_; }
    ComparePage* comparePage() const { return compare_; }
    ConfusionPanel* confusion() const { return confusion_; }
    ClassifyPanel* classifyPanel() const { return classifyPanel_; }

    // Keys of the registered pages, in tab order ("songs", "eda", ...): the --tab names.
    QStringList pageKeys() const;
    QWidget* page(const QString& key) const; // null if unknown
    QString currentPage() const;
    // True while a song view (waveform + spectrogram) is being computed.
    bool isLoadingSongView() const;

    // Settings (QSettings): restoreSettings() reads the window geometry and state, splitter
    // positions, spectrogram settings and default folds, and from then on the window
    // remembers them (saved on close, or by saveSettings()). Windows that never restore
    // (tests, embedding) never write the user's settings either.
    void restoreSettings();
    void saveSettings() const;
    // Opens the remembered model file if "re-open on start" is on: it is first read on a
    // worker thread, and a file that no longer loads is forgotten without a word (no
    // dialog, no error on the Classify page). False if there is nothing to try.
    bool reopenLastModel();
    // Applies preferences to the open window (spectrogram views, folds) and saves them.
    void applyPreferences(const AppPreferences& preferences);
    // Actions by object name: "find", "zoomIn", "zoomOut", "fullScreen", "preferences", ...
    QAction* action(const QString& name) const;
    QLineEdit* songFilterEdit() const;

public slots:
    void openFolder(const QString& folder);
    void openDemo();
    bool showPage(const QString& key); // false if unknown
    bool selectSong(const QString& fileOrRelativePath); // false if not in the table
    void selectSongIndex(int songIndex);
    void chooseFolder();
    // File → Open Folder with Labels…: the audio folder, then the labels file (FMA tracks.csv
    // or a CSV path,genre); for FMA also the label field and subset.
    void chooseFolderWithLabels();
    void openFolderWithLabels(const QString& folder, const QString& labelsFile, const QString& field = QStringLiteral("genre_top"),
                              const QString& subset = {});
    void setGenreFilter(const QString& genre);
    void setTextFilter(const QString& text);
    // Audio files to classify with the current model (drops, File → Classify Songs…).
    void classifyFiles(const QStringList& files);
    void exportReport();                     // asks for a file
    void exportFeatures(bool kaggleLayout);  // asks for a file
    void showPreferences();
    void focusSongFilter();                  // Find: the Songs page's text filter
    void toggleFullScreen();

public:
    // The same without dialogs (automation, tests). Throw gs::Error naming the file.
    void saveReport(const QString& file);
    int saveFeatures(const QString& file, bool kaggleLayout); // songs written

signals:
    void songViewShown(const QString& path);
    void lastModelForgotten(const QString& file); // reopenLastModel() found it unusable

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    struct Page {
        QString key;
        QString title;    // with & for the View menu
        QWidget* widget;
    };
    void registerPages(const std::vector<Page>& pages);
    void setPageBadge(const QString& key, int count); // "Problems (3)"
    void buildMenus();
    void buildEditMenu();
    void nameSplitters();
    void setTabOrders();
    void rememberModel();
    void buildStatusBar();
    QWidget* buildWelcomePage();
    void addRecent(const QString& folder);
    void rebuildRecentMenu();
    void onOpened(const QString& folder);
    void onProgress(int done, int total, double eta);
    void onFinished(bool cancelled);
    void updateCounts();
    void scheduleDatasetSnapshot();

    DatasetSession* session_;
    QStackedWidget* central_;
    QTabWidget* tabs_;
    std::vector<Page> pages_;
    SongsPage* songs_;
    EdaPanel* eda_;
    DuplicatesPanel* duplicates_;
    ProblemsPanel* problems_;
    ClassifySession* classify_;
    ComparePage* compare_;
    ConfusionPanel* confusion_;
    ClassifyPanel* classifyPanel_;
    PlaybackController* playback_;  // one player for every page: one song plays at a time
    QLabel* readout_;               // what is under the mouse in a waveform or spectrogram
    QTimer* snapshotTimer_;
    QMenu* recentMenu_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QLabel* counts_;
    QWidget* welcomeRecent_ = nullptr;
    bool remember_ = false;          // restoreSettings() was called: write settings back
    BackgroundRunner* modelCheck_;   // tries the remembered model before opening it
};

} // namespace gs::ui
