#include "ui/classify/train_panel.h"

#include "core/ml/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace gs::ui {

namespace {

constexpr int kMinFolds = 2;
constexpr int kMaxFolds = 20;
const char* const kCnnEpochs = "epochs";

bool isWhole(double v) { return std::isfinite(v) && v == std::floor(v); }

// Counts (neighbours, units, epochs, folds, frames, bands, seeds) get an integer box; a
// whole-numbered range alone is not enough (gamma 0..100 and the ensemble weights are real).
bool isIntegerSpec(const ParameterSpec& spec)
{
    if (!isWhole(spec.defaultValue) || !isWhole(spec.minimum) || !isWhole(spec.maximum))
        return false;
    if (spec.minimum >= 1 || (spec.minimum == 0 && spec.maximum == 1)) // counts, and 0/1 switches
        return true;
    const QString d = QString::fromStdString(spec.description);
    for (const char* word : {"number of", "frames", "bands", "seed"})
        if (d.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    return false;
}

// Enough decimals to show the default and the smallest allowed value (1e-6 → 6).
int decimalsFor(const ParameterSpec& spec)
{
    int decimals = 2;
    for (double v : {spec.defaultValue, spec.minimum})
        for (int d = 0; d <= 6; ++d)
            if (std::abs(v * std::pow(10.0, d) - std::round(v * std::pow(10.0, d))) < 1e-9) {
                decimals = std::max(decimals, d);
                break;
            }
    return std::min(decimals, 6);
}

QString durationText(double seconds)
{
    const long s = std::lround(seconds);
    if (s < 60)
        return QObject::tr("%n s", nullptr, int(s));
    if (s < 3600)
        return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

struct GroupingText {
    QString label, tooltip;
};

GroupingText groupingText(const QString& mode)
{
    if (mode == QLatin1String("auto"))
        return {TrainPanel::tr("Duplicates and clips of one song (recommended)"),
                TrainPanel::tr("Songs whose audio is the same recording (found by their fingerprints, see Duplicates) and "
                               "clips cut from one song (\"name.00012.3.wav\") always stay on the same side of a fold, so "
                               "no model is tested on a recording it has already heard.")};
    if (mode == QLatin1String("none"))
        return {TrainPanel::tr("None: every song on its own"),
                TrainPanel::tr("Every file is independent. Scores come out too optimistic when the collection holds "
                               "duplicate recordings or several clips of one song.")};
    if (mode == QLatin1String("song"))
        return {TrainPanel::tr("Clips of one song"),
                TrainPanel::tr("Files whose names differ only by a trailing segment number (\"name.00012.3.wav\") are "
                               "kept together; duplicate recordings are not.")};
    if (mode == QLatin1String("duplicates"))
        return {TrainPanel::tr("Duplicate recordings only"),
                TrainPanel::tr("Songs found to be the same recording by their audio fingerprints are kept together; "
                               "clips are not grouped by name.")};
    return {mode, {}};
}

} // namespace

TrainPanel::TrainPanel(ClassifySession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    hint_ = new QLabel;
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #4a3b00; border: 1px solid #e0c060; "
                                        "border-radius: 3px; padding: 6px; }"));
    layout->addWidget(hint_);

    settingsArea_ = new QWidget;
    auto* settingsLayout = new QVBoxLayout(settingsArea_);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    settingsLayout->addWidget(buildModelList());
    settingsLayout->addWidget(buildParameterPages());
    settingsLayout->addWidget(buildProtocol());
    settingsLayout->addStretch(1);
    // The settings scroll on a small window; Train, progress and status always stay in view.
    auto* scroll = new QScrollArea;
    scroll->setWidget(settingsArea_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    layout->addWidget(buildRunControls());
    scroll->setMinimumWidth(settingsArea_->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 4);

    connect(session_, &ClassifySession::trainingStarted, this, [this] {
        setTraining(true);
        setStatus(tr("Training…"));
    });
    connect(session_, &ClassifySession::trainingProgress, this, &TrainPanel::showProgress);
    connect(session_, &ClassifySession::trainingFailed, this, [this](const QString& reason) {
        setTraining(false);
        setStatus(tr("Training failed: %1").arg(reason));
    });
    connect(session_, &ClassifySession::trainingFinished, this, [this](bool cancelled) {
        setTraining(false);
        if (cancelled)
            setStatus(tr("Training cancelled."));
        else
            progress_->setValue(progress_->maximum()); // done: a full bar until the next run
    });
    connect(session_, &ClassifySession::runFinished, this, [this](int runId) {
        const auto run = session_->run(runId);
        if (!run || run->report.models.empty())
            return;
        const auto& best = run->report.models.front();
        setStatus(tr("Run %1 finished in %2: best %3 with %4 % accuracy.")
                      .arg(runId)
                      .arg(durationText(run->seconds), QString::fromStdString(best.name))
                      .arg(best.accuracyMean * 100.0, 0, 'f', 1));
    });
    connect(session_, &ClassifySession::runsChanged, this, &TrainPanel::refreshAvailability);
    connect(session_, &ClassifySession::datasetChanged, this, &TrainPanel::refreshAvailability);
    models_->setCurrentRow(0);
    setTraining(session_->isTraining());
    setStatus(tr("Choose models and press Train."));
    refreshAvailability();
    session_->setCurrentSettings(settings());
}

QWidget* TrainPanel::buildModelList()
{
    auto* box = new QGroupBox(tr("Models"));
    auto* layout = new QVBoxLayout(box);
    models_ = new QListWidget;
    models_->setToolTip(tr("Checked models are cross-validated on the same folds"));
    for (const auto& info : ml::availableModels()) {
        const QString name = QString::fromStdString(info.name);
        auto* item = new QListWidgetItem(info.needsAudio ? tr("%1 — needs the songs, takes long").arg(name) : name);
        item->setData(Qt::UserRole, name);
        QString tip = QString::fromStdString(info.description);
        if (info.needsAudio)
            tip += QLatin1Char('\n') + tr("Learns from the audio itself, so it decodes every song again and trains a network per "
                                          "fold: expect minutes to hours.");
        item->setToolTip(tip);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(info.inDefaultComparison ? Qt::Checked : Qt::Unchecked);
        models_->addItem(item);
    }
    modelDescription_ = new QLabel;
    modelDescription_->setWordWrap(true);
    modelDescription_->setMinimumHeight(modelDescription_->fontMetrics().lineSpacing() * 2);
    // As tall as its rows: the list is short and fixed, it need not scroll.
    models_->setFixedHeight(models_->sizeHintForRow(0) * models_->count() + 2 * models_->frameWidth() + 4);
    layout->addWidget(models_);
    layout->addWidget(modelDescription_);
    connect(models_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        modelDescription_->setText(models_->item(row)->toolTip());
        parameterPages_->setCurrentIndex(row);
        // The stack takes the height of the shown page, not of the longest one (cnn).
        for (int i = 0; i < parameterPages_->count(); ++i)
            parameterPages_->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == row ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        parameterPages_->adjustSize();
        parameterTitle_->setText(tr("Parameters of %1").arg(models_->item(row)->data(Qt::UserRole).toString()));
    });
    connect(models_, &QListWidget::itemChanged, this, [this] {
        if (cnnEpochs_)
            cnnEpochs_->setEnabled(checkedModels().contains(QStringLiteral("cnn")));
        settingsEdited();
    });
    return box;
}

QAbstractSpinBox* TrainPanel::makeEditor(const ParameterSpec& spec)
{
    QAbstractSpinBox* editor = nullptr;
    if (isIntegerSpec(spec) && spec.maximum <= INT_MAX) {
        auto* box = new QSpinBox;
        box->setRange(int(spec.minimum), int(spec.maximum));
        box->setValue(int(spec.defaultValue));
        connect(box, &QSpinBox::valueChanged, this, &TrainPanel::settingsEdited);
        editor = box;
    } else {
        auto* box = new QDoubleSpinBox;
        box->setDecimals(isIntegerSpec(spec) ? 0 : decimalsFor(spec));
        box->setRange(spec.minimum, spec.maximum);
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        box->setValue(spec.defaultValue);
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainPanel::settingsEdited);
        editor = box;
    }
    editor->setToolTip(tr("%1\nDefault %2, range %3 – %4")
                           .arg(QString::fromStdString(spec.description))
                           .arg(spec.defaultValue, 0, 'g', 6)
                           .arg(spec.minimum, 0, 'g', 6)
                           .arg(spec.maximum, 0, 'g', 6));
    return editor;
}

QWidget* TrainPanel::buildParameterPages()
{
    auto* box = new QGroupBox;
    auto* layout = new QVBoxLayout(box);
    parameterTitle_ = new QLabel;
    QFont bold = parameterTitle_->font();
    bold.setBold(true);
    parameterTitle_->setFont(bold);
    auto* reset = new QPushButton(tr("Defaults"));
    reset->setToolTip(tr("Reset this model's parameters to their defaults"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(parameterTitle_, 1);
    titleRow->addWidget(reset);
    layout->addLayout(titleRow);
    parameterPages_ = new QStackedWidget;
    for (const auto& info : ml::availableModels()) {
        auto* page = new QWidget;
        auto* form = new QFormLayout(page);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const auto& spec : info.parameters) {
            if (info.needsAudio && spec.name == kCnnEpochs)
                continue; // its own box under Cross-validation
            auto* editor = makeEditor(spec);
            auto* label = new QLabel(QString::fromStdString(spec.name));
            label->setToolTip(editor->toolTip());
            form->addRow(label, editor);
            editors_.push_back({info.name, &spec, editor});
        }
        if (info.parameters.empty())
            form->addRow(new QLabel(tr("No parameters.")));
        parameterPages_->addWidget(page);
    }
    layout->addWidget(parameterPages_);
    connect(reset, &QPushButton::clicked, this, [this] {
        const auto& info = ml::availableModels()[std::size_t(std::max(0, parameterPages_->currentIndex()))];
        applying_ = true;
        for (const auto& e : editors_)
            if (e.model == info.name)
                setEditorValue(e, e.spec->defaultValue);
        applying_ = false;
        settingsEdited();
    });
    return box;
}

QWidget* TrainPanel::buildProtocol()
{
    auto* box = new QGroupBox(tr("Cross-validation"));
    auto* form = new QFormLayout(box);
    folds_ = new QSpinBox;
    folds_->setRange(kMinFolds, kMaxFolds);
    folds_->setValue(10);
    folds_->setToolTip(tr("Songs are split into this many folds; each model is trained on all but one and tested on the "
                          "one left out, in turn."));
    form->addRow(tr("Folds"), folds_);

    grouping_ = new QComboBox;
    for (const QString& mode : appGroupingModes()) {
        const auto text = groupingText(mode);
        grouping_->addItem(text.label, mode);
        grouping_->setItemData(grouping_->count() - 1, text.tooltip, Qt::ToolTipRole);
    }
    grouping_->setToolTip(tr("Which songs must stay together in one fold"));
    // Long labels must not widen the whole window: the combo shrinks and elides.
    grouping_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    grouping_->setMinimumContentsLength(14);
    form->addRow(tr("Keep together"), grouping_);

    search_ = new QCheckBox(tr("Tune parameters (nested search)"));
    search_->setToolTip(tr("Inside each training fold, try the model's parameter grid by an inner cross-validation and "
                           "keep the best; the outer test fold stays unseen. Slower, honest."));
    innerFolds_ = new QSpinBox;
    innerFolds_->setRange(2, 10);
    innerFolds_->setValue(3);
    innerFolds_->setToolTip(tr("Folds of the inner cross-validation that picks the parameters"));
    innerFolds_->setEnabled(false);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(search_);
    searchRow->addWidget(new QLabel(tr("inner folds")));
    searchRow->addWidget(innerFolds_);
    searchRow->addStretch(1);
    form->addRow(searchRow);

    seed_ = new QSpinBox;
    seed_->setRange(0, INT_MAX);
    seed_->setValue(42);
    seed_->setToolTip(tr("Same seed, same data: the same folds and the same numbers"));
    form->addRow(tr("Seed"), seed_);

    learningCurve_ = new QCheckBox(tr("Learning curve of the best model"));
    learningCurve_->setChecked(true);
    learningCurve_->setToolTip(tr("Trains the best model again on growing shares of each training fold: a curve still "
                                  "rising at 100 % says more songs would help."));
    form->addRow(learningCurve_);

    for (const auto& info : ml::availableModels())
        if (info.needsAudio)
            for (const auto& spec : info.parameters)
                if (spec.name == kCnnEpochs) {
                    cnnEpochs_ = qobject_cast<QSpinBox*>(makeEditor(spec));
                    editors_.push_back({info.name, &spec, cnnEpochs_});
                    form->addRow(tr("CNN epochs"), cnnEpochs_);
                    cnnEpochs_->setEnabled(false);
                }

    connect(folds_, &QSpinBox::valueChanged, this, &TrainPanel::settingsEdited);
    connect(grouping_, &QComboBox::currentIndexChanged, this, &TrainPanel::settingsEdited);
    connect(search_, &QCheckBox::toggled, innerFolds_, &QWidget::setEnabled);
    connect(search_, &QCheckBox::toggled, this, &TrainPanel::settingsEdited);
    connect(innerFolds_, &QSpinBox::valueChanged, this, &TrainPanel::settingsEdited);
    connect(seed_, &QSpinBox::valueChanged, this, &TrainPanel::settingsEdited);
    connect(learningCurve_, &QCheckBox::toggled, this, &TrainPanel::settingsEdited);
    return box;
}

QWidget* TrainPanel::buildRunControls()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    train_ = new QPushButton(tr("Train and compare"));
    train_->setDefault(true);
    train_->setToolTip(tr("Cross-validate the checked models, then refit the best on all songs"));
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setToolTip(tr("Stop training; the current run is discarded"));
    buttons->addWidget(train_, 1);
    buttons->addWidget(cancel_);
    layout->addLayout(buttons);
    progress_ = new QProgressBar;
    progress_->setTextVisible(true);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    layout->addWidget(progress_);
    stage_ = new QLabel;
    stage_->setWordWrap(true);
    eta_ = new QLabel;
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(stage_);
    layout->addWidget(eta_);
    layout->addWidget(status_);
    connect(train_, &QPushButton::clicked, this, &TrainPanel::startTraining);
    connect(cancel_, &QPushButton::clicked, session_, &ClassifySession::cancelTraining);
    return box;
}

// --- settings -------------------------------------------------------------------------

double TrainPanel::editorValue(const Editor& e) const
{
    if (auto* i = qobject_cast<QSpinBox*>(e.box))
        return i->value();
    return static_cast<QDoubleSpinBox*>(e.box)->value();
}

void TrainPanel::setEditorValue(const Editor& e, double value)
{
    if (auto* i = qobject_cast<QSpinBox*>(e.box))
        i->setValue(int(std::lround(value)));
    else
        static_cast<QDoubleSpinBox*>(e.box)->setValue(value);
}

QStringList TrainPanel::checkedModels() const
{
    QStringList names;
    for (int i = 0; i < models_->count(); ++i)
        if (models_->item(i)->checkState() == Qt::Checked)
            names << models_->item(i)->data(Qt::UserRole).toString();
    return names;
}

TrainSettings TrainPanel::settings() const
{
    TrainSettings s;
    for (const QString& name : checkedModels())
        s.models.push_back(name.toStdString());
    for (const auto& e : editors_) {
        const double value = editorValue(e);
        // Only what differs from the registry's default, so "defaults" stay defaults.
        if (std::abs(value - e.spec->defaultValue) > 1e-12 * std::max(1.0, std::abs(e.spec->defaultValue)))
            s.overrides[e.model][e.spec->name] = value;
    }
    s.folds = folds_->value();
    s.grouping = grouping_->currentData().toString();
    s.search = search_->isChecked();
    s.innerFolds = innerFolds_->value();
    s.seed = std::uint64_t(seed_->value());
    s.learningCurve = learningCurve_->isChecked();
    return s;
}

void TrainPanel::setSettings(const TrainSettings& s)
{
    applying_ = true;
    {
        QSignalBlocker block(models_);
        for (int i = 0; i < models_->count(); ++i) {
            const std::string name = models_->item(i)->data(Qt::UserRole).toString().toStdString();
            const bool on = s.models.empty() ? ml::modelInfo(name).inDefaultComparison
                                             : std::find(s.models.begin(), s.models.end(), name) != s.models.end();
            models_->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (cnnEpochs_)
        cnnEpochs_->setEnabled(checkedModels().contains(QStringLiteral("cnn")));
    for (const auto& e : editors_) {
        double value = e.spec->defaultValue;
        if (const auto model = s.overrides.find(e.model); model != s.overrides.end())
            if (const auto v = model->second.find(e.spec->name); v != model->second.end())
                value = v->second;
        setEditorValue(e, value);
    }
    folds_->setValue(s.folds);
    if (const int at = grouping_->findData(s.grouping); at >= 0)
        grouping_->setCurrentIndex(at);
    search_->setChecked(s.search);
    innerFolds_->setValue(s.innerFolds);
    seed_->setValue(int(std::min<std::uint64_t>(s.seed, INT_MAX)));
    learningCurve_->setChecked(s.learningCurve);
    applying_ = false;
    settingsEdited();
}

void TrainPanel::setModels(const QStringList& models)
{
    TrainSettings s = settings();
    s.models.clear();
    for (const QString& m : models)
        s.models.push_back(m.toStdString());
    if (s.models.empty()) { // setSettings reads empty as "the defaults"; here it means none
        applying_ = true;
        QSignalBlocker block(models_);
        for (int i = 0; i < models_->count(); ++i)
            models_->item(i)->setCheckState(Qt::Unchecked);
        applying_ = false;
        settingsEdited();
        return;
    }
    setSettings(s);
}

void TrainPanel::settingsEdited()
{
    if (applying_)
        return;
    session_->setCurrentSettings(settings());
    refreshAvailability();
}

// --- running --------------------------------------------------------------------------

QString TrainPanel::availabilityProblem() const
{
    const auto dataset = session_->dataset();
    if (!dataset)
        return tr("Open a music folder first: the models learn from its analysed songs.");
    bool analysed = false;
    for (const auto& song : dataset->songs)
        if (song.status == SongStatus::Ready && !song.record.label.empty() && !song.record.features.empty()) {
            analysed = true;
            break;
        }
    if (!analysed)
        return tr("No song is analysed yet: training starts once songs in genre folders have their features.");
    return {};
}

void TrainPanel::refreshAvailability()
{
    const QString problem = availabilityProblem();
    hint_->setText(problem);
    hint_->setVisible(!problem.isEmpty());
    settingsArea_->setEnabled(problem.isEmpty() && !training_);
    const bool anyModel = !checkedModels().isEmpty();
    train_->setEnabled(problem.isEmpty() && !training_ && anyModel);
    train_->setToolTip(anyModel ? tr("Cross-validate the checked models, then refit the best on all songs")
                                : tr("Check at least one model"));
}

void TrainPanel::startTraining()
{
    const QString problem = availabilityProblem();
    if (!problem.isEmpty())
        return setStatus(problem);
    if (checkedModels().isEmpty())
        return setStatus(tr("Check at least one model."));
    progress_->setRange(0, 0);
    stage_->setText(tr("Preparing the songs…"));
    eta_->clear();
    session_->train(settings());
}

void TrainPanel::showProgress(const ProgressInfo& info)
{
    if (info.total > 0) {
        progress_->setRange(0, int(std::min<std::size_t>(info.total, INT_MAX)));
        progress_->setValue(int(std::min(info.done, info.total)));
    } else {
        progress_->setRange(0, 0); // busy: the total is not known yet
    }
    stage_->setText(QString::fromStdString(info.stage));
    eta_->setText(info.etaSeconds >= 0 ? tr("About %1 left · %2 elapsed").arg(durationText(info.etaSeconds), durationText(info.elapsedSeconds))
                                       : tr("%1 elapsed").arg(durationText(info.elapsedSeconds)));
}

void TrainPanel::setTraining(bool training)
{
    training_ = training;
    cancel_->setEnabled(training);
    if (!training) {
        progress_->setRange(0, 1);
        progress_->setValue(0);
        stage_->clear();
        eta_->clear();
    }
    refreshAvailability();
}

void TrainPanel::setStatus(const QString& text) { status_->setText(text); }
QString TrainPanel::statusText() const { return status_->text(); }

} // namespace gs::ui
