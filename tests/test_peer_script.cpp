// scripts/peer/peer_sklearn.py on a tiny Kaggle subset: our `evaluate` report → the script's
// peer accuracies equal an independent scikit-learn run (cross_val_score with PredefinedSplit)
// on the same folds, the folds it read back equal ours sample by sample, and its "ours"
// columns equal the report's fold accuracies. Skips loudly without /usr/bin/python3 + sklearn.
#include "core/ml/report_writer.h"
#include "tests/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const char* kPython = "/usr/bin/python3";

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run runPython(const QStringList& args)
{
    QProcess p;
    p.start(QString::fromLatin1(kPython), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.waitForFinished(600000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool pythonHasSklearn() { return runPython({"-c", "import numpy, sklearn"}).exitCode == 0; }

// The script in the source tree: next to this file, or found walking up from the build tree.
std::optional<fs::path> peerScript()
{
    const fs::path rel = fs::path("scripts") / "peer" / "peer_sklearn.py";
    std::vector<fs::path> starts{fs::path(__FILE__).parent_path().parent_path(), fs::current_path(),
                                 fs::path(GENRESCOPE_CLI_PATH).parent_path()};
    for (auto dir : starts) {
        for (int up = 0; up < 6 && !dir.empty(); ++up, dir = dir.parent_path()) {
            std::error_code ec;
            if (fs::exists(dir / rel, ec))
                return fs::absolute(dir / rel);
            if (dir == dir.parent_path())
                break;
        }
    }
    return std::nullopt;
}

// The header and the first `perGenre` rows of each of `genres` (Kaggle layout: label last).
void writeSubset(const fs::path& kaggle, const fs::path& out, const std::vector<std::string>& genres, int perGenre)
{
    std::ifstream in(kaggle);
    std::ofstream o(out);
    std::string line;
    const auto withoutCr = [](std::string& l) { // the Kaggle file has CRLF line ends
        if (!l.empty() && l.back() == '\r')
            l.pop_back();
    };
    std::getline(in, line);
    withoutCr(line);
    o << line << '\n';
    std::map<std::string, int> taken;
    while (std::getline(in, line)) {
        withoutCr(line);
        const std::string label = line.substr(line.rfind(',') + 1);
        if (std::find(genres.begin(), genres.end(), label) != genres.end() && taken[label]++ < perGenre)
            o << line << '\n';
    }
}

QJsonObject readJson(const fs::path& file)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Independent of the script: sklearn's own cross_val_score over a PredefinedSplit of our folds.
const char* kIndependentPeer = R"(
import csv, sys
import numpy as np
from sklearn.model_selection import PredefinedSplit, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
rows = list(csv.reader(open(sys.argv[1])))[1:]
X = np.array([[float(v) for v in r[2:-1]] for r in rows])
y = np.array([r[-1] for r in rows])
folds = np.array([int(v) for v in open(sys.argv[2]).read().split()])
scores = cross_val_score(make_pipeline(StandardScaler(), SVC(C=10, kernel='rbf', gamma='scale')), X, y,
                         cv=PredefinedSplit(folds))
print(' '.join(repr(float(s)) for s in scores))
)";

} // namespace

class TestPeerScript : public QObject {
    Q_OBJECT

private slots:
    void peerOnOurFoldsMatchesAnIndependentSklearnRun()
    {
        if (!pythonHasSklearn())
            QSKIP("SKIPPED: /usr/bin/python3 cannot import numpy and sklearn (Debian: python3-sklearn); "
                  "the peer script is not tested");
        GS_REQUIRE_SHARED(kaggleDir, "reference/kaggle-gtzan");
        const auto script = peerScript();
        QVERIFY2(script, "scripts/peer/peer_sklearn.py not found from the test or the build tree");
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path csv = dir / "subset.csv";
        writeSubset(kaggleDir / "features_30_sec.csv", csv, {"blues", "classical", "metal", "pop"}, 15);

        // ours
        const fs::path reportFile = dir / "r.json";
        const auto cli = gs::test::runCli({"evaluate", QString::fromStdString(csv.string()), "--models", "knn,svm-rbf",
                                           "--folds", "5", "--quiet", "-j", "1", "--report",
                                           QString::fromStdString(reportFile.string())});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const auto report = gs::ml::reportFromJson(readText(reportFile));
        QCOMPARE(report.models.size(), std::size_t(2));
        const auto& predictions = report.models.front().predictions;
        QCOMPARE(predictions.size(), std::size_t(60));

        // the peer
        const fs::path peerJson = dir / "peer.json";
        const fs::path markdown = dir / "peer.md";
        const auto peer = runPython({QString::fromStdString(script->string()), QString::fromStdString(reportFile.string()),
                                     "--features", QString::fromStdString(csv.string()), "--json-out",
                                     QString::fromStdString(peerJson.string()), "--markdown",
                                     QString::fromStdString(markdown.string())});
        QVERIFY2(peer.exitCode == 0, peer.err.constData());
        const QJsonObject out = readJson(peerJson);

        // folds read back = ours, sample by sample
        const QJsonArray folds = out["folds"].toArray();
        QCOMPARE(std::size_t(folds.size()), predictions.size());
        std::string foldText;
        for (const auto& p : predictions) {
            QCOMPARE(folds[p.sample].toInt(), p.fold);
            foldText += std::to_string(p.fold) + "\n";
        }
        // "ours" columns = the report's fold accuracies
        for (const auto& m : report.models) {
            const QJsonArray acc = out["ours"].toObject()[QString::fromStdString(m.name)].toObject()["fold_accuracy"].toArray();
            QCOMPARE(std::size_t(acc.size()), m.folds.size());
            for (std::size_t f = 0; f < m.folds.size(); ++f)
                QCOMPARE(acc[int(f)].toDouble(), m.folds[f].accuracy);
        }

        // the peer = sklearn's own cross_val_score on the same folds
        const fs::path foldsFile = dir / "folds.txt";
        std::ofstream(foldsFile) << foldText;
        const auto independent = runPython({"-c", kIndependentPeer, QString::fromStdString(csv.string()),
                                            QString::fromStdString(foldsFile.string())});
        QVERIFY2(independent.exitCode == 0, independent.err.constData());
        const QStringList expected = QString::fromUtf8(independent.out).split(' ', Qt::SkipEmptyParts);
        const QJsonArray peerAcc = out["peer"].toObject()["fold_accuracy"].toArray();
        QCOMPARE(peerAcc.size(), 5);
        QCOMPARE(expected.size(), 5);
        double mean = 0;
        for (int f = 0; f < 5; ++f) {
            QCOMPARE(peerAcc[f].toDouble(), expected[f].trimmed().toDouble());
            mean += peerAcc[f].toDouble() / 5;
        }
        QCOMPARE(out["peer"].toObject()["mean"].toDouble(), mean);
        QVERIFY(mean > 0.5); // four well-separated genres: the peer learns something

        const std::string md = readText(markdown);
        QVERIFY(md.find("| fold | songs | peer (sklearn SVC) |") != std::string::npos);
        QVERIFY(md.find("| mean ± std | 60 |") != std::string::npos);
    }

    void refusesFeaturesOfOtherSongs()
    {
        if (!pythonHasSklearn())
            QSKIP("SKIPPED: /usr/bin/python3 cannot import numpy and sklearn; the peer script is not tested");
        GS_REQUIRE_SHARED(kaggleDir, "reference/kaggle-gtzan");
        const auto script = peerScript();
        QVERIFY(script);
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeSubset(kaggleDir / "features_30_sec.csv", dir / "a.csv", {"blues", "classical"}, 10);
        writeSubset(kaggleDir / "features_30_sec.csv", dir / "b.csv", {"jazz", "rock"}, 10);
        const auto cli = gs::test::runCli({"evaluate", QString::fromStdString((dir / "a.csv").string()), "--models", "knn",
                                           "--folds", "2", "--quiet", "--report",
                                           QString::fromStdString((dir / "r.json").string())});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const auto peer = runPython({QString::fromStdString(script->string()), QString::fromStdString((dir / "r.json").string()),
                                     "--features", QString::fromStdString((dir / "b.csv").string())});
        QCOMPARE(peer.exitCode, 1);
        QVERIFY2(peer.err.contains("not the same songs"), peer.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPeerScript)
#include "test_peer_script.moc"
