#include "core/ml/report_writer.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/ml/class_weights.h"
#include "core/ml/registry.h"
#include "core/ml/report_svg.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace gs::ml {

// ---- JSON ------------------------------------------------------------------------------

namespace {

using Json = nlohmann::ordered_json;

Json paramsJson(const Hyperparameters& p)
{
    Json j = Json::object();
    for (const auto& [k, v] : p)
        j[k] = v;
    return j;
}

Hyperparameters paramsFrom(const Json& j)
{
    Hyperparameters p;
    for (auto it = j.begin(); it != j.end(); ++it)
        p[it.key()] = it.value().get<double>();
    return p;
}

// "grid search" or "global search (40 evaluations, accuracy)".
std::string searchDescription(const EvaluationProtocol& p)
{
    if (p.searchMethod != "global")
        return "grid search";
    return "global search (" + std::to_string(p.searchBudget) + " evaluations, " + p.searchObjective + ")";
}

Json predictionsJson(const std::vector<OutOfFoldPrediction>& predictions)
{
    Json out = Json::array();
    for (const auto& p : predictions) {
        out.push_back({{"sample", p.sample}, {"fold", p.fold}, {"truth", p.truth}, {"predicted", p.predicted},
                       {"probabilities", p.probabilities}});
        if (!p.song.empty()) // which song: lets another tool (scripts/peer) use the same folds
            out.back()["song"] = p.song;
        if (!p.genres.empty())
            out.back()["genres"] = p.genres;
    }
    return out;
}

std::vector<OutOfFoldPrediction> predictionsFrom(const Json& j)
{
    std::vector<OutOfFoldPrediction> out;
    out.reserve(j.size());
    for (const auto& jp : j) {
        OutOfFoldPrediction p;
        p.sample = jp.at("sample").get<int>();
        p.fold = jp.at("fold").get<int>();
        p.truth = jp.at("truth").get<int>();
        p.predicted = jp.at("predicted").get<int>();
        p.probabilities = jp.at("probabilities").get<std::vector<double>>();
        p.song = jp.value("song", std::string());
        p.genres = jp.value("genres", std::vector<int>());
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

std::string reportToJson(const EvaluationReport& report, int indent)
{
    Json root;
    root["classes"] = report.classes;
    Json models = Json::array();
    for (const auto& m : report.models) {
        Json jm;
        jm["name"] = m.name;
        jm["accuracy_mean"] = m.accuracyMean;
        jm["accuracy_std"] = m.accuracyStd;
        jm["balanced_accuracy"] = m.balancedAccuracy;
        jm["macro_f1"] = m.macroF1;
        jm["log_loss"] = m.logLoss;
        Json perClass = Json::array();
        for (const auto& c : m.perClass)
            perClass.push_back({{"genre", c.name}, {"precision", c.precision}, {"recall", c.recall}, {"f1", c.f1},
                                {"support", c.support}});
        jm["per_class"] = perClass;
        jm["confusion"] = m.confusion;
        jm["confusion_normalized"] = m.confusionNormalized;
        jm["params"] = paramsJson(m.params);
        jm["fit_seconds"] = m.fitSeconds;
        jm["fit_cpu_seconds"] = m.fitCpuSeconds;
        jm["predict_seconds"] = m.predictSeconds;
        jm["search_seconds"] = m.searchSeconds;
        Json folds = Json::array();
        for (std::size_t f = 0; f < m.folds.size(); ++f) {
            const auto& fr = m.folds[f];
            folds.push_back({{"fold", f + 1}, {"accuracy", fr.accuracy}, {"params", paramsJson(fr.params)},
                             {"search_score", fr.searchScore}, {"fit_seconds", fr.fitSeconds},
                             {"fit_cpu_seconds", fr.fitCpuSeconds},
                             {"predict_seconds", fr.predictSeconds}, {"search_seconds", fr.searchSeconds},
                             {"train_size", fr.trainSize}, {"test_size", fr.testSize}});
        }
        jm["folds"] = folds;
        jm["predictions"] = predictionsJson(m.predictions);
        if (const auto any = outOfFoldAnyGenre(m, report.classes); any.multiGenreSongs > 0) {
            Json perGenre = Json::array();
            for (const auto& c : any.metrics.perClass)
                perGenre.push_back({{"genre", c.name}, {"precision", c.precision}, {"recall", c.recall},
                                    {"f1", c.f1}, {"support", c.support}});
            jm["any_genre"] = {{"multi_genre_songs", any.multiGenreSongs}, {"top1", any.top1}, {"top3", any.top3},
                               {"balanced_accuracy", any.metrics.balancedAccuracy},
                               {"macro_f1", any.metrics.macroF1}, {"per_genre", perGenre}};
        }
        models.push_back(jm);
    }
    root["models"] = models;
    const auto& p = report.protocol;
    root["protocol"] = {{"method", p.method}, {"folds", p.folds}, {"seed", p.seed}, {"search", p.search},
                        {"inner_folds", p.innerFolds}, {"grouped", p.grouped}, {"samples", p.samples},
                        {"features", p.features}, {"schema", p.schema}, {"source", p.source},
                        {"grouping", p.grouping}, {"created_with", p.createdWith}};
    if (p.search) {
        root["protocol"]["search_method"] = p.searchMethod;
        if (p.searchMethod == "global")
            root["protocol"].update({{"search_budget", p.searchBudget}, {"search_objective", p.searchObjective}});
    }
    return root.dump(indent);
}

EvaluationReport reportFromJson(const std::string& text)
{
    try {
        const Json root = Json::parse(text);
        EvaluationReport r;
        r.classes = root.at("classes").get<std::vector<std::string>>();
        for (const auto& jm : root.at("models")) {
            ModelReport m;
            m.name = jm.at("name").get<std::string>();
            m.accuracyMean = jm.at("accuracy_mean").get<double>();
            m.accuracyStd = jm.at("accuracy_std").get<double>();
            m.balancedAccuracy = jm.at("balanced_accuracy").get<double>();
            m.macroF1 = jm.at("macro_f1").get<double>();
            m.logLoss = jm.value("log_loss", 0.0);
            for (const auto& c : jm.at("per_class"))
                m.perClass.push_back({c.at("genre").get<std::string>(), c.at("precision").get<double>(),
                                      c.at("recall").get<double>(), c.at("f1").get<double>(),
                                      c.at("support").get<long>()});
            m.confusion = jm.at("confusion").get<Confusion>();
            m.confusionNormalized = jm.at("confusion_normalized").get<std::vector<std::vector<double>>>();
            m.params = paramsFrom(jm.at("params"));
            m.fitSeconds = jm.at("fit_seconds").get<double>();
            m.fitCpuSeconds = jm.value("fit_cpu_seconds", 0.0);
            m.predictSeconds = jm.at("predict_seconds").get<double>();
            m.searchSeconds = jm.value("search_seconds", 0.0);
            for (const auto& jf : jm.at("folds")) {
                FoldResult f;
                f.accuracy = jf.at("accuracy").get<double>();
                f.params = paramsFrom(jf.at("params"));
                f.searchScore = jf.value("search_score", -1.0);
                f.fitSeconds = jf.value("fit_seconds", 0.0);
                f.fitCpuSeconds = jf.value("fit_cpu_seconds", 0.0);
                f.predictSeconds = jf.value("predict_seconds", 0.0);
                f.searchSeconds = jf.value("search_seconds", 0.0);
                f.trainSize = jf.value("train_size", 0);
                f.testSize = jf.value("test_size", 0);
                m.folds.push_back(f);
            }
            if (jm.contains("predictions")) // absent in reports written before they were kept
                m.predictions = predictionsFrom(jm.at("predictions"));
            r.models.push_back(std::move(m));
        }
        const auto& p = root.at("protocol");
        r.protocol.method = p.value("method", std::string());
        r.protocol.folds = p.at("folds").get<int>();
        r.protocol.seed = p.at("seed").get<std::uint64_t>();
        r.protocol.search = p.at("search").get<bool>();
        r.protocol.innerFolds = p.value("inner_folds", 3);
        r.protocol.searchMethod = p.value("search_method", std::string("grid"));
        r.protocol.searchBudget = p.value("search_budget", 0);
        r.protocol.searchObjective = p.value("search_objective", std::string());
        r.protocol.grouped = p.value("grouped", false);
        r.protocol.samples = p.value("samples", std::size_t(0));
        r.protocol.features = p.value("features", std::size_t(0));
        r.protocol.schema = p.value("schema", std::string());
        r.protocol.source = p.value("source", std::string());
        r.protocol.grouping = p.value("grouping", std::string());
        r.protocol.createdWith = p.value("created_with", std::string());
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Format, "evaluation report", std::string("not a valid report: ") + e.what());
    }
}

std::vector<long> reportClassCounts(const EvaluationReport& report)
{
    std::vector<long> counts;
    if (!report.models.empty())
        for (const auto& c : report.models.front().perClass)
            counts.push_back(c.support);
    return counts;
}

bool reportIsImbalanced(const EvaluationReport& report)
{
    return isImbalanced(reportClassCounts(report));
}

std::vector<std::size_t> tableOrder(const EvaluationReport& report)
{
    std::vector<std::size_t> order(report.models.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    if (reportIsImbalanced(report))
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return report.models[a].balancedAccuracy > report.models[b].balancedAccuracy;
        });
    return order;
}

double outOfFoldTopK(const ModelReport& model, int k)
{
    std::vector<std::vector<double>> probabilities;
    std::vector<int> labels;
    for (const auto& p : model.predictions) {
        probabilities.push_back(p.probabilities);
        labels.push_back(p.truth);
    }
    return topKAccuracy(probabilities, labels, k);
}

AnyGenreScores outOfFoldAnyGenre(const ModelReport& model, const std::vector<std::string>& classes)
{
    std::vector<std::vector<double>> probabilities;
    std::vector<int> labels, predicted;
    std::vector<std::vector<int>> genres;
    AnyGenreScores scores;
    for (const auto& p : model.predictions) {
        probabilities.push_back(p.probabilities);
        labels.push_back(p.truth);
        predicted.push_back(p.predicted);
        genres.push_back(p.genres);
        scores.multiGenreSongs += p.genres.empty() ? 0 : 1;
    }
    if (scores.multiGenreSongs == 0)
        return scores;
    scores.top1 = anyGenreTopKAccuracy(probabilities, labels, genres, 1);
    scores.top3 = anyGenreTopKAccuracy(probabilities, labels, genres, 3);
    scores.metrics = computeMetrics(anyGenreConfusion(predicted, labels, genres, classes.size()), classes);
    return scores;
}

namespace {

// "largest genre 200 songs, smallest 20 (10.0x)": why a table leads with balanced scores.
std::string imbalanceNote(const EvaluationReport& report)
{
    long largest = 0, smallest = 0;
    for (long c : reportClassCounts(report))
        if (c > 0) {
            largest = std::max(largest, c);
            smallest = smallest ? std::min(smallest, c) : c;
        }
    char text[256];
    std::snprintf(text, sizeof text,
                  "the genres are imbalanced (largest %ld songs, smallest %ld: %.1fx >= %.1fx): balanced accuracy "
                  "(mean recall per genre) and macro-F1 come first and order the models, because plain accuracy "
                  "mostly rewards the large genres",
                  largest, smallest, smallest ? double(largest) / double(smallest) : 1.0, kImbalanceRatio);
    return text;
}

} // namespace

// For reports with multi-genre songs: one line per model, scored by any listed genre.
std::string anyGenreLines(const EvaluationReport& report)
{
    std::ostringstream s;
    for (std::size_t index : tableOrder(report)) {
        const auto& m = report.models[index];
        const auto any = outOfFoldAnyGenre(m, report.classes);
        if (any.multiGenreSongs == 0)
            continue;
        char line[256];
        std::snprintf(line, sizeof line, "  %-15s top-1 %.2f%%, top-3 %.2f%%, balanced %.2f%%, macro-F1 %.2f%%\n",
                      m.name.c_str(), 100 * any.top1, 100 * any.top3, 100 * any.metrics.balancedAccuracy,
                      100 * any.metrics.macroF1);
        if (s.tellp() == 0)
            s << "By any listed genre (" << any.multiGenreSongs
              << " songs have several genres; a prediction of any of them counts as right):\n";
        s << line;
    }
    return s.str();
}

std::string formatComparisonTable(const EvaluationReport& report)
{
    std::ostringstream s;
    char line[512];
    const bool imbalanced = reportIsImbalanced(report);
    if (imbalanced)
        std::snprintf(line, sizeof line, "%-17s %9s %9s %16s %8s %9s %9s %10s  %s\n", "model", "balanced", "macro-F1",
                      "accuracy", "log-loss", "fit s", "fit cpu s", "predict ms", "params");
    else
        std::snprintf(line, sizeof line, "%-17s %16s %9s %9s %8s %9s %9s %10s  %s\n", "model", "accuracy", "balanced",
                      "macro-F1", "log-loss", "fit s", "fit cpu s", "predict ms", "params");
    s << line;
    for (std::size_t index : tableOrder(report)) {
        const auto& m = report.models[index];
        char acc[64];
        std::snprintf(acc, sizeof acc, "%.2f%% ± %.2f", 100 * m.accuracyMean, 100 * m.accuracyStd);
        if (imbalanced)
            std::snprintf(line, sizeof line, "%-17s %8.2f%% %8.2f%% %17s %8.3f %9.3f %9.3f %10.2f  %s\n", m.name.c_str(),
                          100 * m.balancedAccuracy, 100 * m.macroF1, acc, m.logLoss, m.fitSeconds, m.fitCpuSeconds,
                          1000 * m.predictSeconds, formatHyperparameters(m.params).c_str());
        else
            std::snprintf(line, sizeof line, "%-17s %17s %8.2f%% %8.2f%% %8.3f %9.3f %9.3f %10.2f  %s\n", m.name.c_str(),
                          acc, 100 * m.balancedAccuracy, 100 * m.macroF1, m.logLoss, m.fitSeconds, m.fitCpuSeconds,
                          1000 * m.predictSeconds, formatHyperparameters(m.params).c_str());
        s << line;
    }
    if (imbalanced)
        s << "Note: " << imbalanceNote(report) << ".\n";
    s << anyGenreLines(report);
    const auto& p = report.protocol;
    s << p.samples << " samples, " << p.features << " features, " << report.classes.size() << " genres; " << p.method
      << ", " << p.folds << " folds, seed " << p.seed
      << (p.search ? ", nested " + searchDescription(p) + " (" + std::to_string(p.innerFolds) + " inner folds)"
                   : ", no search")
      << (p.grouped ? ", grouped" : "") << "; times are means per fold\n";
    return s.str();
}

// ---- confusion matrix and per-class exports ---------------------------------------------

std::vector<std::vector<double>> scaleConfusion(const Confusion& confusion, ConfusionScale scale)
{
    const std::size_t n = confusion.size();
    std::vector<double> rowSum(n, 0), columnSum(n, 0);
    double total = 0;
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < confusion[r].size(); ++c) {
            rowSum[r] += double(confusion[r][c]);
            if (c < n)
                columnSum[c] += double(confusion[r][c]);
            total += double(confusion[r][c]);
        }
    // An empty row / column / matrix divides to 0, never NaN.
    auto share = [](double v, double sum) { return sum > 0 ? v / sum : 0.0; };
    std::vector<std::vector<double>> out(n);
    for (std::size_t r = 0; r < n; ++r) {
        out[r].resize(confusion[r].size());
        for (std::size_t c = 0; c < confusion[r].size(); ++c) {
            const double v = double(confusion[r][c]);
            switch (scale) {
            case ConfusionScale::Counts: out[r][c] = v; break;
            case ConfusionScale::ByTrue: out[r][c] = share(v, rowSum[r]); break;
            case ConfusionScale::ByPredicted: out[r][c] = share(v, c < n ? columnSum[c] : 0.0); break;
            case ConfusionScale::OverAll: out[r][c] = share(v, total); break;
            }
        }
    }
    return out;
}

AveragedScores macroAverage(const std::vector<ClassScores>& perClass)
{
    // As sklearn's "macro avg", but over the classes that occur (support > 0), matching
    // computeMetrics' macro-F1: a genre absent from the data has no recall to average.
    AveragedScores a;
    int counted = 0;
    for (const auto& c : perClass) {
        a.support += c.support;
        if (c.support <= 0)
            continue;
        a.precision += c.precision;
        a.recall += c.recall;
        a.f1 += c.f1;
        ++counted;
    }
    if (counted > 0) {
        a.precision /= counted;
        a.recall /= counted;
        a.f1 /= counted;
    }
    return a;
}

AveragedScores weightedAverage(const std::vector<ClassScores>& perClass)
{
    // sklearn's "weighted avg": each class weighted by its support.
    AveragedScores a;
    for (const auto& c : perClass) {
        a.precision += c.precision * double(c.support);
        a.recall += c.recall * double(c.support);
        a.f1 += c.f1 * double(c.support);
        a.support += c.support;
    }
    if (a.support > 0) {
        a.precision /= double(a.support);
        a.recall /= double(a.support);
        a.f1 /= double(a.support);
    }
    return a;
}

namespace {

// RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled.
std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos && (text.empty() || (text.front() != ' ' && text.back() != ' ')))
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string fixed(double v, int decimals)
{
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, std::isfinite(v) ? v : 0.0);
    return b;
}

long pooledTotal(const Confusion& confusion)
{
    long total = 0;
    for (const auto& row : confusion)
        for (long v : row)
            total += v;
    return total;
}

double pooledAccuracy(const Confusion& confusion)
{
    long correct = 0;
    for (std::size_t i = 0; i < confusion.size(); ++i)
        if (i < confusion[i].size())
            correct += confusion[i][i];
    const long total = pooledTotal(confusion);
    return total > 0 ? double(correct) / double(total) : 0.0;
}

std::string scoresCsvRow(const std::string& name, double precision, double recall, double f1, long support)
{
    return csvField(name) + "," + fixed(precision, 6) + "," + fixed(recall, 6) + "," + fixed(f1, 6) + "," +
           std::to_string(support) + "\n";
}

} // namespace

std::string confusionToCsv(const ModelReport& model, const std::vector<std::string>& classes)
{
    const Confusion& m = model.confusion;
    const std::size_t n = m.size();
    auto name = [&](std::size_t i) { return csvField(i < classes.size() ? classes[i] : "class " + std::to_string(i)); };
    auto append = [](std::string& out, const std::string& field) {
        out += ',';
        out += field;
    };
    std::string out = "true\\predicted";
    for (std::size_t c = 0; c < n; ++c)
        append(out, name(c));
    out += ",total\n";
    std::vector<long> columnTotal(n, 0);
    for (std::size_t r = 0; r < n; ++r) {
        out += name(r);
        long rowTotal = 0;
        for (std::size_t c = 0; c < n; ++c) {
            const long v = c < m[r].size() ? m[r][c] : 0;
            append(out, std::to_string(v));
            rowTotal += v;
            columnTotal[c] += v;
        }
        append(out, std::to_string(rowTotal));
        out += '\n';
    }
    out += "total";
    long grand = 0;
    for (long v : columnTotal) {
        append(out, std::to_string(v));
        grand += v;
    }
    append(out, std::to_string(grand));
    out += '\n';
    return out;
}

std::string perClassToCsv(const ModelReport& model)
{
    std::string out = "genre,precision,recall,f1,support\n";
    for (const auto& c : model.perClass)
        out += scoresCsvRow(c.name, c.precision, c.recall, c.f1, c.support);
    const auto macro = macroAverage(model.perClass);
    const auto weighted = weightedAverage(model.perClass);
    out += scoresCsvRow("macro avg", macro.precision, macro.recall, macro.f1, macro.support);
    out += scoresCsvRow("weighted avg", weighted.precision, weighted.recall, weighted.f1, weighted.support);
    return out;
}

std::string confusionToJson(const ModelReport& model, const std::vector<std::string>& classes, int indent)
{
    auto averaged = [](const AveragedScores& a) {
        return Json{{"precision", a.precision}, {"recall", a.recall}, {"f1", a.f1}, {"support", a.support}};
    };
    Json root;
    root["model"] = model.name;
    root["classes"] = classes;
    root["confusion"] = model.confusion;
    Json perClass = Json::array();
    for (const auto& c : model.perClass)
        perClass.push_back({{"genre", c.name}, {"precision", c.precision}, {"recall", c.recall}, {"f1", c.f1},
                            {"support", c.support}});
    root["per_class"] = perClass;
    root["macro_avg"] = averaged(macroAverage(model.perClass));
    root["weighted_avg"] = averaged(weightedAverage(model.perClass));
    root["accuracy"] = pooledAccuracy(model.confusion); // pooled over folds, as the matrix
    root["accuracy_mean"] = model.accuracyMean;           // mean over folds, as the tables
    root["accuracy_std"] = model.accuracyStd;
    return root.dump(indent);
}

// ---- HTML report -------------------------------------------------------------------------

namespace {

using svg::escape;

std::string percent(double v, int decimals = 2) { return fixed(100 * v, decimals); }

constexpr const char* kStyle = R"CSS(
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --accent:#3b7dd8; --soft:#f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
main { max-width: 1060px; margin: 0 auto; padding: 32px 28px 64px; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 8px; padding-bottom: 12px; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p { margin: 8px 0; max-width: 78ch; }
.muted, figcaption, .caption { color: var(--muted); font-size: 13.5px; }
nav { font-size: 13.5px; margin: 10px 0 0; }
nav a { color: var(--accent); text-decoration: none; margin-right: 14px; white-space: nowrap; }
table { border-collapse: collapse; margin: 10px 0 6px; font-size: 14px; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: var(--soft); }
tr.avg td { font-style: italic; border-top: 1px solid var(--muted); }
.best { font-weight: 700; }
.sig { font-weight: 700; color: #0b6e4f; }
figure { margin: 16px 0 24px; }
figure svg, figure img { display: block; max-width: 100%; height: auto; }
details { margin: 8px 0; }
summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.grid { display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: flex-start; }
.note { background: var(--soft); border-left: 4px solid var(--accent); padding: 10px 14px; margin: 12px 0; }
dl.protocol { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; font-size: 14px; }
dl.protocol dt { color: var(--muted); }
dl.protocol dd { margin: 0; font-variant-numeric: tabular-nums; word-break: break-all; }
@media print { main { padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
)CSS";

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char b[64];
    std::strftime(b, sizeof b, "%Y-%m-%d %H:%M UTC", &tm);
    return b;
}

bool isDummy(const ModelReport& m) { return m.name == "dummy"; }

// Index of the best value in a column (largest, or smallest when lowerIsBetter); -1 when
// fewer than two models (nothing to compare).
template <typename Get>
int bestIndex(const std::vector<ModelReport>& models, Get get, bool lowerIsBetter)
{
    if (models.size() < 2)
        return -1;
    int best = 0;
    for (std::size_t i = 1; i < models.size(); ++i) {
        const double v = get(models[i]), b = get(models[std::size_t(best)]);
        if (lowerIsBetter ? v < b : v > b)
            best = int(i);
    }
    return best;
}

std::string cell(const std::string& content, bool numeric, bool best = false)
{
    std::string cls = numeric ? "num" : "";
    if (best)
        cls += cls.empty() ? "best" : " best";
    return "<td" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" + content + "</td>";
}

std::string figure(const std::string& svgMarkup, const std::string& caption)
{
    return "<figure>" + svgMarkup + (caption.empty() ? std::string() : "<figcaption>" + escape(caption) + "</figcaption>") +
           "</figure>\n";
}

std::vector<std::pair<std::string, long>> genreCounts(const HtmlReportInput& input)
{
    if (!input.songsPerGenre.empty())
        return input.songsPerGenre;
    std::vector<std::pair<std::string, long>> out;
    const auto& r = *input.report;
    if (!r.models.empty() && !r.models[0].perClass.empty()) {
        for (const auto& c : r.models[0].perClass)
            out.emplace_back(c.name, c.support);
    } else {
        for (const auto& c : r.classes)
            out.emplace_back(c, 0);
    }
    return out;
}

std::string sectionHeader(const HtmlReportInput& input)
{
    const auto& r = *input.report;
    std::ostringstream s;
    s << "<header><h1>" << escape(input.title) << "</h1><div class=\"muted\">" << r.protocol.samples << " songs, "
      << r.classes.size() << " genres, " << r.models.size() << " models, " << r.protocol.folds
      << "-fold cross-validation";
    if (!r.protocol.source.empty())
        s << " &middot; " << escape(r.protocol.source);
    s << " &middot; " << escape(utcNow()) << "</div>";
    s << "<nav><a href=\"#dataset\">Dataset</a>";
    if (!input.edaFigures.empty())
        s << "<a href=\"#eda\">Exploration</a>";
    s << "<a href=\"#comparison\">Comparison</a><a href=\"#metrics\">Metrics</a><a href=\"#per-class\">Per genre</a>"
         "<a href=\"#confusion\">Confusion matrices</a><a href=\"#significance\">Significance</a>";
    if (!input.learningCurves.empty())
        s << "<a href=\"#learning-curves\">Learning curves</a>";
    s << "<a href=\"#protocol\">Protocol</a></nav></header>\n";
    return s.str();
}

std::string sectionDataset(const HtmlReportInput& input)
{
    const auto counts = genreCounts(input);
    long total = 0;
    std::vector<svg::Bar> bars;
    for (const auto& [genre, n] : counts) {
        total += n;
        bars.push_back({genre, double(n), 0, std::to_string(n)});
    }
    std::ostringstream s;
    s << "<section id=\"dataset\"><h2>Dataset</h2>";
    s << "<p>" << total << " labelled songs in " << counts.size() << " genres.";
    if (!input.datasetDescription.empty())
        s << ' ' << escape(input.datasetDescription);
    s << "</p>";
    svg::BarChartOptions options;
    options.title = "Songs per genre";
    options.axisLabel = "songs";
    s << figure(svg::barChart(bars, options), "Songs per genre (the support of every score below).");
    s << "</section>\n";
    return s.str();
}

std::string sectionEda(const std::vector<ReportFigure>& figures)
{
    if (figures.empty())
        return {};
    std::ostringstream s;
    s << "<section id=\"eda\"><h2>Exploration</h2>";
    for (const auto& f : figures) {
        s << "<figure>";
        if (!f.title.empty())
            s << "<h3>" << escape(f.title) << "</h3>";
        if (!f.svg.empty())
            s << f.svg; // the caller's own chart markup
        else if (f.dataUri.rfind("data:image/", 0) == 0) // only embedded images: the file stays self-contained
            s << "<img src=\"" << escape(f.dataUri) << "\" alt=\"" << escape(f.title) << "\">";
        if (!f.caption.empty())
            s << "<figcaption>" << escape(f.caption) << "</figcaption>";
        s << "</figure>\n";
    }
    s << "</section>\n";
    return s.str();
}

std::string sectionComparison(const EvaluationReport& r)
{
    std::vector<svg::Bar> bars;
    std::optional<svg::ReferenceLine> reference;
    for (const auto& m : r.models) {
        if (isDummy(m)) {
            reference = svg::ReferenceLine{m.accuracyMean, "dummy baseline " + percent(m.accuracyMean, 1) + " %"};
            continue;
        }
        bars.push_back({m.name, m.accuracyMean, m.accuracyStd, percent(m.accuracyMean) + " \u00b1 " + percent(m.accuracyStd)});
    }
    if (!reference && !r.models.empty() && !r.models[0].perClass.empty()) {
        // No dummy model evaluated: what always answering the largest genre would score.
        long largest = 0, total = 0;
        for (const auto& c : r.models[0].perClass) {
            largest = std::max(largest, c.support);
            total += c.support;
        }
        if (total > 0)
            reference = svg::ReferenceLine{double(largest) / double(total),
                                           "largest genre " + percent(double(largest) / double(total), 1) + " %"};
    }
    svg::BarChartOptions options;
    options.title = "Accuracy per model, mean and standard deviation over folds";
    options.axisLabel = "accuracy (mean \u00b1 std over " + std::to_string(r.protocol.folds) + " folds)";
    options.percent = true;
    options.maxValue = 1.0;
    options.reference = reference;
    std::ostringstream s;
    s << "<section id=\"comparison\"><h2>Comparison</h2>";
    s << figure(svg::barChart(bars, options),
                "Bars: mean test accuracy over the folds; whiskers: \u00b1 one standard deviation. "
                "The dashed line is what a model that ignores the features scores.");
    s << "</section>\n";
    return s.str();
}

std::string sectionMetrics(const EvaluationReport& r)
{
    const auto& ms = r.models;
    const int bestAcc = bestIndex(ms, [](const ModelReport& m) { return m.accuracyMean; }, false);
    const int bestBal = bestIndex(ms, [](const ModelReport& m) { return m.balancedAccuracy; }, false);
    const int bestF1 = bestIndex(ms, [](const ModelReport& m) { return m.macroF1; }, false);
    const int bestLoss = bestIndex(ms, [](const ModelReport& m) { return m.logLoss; }, true);
    const int bestFit = bestIndex(ms, [](const ModelReport& m) { return m.fitSeconds; }, true);
    const int bestPredict = bestIndex(ms, [](const ModelReport& m) { return m.predictSeconds; }, true);
    const int bestTop2 = bestIndex(ms, [](const ModelReport& m) { return outOfFoldTopK(m, 2); }, false);
    const int bestTop3 = bestIndex(ms, [](const ModelReport& m) { return outOfFoldTopK(m, 3); }, false);
    const bool imbalanced = reportIsImbalanced(r);
    std::ostringstream s;
    s << "<section id=\"metrics\"><h2>Metrics</h2>";
    if (imbalanced)
        s << "<div class=\"note\">" << escape("Note: " + imbalanceNote(r) + ".") << "</div>";
    const std::string accuracyHead = "<th class=\"num\">accuracy %</th>";
    const std::string balancedHeads = "<th class=\"num\">balanced acc. %</th><th class=\"num\">macro-F1 %</th>";
    s << "<table><thead><tr><th>model</th>" << (imbalanced ? balancedHeads + accuracyHead : accuracyHead + balancedHeads)
      << "<th class=\"num\">top-2 %</th><th class=\"num\">top-3 %</th>"
         "<th class=\"num\">log-loss</th><th class=\"num\">fit s</th>"
         "<th class=\"num\">predict ms</th><th>hyper-parameters</th></tr></thead><tbody>";
    for (std::size_t i : tableOrder(r)) {
        const auto& m = ms[i];
        const int k = int(i);
        const std::string accuracyCell =
            cell(percent(m.accuracyMean) + " \u00b1 " + percent(m.accuracyStd), true, k == bestAcc);
        const std::string balancedCells =
            cell(percent(m.balancedAccuracy), true, k == bestBal) + cell(percent(m.macroF1), true, k == bestF1);
        s << "<tr>" << cell(escape(m.name), false)
          << (imbalanced ? balancedCells + accuracyCell : accuracyCell + balancedCells)
          << cell(percent(outOfFoldTopK(m, 2)), true, k == bestTop2)
          << cell(percent(outOfFoldTopK(m, 3)), true, k == bestTop3)
          << cell(fixed(m.logLoss, 3), true, k == bestLoss) << cell(fixed(m.fitSeconds, 3), true, k == bestFit)
          << cell(fixed(1000 * m.predictSeconds, 2), true, k == bestPredict)
          << cell("<span class=\"muted\">" + escape(formatHyperparameters(m.params)) + "</span>", false) << "</tr>";
    }
    s << "</tbody></table>";
    s << "<p class=\"caption\">Accuracy: mean \u00b1 standard deviation over the test folds. Balanced accuracy, "
         "macro-F1, top-k and log-loss are pooled over all out-of-fold predictions; top-k: the true genre "
         "among the k most probable; log-loss is the mean "
         "&minus;ln p(true genre), lower is better. Times are means per fold. Best values in bold.</p>";
    s << "</section>\n";
    return s.str();
}

std::string scoresRow(const std::string& name, double p, double rc, double f1, long support, bool average)
{
    return std::string(average ? "<tr class=\"avg\">" : "<tr>") + cell(escape(name), false) + cell(fixed(p, 3), true) +
           cell(fixed(rc, 3), true) + cell(fixed(f1, 3), true) + cell(std::to_string(support), true) + "</tr>";
}

std::string perClassTable(const ModelReport& m)
{
    std::ostringstream s;
    s << "<table><thead><tr><th>genre</th><th class=\"num\">precision</th><th class=\"num\">recall</th>"
         "<th class=\"num\">F1</th><th class=\"num\">support</th></tr></thead><tbody>";
    for (const auto& c : m.perClass)
        s << scoresRow(c.name, c.precision, c.recall, c.f1, c.support, false);
    const auto macro = macroAverage(m.perClass);
    const auto weighted = weightedAverage(m.perClass);
    s << scoresRow("macro avg", macro.precision, macro.recall, macro.f1, macro.support, true);
    s << scoresRow("weighted avg", weighted.precision, weighted.recall, weighted.f1, weighted.support, true);
    s << "</tbody></table>";
    return s.str();
}

std::string f1HeatMap(const EvaluationReport& r)
{
    std::vector<std::string> columns;
    for (const auto& m : r.models)
        columns.push_back(m.name);
    std::vector<std::vector<double>> shade(r.classes.size(), std::vector<double>(columns.size(), 0));
    std::vector<std::vector<std::string>> text(r.classes.size(), std::vector<std::string>(columns.size()));
    for (std::size_t c = 0; c < r.models.size(); ++c)
        for (std::size_t g = 0; g < r.classes.size() && g < r.models[c].perClass.size(); ++g) {
            shade[g][c] = r.models[c].perClass[g].f1;
            text[g][c] = fixed(r.models[c].perClass[g].f1, 2);
        }
    svg::HeatMapOptions options;
    options.title = "F1 per genre and model";
    options.rowAxis = "genre";
    options.columnAxis = "model";
    return svg::heatMap(r.classes, columns, shade, text, options);
}

// Multi-genre songs (FMA genres_all): the scores by any listed genre, and the best model's
// per-genre F1 on them. Empty when no song has several genres.
std::string sectionAnyGenre(const EvaluationReport& r)
{
    std::vector<AnyGenreScores> scores;
    std::vector<std::size_t> order; // models with multi-genre songs, in table order
    for (const auto& m : r.models)
        scores.push_back(outOfFoldAnyGenre(m, r.classes));
    for (std::size_t i : tableOrder(r))
        if (scores[i].multiGenreSongs > 0)
            order.push_back(i);
    if (order.empty())
        return {};
    std::ostringstream s;
    s << "<section id=\"any-genre\"><h2>Songs with several genres</h2>";
    s << "<p>" << scores[order.front()].multiGenreSongs
      << " songs carry several genres. Here a prediction of any of a song's genres counts as right; the "
         "tables above score only its main genre.</p>";
    s << "<table><thead><tr><th>model</th><th class=\"num\">top-1 %</th><th class=\"num\">top-3 %</th>"
         "<th class=\"num\">balanced acc. %</th><th class=\"num\">macro-F1 %</th></tr></thead><tbody>";
    for (std::size_t i : order) {
        const auto& a = scores[i];
        s << "<tr>" << cell(escape(r.models[i].name), false) << cell(percent(a.top1), true)
          << cell(percent(a.top3), true) << cell(percent(a.metrics.balancedAccuracy), true)
          << cell(percent(a.metrics.macroF1), true) << "</tr>";
    }
    s << "</tbody></table>";
    const auto& best = scores[order.front()];
    s << "<h3>" << escape(r.models[order.front()].name) << ": per genre, by any listed genre</h3>";
    s << "<table><thead><tr><th>genre</th><th class=\"num\">precision</th><th class=\"num\">recall</th>"
         "<th class=\"num\">F1</th><th class=\"num\">support</th></tr></thead><tbody>";
    for (const auto& c : best.metrics.perClass)
        s << scoresRow(c.name, c.precision, c.recall, c.f1, c.support, false);
    s << "</tbody></table>";
    s << "<p class=\"caption\">Support: songs whose main genre it is. Top-k: any of the song's genres among "
         "the k most probable.</p></section>\n";
    return s.str();
}

std::string sectionPerClass(const EvaluationReport& r)
{
    std::ostringstream s;
    s << "<section id=\"per-class\"><h2>Per genre</h2>";
    s << "<p>Precision: of the songs given a genre, the share that truly are. Recall: of the songs of a "
         "genre, the share found. F1: their harmonic mean. Averages as in scikit-learn's classification "
         "report: <em>macro avg</em> weighs every genre alike, <em>weighted avg</em> by its number of songs.</p>";
    if (!r.models.empty() && !r.classes.empty())
        s << figure(f1HeatMap(r), "F1 of every genre (rows) under every model (columns): dark = good.");
    for (std::size_t i = 0; i < r.models.size(); ++i)
        s << "<details" << (i == 0 ? " open" : "") << "><summary>" << escape(r.models[i].name) << " &middot; accuracy "
          << percent(r.models[i].accuracyMean) << " %</summary>" << perClassTable(r.models[i]) << "</details>\n";
    s << "</section>\n";
    return s.str();
}

std::string confusionFigure(const ModelReport& m, const std::vector<std::string>& classes)
{
    const auto shares = scaleConfusion(m.confusion, ConfusionScale::ByTrue);
    const std::size_t n = m.confusion.size();
    std::vector<std::vector<std::string>> text(n);
    svg::HeatMapOptions options;
    options.title = "Confusion matrix of " + m.name;
    options.rowAxis = "true genre";
    options.columnAxis = "predicted genre";
    options.totals = true;
    std::vector<long> columnTotal(n, 0);
    long grand = 0;
    for (std::size_t r = 0; r < n; ++r) {
        long rowTotal = 0;
        for (std::size_t c = 0; c < m.confusion[r].size(); ++c) {
            text[r].push_back(std::to_string(m.confusion[r][c]));
            rowTotal += m.confusion[r][c];
            if (c < n)
                columnTotal[c] += m.confusion[r][c];
        }
        options.rowTotals.push_back(std::to_string(rowTotal));
        grand += rowTotal;
    }
    for (long v : columnTotal)
        options.columnTotals.push_back(std::to_string(v));
    options.grandTotal = std::to_string(grand);
    std::vector<std::string> names(classes.begin(), classes.end());
    names.resize(n);
    return svg::heatMap(names, names, shares, text, options);
}

std::string sectionConfusions(const EvaluationReport& r)
{
    std::ostringstream s;
    s << "<section id=\"confusion\"><h2>Confusion matrices</h2>";
    s << "<p>Every song counted once, by the fold model that did not see it. Rows: the true genre; columns: the "
         "predicted one; cells: songs; colour: the share of the row (so the diagonal shows recall).</p>";
    for (std::size_t i = 0; i < r.models.size(); ++i) {
        const auto& m = r.models[i];
        if (m.confusion.empty())
            continue;
        s << "<details" << (i == 0 ? " open" : "") << "><summary>" << escape(m.name) << "</summary>"
          << figure(confusionFigure(m, r.classes), "") << "</details>\n";
    }
    s << "</section>\n";
    return s.str();
}

std::string pValue(double p)
{
    if (!std::isfinite(p))
        return "&ndash;";
    if (p < 0.001)
        return "&lt; 0.001";
    return fixed(p, 3);
}

std::string sectionSignificance(const std::vector<PairwiseComparison>& pairs, const EvaluationReport& r)
{
    std::ostringstream s;
    s << "<section id=\"significance\"><h2>Is the difference real?</h2>";
    s << "<p>Read the <strong>corrected resampled t-test</strong> first. It compares the accuracies fold by fold "
         "and widens the variance for the overlap of the training sets (Nadeau &amp; Bengio 2003), so it asks the "
         "question that matters when choosing a model: does this <em>recipe</em> generalise better to new songs? "
         "<strong>McNemar's test</strong> only compares these particular out-of-fold predictions on these songs "
         "(b: songs only the first model got right, c: only the second); it ignores how much the result would "
         "change with other training songs, so it is the more eager of the two. A p-value below 0.05 (in "
         "bold) says a difference that large would rarely arise by chance; with many pairs some will anyway.</p>";
    if (pairs.empty()) {
        s << "<p class=\"muted\">Only one model: nothing to compare.</p></section>\n";
        return s.str();
    }
    s << "<table><thead><tr><th>better model (A)</th><th>other model (B)</th><th class=\"num\">mean diff. (pp)</th>"
         "<th class=\"num\">t</th><th class=\"num\">p (t-test)</th><th class=\"num\">b</th><th class=\"num\">c</th>"
         "<th class=\"num\">p (McNemar)</th></tr></thead><tbody>";
    for (const auto& p : pairs) {
        const bool tSig = p.tPValue < 0.05, mSig = p.mcnemarPValue < 0.05;
        s << "<tr>" << cell(escape(p.modelA), false) << cell(escape(p.modelB), false)
          << cell(fixed(100 * p.meanDifference, 2), true)
          << cell(std::isfinite(p.tStatistic) ? fixed(p.tStatistic, 2) : (p.tStatistic > 0 ? "&infin;" : "&minus;&infin;"), true)
          << cell(pValue(p.tPValue), true, tSig) << cell(std::to_string(p.onlyACorrect), true)
          << cell(std::to_string(p.onlyBCorrect), true) << cell(pValue(p.mcnemarPValue), true, mSig) << "</tr>";
    }
    s << "</tbody></table>";
    s << "<p class=\"caption\">t-test: " << r.protocol.folds << " folds, " << std::max(r.protocol.folds - 1, 1)
      << " degrees of freedom; McNemar: exact two-sided binomial test.</p>";
    s << "</section>\n";
    return s.str();
}

std::string sectionLearningCurves(const std::vector<LearningCurve>& curves)
{
    if (curves.empty())
        return {};
    std::ostringstream s;
    s << "<section id=\"learning-curves\"><h2>Learning curves</h2>";
    s << "<p>Test accuracy against the number of training songs: each training fold is cut to a share of its "
         "songs (same folds, same test songs). A curve still rising at the right end says more songs would "
         "help; a wide gap to the training accuracy says the model over-fits.</p>";
    for (const auto& c : curves) {
        std::vector<svg::CurvePoint> points;
        for (const auto& p : c.points)
            points.push_back({p.trainSize, p.accuracyMean, p.accuracyStd, p.trainAccuracyMean});
        svg::LineChartOptions options;
        options.title = "Learning curve of " + c.model;
        options.xLabel = "training songs (mean over folds)";
        options.yLabel = "accuracy";
        s << "<h3>" << escape(c.model) << " <span class=\"muted\">(" << escape(formatHyperparameters(c.params))
          << ")</span></h3>";
        s << "<div class=\"grid\">" << figure(svg::lineChart(points, options), "");
        s << "<table><thead><tr><th class=\"num\">share</th><th class=\"num\">songs</th><th class=\"num\">test acc. %</th>"
             "<th class=\"num\">train acc. %</th></tr></thead><tbody>";
        for (const auto& p : c.points)
            s << "<tr>" << cell(fixed(100 * p.fraction, 0) + " %", true) << cell(fixed(p.trainSize, 0), true)
              << cell(percent(p.accuracyMean, 1) + " \u00b1 " + percent(p.accuracyStd, 1), true)
              << cell(percent(p.trainAccuracyMean, 1), true) << "</tr>";
        s << "</tbody></table></div>\n";
    }
    s << "</section>\n";
    return s.str();
}

std::string sectionFinalModel(const std::string& note)
{
    std::ostringstream s;
    s << "<div class=\"note\"><strong>Scores and the exported model.</strong> Every score above comes from the fold "
         "models, each trained without the songs it was tested on. A model that is saved or used to classify is "
         "refit once on all songs with the same recipe: it is usually a little better than these estimates, and "
         "it has no score of its own.";
    if (!note.empty())
        s << ' ' << escape(note);
    s << "</div>\n";
    return s.str();
}

std::string sectionProtocol(const EvaluationProtocol& p)
{
    auto row = [](const std::string& name, const std::string& value) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
    };
    std::ostringstream s;
    s << "<section id=\"protocol\"><h2>Protocol</h2><dl class=\"protocol\">";
    s << row("method", p.method) << row("folds", std::to_string(p.folds))
      << row("grouping", (p.grouping.empty() ? std::string("not recorded") : p.grouping) +
                             (p.grouped ? " (some songs share a group and always share a fold)" : " (no shared groups)"))
      << row("seed", std::to_string(p.seed))
      << row("hyper-parameter search", p.search ? "nested " + searchDescription(p) + " inside each training fold" : "none")
      << (p.search ? row("inner folds", std::to_string(p.innerFolds)) : std::string())
      << row("samples", std::to_string(p.samples)) << row("features", std::to_string(p.features))
      << row("feature schema", p.schema) << (p.source.empty() ? std::string() : row("source", p.source))
      << row("created with", p.createdWith.empty() ? std::string("not recorded") : p.createdWith)
      << row("date", utcNow());
    s << "</dl></section>\n";
    return s.str();
}

} // namespace

std::string htmlReport(const HtmlReportInput& input)
{
    if (!input.report)
        throw Error(ErrorKind::InvalidArgument, "HTML report", "no evaluation report given");
    const EvaluationReport& r = *input.report;
    const std::vector<PairwiseComparison> pairs = input.pairs.empty() ? compareModels(r) : input.pairs;
    std::ostringstream s;
    s << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"generator\" content=\""
      << escape(r.protocol.createdWith.empty() ? std::string("genrescope") : r.protocol.createdWith) << "\"><title>"
      << escape(input.title) << "</title><style>" << kStyle << "</style></head>\n<body><main>\n";
    s << sectionHeader(input) << sectionDataset(input) << sectionEda(input.edaFigures) << sectionComparison(r)
      << sectionMetrics(r) << sectionAnyGenre(r) << sectionPerClass(r) << sectionConfusions(r) << sectionSignificance(pairs, r)
      << sectionLearningCurves(input.learningCurves) << sectionFinalModel(input.finalModelNote) << sectionProtocol(r.protocol);
    s << "</main></body></html>\n";
    return s.str();
}

void writeReportFile(const std::string& file, const HtmlReportInput& input)
{
    std::string suffix = std::filesystem::path(file).extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (!input.report)
        throw Error(ErrorKind::InvalidArgument, file, "no evaluation report to write");
    std::string content;
    if (suffix == ".json")
        content = reportToJson(*input.report) + "\n";
    else if (suffix == ".html" || suffix == ".htm")
        content = htmlReport(input);
    else
        throw Error(ErrorKind::InvalidArgument, file, "a report file ends in .json, .html or .htm");
    writeFileAtomically(file, content);
}

} // namespace gs::ml
