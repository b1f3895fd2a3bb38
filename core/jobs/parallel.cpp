#include "core/jobs/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace gs {

int defaultThreadCount()
{
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : int(n);
}

double estimateRemainingSeconds(std::size_t done, std::size_t total, double elapsed)
{
    if (done == 0 || total < done || elapsed <= 0)
        return -1;
    return elapsed / double(done) * double(total - done);
}

ParallelOutcome parallelFor(std::size_t count, const std::function<void(std::size_t, int)>& body,
                            const ParallelOptions& options)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    ParallelOutcome outcome;
    std::atomic<std::size_t> next{0};
    std::mutex mutex;  // guards outcome and serialises progress calls
    std::size_t finished = 0;

    auto cancelled = [&] { return options.cancel && options.cancel->cancelled(); };
    auto work = [&](int worker) {
        while (!cancelled()) {
            const std::size_t index = next.fetch_add(1);
            if (index >= count)
                return;
            bool ok = false;
            ItemFailure failure;
            failure.index = index;
            try {
                body(index, worker);
                ok = true;
            } catch (const Error& e) {
                failure.kind = e.kind();
                failure.subject = e.subject();
                failure.reason = e.reason();
            } catch (const std::exception& e) {
                failure.reason = e.what();
            } catch (...) {
                failure.reason = "unknown exception";
            }
            std::lock_guard lock(mutex);
            ++finished;
            if (ok)
                ++outcome.completed;
            else if (!(failure.kind == ErrorKind::Cancelled && cancelled()))
                outcome.failures.push_back(std::move(failure));
            if (options.progress) {
                ProgressInfo info;
                info.done = finished;
                info.total = count;
                info.stage = options.stage;
                info.elapsedSeconds = elapsed();
                info.etaSeconds = estimateRemainingSeconds(finished, count, info.elapsedSeconds);
                try {
                    options.progress(info);
                } catch (...) {
                    // A failing progress display must not take the batch (or the process) down.
                }
            }
        }
    };

    int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    threads = int(std::min<std::size_t>(std::size_t(std::max(threads, 1)), std::max<std::size_t>(count, 1)));
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        pool.reserve(std::size_t(threads));
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(work, t);
        for (auto& t : pool)
            t.join();
    }
    std::sort(outcome.failures.begin(), outcome.failures.end(),
              [](const ItemFailure& a, const ItemFailure& b) { return a.index < b.index; });
    outcome.cancelled = cancelled() && finished < count;
    outcome.elapsedSeconds = elapsed();
    return outcome;
}

} // namespace gs
