#pragma once
// The one background-run helper of the UI: runs a piece of work on a worker thread with a
// cancel token and throttled progress, and delivers its results to the GUI thread through
// queued calls that are dropped once the run is stale (superseded by a newer start()). Sessions own one runner per kind of work (open a folder, show a song, train,
// classify); widgets never start threads themselves.
#include "core/common/progress.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace gs::ui {

class BackgroundRunner : public QObject {
    Q_OBJECT
public:
    struct State;

    // What the work sees on its worker thread.
    class Context {
    public:
        explicit Context(std::shared_ptr<State> state);
        const CancelToken& cancel() const;
        // False once cancelled or superseded: results would be dropped, so stop early.
        bool current() const;
        // Runs fn on the GUI thread, in order, unless a newer start() superseded this run
        // (a cancelled run still delivers what it finished).
        void post(std::function<void()> fn) const;
        // Like post(), but also dropped when the run has been cancelled by the time fn would
        // run: for all-or-nothing results (a finished comparison) that Cancel must discard.
        void postUnlessCancelled(std::function<void()> fn) const;
        // Thread-safe; delivered at most every 50 ms (and always when done == total).
        void progress(const ProgressInfo& info) const;
        ProgressFn progressFn() const;

    private:
        std::shared_ptr<State> state_;
    };
    using Work = std::function<void(Context&)>;

    explicit BackgroundRunner(QObject* parent = nullptr);
    ~BackgroundRunner() override; // cancels and waits for the worker

    // Cancels the current run (its pending results are dropped) and starts `work`. A
    // gs::Error(Cancelled) from work ends the run as cancelled; any other exception as failed().
    void start(Work work);
    void cancel();
    bool isBusy() const;
    // Blocks until idle, processing events (tests, screenshots). False on timeout.
    bool waitForIdle(int timeoutMs = 600000);

signals:
    void progress(const gs::ProgressInfo& info);
    void failed(const QString& reason);
    // After the work returned and everything it posted ran.
    void finished(bool cancelled);
    void busyChanged(bool busy);

private:
    class Run;
    class GuiCall;
    bool event(QEvent* event) override;
    void queueOnGuiThread(std::function<void()> fn);
    void deliver(const std::shared_ptr<State>& state, std::function<void()> fn);
    void finish(const std::shared_ptr<State>& state, bool cancelled, const QString& error);

    QThreadPool pool_;
    std::shared_ptr<State> current_;
};

// "gs::Error kind: reason" as the UI shows it.
QString errorText(const std::exception& e);

} // namespace gs::ui

Q_DECLARE_METATYPE(gs::ProgressInfo)
