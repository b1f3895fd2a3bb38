#pragma once
// genrescope-cli sub-commands register themselves here, one file per command, so that
// adding one never touches main.cpp. Exit codes: 0 all good, 1 some inputs failed,
// 2 usage error.
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gs::cli {

using Args = std::vector<std::string>;

struct Command {
    std::string name;
    std::string synopsis;  // one line for the command list
    std::string usage;     // full help text
    std::function<int(const Args&)> run;
};

std::vector<Command>& commands();

struct CommandRegistrar {
    explicit CommandRegistrar(Command command) { commands().push_back(std::move(command)); }
};

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// Small shared argument helpers: "--name value" and "--name=value" forms.
class ArgParser {
public:
    explicit ArgParser(const Args& args);
    bool flag(const std::string& name);                     // consumes --name
    std::string option(const std::string& name, const std::string& fallback = {}); // consumes --name V
    double number(const std::string& name, double fallback);  // throws UsageError on junk
    // A whole number in [minimum, maximum]; throws UsageError otherwise.
    int wholeNumber(const std::string& name, int fallback, int minimum, int maximum);
    // Worker threads: -j N or --jobs N, 0..256, 0 (the default) = all cores.
    int threads();
    std::vector<std::string> positional() const;             // what is left, in order
    void rejectUnknown() const;                              // throws UsageError on leftover --x

private:
    std::vector<std::string> args_;
    std::vector<bool> used_;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace gs::cli
