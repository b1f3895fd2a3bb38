#pragma once
// The main window only wires: the session does the work, models and views present it.
#include "ui/session/dataset_session.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace gs::ui {

class DuplicatesPanel;
class EdaPanel;
class ProblemsPanel;
class SongFilterProxy;
class SongTableModel;
class SpectrogramView;
class WaveformView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Tab { Songs, Eda, Duplicates, Problems };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(DatasetSession::Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    DatasetSession* session() const { return session_; }
    SongTableModel* songModel() const { return model_; }
    SongFilterProxy* songProxy() const { return proxy_; }
    QTableView* songTable() const { return table_; }
    WaveformView* waveform() const { return waveform_; }
    SpectrogramView* spectrogram() const { return spectrogram_; }
    EdaPanel* eda() const { return eda_; }
    DuplicatesPanel* duplicates() const { return duplicates_; }
    ProblemsPanel* problems() const { return problems_; }

    static bool tabFromName(const QString& name, Tab* tab);
    // True while a song view (waveform + spectrogram) is being computed.
    bool isLoadingSongView() const { return pendingView_; }

public slots:
    void openFolder(const QString& folder);
    void openDemo();
    void showTab(gs::ui::MainWindow::Tab tab);
    bool selectSong(const QString& fileOrRelativePath); // false if not in the table
    void selectSongIndex(int songIndex);
    void chooseFolder();
    void setGenreFilter(const QString& genre);
    void setTextFilter(const QString& text);

signals:
    void songViewShown(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildSongsPage(QWidget* page);
    void buildStatusBar();
    QWidget* buildWelcomePage();
    void addRecent(const QString& folder);
    void rebuildRecentMenu();
    void onSelectionChanged();
    void onProgress(int done, int total, double eta);
    void onFinished(bool cancelled);
    void updateCounts();

    DatasetSession* session_;
    SongTableModel* model_;
    SongFilterProxy* proxy_;
    QStackedWidget* central_;
    QTabWidget* tabs_;
    QTableView* table_;
    QComboBox* genreFilter_;
    QLineEdit* textFilter_;
    WaveformView* waveform_;
    SpectrogramView* spectrogram_;
    EdaPanel* eda_;
    DuplicatesPanel* duplicates_;
    ProblemsPanel* problems_;
    QMenu* recentMenu_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QLabel* counts_;
    QWidget* welcomeRecent_ = nullptr;
    int shownSong_ = -1;
    bool pendingView_ = false;
};

} // namespace gs::ui
