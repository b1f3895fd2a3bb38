// Cross-validated comparison of every genre model on the Kaggle GTZAN feature CSV, with
// timings: the accuracy table of the README comes from here.
//   bench_ml [features.csv] [--models a,b] [--folds 10] [--seed 42] [--search] [-j N] [--report out.json]
#include "core/common/error.h"
#include "core/ml/evaluate.h"
#include "core/ml/report_writer.h"
#include "core/ml/labelled_set.h"
#include "core/ml/registry.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv)
{
    using namespace gs::ml;
    const char* shared = std::getenv("GENRESCOPE_SHARED_DIR");
    std::string csv = std::string(shared ? shared : GENRESCOPE_SHARED_DIR_DEFAULT) +
                      "/reference/kaggle-gtzan/features_30_sec.csv";
    EvaluationOptions options;
    std::string reportPath;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--models") {
            std::stringstream s(value());
            for (std::string m; std::getline(s, m, ',');)
                options.models.push_back(m);
        } else if (a == "--folds") options.folds = std::stoi(value());
        else if (a == "--seed") options.seed = std::stoull(value());
        else if (a == "--search") options.search = true;
        else if (a == "-j") options.threads = std::stoi(value());
        else if (a == "--report") reportPath = value();
        else if (a == "--set") { // model.param=value
            const std::string kv = value();
            const auto dot = kv.find('.'), eq = kv.find('=');
            options.overrides[kv.substr(0, dot)][kv.substr(dot + 1, eq - dot - 1)] = std::stod(kv.substr(eq + 1));
        } else csv = a;
    }
    try {
        const auto data = loadFeatureCsv(csv, kaggleExtractionParams());
        options.progress = [](const gs::ProgressInfo& p) {
            std::cerr << "\r[" << p.done << "/" << p.total << "] " << p.stage << "          " << std::flush;
        };
        const auto start = std::chrono::steady_clock::now();
        auto report = crossValidate(data, options);
        report.protocol.source = csv;
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "\n";
        std::cout << formatComparisonTable(report);
        std::cout << "wall time " << wall << " s with " << (options.threads ? options.threads : 0) << " threads (0 = all)\n";
        for (const auto& m : report.models) {
            std::cout << m.name << " per fold:";
            for (const auto& f : m.folds)
                std::cout << ' ' << f.accuracy;
            std::cout << '\n';
            if (options.search) {
                for (std::size_t f = 0; f < m.folds.size(); ++f)
                    std::cout << "   fold " << f + 1 << ": " << formatHyperparameters(m.folds[f].params)
                              << " inner " << m.folds[f].searchScore << '\n';
            }
        }
        if (!reportPath.empty())
            std::ofstream(reportPath) << reportToJson(report);
    } catch (const gs::Error& e) {
        std::cerr << "bench_ml: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
