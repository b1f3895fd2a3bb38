// The worker pool: every item once, failures captured per item, progress and cancel.
#include "core/common/error.h"
#include "core/jobs/parallel.h"
#include "tests/testsupport.h"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

class TestJobs : public QObject {
    Q_OBJECT
private slots:
    void everyItemRunsOnceOnStableWorkers()
    {
        const std::size_t n = 1000;
        std::vector<std::atomic<int>> hits(n);
        std::vector<std::atomic<int>> workerOf(n);
        std::mutex m;
        std::map<int, std::thread::id> threadOfWorker;
        bool stable = true;
        gs::ParallelOptions opt;
        opt.threads = 3;
        const auto out = gs::parallelFor(n, [&](std::size_t i, int w) {
            hits[i]++;
            workerOf[i] = w;
            std::lock_guard lock(m);
            auto [it, inserted] = threadOfWorker.emplace(w, std::this_thread::get_id());
            if (!inserted && it->second != std::this_thread::get_id())
                stable = false;
        }, opt);
        QCOMPARE(out.completed, n);
        QVERIFY(out.failures.empty());
        QVERIFY(!out.cancelled);
        for (std::size_t i = 0; i < n; ++i) {
            QCOMPARE(hits[i].load(), 1);
            QVERIFY(workerOf[i] >= 0 && workerOf[i] < 3);
        }
        QVERIFY(stable);
        QVERIFY(threadOfWorker.size() <= 3);

        // More threads than items: clamped, nothing breaks; zero items is fine.
        opt.threads = 16;
        QCOMPARE(gs::parallelFor(2, [](std::size_t, int w) { QVERIFY(w < 2); }, opt).completed, std::size_t(2));
        QCOMPARE(gs::parallelFor(0, [](std::size_t, int) {}, opt).completed, std::size_t(0));
    }

    void failuresAreCapturedPerItem()
    {
        gs::ParallelOptions opt;
        opt.threads = 2;
        const auto out = gs::parallelFor(50, [](std::size_t i, int) {
            if (i % 10 == 3)
                throw gs::Error(gs::ErrorKind::Corrupt, "song" + std::to_string(i) + ".mp3", "bad frame");
            if (i == 44)
                throw std::runtime_error("boom");
        }, opt);
        QCOMPARE(out.completed, std::size_t(44));
        QCOMPARE(out.failures.size(), std::size_t(6));
        QCOMPARE(out.failures.front().index, std::size_t(3));
        QVERIFY(out.failures.front().kind == gs::ErrorKind::Corrupt);
        QCOMPARE(out.failures.front().subject, std::string("song3.mp3"));
        QCOMPARE(out.failures.front().reason, std::string("bad frame"));
        QCOMPARE(out.failures[4].index, std::size_t(43));
        QCOMPARE(out.failures[5].index, std::size_t(44));
        QVERIFY(out.failures[5].kind == gs::ErrorKind::Internal);
        QCOMPARE(out.failures[5].reason, std::string("boom"));
    }

    void progressCountsUpWithEta()
    {
        std::vector<gs::ProgressInfo> seen;
        std::atomic<int> concurrentCalls{0};
        bool overlapped = false;
        gs::ParallelOptions opt;
        opt.threads = 2;
        opt.stage = "extract";
        opt.progress = [&](const gs::ProgressInfo& p) {
            if (concurrentCalls.fetch_add(1) != 0)
                overlapped = true;
            seen.push_back(p);
            concurrentCalls.fetch_sub(1);
        };
        gs::parallelFor(40, [](std::size_t, int) { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }, opt);
        QVERIFY(!overlapped);
        QCOMPARE(seen.size(), std::size_t(40));
        for (std::size_t i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i].done, i + 1);
            QCOMPARE(seen[i].total, std::size_t(40));
            QCOMPARE(seen[i].stage, std::string("extract"));
            QVERIFY(seen[i].etaSeconds >= 0);
        }
        QCOMPARE(seen.back().etaSeconds, 0.0);
        QCOMPARE(gs::estimateRemainingSeconds(0, 10, 1.0), -1.0);
        QCOMPARE(gs::estimateRemainingSeconds(5, 10, 2.0), 2.0);
    }

    void cancelStopsHandingOutItems()
    {
        gs::CancelToken token;
        std::atomic<int> started{0};
        gs::ParallelOptions opt;
        opt.threads = 2;
        opt.cancel = &token;
        const auto out = gs::parallelFor(10000, [&](std::size_t i, int) {
            if (++started == 20)
                token.cancel();
            if (token.cancelled())
                token.throwIfCancelled("item");  // a body noticing the cancel mid-way
        }, opt);
        QVERIFY(out.cancelled);
        QVERIFY(out.failures.empty());  // cancelled items are not failures
        QVERIFY(started.load() < 30);
        QVERIFY(out.completed < 30);
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "test_jobs.moc"
