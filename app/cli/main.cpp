#include "app/cli/command.h"

#include "core/common/error.h"
#include "core/version.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace gs::cli {

std::vector<Command>& commands()
{
    static std::vector<Command> list;
    return list;
}

ArgParser::ArgParser(const Args& args)
{
    // Split "--name=value" so both spellings parse the same way.
    for (const auto& a : args) {
        auto eq = a.find('=');
        if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
            args_.push_back(a.substr(0, eq));
            args_.push_back(a.substr(eq + 1));
        } else {
            args_.push_back(a);
        }
    }
    used_.assign(args_.size(), false);
}

bool ArgParser::flag(const std::string& name)
{
    bool found = false;
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (!used_[i] && args_[i] == name)
            used_[i] = found = true;
    return found;
}

std::string ArgParser::option(const std::string& name, const std::string& fallback)
{
    std::string value = fallback;
    for (std::size_t i = 0; i < args_.size(); ++i) {
        if (used_[i] || args_[i] != name)
            continue;
        if (i + 1 >= args_.size())
            throw UsageError(name + " needs a value");
        used_[i] = used_[i + 1] = true;
        value = args_[i + 1];
    }
    return value;
}

double ArgParser::number(const std::string& name, double fallback)
{
    const std::string text = option(name);
    if (text.empty())
        return fallback;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0')
        throw UsageError(name + " expects a number, got '" + text + "'");
    return v;
}

int ArgParser::wholeNumber(const std::string& name, int fallback, int minimum, int maximum)
{
    const double v = number(name, fallback);
    if (v != std::floor(v) || v < minimum || v > maximum)
        throw UsageError(name + " expects a whole number in [" + std::to_string(minimum) + ", " +
                         std::to_string(maximum) + "]");
    return int(v);
}

int ArgParser::threads()
{
    const int shortForm = wholeNumber("-j", 0, 0, 256);
    return wholeNumber("--jobs", shortForm, 0, 256);
}

std::vector<std::string> ArgParser::positional() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (!used_[i] && !(args_[i].rfind("--", 0) == 0 && args_[i].size() > 2))
            out.push_back(args_[i]);
    return out;
}

void ArgParser::rejectUnknown() const
{
    for (std::size_t i = 0; i < args_.size(); ++i)
        if (!used_[i] && args_[i].rfind("--", 0) == 0 && args_[i].size() > 2)
            throw UsageError("unknown option " + args_[i]);
}

} // namespace gs::cli

namespace {

void printOverview(std::ostream& out)
{
    auto list = gs::cli::commands();
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    out << "genrescope-cli " << GENRESCOPE_VERSION << " — explore and classify music by genre\n\n"
        << "usage: genrescope-cli COMMAND [ARGS...]   (genrescope-cli help COMMAND for details)\n\ncommands:\n";
    for (const auto& c : list)
        out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.synopsis << '\n';
}

// One line per library: name, version, licence (the versions the loaded libraries report).
void printLibraries(std::ostream& out)
{
    for (const auto& lib : gs::libraryVersions())
        out << "  " << lib.name << std::string(lib.name.size() < 12 ? 12 - lib.name.size() : 1, ' ') << lib.version
            << "  (" << lib.licence << ")\n";
}

} // namespace

int main(int argc, char** argv)
{
    using namespace gs::cli;
    Args args(argv + 1, argv + argc);
    // `help` alone is a request for the overview, like --help.
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || (args.size() == 1 && args[0] == "help")) {
        printOverview(args.empty() ? std::cerr : std::cout);
        return args.empty() ? kExitUsage : kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "genrescope-cli " << GENRESCOPE_VERSION << '\n';
        if (std::find(args.begin(), args.end(), "--verbose") != args.end())
            printLibraries(std::cout);
        return kExitOk;
    }
    const bool help = args[0] == "help";
    const std::string name = help ? (args.size() > 1 ? args[1] : "") : args[0];
    for (const auto& command : commands()) {
        if (command.name != name)
            continue;
        Args rest(args.begin() + (help ? 2 : 1), args.end());
        if (help || std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
            std::cout << command.usage << '\n';
            return kExitOk;
        }
        try {
            return command.run(rest);
        } catch (const UsageError& e) {
            std::cerr << "genrescope-cli " << name << ": " << e.what() << "\n\n" << command.usage << '\n';
            return kExitUsage;
        } catch (const gs::Error& e) {
            std::cerr << "genrescope-cli " << name << ": " << e.what() << '\n';
            return e.kind() == gs::ErrorKind::InvalidArgument ? kExitUsage : kExitSomeFailed;
        } catch (const std::exception& e) {
            std::cerr << "genrescope-cli " << name << ": " << e.what() << '\n';
            return kExitSomeFailed;
        }
    }
    std::cerr << "genrescope-cli: unknown command '" << name << "'\n\n";
    printOverview(std::cerr);
    return kExitUsage;
}
