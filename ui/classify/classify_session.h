#pragma once
// The controller of the "train, compare, classify" half of the app. It takes a snapshot of
// the open dataset (labelled_snapshot.h), calls only the core's ml API (crossValidate,
// compareModels, learningCurve, trainModel, model files, classifySong) on worker threads
// through BackgroundRunner, and reports through queued signals. Panels talk to it, never to
// each other. Tested without a window (tests/test_ui_classify_session.cpp).
#include "core/ml/evaluate.h"
#include "core/ml/learning_curve.h"
#include "core/ml/model_file.h"
#include "core/ml/classify_song.h"
#include "core/ml/significance.h"
#include "ui/classify/labelled_snapshot.h"
#include "ui/common/background_runner.h"
#include "ui/session/song_view.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gs::ui {

struct TrainSettings {
    std::vector<std::string> models;                          // empty = the registry's default comparison
    std::map<std::string, ml::Hyperparameters> overrides;     // per model, from the parameter editors
    int folds = 10;
    QString grouping = QStringLiteral("auto");                // appGroupingModes()
    bool search = false;                                      // nested grid search in the training folds
    int innerFolds = 3;
    std::uint64_t seed = 42;
    bool learningCurve = true;                                // for the best model, same folds
    std::vector<double> curveFractions{0.1, 0.2, 0.4, 0.6, 0.8, 1.0};
    QString finalModel;                                       // refit on all songs; empty = the best by accuracy

    bool operator==(const TrainSettings&) const = default;
};

// One finished comparison, kept until removed; several can be compared side by side.
struct ComparisonRun {
    int id = 0;                                   // 1, 2, ... in this session
    QDateTime finishedAt;
    double seconds = 0;                           // wall clock of the whole run
    TrainSettings settings;
    std::shared_ptr<const LabelledSnapshot> data; // what it was trained on; sample i -> data->songs[i]
    ml::EvaluationReport report;                  // models sorted by accuracy; OOF predictions inside
    std::vector<ml::PairwiseComparison> pairs;    // compareModels(report)
    std::vector<ml::LearningCurve> curves;        // empty when not asked for
    bool staleData = false;                       // the dataset changed since
    bool staleSettings = false;                   // the settings in the panel differ since
    QStringList warnings;                         // e.g. "learning curve skipped: ..." (run still valid)
};

// The model that classifies new songs and is exported: refit on all songs.
struct ModelOrigin {
    QString source;            // the file it came from; empty = trained in this session
    int fromRun = 0;           // the comparison run whose songs it was refit on; 0 = none
    QString accuracyText;      // "78.0 % ± 4.0 (10-fold CV)" from the report inside, or empty
};

// One song dropped on the window (or chosen with File → Classify Songs…).
struct ClassifiedSong {
    QString file;
    bool done = false;         // false while waiting or being analysed
    QString error;             // non-empty: could not be classified (reason names the file)
    ml::SongClassification result; // genres ranked; windowDetails = the per-window probabilities
};

class ClassifySession : public QObject {
    Q_OBJECT
public:
    explicit ClassifySession(QObject* parent = nullptr);
    ~ClassifySession() override; // cancels and waits

    // ---- data -------------------------------------------------------------------------
    // The dataset as it is now; runs trained on other data are marked stale.
    void setDataset(std::shared_ptr<const DatasetSnapshot> dataset);
    std::shared_ptr<const DatasetSnapshot> dataset() const { return dataset_; }
    // The settings shown in the panel; runs made with other settings are marked stale.
    void setCurrentSettings(const TrainSettings& settings);

    // ---- train and compare ------------------------------------------------------------
    // Cross-validates settings.models on the dataset (grouped as asked), computes the
    // pairwise tests and the learning curve of the best model, then refits the final model on
    // every song. runFinished() then modelChanged(). Refused (trainingFailed) without data.
    void train(const TrainSettings& settings);
    // Refits `model` of run `runId` (its hyper-parameters, its songs) on all songs as the
    // session's model.
    void useModelFromRun(int runId, const QString& model);
    void cancelTraining();
    bool isTraining() const;
    const std::vector<std::shared_ptr<ComparisonRun>>& runs() const { return runs_; }
    std::shared_ptr<const ComparisonRun> run(int id) const; // null if unknown
    std::shared_ptr<const ComparisonRun> latestRun() const;
    void removeRun(int id);

    // ---- the model --------------------------------------------------------------------
    std::shared_ptr<const ml::TrainedModel> model() const { return model_; }
    const ModelOrigin& modelOrigin() const { return origin_; }
    // Loads in the background; modelChanged() or modelFailed(file, reason).
    void openModel(const QString& file);
    // Writes the current model (atomic); false + modelFailed on error.
    bool saveModel(const QString& file);

    // ---- classify ---------------------------------------------------------------------
    // Appends the files to classified() and analyses them in the background with the
    // current model (songChanged(i) per song). Without a model they wait, marked with an
    // error saying how to get one, and are classified when a model arrives.
    void classify(const QStringList& files);
    const std::vector<ClassifiedSong>& classified() const { return classified_; }
    void clearClassified();
    // Classifies every song of classified() again with the current model (after a new one).
    void reclassifyAll();
    void cancelClassification();
    bool isClassifying() const;
    // Decodes song i of classified() for the waveform / spectrogram; songViewReady follows.
    void requestSongView(int index, const MelOptions& mel);

    // Blocks until training, classification and model loading are idle (tests, --screenshot).
    bool waitForIdle(int timeoutMs = 600000);

signals:
    void trainingStarted();
    void trainingProgress(const gs::ProgressInfo& info); // stage names model m/M, fold k/n, epoch
    void trainingFailed(const QString& reason);
    void trainingFinished(bool cancelled);
    void runFinished(int runId);
    void runsChanged();                // added, removed, or stale flags changed
    void modelChanged();
    void modelFailed(const QString& file, const QString& reason);
    void classificationProgress(const gs::ProgressInfo& info);
    void songsAppended(int first, int last);
    void classifiedCleared();          // classified() is empty again
    void songChanged(int index);
    void classificationFinished(bool cancelled);
    void songViewReady(int index, const gs::ui::SongView& view);

private:
    struct TrainOutcome;
    void refreshStale();
    // Starts a batch for the songs not done yet; restart: replaces a running batch.
    void classifyPending(bool restart = false);
    void startTraining(BackgroundRunner::Work work);
    void applyTrainOutcome(const std::shared_ptr<TrainOutcome>& outcome);
    void setModel(std::shared_ptr<const ml::TrainedModel> model, ModelOrigin origin);
    void onClassificationFinished(bool cancelled);

    std::shared_ptr<const DatasetSnapshot> dataset_;
    QString datasetKey_;
    TrainSettings currentSettings_;
    bool haveCurrentSettings_ = false;
    std::vector<std::shared_ptr<ComparisonRun>> runs_;
    int nextRunId_ = 1;
    std::shared_ptr<const ml::TrainedModel> model_;
    ModelOrigin origin_;
    std::vector<ClassifiedSong> classified_;
    BackgroundRunner* trainRunner_;
    BackgroundRunner* modelRunner_;
    BackgroundRunner* classifyRunner_;
    BackgroundRunner* viewRunner_;
    int classifyGeneration_ = 0;   // bumped by clearClassified(): older results are dropped
    bool trainDelivered_ = false;  // the current training run delivered its result
    bool trainCancelAsked_ = false; // Cancel was clicked during the current training run
};

} // namespace gs::ui
