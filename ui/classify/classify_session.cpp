#include "ui/classify/classify_session.h"

#include "core/common/error.h"
#include "core/features/schema.h"
#include "core/ml/registry.h"
#include "core/ml/report_writer.h"
#include "core/ml/train.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

namespace gs::ui {

// What a training run hands back to the GUI thread in one piece.
struct ClassifySession::TrainOutcome {
    std::shared_ptr<ComparisonRun> run;           // null for a refit (useModelFromRun)
    std::shared_ptr<const ml::TrainedModel> model;
    ModelOrigin origin;
};

namespace {

using Context = BackgroundRunner::Context;

// The core's stage text ("fold 3/10 · svm-rbf (model 2/5)", epochs for network models) under
// the name of the step of the run it belongs to.
ProgressFn stageProgress(const Context& context, const QString& step)
{
    return [context, prefix = step.toStdString()](const ProgressInfo& info) {
        ProgressInfo out = info;
        out.stage = info.stage.empty() ? prefix : prefix + " · " + info.stage;
        context.progress(out);
    };
}

ml::EvaluationOptions evaluationOptions(const TrainSettings& settings)
{
    ml::EvaluationOptions o;
    o.models = settings.models;
    o.overrides = settings.overrides;
    o.folds = settings.folds;
    o.seed = settings.seed;
    o.search = settings.search;
    o.innerFolds = settings.innerFolds;
    return o;
}

ml::Hyperparameters overridesFor(const TrainSettings& settings, const std::string& model)
{
    const auto it = settings.overrides.find(model);
    return it == settings.overrides.end() ? ml::Hyperparameters{} : it->second;
}

// The same recipe the comparison cross-validated, fitted on every song.
ml::TrainOptions finalTrainOptions(const TrainSettings& settings, const std::string& model)
{
    ml::TrainOptions o;
    o.model = model;
    o.overrides = overridesFor(settings, model);
    o.search = settings.search;
    o.innerFolds = settings.innerFolds;
    o.seed = settings.seed;
    return o;
}

// The report with only `model` in it: what the model file carries as its CV accuracy.
ml::EvaluationReport reportOfModel(const ml::EvaluationReport& report, const std::string& model)
{
    ml::EvaluationReport out;
    out.classes = report.classes;
    out.protocol = report.protocol;
    for (const auto& m : report.models)
        if (m.name == model)
            out.models.push_back(m);
    return out;
}

const ml::ModelReport* findModel(const ml::EvaluationReport& report, const std::string& model)
{
    for (const auto& m : report.models)
        if (m.name == model)
            return &m;
    return nullptr;
}

QString accuracyText(const ml::ModelReport& model, int folds)
{
    return ClassifySession::tr("%1 % ± %2 (%3-fold CV)")
        .arg(model.accuracyMean * 100, 0, 'f', 1)
        .arg(model.accuracyStd * 100, 0, 'f', 1)
        .arg(folds);
}

// From the report inside a model file; empty when there is none or it cannot be read.
QString accuracyTextOf(const ml::TrainedModel& model)
{
    if (model.reportJson.empty())
        return {};
    try {
        const auto report = ml::reportFromJson(model.reportJson);
        const auto* m = findModel(report, model.kind);
        if (!m && !report.models.empty())
            m = &report.models.front();
        return m ? accuracyText(*m, report.protocol.folds) : QString();
    } catch (const Error&) {
        return {};
    }
}

// Refits `model` on every song of `data` under `settings`, with the comparison's report of it inside.
std::shared_ptr<const ml::TrainedModel> refit(const LabelledSnapshot& data, const TrainSettings& settings,
                                              const ml::EvaluationReport& report, const std::string& model,
                                              const Context& context)
{
    ml::TrainOptions options = finalTrainOptions(settings, model);
    options.progress = stageProgress(context, ClassifySession::tr("Final model"));
    options.cancel = &context.cancel();
    ml::TrainedModel trained = ml::trainModel(data.set, options);
    trained.reportJson = ml::reportToJson(reportOfModel(report, model));
    if (trained.createdAt.empty())
        trained.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    return std::make_shared<const ml::TrainedModel>(std::move(trained));
}

ModelOrigin originOfRun(const ComparisonRun& run, const std::string& model, int runId)
{
    ModelOrigin origin;
    origin.fromRun = runId;
    if (const auto* m = findModel(run.report, model))
        origin.accuracyText = accuracyText(*m, run.report.protocol.folds);
    return origin;
}

// The whole comparison on the worker thread: snapshot, CV, pairwise tests, learning curve,
// final model. Throws gs::Error (Cancelled included).
std::shared_ptr<ComparisonRun> compare(const DatasetSnapshot& dataset, const TrainSettings& settings,
                                       const Context& context)
{
    auto run = std::make_shared<ComparisonRun>();
    run->settings = settings;
    auto data = std::make_shared<LabelledSnapshot>(makeLabelledSnapshot(dataset, settings.grouping));
    if (data->set.samples.empty())
        throw Error(ErrorKind::InvalidArgument, dataset.folder.toStdString(),
                    ClassifySession::tr("no song is analysed and labelled yet: wait for the analysis to finish, or open a folder "
                       "whose sub-folders are genres")
                        .toStdString());
    run->data = data;

    ml::EvaluationOptions options = evaluationOptions(settings);
    options.progress = stageProgress(context, ClassifySession::tr("Cross-validation"));
    options.cancel = &context.cancel();
    run->report = ml::crossValidate(data->set, options);
    run->report.protocol.source = dataset.folder.toStdString();
    run->report.protocol.grouping = settings.grouping.toStdString();
    run->report.protocol.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    run->pairs = ml::compareModels(run->report);

    const ml::ModelReport& best = run->report.models.front();
    if (settings.learningCurve) {
        ml::LearningCurveOptions curve;
        curve.model = best.name;
        // With the search on, the curve uses the values the folds chose most often.
        curve.overrides = settings.search ? best.params : overridesFor(settings, best.name);
        curve.fractions = settings.curveFractions;
        curve.folds = settings.folds;
        curve.seed = settings.seed;
        curve.progress = stageProgress(context, ClassifySession::tr("Learning curve"));
        curve.cancel = &context.cancel();
        try {
            run->curves.push_back(ml::learningCurve(data->set, curve));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            // The comparison stands on its own; say why the curve is missing.
            run->warnings << ClassifySession::tr("learning curve skipped: %1").arg(errorText(e));
        }
    }
    return run;
}

QString waitingForModelText()
{
    return ClassifySession::tr("waiting for a model: train one on a folder of songs (Train & Compare) or open one with "
              "File → Open Model…");
}

} // namespace

ClassifySession::ClassifySession(QObject* parent)
    : QObject(parent),
      trainRunner_(new BackgroundRunner(this)),
      modelRunner_(new BackgroundRunner(this)),
      classifyRunner_(new BackgroundRunner(this)),
      viewRunner_(new BackgroundRunner(this))
{
    qRegisterMetaType<gs::ui::SongView>();
    connect(trainRunner_, &BackgroundRunner::progress, this, &ClassifySession::trainingProgress);
    connect(trainRunner_, &BackgroundRunner::failed, this, &ClassifySession::trainingFailed);
    connect(trainRunner_, &BackgroundRunner::finished, this, [this](bool cancelled) {
        // A Cancel that came after the result was delivered cancelled nothing; one that came
        // after the work returned but before its result reached this thread dropped it.
        emit trainingFinished((cancelled || trainCancelAsked_) && !trainDelivered_);
    });
    connect(classifyRunner_, &BackgroundRunner::progress, this, &ClassifySession::classificationProgress);
    connect(classifyRunner_, &BackgroundRunner::finished, this, &ClassifySession::onClassificationFinished);
}

ClassifySession::~ClassifySession()
{
    // Stop the workers before the members they report into go away.
    for (auto* runner : {trainRunner_, modelRunner_, classifyRunner_, viewRunner_})
        runner->cancel();
    for (auto* runner : {trainRunner_, modelRunner_, classifyRunner_, viewRunner_})
        delete runner;
}

// ---- data ---------------------------------------------------------------------------------

void ClassifySession::setDataset(std::shared_ptr<const DatasetSnapshot> dataset)
{
    dataset_ = std::move(dataset);
    datasetKey_ = dataset_ ? datasetKey(*dataset_) : QString();
    refreshStale();
}

void ClassifySession::setCurrentSettings(const TrainSettings& settings)
{
    currentSettings_ = settings;
    haveCurrentSettings_ = true;
    refreshStale();
}

void ClassifySession::refreshStale()
{
    bool changed = false;
    for (auto& run : runs_) {
        const bool staleData = run->data && run->data->dataKey != datasetKey_;
        const bool staleSettings = haveCurrentSettings_ && !(run->settings == currentSettings_);
        changed |= staleData != run->staleData || staleSettings != run->staleSettings;
        run->staleData = staleData;
        run->staleSettings = staleSettings;
    }
    if (changed)
        emit runsChanged();
}

// ---- train and compare --------------------------------------------------------------------

void ClassifySession::startTraining(BackgroundRunner::Work work)
{
    trainDelivered_ = false;
    trainCancelAsked_ = false;
    emit trainingStarted();
    trainRunner_->start(std::move(work));
}

void ClassifySession::train(const TrainSettings& settings)
{
    if (!dataset_) {
        emit trainingFailed(tr("open a folder of songs first: the models learn from its analysed songs"));
        return;
    }
    startTraining([this, dataset = dataset_, settings](Context& context) {
        QElapsedTimer timer;
        timer.start();
        auto outcome = std::make_shared<TrainOutcome>();
        outcome->run = compare(*dataset, settings, context);
        const std::string finalModel =
            settings.finalModel.isEmpty() ? outcome->run->report.models.front().name : settings.finalModel.toStdString();
        if (!findModel(outcome->run->report, finalModel))
            throw Error(ErrorKind::InvalidArgument, finalModel,
                        tr("the final model must be one of the compared models").toStdString());
        outcome->model = refit(*outcome->run->data, settings, outcome->run->report, finalModel, context);
        outcome->origin = originOfRun(*outcome->run, finalModel, 0); // id set on delivery
        outcome->run->seconds = timer.elapsed() / 1000.0;
        context.cancel().throwIfCancelled("training");
        context.postUnlessCancelled([this, outcome] { applyTrainOutcome(outcome); });
    });
}

void ClassifySession::useModelFromRun(int runId, const QString& model)
{
    const auto found = run(runId);
    if (!found) {
        emit trainingFailed(tr("there is no comparison run %1").arg(runId));
        return;
    }
    if (!findModel(found->report, model.toStdString())) {
        emit trainingFailed(tr("run %1 did not compare %2").arg(runId).arg(model));
        return;
    }
    startTraining([this, found, runId, name = model.toStdString()](Context& context) {
        auto outcome = std::make_shared<TrainOutcome>();
        outcome->model = refit(*found->data, found->settings, found->report, name, context);
        outcome->origin = originOfRun(*found, name, runId);
        context.cancel().throwIfCancelled("training");
        context.postUnlessCancelled([this, outcome] { applyTrainOutcome(outcome); });
    });
}

void ClassifySession::applyTrainOutcome(const std::shared_ptr<TrainOutcome>& outcome)
{
    trainDelivered_ = true;
    ModelOrigin origin = outcome->origin;
    if (outcome->run) {
        outcome->run->id = nextRunId_++;
        outcome->run->finishedAt = QDateTime::currentDateTime();
        origin.fromRun = outcome->run->id;
        runs_.push_back(outcome->run);
        refreshStale(); // the dataset or the panel may have moved on while it trained
        emit runsChanged();
        emit runFinished(outcome->run->id);
    }
    setModel(outcome->model, origin);
}

void ClassifySession::cancelTraining()
{
    if (!trainRunner_->isBusy())
        return;
    trainCancelAsked_ = true;
    trainRunner_->cancel();
}

bool ClassifySession::isTraining() const { return trainRunner_->isBusy(); }

std::shared_ptr<const ComparisonRun> ClassifySession::run(int id) const
{
    for (const auto& r : runs_)
        if (r->id == id)
            return r;
    return nullptr;
}

std::shared_ptr<const ComparisonRun> ClassifySession::latestRun() const
{
    return runs_.empty() ? nullptr : runs_.back();
}

void ClassifySession::removeRun(int id)
{
    const auto it = std::find_if(runs_.begin(), runs_.end(), [id](const auto& r) { return r->id == id; });
    if (it == runs_.end())
        return;
    runs_.erase(it);
    emit runsChanged();
}

// ---- the model ----------------------------------------------------------------------------

void ClassifySession::setModel(std::shared_ptr<const ml::TrainedModel> model, ModelOrigin origin)
{
    model_ = std::move(model);
    origin_ = std::move(origin);
    emit modelChanged();
    // Songs waiting for a model start now; a batch running with the old model restarts
    // with the new one for the songs it has not finished.
    classifyPending(classifyRunner_->isBusy());
}

void ClassifySession::openModel(const QString& file)
{
    modelRunner_->start([this, file](Context& context) {
        try {
            auto model = ml::loadModelFile(file.toStdString());
            if (!model.classifier)
                throw Error(ErrorKind::Format, file.toStdString(), tr("the file holds no model").toStdString());
            // Feature models only work when this program computes exactly their features.
            if (!model.classifier->needsAudio()) {
                model.schema.params.validate();
                ml::checkSchema(model, genreFeatureSchema(model.schema.params), file.toStdString());
            }
            ModelOrigin origin;
            origin.source = file;
            origin.accuracyText = accuracyTextOf(model);
            auto shared = std::make_shared<const ml::TrainedModel>(std::move(model));
            context.post([this, shared, origin] { setModel(shared, origin); });
        } catch (const std::exception& e) {
            context.post([this, file, reason = errorText(e)] { emit modelFailed(file, reason); });
        }
    });
}

bool ClassifySession::saveModel(const QString& file)
{
    if (!model_) {
        emit modelFailed(file, tr("there is no model to save yet: train one or open a model file"));
        return false;
    }
    try {
        ml::saveModelFile(file.toStdString(), *model_);
    } catch (const std::exception& e) {
        emit modelFailed(file, errorText(e));
        return false;
    }
    return true;
}

// ---- classify -----------------------------------------------------------------------------

void ClassifySession::classify(const QStringList& files)
{
    if (files.isEmpty())
        return;
    const int first = int(classified_.size());
    for (const auto& file : files) {
        ClassifiedSong song;
        song.file = file;
        classified_.push_back(std::move(song));
    }
    emit songsAppended(first, int(classified_.size()) - 1);
    classifyPending();
}

void ClassifySession::reclassifyAll()
{
    for (std::size_t i = 0; i < classified_.size(); ++i) {
        classified_[i].done = false;
        classified_[i].error.clear();
        emit songChanged(int(i));
    }
    classifyPending(true);
}

void ClassifySession::classifyPending(bool restart)
{
    if (classifyRunner_->isBusy() && !restart)
        return; // the running batch picks the rest up when it finishes
    std::vector<std::pair<int, QString>> todo;
    for (std::size_t i = 0; i < classified_.size(); ++i)
        if (!classified_[i].done)
            todo.emplace_back(int(i), classified_[i].file);
    if (todo.empty())
        return;
    const QString waiting = model_ ? QString() : waitingForModelText();
    for (const auto& [index, file] : todo)
        if (classified_[std::size_t(index)].error != waiting) {
            classified_[std::size_t(index)].error = waiting;
            emit songChanged(index);
        }
    if (!model_)
        return;

    classifyRunner_->start([this, model = model_, todo, generation = classifyGeneration_](Context& context) {
        QElapsedTimer timer;
        timer.start();
        for (std::size_t k = 0; k < todo.size(); ++k) {
            const auto& [index, file] = todo[k];
            context.cancel().throwIfCancelled(file.toStdString());
            ClassifiedSong song;
            song.file = file;
            song.done = true;
            try {
                song.result = ml::classifySong(*model, file.toStdString(), {}, &context.cancel());
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::Cancelled)
                    throw;
                song.error = tr("%1: %2").arg(QFileInfo(file).fileName(), errorText(e));
            } catch (const std::exception& e) {
                song.error = tr("%1: %2").arg(QFileInfo(file).fileName(), errorText(e));
            }
            context.post([this, index, generation, song = std::move(song)] {
                if (generation != classifyGeneration_ || index >= int(classified_.size()))
                    return;
                classified_[std::size_t(index)] = song;
                emit songChanged(index);
            });
            const double elapsed = timer.elapsed() / 1000.0;
            const std::size_t done = k + 1;
            context.progress({done, todo.size(), QFileInfo(file).fileName().toStdString(), elapsed,
                              done < todo.size() ? elapsed / double(done) * double(todo.size() - done) : 0.0});
        }
    });
}

void ClassifySession::onClassificationFinished(bool cancelled)
{
    if (cancelled) {
        for (std::size_t i = 0; i < classified_.size(); ++i)
            if (!classified_[i].done) {
                classified_[i].done = true;
                classified_[i].error = tr("%1: not classified, cancelled").arg(QFileInfo(classified_[i].file).fileName());
                emit songChanged(int(i));
            }
    }
    emit classificationFinished(cancelled);
    if (!cancelled)
        classifyPending(); // songs added while the batch ran
}

void ClassifySession::clearClassified()
{
    ++classifyGeneration_;
    classifyRunner_->cancel();
    viewRunner_->cancel();
    classified_.clear();
    emit classifiedCleared();
}

void ClassifySession::cancelClassification() { classifyRunner_->cancel(); }

bool ClassifySession::isClassifying() const { return classifyRunner_->isBusy(); }

void ClassifySession::requestSongView(int index, const MelOptions& mel)
{
    if (index < 0 || index >= int(classified_.size()))
        return;
    viewRunner_->start([this, index, mel, path = classified_[std::size_t(index)].file,
                        generation = classifyGeneration_](Context& context) {
        SongView view = computeSongView(path, mel, &context.cancel());
        context.post([this, index, generation, view = std::move(view)] {
            if (generation == classifyGeneration_)
                emit songViewReady(index, view);
        });
    });
}

bool ClassifySession::waitForIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    auto busy = [this] {
        return trainRunner_->isBusy() || modelRunner_->isBusy() || classifyRunner_->isBusy() || viewRunner_->isBusy();
    };
    // One runner's result can start another (a model arriving starts waiting songs).
    while (busy()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    QCoreApplication::processEvents();
    return !busy();
}

} // namespace gs::ui
