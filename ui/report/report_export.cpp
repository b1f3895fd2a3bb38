#include "ui/report/report_export.h"

#include "core/common/error.h"
#include "core/ml/report_writer.h"
#include "ui/charts/eda_charts.h"
#include "ui/classify/classify_session.h"
#include "ui/panels/eda_panel.h"
#include "ui/session/dataset_session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QStringList>

#include <map>

namespace gs::ui {

// The translation context of the report's texts. A free tr() helper is invisible to lupdate
// (it filed these strings under "gs::ui" while the helper looked them up under "ReportExport",
// so the report was never translated); Q_DECLARE_TR_FUNCTIONS gives lupdate and the run time
// the same context.
struct ReportExport {
    Q_DECLARE_TR_FUNCTIONS(gs::ui::ReportExport)
};

namespace {

ml::ReportFigure figureOf(ChartWidget* chart, const QString& caption)
{
    ml::ReportFigure figure;
    figure.title = chart->title().toStdString();
    figure.caption = caption.toStdString();
    const QByteArray png = chart->toPng(900, 520, 1.0);
    if (!png.isEmpty())
        figure.dataUri = "data:image/png;base64," + png.toBase64().toStdString();
    return figure;
}

std::vector<ml::ReportFigure> edaFigures(EdaPanel* eda)
{
    if (!eda)
        return {};
    eda->refreshNow();
    std::vector<ml::ReportFigure> out;
    out.push_back(figureOf(eda->classBalance(), ReportExport::tr("Songs per genre in the open folder.")));
    out.push_back(figureOf(eda->songLength(), ReportExport::tr("Song length per genre.")));
    out.push_back(figureOf(eda->distribution(), ReportExport::tr("Distribution of the feature chosen on the Explore page.")));
    out.push_back(figureOf(eda->scatter(), ReportExport::tr("Scatter (or PCA) as shown on the Explore page.")));
    out.push_back(figureOf(eda->correlation(), ReportExport::tr("Pearson correlation between the features.")));
    std::erase_if(out, [](const ml::ReportFigure& f) { return f.dataUri.empty(); });
    return out;
}

} // namespace

QString finalModelNote(const ComparisonRun* run, const ModelOrigin& origin, const QString& modelKind, int songs)
{
    const QString cv = ReportExport::tr("Cross-validation scores come from the models of each fold, trained without the songs "
                          "they were scored on.");
    if (modelKind.isEmpty())
        return cv + QLatin1Char(' ') + ReportExport::tr("No model was refit on all songs yet.");
    if (!origin.source.isEmpty())
        return cv + QLatin1Char(' ') +
               ReportExport::tr("The model that classifies new songs (%1) was opened from %2.").arg(modelKind, origin.source);
    if (run && origin.fromRun == run->id)
        return cv + QLatin1Char(' ') +
               ReportExport::tr("The model that classifies new songs and is exported (%1) was refit on all %n songs "
                                "of this run.", nullptr, songs)
                   .arg(modelKind);
    return cv + QLatin1Char(' ') +
           ReportExport::tr("The model that classifies new songs (%1) was refit on all %n songs of run %2.", nullptr,
                            songs)
               .arg(modelKind)
               .arg(origin.fromRun);
}

void writeHtmlReport(const QString& file, const ReportSources& sources)
{
    if (!sources.run)
        throw Error(ErrorKind::InvalidArgument, file.toStdString(), "no comparison to report: train models first");
    const ComparisonRun& run = *sources.run;
    ml::HtmlReportInput input;
    input.title = ReportExport::tr("Genrescope report — %1")
                      .arg(QDir(run.data ? run.data->folder : QString()).dirName())
                      .toStdString();
    input.report = &run.report;
    input.pairs = run.pairs;
    input.learningCurves = run.curves;
    if (run.data) {
        std::map<std::string, long> perGenre;
        for (const auto& s : run.data->set.samples)
            ++perGenre[run.data->set.classes[std::size_t(s.label)]];
        for (const auto& [genre, count] : perGenre)
            input.songsPerGenre.emplace_back(genre, count);
        // Whole sentences, so that each language can order its words and plurals.
        QStringList description{ReportExport::tr("Folder %1: %n songs learnt from.", nullptr,
                                                 int(run.data->set.samples.size()))
                                    .arg(run.data->folder)};
        if (run.data->excluded > 0)
            description << ReportExport::tr("%n songs left out (not analysed, failed or without a genre).", nullptr,
                                            int(run.data->excluded));
        if (run.data->duplicateGroupsUsed > 0)
            description << ReportExport::tr("%n groups of duplicate recordings kept on one side of every fold.",
                                            nullptr, int(run.data->duplicateGroupsUsed));
        description << ReportExport::tr("Comparison finished %1 in %2 s.")
                           .arg(QLocale().toString(run.finishedAt, QLocale::ShortFormat))
                           .arg(run.seconds, 0, 'f', 1);
        input.datasetDescription = description.join(QLatin1Char(' ')).toStdString();
    }
    input.edaFigures = edaFigures(sources.eda);
    input.finalModelNote = sources.finalModelNote.toStdString();
    ml::writeReportFile(file.toStdString(), input);
}

} // namespace gs::ui
