#include "core/ml/report_writer.h"

#include "core/common/error.h"
#include "core/ml/registry.h"

#include <nlohmann/json.hpp>

#include <cstdio>
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
        models.push_back(jm);
    }
    root["models"] = models;
    const auto& p = report.protocol;
    root["protocol"] = {{"method", p.method}, {"folds", p.folds}, {"seed", p.seed}, {"search", p.search},
                        {"inner_folds", p.innerFolds}, {"grouped", p.grouped}, {"samples", p.samples},
                        {"features", p.features}, {"schema", p.schema}, {"source", p.source}};
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
            r.models.push_back(std::move(m));
        }
        const auto& p = root.at("protocol");
        r.protocol.method = p.value("method", std::string());
        r.protocol.folds = p.at("folds").get<int>();
        r.protocol.seed = p.at("seed").get<std::uint64_t>();
        r.protocol.search = p.at("search").get<bool>();
        r.protocol.innerFolds = p.value("inner_folds", 3);
        r.protocol.grouped = p.value("grouped", false);
        r.protocol.samples = p.value("samples", std::size_t(0));
        r.protocol.features = p.value("features", std::size_t(0));
        r.protocol.schema = p.value("schema", std::string());
        r.protocol.source = p.value("source", std::string());
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::Format, "evaluation report", std::string("not a valid report: ") + e.what());
    }
}

std::string formatComparisonTable(const EvaluationReport& report)
{
    std::ostringstream s;
    char line[512];
    std::snprintf(line, sizeof line, "%-17s %16s %9s %9s %8s %9s %9s %10s  %s\n", "model", "accuracy", "balanced",
                  "macro-F1", "log-loss", "fit s", "fit cpu s", "predict ms", "params");
    s << line;
    for (const auto& m : report.models) {
        char acc[64];
        std::snprintf(acc, sizeof acc, "%.2f%% ± %.2f", 100 * m.accuracyMean, 100 * m.accuracyStd);
        std::snprintf(line, sizeof line, "%-17s %17s %8.2f%% %8.2f%% %8.3f %9.3f %9.3f %10.2f  %s\n", m.name.c_str(), acc,
                      100 * m.balancedAccuracy, 100 * m.macroF1, m.logLoss, m.fitSeconds, m.fitCpuSeconds,
                      1000 * m.predictSeconds, formatHyperparameters(m.params).c_str());
        s << line;
    }
    const auto& p = report.protocol;
    s << p.samples << " samples, " << p.features << " features, " << report.classes.size() << " genres; " << p.method
      << ", " << p.folds << " folds, seed " << p.seed
      << (p.search ? ", nested grid search (" + std::to_string(p.innerFolds) + " inner folds)" : ", no search")
      << (p.grouped ? ", grouped" : "") << "; times are means per fold\n";
    return s.str();
}

} // namespace gs::ml
