#include "ui/classify/model_info.h"

#include "core/common/error.h"
#include "core/ml/report_writer.h"
#include "ui/classify/classify_session.h"

#include <QDateTime>
#include <QLocale>

namespace gs::ui {

QString accuracyFromReport(const std::string& reportJson, const std::string& kind)
{
    if (reportJson.empty())
        return {};
    try {
        const auto report = ml::reportFromJson(reportJson);
        for (const auto& m : report.models)
            if (m.name == kind)
                return ModelInfo::tr("%1 % ± %2 (%3-fold CV)")
                    .arg(m.accuracyMean * 100, 0, 'f', 1)
                    .arg(m.accuracyStd * 100, 0, 'f', 1)
                    .arg(report.protocol.folds);
    } catch (const Error&) {
        // A damaged report inside an otherwise valid model: the model still classifies.
    }
    return {};
}

ModelInfo describeModel(const ml::TrainedModel& model, const ModelOrigin& origin)
{
    ModelInfo info;
    info.kind = QString::fromStdString(model.kind);
    QStringList params;
    for (const auto& [name, value] : model.params)
        params << QStringLiteral("%1=%2").arg(QString::fromStdString(name)).arg(value, 0, 'g', 6);
    info.params = params.isEmpty() ? ModelInfo::tr("defaults") : params.join(QStringLiteral(", "));
    QStringList genres;
    for (const auto& c : model.classes)
        genres << QString::fromStdString(c);
    info.genres = genres.join(QStringLiteral(", "));
    info.genreCount = int(genres.size());
    info.songs = model.trainingSamples;
    info.schemaName = QStringLiteral("%1 v%2").arg(QString::fromStdString(model.schema.name)).arg(model.schema.version);
    info.schemaFingerprint = QString::fromStdString(model.schema.fingerprint());
    info.accuracy = origin.accuracyText.isEmpty() ? accuracyFromReport(model.reportJson, model.kind) : origin.accuracyText;
    if (info.accuracy.isEmpty())
        info.accuracy = ModelInfo::tr("not cross-validated (no report in the model)");
    const QDateTime created = QDateTime::fromString(QString::fromStdString(model.createdAt), Qt::ISODate);
    info.created = created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat) : ModelInfo::tr("unknown");
    info.source = origin.source.isEmpty() ? ModelInfo::tr("trained in this session") : origin.source;
    return info;
}

QString modelInfoHtml(const ModelInfo& info)
{
    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td style='color:#555; padding-right:8px'>%1</td><td>%2</td></tr>")
            .arg(name, value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<b>%1</b> · %2<table cellspacing='0'>").arg(info.kind.toHtmlEscaped(), info.params.toHtmlEscaped());
    html += row(ModelInfo::tr("Genres"), QStringLiteral("%1 (%2)").arg(info.genreCount).arg(info.genres));
    html += row(ModelInfo::tr("Trained on"), ModelInfo::tr("%n songs", nullptr, int(info.songs)));
    html += row(ModelInfo::tr("Features"), info.schemaFingerprint); // starts with the schema name and version
    html += row(ModelInfo::tr("Accuracy"), info.accuracy);
    html += row(ModelInfo::tr("Created"), info.created);
    html += row(ModelInfo::tr("From"), info.source);
    return html + QStringLiteral("</table>");
}

QString noModelHtml()
{
    return ModelInfo::tr("<b>No model yet.</b> To classify songs you need one:<ul style='margin-left:-20px'>"
              "<li>train and compare models on the <a href='compare'>Compare</a> page — the best one is refit on "
              "all songs and used here;</li>"
              "<li>or open a saved model (.gsm) with <a href='open'>File → Open Model…</a>.</li></ul>"
              "Songs added before then wait and are classified as soon as a model is there.");
}

} // namespace gs::ui
