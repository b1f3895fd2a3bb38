#pragma once
// Long work in the core takes a Progress callback and a CancelToken. Neither knows about
// threads or widgets: the UI wraps them in queued signals, the CLI prints to stderr.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace gs {

class CancelToken {
public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() noexcept { cancelled_.store(false, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
    // Throws gs::Error(Cancelled) when cancelled; call between steps.
    void throwIfCancelled(const std::string& what = {}) const;

private:
    std::atomic<bool> cancelled_{false};
};

struct ProgressInfo {
    std::size_t done = 0;      // steps finished
    std::size_t total = 0;     // steps overall (0 = unknown)
    std::string stage;         // e.g. "fold 3/10 · svm-rbf" or a file name
    double elapsedSeconds = 0;
    double etaSeconds = -1;    // < 0 = unknown
};

// Called from worker threads; implementations must be thread-safe and cheap.
using ProgressFn = std::function<void(const ProgressInfo&)>;

} // namespace gs
