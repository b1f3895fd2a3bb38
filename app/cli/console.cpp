#include "app/cli/console.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <mutex>

namespace gs::cli {
namespace {

CancelToken gInterrupt;

extern "C" void onInterruptSignal(int)
{
    gInterrupt.cancel(); // an atomic store: safe in a signal handler
}

bool stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

} // namespace

const CancelToken& interruptOnSignal()
{
    static const bool installed = [] {
        std::signal(SIGINT, onInterruptSignal);
        std::signal(SIGTERM, onInterruptSignal);
        return true;
    }();
    (void)installed;
    return gInterrupt;
}

std::string formatSeconds(double seconds)
{
    if (!(seconds >= 0))
        return "?";
    char text[32];
    if (seconds < 90)
        std::snprintf(text, sizeof text, "%.0f s", seconds);
    else
        std::snprintf(text, sizeof text, "%d min %02d s", int(seconds) / 60, int(seconds) % 60);
    return text;
}

ProgressFn consoleProgress(bool quiet)
{
    if (quiet)
        return {};
    struct State {
        std::mutex mutex;
        std::size_t lastPercent = 0;
        bool started = false;
        bool tty = stderrIsTerminal();
    };
    auto state = std::make_shared<State>();
    // Called from worker threads: one line at a time.
    return [state](const ProgressInfo& p) {
        std::lock_guard lock(state->mutex);
        const std::size_t percent = p.total ? p.done * 100 / p.total : 100;
        if (!state->tty && state->started && percent < state->lastPercent + 10 && p.done != p.total)
            return;
        state->started = true;
        state->lastPercent = percent;
        const std::string stage = p.stage.empty() ? "" : "  " + p.stage;
        std::fprintf(stderr, "%s[%zu/%zu] %3zu%%%s  elapsed %s  ETA %s%s", state->tty ? "\r\033[K" : "", p.done, p.total,
                     percent, stage.c_str(), formatSeconds(p.elapsedSeconds).c_str(),
                     formatSeconds(p.etaSeconds).c_str(), state->tty ? "" : "\n");
        std::fflush(stderr);
    };
}

void endProgressLine(bool quiet)
{
    if (!quiet && stderrIsTerminal())
        std::fputc('\n', stderr);
}

} // namespace gs::cli
