#pragma once
// The training settings of the Compare page: which models (from the registry), their
// hyper-parameters (editors generated from each model's ParameterSpec), the cross-validation
// protocol (folds, grouping, nested search, seed, learning curve), Train / Cancel with
// progress, stage and ETA. Every change is told to the session (setCurrentSettings), which
// marks older runs made with other settings as stale. The panel never trains itself.
#include "ui/classify/classify_session.h"

#include <QWidget>

#include <map>
#include <string>

class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace gs {
struct ParameterSpec;
}

namespace gs::ui {

class TrainPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainPanel(ClassifySession* session, QWidget* parent = nullptr);

    TrainSettings settings() const;
    void setSettings(const TrainSettings& settings);
    // Checks exactly these models (unknown names are ignored).
    void setModels(const QStringList& models);
    QStringList checkedModels() const;

    // For automation and tests.
    QPushButton* trainButton() const { return train_; }
    QProgressBar* progressBar() const { return progress_; }
    QString statusText() const;
    QSpinBox* foldsBox() const { return folds_; }

public slots:
    void startTraining();
    // Re-reads whether there is a dataset with analysed songs (the main window calls it after
    // ClassifySession::setDataset; runsChanged also triggers it).
    void refreshAvailability();

private:
    struct Editor {
        std::string model;
        const ParameterSpec* spec = nullptr;
        QAbstractSpinBox* box = nullptr;
    };
    QWidget* buildModelList();
    QWidget* buildParameterPages();
    QWidget* buildProtocol();
    QWidget* buildRunControls();
    QAbstractSpinBox* makeEditor(const ParameterSpec& spec);
    double editorValue(const Editor& e) const;
    void setEditorValue(const Editor& e, double value);
    void settingsEdited();
    void showProgress(const ProgressInfo& info);
    void setTraining(bool training);
    void setStatus(const QString& text);
    QString availabilityProblem() const; // empty when training can start

    ClassifySession* session_;
    QListWidget* models_;
    QLabel* modelDescription_;
    QStackedWidget* parameterPages_;
    QLabel* parameterTitle_;
    std::vector<Editor> editors_;
    QSpinBox* folds_;
    QComboBox* grouping_;
    QCheckBox* search_;
    QSpinBox* innerFolds_;
    QSpinBox* seed_;
    QCheckBox* learningCurve_;
    QSpinBox* cnnEpochs_ = nullptr;
    QPushButton* train_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* stage_;
    QLabel* eta_;
    QLabel* status_;
    QLabel* hint_;
    QWidget* settingsArea_;
    bool training_ = false;
    bool applying_ = false; // setSettings in progress: one setCurrentSettings at the end
};

} // namespace gs::ui
