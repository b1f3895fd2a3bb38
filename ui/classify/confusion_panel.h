#pragma once
// The confusion matrix of one model of one comparison run, the scores counted from the same
// pooled out-of-fold predictions, and the songs behind any cell. Follows the session: a new
// run is shown at once with the same model and cell re-selected (by name) when present.
#include "core/ml/metrics.h"
#include "core/ml/report_writer.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;
class QTreeWidget;

namespace gs::ui {

class ClassifySession;
class ConfusionMatrixView;
class PlaybackController;
class PlayerBar;
struct ComparisonRun;

// One song of the selected cell (or of every misclassified cell).
struct CellSong {
    int sample = -1;       // into the run's labelled set
    int songIndex = -1;    // into the dataset's songs (songActivated); -1 if unknown
    QString file;          // relative to the dataset folder
    QString path;          // absolute, for playback
    QString truth, predicted;
    double predictedProbability = 0;
    double trueProbability = 0;
    int fold = -1;         // 0-based test fold
};

class ConfusionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionPanel(ClassifySession* session, QWidget* parent = nullptr);

    // Automation and tests.
    bool selectRun(int runId);
    bool selectModel(const QString& model);
    void selectCell(int trueIdx, int predIdx);
    void showAllMisclassified();
    void setScale(ml::ConfusionScale scale);
    ml::ConfusionScale scale() const;
    int currentRunId() const { return runId_; }
    QString currentModel() const { return modelName_; }
    int cellSongCount() const;
    CellSong songAt(int row) const;            // in the order shown
    const ml::Metrics& shownScores() const { return scores_; } // counted from the shown matrix
    ConfusionMatrixView* matrixView() const { return view_; }
    QTableWidget* scoresTable() const { return table_; }
    QLabel* scoresLabel() const { return summary_; }
    // Written atomically. CSV: the matrix to `file`, the per-class scores beside it
    // ("<name>-per-class.csv"). false (and lastError()) on failure; no dialog (the Export…
    // menu shows one).
    bool exportCsv(const QString& file);
    bool exportJson(const QString& file);
    bool exportImage(const QString& file); // PNG, SVG or PDF by suffix
    QString lastError() const { return lastError_; }
    static QString perClassCsvPath(const QString& matrixCsv);
    // Play / pause / seek the song selected in the cell list (Space).
    PlayerBar* playerBar() const { return player_; }
    QTreeWidget* songList() const { return songs_; }
    // Plays through `playback` (shared with other pages); null = the page's own player.
    void setPlayback(PlaybackController* playback);

public slots:
    void refresh();

signals:
    void songActivated(int songIndex); // the window shows it in the Songs view
    void statusMessage(const QString& text); // playback notes ("no audio device")

private:
    enum class Listing { None, Cell, Misclassified };

    void rebuildRunChoices(int preferredRun);
    void showRun(int runId);
    void showModel(const QString& model);
    void updateScores();
    void listSongs();
    const ml::ModelReport* currentReport() const;
    void exportInteractively(const QString& kind);
    bool reportError(const QString& file, const QString& reason);

    ClassifySession* session_;
    std::shared_ptr<const ComparisonRun> run_;
    int runId_ = 0;
    QString modelName_;
    QString cellTrue_, cellPredicted_; // by genre name, to survive a retrain
    Listing listing_ = Listing::None;
    std::vector<CellSong> cellSongs_;
    ml::Metrics scores_;
    QString lastError_;

    QComboBox* runs_;
    QComboBox* models_;
    QComboBox* scales_;
    QPushButton* misclassified_;
    QToolButton* export_;
    QLabel* note_;
    ConfusionMatrixView* view_;
    QLabel* summary_;
    QTableWidget* table_;
    QLabel* cellTitle_;
    QTreeWidget* songs_;
    PlayerBar* player_;
};

} // namespace gs::ui
