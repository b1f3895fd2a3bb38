#pragma once
// The one console mechanism of the CLI: Ctrl-C / SIGTERM cancel and the progress line on
// stderr, shared by every long-running command.
#include "core/common/progress.h"

#include <string>

namespace gs::cli {

// Installs the SIGINT / SIGTERM handler once (idempotent) and returns the token it cancels.
// Long work polls the token between steps, so an interrupted run stops cleanly: no half
// file written, temporary files removed.
const CancelToken& interruptOnSignal();

// "12 s", "3 min 07 s", "?" for an unknown (negative) time.
std::string formatSeconds(double seconds);

// A progress printer for stderr: one updating line on a terminal, a line every 10 % in a
// log. Empty (prints nothing) when quiet. The line shows [done/total], the percentage,
// the stage when the work names one, the elapsed time and the ETA.
ProgressFn consoleProgress(bool quiet);

// Ends the updating terminal line after a progress run, so the next message starts on its
// own line (a log already has one line per report).
void endProgressLine(bool quiet);

} // namespace gs::cli
