// The Compare page end to end on the demo dataset: training through the TrainPanel, then
// every number the ComparePanel shows (metrics table, bars with error bars, dummy baseline,
// per-genre rows with macro and weighted averages, F1 heat map, significance pairs, learning
// curve) must be exactly what the run's report holds; editing a setting marks the run stale;
// charts and tables export to files that load again.
#include "core/dataset/demo.h"
#include "core/ml/report_writer.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/compare_charts.h"
#include "ui/classify/compare_page.h"
#include "ui/classify/compare_panel.h"
#include "ui/classify/compare_tables.h"
#include "ui/classify/train_panel.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace gs::ui;

namespace {

constexpr int kPerGenre = 8; // 4 genres x 8 = 32 songs: 4 folds of 8
constexpr double kSeconds = 3.0;
constexpr int kFolds = 4;

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

const gs::ml::ModelReport& modelNamed(const gs::ml::EvaluationReport& report, const std::string& name)
{
    for (const auto& m : report.models)
        if (m.name == name)
            return m;
    throw std::runtime_error("model not in report: " + name);
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

class TestUiCompare : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void metricsTableShowsTheReport();
    void barsAndBaselineShowTheReport();
    void perGenreRowsAndAverages();
    void heatMapAndLearningCurve();
    void significanceHasOneRowPerPair();
    void settingChangeMarksRunStale();
    void exportsChartsAndTables();
    void useThisModelRefitsTheSelectedModel();
    void secondRunBesideTheFirst();

private:
    QTemporaryDir dir_;
    std::unique_ptr<DatasetSession> data_;
    std::unique_ptr<ClassifySession> session_;
    std::unique_ptr<ComparePage> page_;
    std::shared_ptr<const ComparisonRun> run_;
    ComparePanel* panel() const { return page_->comparePanel(); }
};

void TestUiCompare::initTestCase()
{
    const fs::path root = gs::test::tempDir(dir_);
    gs::DemoOptions demo;
    demo.perGenre = kPerGenre;
    demo.seconds = kSeconds;
    demo.compressedCopies = false;
    gs::makeDemoDataset(root / "demo", demo);

    DatasetSession::Options options;
    options.cacheFile = root / "features.sqlite";
    data_ = std::make_unique<DatasetSession>(options);
    data_->open(qs(root / "demo"));
    data_->waitForFinished();
    const auto snapshot = data_->snapshot();
    QVERIFY(snapshot);
    QCOMPARE(int(snapshot->songs.size()), 4 * kPerGenre);

    session_ = std::make_unique<ClassifySession>();
    page_ = std::make_unique<ComparePage>(session_.get());
    page_->resize(1280, 800);
    page_->show();
    QVERIFY(!page_->trainPanel()->trainButton()->isEnabled()); // no dataset yet: disabled with a hint

    session_->setDataset(snapshot);
    auto* train = page_->trainPanel();
    train->refreshAvailability();
    train->setModels({"dummy", "knn", "svm-rbf"});
    train->foldsBox()->setValue(kFolds);
    QVERIFY(train->trainButton()->isEnabled());
    QCOMPARE(train->settings().folds, kFolds);
    QCOMPARE(train->settings().models, (std::vector<std::string>{"dummy", "knn", "svm-rbf"}));
    QVERIFY(train->settings().overrides.empty()); // defaults are not sent as overrides

    train->startTraining();
    QVERIFY(session_->waitForIdle(120000));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->shownRunId() != 0, 10000);
    run_ = session_->latestRun();
    QVERIFY(run_);
    QCOMPARE(panel()->shownRunId(), run_->id);
    QCOMPARE(int(run_->report.models.size()), 3);
    QCOMPARE(run_->report.protocol.folds, kFolds);
    QVERIFY2(train->statusText().contains(QStringLiteral("Run %1 finished").arg(run_->id)), qPrintable(train->statusText()));

    if (const QByteArray shots = qgetenv("GS_COMPARE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        const QString at = QString::fromLocal8Bit(shots);
        QDir().mkpath(at);
        const std::pair<ComparePanel::Tab, const char*> tabs[] = {{ComparePanel::ModelsTab, "compare-models"},
                                                                  {ComparePanel::PerGenreTab, "compare-per-genre"},
                                                                  {ComparePanel::SignificanceTab, "compare-significance"},
                                                                  {ComparePanel::LearningCurveTab, "compare-learning-curve"}};
        for (const auto& [tab, name] : tabs) {
            panel()->showTab(tab);
            QCoreApplication::processEvents();
            QVERIFY(page_->grab().save(at + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
        }
        panel()->showTab(ComparePanel::ModelsTab);
    }
}

void TestUiCompare::cleanupTestCase()
{
    page_.reset();
    session_.reset();
    data_.reset();
}

void TestUiCompare::metricsTableShowsTheReport()
{
    const auto& report = run_->report;
    auto* metrics = panel()->metricsModel();
    QCOMPARE(metrics->rowCount(), int(report.models.size()));
    for (int r = 0; r < metrics->rowCount(); ++r) {
        const auto& m = report.models[std::size_t(r)];
        auto cell = [&](int column, int role = Qt::UserRole) { return metrics->data(metrics->index(r, column), role); };
        QCOMPARE(cell(MetricsTableModel::Model).toString().toStdString(), m.name);
        QCOMPARE(cell(MetricsTableModel::Accuracy).toDouble(), m.accuracyMean);
        QCOMPARE(cell(MetricsTableModel::AccuracyStd).toDouble(), m.accuracyStd);
        QCOMPARE(cell(MetricsTableModel::BalancedAccuracy).toDouble(), m.balancedAccuracy);
        QCOMPARE(cell(MetricsTableModel::MacroF1).toDouble(), m.macroF1);
        QCOMPARE(cell(MetricsTableModel::LogLoss).toDouble(), m.logLoss);
        QCOMPARE(cell(MetricsTableModel::Accuracy, Qt::DisplayRole).toString(),
                 QLocale().toString(m.accuracyMean * 100.0, 'f', 1) + QStringLiteral(" %"));
        // The fold accuracies behind the mean shown (population std as numpy).
        double sum = 0;
        for (const auto& f : m.folds)
            sum += f.accuracy;
        QVERIFY(std::abs(sum / double(m.folds.size()) - m.accuracyMean) < 1e-12);
    }
    // The view sorts numerically by accuracy: the best model on top, as in the report.
    auto* view = panel()->metricsView();
    QCOMPARE(view->model()->data(view->model()->index(0, MetricsTableModel::Model)).toString().toStdString(),
             report.models.front().name);
    view->sortByColumn(MetricsTableModel::LogLoss, Qt::AscendingOrder);
    double previous = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        const double v = view->model()->data(view->model()->index(r, MetricsTableModel::LogLoss), Qt::UserRole).toDouble();
        QVERIFY(v >= previous);
        previous = v;
    }
    view->sortByColumn(MetricsTableModel::Accuracy, Qt::DescendingOrder);
}

void TestUiCompare::barsAndBaselineShowTheReport()
{
    const auto& report = run_->report;
    auto* chart = panel()->accuracyChart();
    QCOMPARE(chart->bars().size(), int(report.models.size()));
    QCOMPARE(chart->errorBars().size(), int(report.models.size()));
    for (int i = 0; i < chart->bars().size(); ++i) {
        const auto& m = report.models[std::size_t(i)];
        const auto bar = chart->bars()[i]->data()->at(0);
        QCOMPARE(chart->bars()[i]->name().toStdString(), m.name);
        QCOMPARE(bar->key, double(i));
        QCOMPARE(bar->value, m.accuracyMean * 100.0);
        const auto error = chart->errorBars()[i]->data()->at(0);
        QCOMPARE(error.errorMinus, m.accuracyStd * 100.0);
        QCOMPARE(error.errorPlus, m.accuracyStd * 100.0);
        QCOMPARE(chart->bars()[i]->brush().color().rgb(), modelColor(m.name).rgb());
    }
    const auto& dummy = modelNamed(report, "dummy");
    QVERIFY(chart->baseline());
    QCOMPARE(chart->baselinePercent(), dummy.accuracyMean * 100.0);
    QCOMPARE(chart->baseline()->point2->value(), dummy.accuracyMean * 100.0); // horizontal
    QCOMPARE(chart->baseline()->pen().style(), Qt::DashLine);
}

void TestUiCompare::perGenreRowsAndAverages()
{
    panel()->selectModel(QStringLiteral("knn"));
    QCOMPARE(panel()->selectedModel(), QStringLiteral("knn"));
    const auto& knn = modelNamed(run_->report, "knn");
    auto* table = panel()->perClassModel();
    const int genres = int(knn.perClass.size());
    QCOMPARE(genres, 4);
    QCOMPARE(table->rowCount(), genres + 2);
    auto value = [&](int row, int column) { return table->data(table->index(row, column), Qt::UserRole); };
    double macroP = 0, macroR = 0, macroF = 0, weightedP = 0, weightedR = 0, weightedF = 0;
    long support = 0;
    for (int g = 0; g < genres; ++g) {
        const auto& c = knn.perClass[std::size_t(g)];
        QCOMPARE(value(g, PerClassTableModel::Genre).toString().toStdString(), c.name);
        QCOMPARE(value(g, PerClassTableModel::Precision).toDouble(), c.precision);
        QCOMPARE(value(g, PerClassTableModel::Recall).toDouble(), c.recall);
        QCOMPARE(value(g, PerClassTableModel::F1).toDouble(), c.f1);
        QCOMPARE(value(g, PerClassTableModel::Support).toLongLong(), qlonglong(c.support));
        QCOMPARE(c.support, long(kPerGenre)); // every genre occurs: the macro mean runs over all four
        macroP += c.precision / genres, macroR += c.recall / genres, macroF += c.f1 / genres;
        weightedP += c.precision * double(c.support), weightedR += c.recall * double(c.support), weightedF += c.f1 * double(c.support);
        support += c.support;
    }
    QCOMPARE(table->data(table->index(genres, 0)).toString(), QStringLiteral("macro avg"));
    QCOMPARE(table->data(table->index(genres + 1, 0)).toString(), QStringLiteral("weighted avg"));
    auto near = [](double a, double b) { return std::abs(a - b) < 1e-12; };
    QVERIFY(near(value(genres, PerClassTableModel::Precision).toDouble(), macroP));
    QVERIFY(near(value(genres, PerClassTableModel::Recall).toDouble(), macroR));
    QVERIFY(near(value(genres, PerClassTableModel::F1).toDouble(), macroF));
    QVERIFY(near(value(genres + 1, PerClassTableModel::Precision).toDouble(), weightedP / double(support)));
    QVERIFY(near(value(genres + 1, PerClassTableModel::Recall).toDouble(), weightedR / double(support)));
    QVERIFY(near(value(genres + 1, PerClassTableModel::F1).toDouble(), weightedF / double(support)));
    QCOMPARE(value(genres + 1, PerClassTableModel::Support).toLongLong(), qlonglong(support));
    // Macro recall is the balanced accuracy the metrics table shows.
    QVERIFY(near(macroR, knn.balancedAccuracy));
}

void TestUiCompare::heatMapAndLearningCurve()
{
    const auto& report = run_->report;
    auto* map = panel()->f1Map()->colorMap();
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), int(report.classes.size()));
    QCOMPARE(map->data()->valueSize(), int(report.models.size()));
    for (std::size_t m = 0; m < report.models.size(); ++m)
        for (std::size_t g = 0; g < report.classes.size(); ++g)
            QCOMPARE(map->data()->cell(int(g), int(m)), report.models[m].perClass[g].f1);

    QCOMPARE(int(run_->curves.size()), 1);
    const auto& curve = run_->curves.front();
    QCOMPARE(curve.model, report.models.front().name); // the best model's curve
    auto* test = panel()->learningCurveChart()->accuracyGraph();
    auto* fit = panel()->learningCurveChart()->trainGraph();
    QVERIFY(test && fit);
    QCOMPARE(test->data()->size(), int(curve.points.size()));
    for (int i = 0; i < test->data()->size(); ++i) {
        const auto& pt = curve.points[std::size_t(i)];
        QCOMPARE(test->data()->at(i)->key, pt.fraction * 100.0);
        QCOMPARE(test->data()->at(i)->value, pt.accuracyMean * 100.0);
        QCOMPARE(fit->data()->at(i)->value, pt.trainAccuracyMean * 100.0);
    }
    QCOMPARE(fit->pen().style(), Qt::DashLine);
}

void TestUiCompare::significanceHasOneRowPerPair()
{
    auto* pairs = panel()->pairwiseModel();
    const int n = int(run_->report.models.size());
    QCOMPARE(pairs->rowCount(), n * (n - 1) / 2);
    std::set<std::set<std::string>> seen;
    for (int r = 0; r < pairs->rowCount(); ++r) {
        const auto& p = run_->pairs[std::size_t(r)];
        auto value = [&](int column) { return pairs->data(pairs->index(r, column), Qt::UserRole); };
        QCOMPARE(value(PairwiseTableModel::ModelA).toString().toStdString(), p.modelA);
        QCOMPARE(value(PairwiseTableModel::ModelB).toString().toStdString(), p.modelB);
        QCOMPARE(value(PairwiseTableModel::Difference).toDouble(), p.meanDifference);
        QCOMPARE(value(PairwiseTableModel::TPValue).toDouble(), p.tPValue);
        QCOMPARE(value(PairwiseTableModel::McNemarPValue).toDouble(), p.mcnemarPValue);
        // A is the better model: the difference is that of the two means shown above.
        const double d = modelNamed(run_->report, p.modelA).accuracyMean - modelNamed(run_->report, p.modelB).accuracyMean;
        QVERIFY(std::abs(d - p.meanDifference) < 1e-12);
        const bool significant = p.tPValue < PairwiseTableModel::kAlpha;
        QCOMPARE(pairs->data(pairs->index(r, PairwiseTableModel::TPValue), Qt::BackgroundRole).isValid(), significant);
        seen.insert({p.modelA, p.modelB});
    }
    QCOMPARE(int(seen.size()), n * (n - 1) / 2);
}

void TestUiCompare::settingChangeMarksRunStale()
{
    auto* selector = panel()->runSelector();
    const int at = selector->findData(run_->id);
    QVERIFY(at >= 0);
    QVERIFY(!selector->itemText(at).contains(QStringLiteral("stale")));
    QVERIFY(panel()->staleBanner()->isHidden());

    page_->trainPanel()->foldsBox()->setValue(kFolds + 1);
    QVERIFY2(selector->itemText(selector->findData(run_->id)).contains(QStringLiteral("(stale: settings changed)")),
             qPrintable(selector->itemText(selector->findData(run_->id))));
    QVERIFY(!panel()->staleBanner()->isHidden());

    page_->trainPanel()->foldsBox()->setValue(kFolds); // back to what the run used
    QVERIFY(!selector->itemText(selector->findData(run_->id)).contains(QStringLiteral("stale")));
    QVERIFY(panel()->staleBanner()->isHidden());
}

void TestUiCompare::exportsChartsAndTables()
{
    QTemporaryDir out;
    const fs::path dir = gs::test::tempDir(out);
    const QString png = qs(dir / "accuracy.png");
    QVERIFY(panel()->accuracyChart()->exportTo(png, 800, 500));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 500);

    QVERIFY(panel()->exportMetricsCsv(qs(dir / "metrics.csv")));
    const std::string metrics = readAll(dir / "metrics.csv");
    QCOMPARE(int(std::count(metrics.begin(), metrics.end(), '\n')), 1 + int(run_->report.models.size()));
    QVERIFY(metrics.rfind("model,run,accuracy", 0) == 0);
    QVERIFY(metrics.find("\n" + run_->report.models.front().name + ",") != std::string::npos);

    panel()->selectModel(QStringLiteral("svm-rbf"));
    QVERIFY(panel()->exportPerClassCsv(qs(dir / "per-class.csv")));
    QCOMPARE(readAll(dir / "per-class.csv"), gs::ml::perClassToCsv(modelNamed(run_->report, "svm-rbf")));

    QVERIFY(panel()->exportPairwiseCsv(qs(dir / "pairs.csv")));
    const std::string pairs = readAll(dir / "pairs.csv");
    QCOMPARE(int(std::count(pairs.begin(), pairs.end(), '\n')), 1 + int(run_->pairs.size()));

    // A folder that does not exist: a clear error naming the file, nothing written.
    QVERIFY(!panel()->exportMetricsCsv(qs(dir / "missing" / "metrics.csv")));
    QVERIFY2(panel()->lastError().contains(QStringLiteral("metrics.csv")), qPrintable(panel()->lastError()));
    QVERIFY(!fs::exists(dir / "missing"));
}

void TestUiCompare::useThisModelRefitsTheSelectedModel()
{
    panel()->selectModel(QStringLiteral("knn"));
    QVERIFY(panel()->useModelButton()->isEnabled());
    panel()->useSelectedModel();
    QVERIFY(session_->waitForIdle(60000));
    QTRY_VERIFY(session_->model() && session_->model()->kind == "knn");
    QCOMPARE(session_->modelOrigin().fromRun, run_->id);
    QCOMPARE(session_->model()->trainingSamples, int(run_->report.protocol.samples));
}

void TestUiCompare::secondRunBesideTheFirst()
{
    auto* train = page_->trainPanel();
    train->setModels({"knn", "svm-linear"});
    train->foldsBox()->setValue(kFolds + 1);
    train->startTraining();
    QVERIFY(session_->waitForIdle(120000));
    QTRY_VERIFY(panel()->shownRunId() != run_->id && panel()->shownRunId() != 0);
    const auto second = session_->run(panel()->shownRunId());
    QVERIFY(second);
    // Newest first in the selector; the first run is now stale (other models and folds).
    QCOMPARE(panel()->runSelector()->itemData(0).toInt(), second->id);
    QVERIFY(panel()->runSelector()->itemText(1).contains(QStringLiteral("(stale: settings changed)")));

    panel()->showRun(second->id, run_->id);
    QCOMPARE(panel()->besideRunId(), run_->id);
    auto* metrics = panel()->metricsModel();
    QCOMPARE(metrics->rowCount(), int(second->report.models.size() + run_->report.models.size()));
    for (int r = 0; r < metrics->rowCount(); ++r) {
        const bool first = r < int(second->report.models.size());
        const auto& m = first ? second->report.models[std::size_t(r)] : run_->report.models[r - second->report.models.size()];
        QCOMPARE(metrics->runOfRow(r), first ? second->id : run_->id);
        QCOMPARE(metrics->data(metrics->index(r, MetricsTableModel::Accuracy), Qt::UserRole).toDouble(), m.accuracyMean);
    }
    // The primary run's bars carry the accuracy chart's accessors; no dummy in it: no baseline.
    QCOMPARE(panel()->accuracyChart()->bars().size(), int(second->report.models.size()));
    QVERIFY(!panel()->accuracyChart()->baseline());
    // Hatched bars of the other run stand beside (all bars: 2 + 3).
    int allBars = 0;
    for (int i = 0; i < panel()->accuracyChart()->plot()->plottableCount(); ++i)
        allBars += qobject_cast<QCPBars*>(panel()->accuracyChart()->plot()->plottable(i)) != nullptr;
    QCOMPARE(allBars, int(second->report.models.size() + run_->report.models.size()));

    if (const QByteArray shots = qgetenv("GS_COMPARE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        panel()->showTab(ComparePanel::ModelsTab);
        QCoreApplication::processEvents();
        QVERIFY(page_->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/compare-beside.png")));
    }
}

QTEST_MAIN(TestUiCompare)
#include "test_ui_compare.moc"
