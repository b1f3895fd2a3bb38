#pragma once
// The main window only presents and delegates: sessions do the work (DatasetSession for the
// open folder), pages present it. Pages are registered from one table (key, title, widget);
// nothing refers to a tab by its index.
#include "ui/session/dataset_session.h"

#include <QMainWindow>

class QLabel;
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
class SongsPage;
class SpectrogramView;
class WaveformView;

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

    // Keys of the registered pages, in tab order ("songs", "eda", ...): the --tab names.
    QStringList pageKeys() const;
    QWidget* page(const QString& key) const; // null if unknown
    QString currentPage() const;
    // True while a song view (waveform + spectrogram) is being computed.
    bool isLoadingSongView() const;

public slots:
    void openFolder(const QString& folder);
    void openDemo();
    bool showPage(const QString& key); // false if unknown
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
    struct Page {
        QString key;
        QString title;    // with & for the View menu
        QWidget* widget;
    };
    void registerPages(const std::vector<Page>& pages);
    void setPageBadge(const QString& key, int count); // "Problems (3)"
    void buildMenus();
    void buildStatusBar();
    QWidget* buildWelcomePage();
    void addRecent(const QString& folder);
    void rebuildRecentMenu();
    void onOpened(const QString& folder);
    void onProgress(int done, int total, double eta);
    void onFinished(bool cancelled);
    void updateCounts();

    DatasetSession* session_;
    QStackedWidget* central_;
    QTabWidget* tabs_;
    std::vector<Page> pages_;
    SongsPage* songs_;
    EdaPanel* eda_;
    DuplicatesPanel* duplicates_;
    ProblemsPanel* problems_;
    QMenu* recentMenu_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QLabel* counts_;
    QWidget* welcomeRecent_ = nullptr;
};

} // namespace gs::ui
