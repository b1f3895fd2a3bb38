#pragma once
// What the model box of the Classify page says about the current model: what it was
// trained on and how well it did in cross-validation, or how to get one. Pure functions of
// the model and its origin, so they are tested without a window.
#include "core/ml/model_file.h"

#include <QCoreApplication>
#include <QString>

namespace gs::ui {

struct ModelOrigin;

struct ModelInfo {
    Q_DECLARE_TR_FUNCTIONS(gs::ui::ModelInfo)
public:
    QString kind;          // "svm-rbf"
    QString params;        // "C=10, gamma=0.01", or "defaults"
    QString genres;        // "Blues, Classical, …" in class order
    int genreCount = 0;
    int songs = 0;         // training samples
    QString schemaName;    // "gtzan-57 v1"
    QString schemaFingerprint;
    QString accuracy;      // "78.0 % ± 4.0 (10-fold CV)", or a sentence saying there is none
    QString created;       // local date and time, or "unknown"
    QString source;        // the file, or "trained in this session"
};

ModelInfo describeModel(const ml::TrainedModel& model, const ModelOrigin& origin);
// "78.0 % ± 4.0 (10-fold CV)" for `kind` in the cross-validation report stored in the
// model file; empty when there is none or it cannot be read.
QString accuracyFromReport(const std::string& reportJson, const std::string& kind);
QString modelInfoHtml(const ModelInfo& info);
// What to do when there is no model yet (links: "compare" and "open").
QString noModelHtml();

} // namespace gs::ui
