#pragma once
// Shared helpers for the Qt Test suite: where ../shared is, loud skips when it is not,
// reading reference CSVs, and running the CLI.
#include "core/common/error.h"

#include <QtTest>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gs::test {

// $GENRESCOPE_SHARED_DIR, else the path configured at build time; nullopt if missing.
std::optional<std::filesystem::path> sharedDir();
// The sub-folder of shared/ (e.g. "reference/frames"), or nullopt with a loud message.
std::optional<std::filesystem::path> sharedPath(const std::string& sub);

// Header-less numeric CSV (librosa frame dumps): one vector per line.
std::vector<std::vector<double>> readNumericCsv(const std::filesystem::path& file);

// The librosa reference README's tolerances for a float32 implementation of the gtzan-57
// features (name = CSV column): a value passes when |ours - ref| <= rel * |ref| or <= abs.
// refVar: the reference variance of the feature's frames (harmony/perceptr means are judged
// relative to their spread).
struct FeatureTolerance {
    double rel = 0;
    double abs = 0;
};
FeatureTolerance readmeTolerance(const std::string& name, double refVar);

// A CSV with a header row, as strings.
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    int column(const std::string& name) const; // -1 if absent
};
CsvTable readCsv(const std::filesystem::path& file);

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliResult runCli(const QStringList& args, int timeoutMs = 600000);

// tests/data/<sub> of the source tree (committed test inputs), found from this file's path, else
// from the test executable's folder (build/tests of a build folder inside the source tree).
std::filesystem::path testData(const std::filesystem::path& sub);
// A whole file as bytes ("" when unreadable), and bytes written over a file.
std::string readBytes(const std::filesystem::path& file);
void writeBytes(const std::filesystem::path& file, const std::string& bytes);

// What is wrong with how the model file `file` is refused, or "" when loadModelFile refuses it
// as a damaged or crafted file must be: gs::Error of `kind` naming the file, its reason holding
// every one of `reasonParts`. Use: QVERIFY2(problem.empty(), problem.c_str()).
std::string modelRefusalProblem(const std::filesystem::path& file, const std::vector<std::string>& reasonParts,
                                ErrorKind kind = ErrorKind::Format);

// A fresh temporary folder removed at the end of the test.
std::filesystem::path tempDir(QTemporaryDir& holder);

// Sets an environment variable (child processes inherit it) until the end of the scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value);
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
    QByteArray previous_;
};

// Lowers this process's file size limit for the scope: a write past it fails with EFBIG (a
// full disk, for our writers and SQLite alike) instead of raising SIGXFSZ. Limit and signal
// are restored at the end of the scope.
class ScopedFileSizeLimit {
public:
    explicit ScopedFileSizeLimit(unsigned long long bytes);
    ~ScopedFileSizeLimit();
    ScopedFileSizeLimit(const ScopedFileSizeLimit&) = delete;
    ScopedFileSizeLimit& operator=(const ScopedFileSizeLimit&) = delete;

private:
    unsigned long long previousSoft_ = 0, previousHard_ = 0;
    void (*previousSignal_)(int) = nullptr;
};

} // namespace gs::test

// Skips the current test with a message nobody can miss when shared data is absent.
#define GS_REQUIRE_SHARED(var, sub)                                                                   \
    const auto var##_opt = gs::test::sharedPath(sub);                                               \
    if (!var##_opt)                                                                                   \
        QSKIP(qPrintable(QStringLiteral("SKIPPED: shared data '%1' not found; set GENRESCOPE_SHARED_DIR") \
                             .arg(QString::fromStdString(sub))));                                     \
    const std::filesystem::path var = *var##_opt
