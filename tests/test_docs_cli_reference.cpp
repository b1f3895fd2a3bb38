// docs/cli-reference.md is generated from the CLI (scripts/cli-reference.sh): this test
// runs the built genrescope-cli for its overview and for `help COMMAND` of every command
// the overview names, and checks the document holds exactly those texts, each as one
// fenced block, and no section for a command that no longer exists. When it fails,
// regenerate with `scripts/cli-reference.sh build/app/genrescope-cli`.
#include "tests/testsupport.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>

namespace fs = std::filesystem;

namespace {

bool isSourceTree(const fs::path& dir)
{
    std::error_code ec;
    return fs::is_regular_file(dir / "docs" / "gui.md", ec) && fs::is_regular_file(dir / "CMakeLists.txt", ec);
}

// The source tree: from this file's path (tests/test_docs_cli_reference.cpp; relative to
// the working directory when ccache's base_dir rewrote it), else from the CMakeCache.txt
// of the build tree the CLI was built in.
std::optional<fs::path> sourceDir()
{
    const fs::path fromFile = fs::absolute(fs::path(__FILE__)).parent_path().parent_path();
    if (isSourceTree(fromFile))
        return fromFile.lexically_normal();
    for (fs::path build = fs::path(GENRESCOPE_CLI_PATH).parent_path(); !build.empty() && build != build.parent_path();
         build = build.parent_path()) {
        std::ifstream cache(build / "CMakeCache.txt");
        if (!cache)
            continue;
        const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
        for (std::string line; std::getline(cache, line);)
            if (line.rfind(key, 0) == 0 && isSourceTree(line.substr(key.size())))
                return fs::path(line.substr(key.size()));
        break;
    }
    return std::nullopt;
}

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the script writes for one help text: the text verbatim in a fenced block.
std::string fenced(const QByteArray& text)
{
    return "```\n" + text.toStdString() + "```\n";
}

// Command names listed under "commands:" in the overview ("  name   synopsis").
std::vector<std::string> commandNames(const std::string& overview)
{
    std::vector<std::string> names;
    const auto listStart = overview.find("\ncommands:\n");
    if (listStart == std::string::npos)
        return names;
    const std::string list = overview.substr(listStart);
    const std::regex entry(R"(\n  ([a-z][a-z0-9-]*) )");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), entry); it != std::sregex_iterator(); ++it)
        names.push_back((*it)[1].str());
    return names;
}

int countOccurrences(const std::string& text, const std::string& needle)
{
    int n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size()))
        ++n;
    return n;
}

} // namespace

class TestDocsCliReference : public QObject {
    Q_OBJECT

    std::string doc_;

private slots:
    void initTestCase()
    {
        const auto source = sourceDir();
        QVERIFY2(source, "cannot locate the source tree (docs/gui.md) from __FILE__ or the build's CMakeCache.txt");
        const fs::path file = *source / "docs" / "cli-reference.md";
        QVERIFY2(fs::is_regular_file(file), qPrintable(QString::fromStdString(file.string() + " is missing")));
        doc_ = readAll(file);
    }

    void overviewIsCurrent()
    {
        const auto r = gs::test::runCli({"--help"}, 30000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
        QVERIFY2(countOccurrences(doc_, fenced(r.out)) == 1,
                 "docs/cli-reference.md does not hold `genrescope-cli --help` verbatim: run scripts/cli-reference.sh");
    }

    void everyCommandHelpIsCurrent()
    {
        const auto overview = gs::test::runCli({"--help"}, 30000);
        const auto names = commandNames(overview.out.toStdString());
        // The overview must list the commands the product documents; the rest of the check
        // follows whatever it lists, so a new command is covered without editing this test.
        for (const char* known : {"classify", "evaluate", "extract", "make-demo", "train"})
            QVERIFY2(std::find(names.begin(), names.end(), known) != names.end(), known);
        for (const auto& name : names) {
            const auto r = gs::test::runCli({"help", QString::fromStdString(name)}, 30000);
            QVERIFY2(r.exitCode == 0, name.c_str());
            QVERIFY2(r.out.startsWith("usage: genrescope-cli " + QByteArray::fromStdString(name)), name.c_str());
            const std::string heading = "\n## " + name + ": `genrescope-cli help " + name + "`\n\n";
            QVERIFY2(countOccurrences(doc_, heading + fenced(r.out)) == 1,
                     qPrintable(QString::fromStdString("docs/cli-reference.md does not hold `genrescope-cli help " + name +
                                                       "` verbatim: run scripts/cli-reference.sh")));
        }
        // No section left behind for a command the CLI no longer has.
        QCOMPARE(countOccurrences(doc_, "\n## "), int(names.size()) + 1);
    }
};

QTEST_GUILESS_MAIN(TestDocsCliReference)
#include "test_docs_cli_reference.moc"
