#pragma once
// Running independent items (songs) on a few worker threads, with progress, ETA and
// cancellation. One item's exception is that item's failure; the rest carry on.
#include "core/common/error.h"
#include "core/common/progress.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace gs {

struct ItemFailure {
    std::size_t index = 0;
    ErrorKind kind = ErrorKind::Internal;
    std::string subject;  // usually the file
    std::string reason;
};

struct ParallelOptions {
    int threads = 0;                  // 0 = one per hardware thread; never more than items
    ProgressFn progress;              // after every item, serialised (never two calls at once)
    const CancelToken* cancel = nullptr;
    std::string stage;                // copied into ProgressInfo::stage
};

struct ParallelOutcome {
    std::size_t completed = 0;        // items whose body returned normally
    std::vector<ItemFailure> failures;  // sorted by index
    bool cancelled = false;           // items not started were skipped
    double elapsedSeconds = 0;
};

// Calls body(index, worker) once for every index in [0, count); worker is in [0, threads)
// and stable per thread, so callers can keep per-worker state (FFT plans, extractors).
// A gs::Error keeps its kind; other exceptions become Internal. Cancellation stops handing
// out items; running ones finish (they should poll the token themselves). Never throws
// for item failures; an item failing with Cancelled after cancel() is not a failure.
ParallelOutcome parallelFor(std::size_t count, const std::function<void(std::size_t index, int worker)>& body,
                            const ParallelOptions& options = {});

int defaultThreadCount();

// Estimated seconds left after `done` of `total` items took `elapsed` seconds; < 0 = unknown.
double estimateRemainingSeconds(std::size_t done, std::size_t total, double elapsed);

} // namespace gs
