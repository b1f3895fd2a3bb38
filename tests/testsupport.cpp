#include "tests/testsupport.h"

#include "core/ml/model_file.h"

#include <QProcess>

#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gs::test {

std::optional<std::filesystem::path> sharedDir()
{
    const char* env = std::getenv("GENRESCOPE_SHARED_DIR");
    std::filesystem::path dir = (env && *env) ? env : GENRESCOPE_SHARED_DIR_DEFAULT;
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec))
        return std::filesystem::weakly_canonical(dir);
    return std::nullopt;
}

std::optional<std::filesystem::path> sharedPath(const std::string& sub)
{
    auto dir = sharedDir();
    std::error_code ec;
    if (dir && std::filesystem::exists(*dir / sub, ec))
        return *dir / sub;
    std::fprintf(stderr, "\n*** SKIPPED: shared data '%s' is missing (GENRESCOPE_SHARED_DIR=%s) ***\n\n",
                 sub.c_str(), dir ? dir->c_str() : GENRESCOPE_SHARED_DIR_DEFAULT);
    return std::nullopt;
}

static std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    cells.push_back(cell);
    return cells;
}

std::vector<std::vector<double>> readNumericCsv(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<double>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r")
            continue;
        std::vector<double> row;
        for (const auto& cell : splitCsvLine(line))
            row.push_back(std::strtod(cell.c_str(), nullptr));
        rows.push_back(std::move(row));
    }
    return rows;
}

int CsvTable::column(const std::string& name) const
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return int(i);
    return -1;
}

CsvTable readCsv(const std::filesystem::path& file)
{
    std::ifstream in(file);
    CsvTable table;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r")
            continue;
        if (first) {
            table.header = splitCsvLine(line);
            first = false;
        } else {
            table.rows.push_back(splitCsvLine(line));
        }
    }
    return table;
}

CliResult runCli(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(GENRESCOPE_CLI_PATH), args);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

FeatureTolerance readmeTolerance(const std::string& name, double refVar)
{
    const auto startsWith = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
    const auto endsWith = [&](const std::string& suffix) {
        return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (name == "tempo")
        return {0, 0};
    if (startsWith("zero_crossing_rate"))
        return {1e-9, 1e-15};
    if (startsWith("rolloff"))
        return {1e-3, 0};
    if (startsWith("mfcc") && endsWith("_mean"))
        return {0, 1e-3};
    if (name == "harmony_mean" || name == "perceptr_mean")
        return {0, 1e-5 * std::sqrt(refVar)};
    return {1e-4, 0};
}

std::filesystem::path testData(const std::filesystem::path& sub)
{
    const auto fromSource = std::filesystem::absolute(std::filesystem::path(__FILE__)).parent_path() / "data" / sub;
    if (std::filesystem::exists(fromSource))
        return fromSource;
    return std::filesystem::path(QCoreApplication::applicationDirPath().toStdString()) / ".." / ".." / "tests" /
           "data" / sub;
}

std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

std::filesystem::path tempDir(QTemporaryDir& holder)
{
    return std::filesystem::path(holder.path().toStdString());
}

ScopedEnvironment::ScopedEnvironment(const char* name, const std::string& value)
    : name_(name), previous_(qgetenv(name))
{
    qputenv(name, QByteArray::fromStdString(value));
}

ScopedEnvironment::~ScopedEnvironment()
{
    if (previous_.isNull())
        qunsetenv(name_);
    else
        qputenv(name_, previous_);
}

ScopedFileSizeLimit::ScopedFileSizeLimit(unsigned long long bytes)
{
    rlimit previous{};
    ::getrlimit(RLIMIT_FSIZE, &previous);
    previousSoft_ = previous.rlim_cur;
    previousHard_ = previous.rlim_max;
    previousSignal_ = ::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = previous;
    limit.rlim_cur = rlim_t(bytes);
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

ScopedFileSizeLimit::~ScopedFileSizeLimit()
{
    const rlimit previous{rlim_t(previousSoft_), rlim_t(previousHard_)};
    ::setrlimit(RLIMIT_FSIZE, &previous);
    ::signal(SIGXFSZ, previousSignal_);
}

std::string modelRefusalProblem(const std::filesystem::path& file, const std::vector<std::string>& reasonParts,
                                ErrorKind kind)
{
    try {
        ml::loadModelFile(file);
        return "the model file " + file.string() + " loaded";
    } catch (const Error& e) {
        if (e.subject() != file.string())
            return std::string("the error names '") + e.subject() + "', not the file: " + e.what();
        if (e.kind() != kind)
            return std::string("an error of another kind: ") + e.what();
        for (const auto& part : reasonParts)
            if (e.reason().find(part) == std::string::npos)
                return "the reason lacks '" + part + "': " + e.what();
        return {};
    }
}

} // namespace gs::test
