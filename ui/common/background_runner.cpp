#include "ui/common/background_runner.h"

#include "core/common/error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaObject>
#include <QPointer>
#include <QRunnable>
#include <QThread>

#include <atomic>
#include <chrono>
#include <mutex>

namespace gs::ui {

struct BackgroundRunner::State {
    QPointer<BackgroundRunner> owner;
    CancelToken cancel;
    std::atomic<bool> superseded{false};
    bool finishedApplied = false; // GUI thread only

    std::mutex progressMutex;
    std::chrono::steady_clock::time_point lastProgress{};

    bool current() const { return !superseded.load() && !cancel.cancelled(); }
};

QString errorText(const std::exception& e)
{
    if (const auto* error = dynamic_cast<const Error*>(&e))
        return QStringLiteral("%1: %2").arg(QString::fromUtf8(toString(error->kind())),
                                            QString::fromStdString(error->reason()));
    return QString::fromUtf8(e.what());
}

// Work reaches the pool, and results the GUI thread, through Qt's queues, whose locks (futexes
// inside Qt, which is not instrumented) ThreadSanitizer cannot see: without these annotations
// every value a worker hands over looks like a race with the thread that reads it. Each
// hand-off releases on the object handed over (the run, the posted call) once it is complete,
// and the receiving thread acquires it before reading it. No-ops outside TSan.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
namespace {
void handOff(const void* key) { __tsan_release(const_cast<void*>(key)); }
void takeOver(const void* key) { __tsan_acquire(const_cast<void*>(key)); }
} // namespace
#else
namespace {
void handOff(const void*) {}
void takeOver(const void*) {}
} // namespace
#endif

BackgroundRunner::Context::Context(std::shared_ptr<State> state) : state_(std::move(state)) {}

const CancelToken& BackgroundRunner::Context::cancel() const { return state_->cancel; }

bool BackgroundRunner::Context::current() const { return state_->current(); }

void BackgroundRunner::Context::post(std::function<void()> fn) const
{
    if (auto* owner = state_->owner.data())
        owner->deliver(state_, std::move(fn));
}

void BackgroundRunner::Context::postUnlessCancelled(std::function<void()> fn) const
{
    post([state = state_, fn = std::move(fn)] {
        if (!state->cancel.cancelled())
            fn();
    });
}

void BackgroundRunner::Context::progress(const ProgressInfo& info) const
{
    {
        std::lock_guard lock(state_->progressMutex);
        const auto now = std::chrono::steady_clock::now();
        const bool last = info.total > 0 && info.done >= info.total;
        if (!last && now - state_->lastProgress < std::chrono::milliseconds(50))
            return;
        state_->lastProgress = now;
    }
    auto* owner = state_->owner.data();
    if (!owner)
        return;
    owner->deliver(state_, [owner, info] { emit owner->progress(info); });
}

ProgressFn BackgroundRunner::Context::progressFn() const
{
    return [self = *this](const ProgressInfo& info) { self.progress(info); };
}

BackgroundRunner::BackgroundRunner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<gs::ProgressInfo>();
    pool_.setMaxThreadCount(1);
}

BackgroundRunner::~BackgroundRunner()
{
    if (current_) {
        current_->superseded = true;
        current_->cancel.cancel();
    }
    pool_.waitForDone();
}

// The work of one run. We allocate it (and its captures) before the hand-off, so the pooled
// thread that runs and deletes it is ordered after everything the GUI thread wrote
// (QThreadPool's own std::function wrapper would be allocated inside Qt, after the hand-off).
class BackgroundRunner::Run final : public QRunnable {
public:
    Run(BackgroundRunner* owner, std::shared_ptr<State> state, Work work)
        : owner_(owner), state_(std::move(state)), work_(std::move(work))
    {
        setAutoDelete(true);
    }

    void run() override
    {
        takeOver(this);
        Context context(state_);
        bool cancelled = false;
        QString error;
        try {
            work_(context);
            cancelled = state_->cancel.cancelled();
        } catch (const Error& e) {
            cancelled = e.kind() == ErrorKind::Cancelled || state_->cancel.cancelled();
            if (!cancelled)
                error = errorText(e);
        } catch (const std::exception& e) {
            error = errorText(e);
        }
        // Always delivered (even when superseded) so that finishedApplied is set.
        owner_->queueOnGuiThread([owner = owner_, state = state_, cancelled, error] {
            owner->finish(state, cancelled, error);
        });
    }

private:
    BackgroundRunner* owner_;
    std::shared_ptr<State> state_;
    Work work_;
};

// A call queued to the GUI thread. A posted event rather than a queued functor: we allocate it
// (and move the captures in) before the hand-off, and Qt deletes it on the GUI thread once
// delivered, or with the runner, so captures the GUI thread used (a SongView, a finished
// comparison) are never freed by the worker that posted them.
class BackgroundRunner::GuiCall final : public QEvent {
public:
    explicit GuiCall(std::function<void()> fn) : QEvent(type()), fn_(std::move(fn)) {}

    static QEvent::Type type()
    {
        static const auto registered = QEvent::Type(QEvent::registerEventType());
        return registered;
    }

    void run() { fn_(); }

private:
    std::function<void()> fn_;
};

void BackgroundRunner::queueOnGuiThread(std::function<void()> fn)
{
    auto* call = new GuiCall(std::move(fn));
    handOff(call);
    QCoreApplication::postEvent(this, call);
}

bool BackgroundRunner::event(QEvent* event)
{
    takeOver(event); // before reading it: a GuiCall was written by the worker that posted it
    if (event->type() != GuiCall::type())
        return QObject::event(event);
    static_cast<GuiCall*>(event)->run();
    return true;
}

void BackgroundRunner::start(Work work)
{
    const bool wasBusy = isBusy();
    if (current_) {
        current_->superseded = true;
        current_->cancel.cancel();
    }
    auto state = std::make_shared<State>();
    state->owner = this;
    current_ = state;
    auto* run = new Run(this, state, std::move(work));
    handOff(run);
    pool_.start(run);
    if (!wasBusy)
        emit busyChanged(true);
}

void BackgroundRunner::deliver(const std::shared_ptr<State>& state, std::function<void()> fn)
{
    queueOnGuiThread([this, state, fn = std::move(fn)] {
        // Cancelled runs still deliver what they finished (kept, like songs analysed
        // before Cancel); superseded ones deliver nothing.
        if (state == current_ && !state->superseded)
            fn();
    });
}

void BackgroundRunner::finish(const std::shared_ptr<State>& state, bool cancelled, const QString& error)
{
    state->finishedApplied = true;
    if (state != current_)
        return; // a newer run owns the signals now
    if (!error.isEmpty())
        emit failed(error);
    emit finished(cancelled);
    emit busyChanged(false);
}

void BackgroundRunner::cancel()
{
    if (current_)
        current_->cancel.cancel();
}

bool BackgroundRunner::isBusy() const { return current_ && !current_->finishedApplied; }

bool BackgroundRunner::waitForIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (isBusy()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    QCoreApplication::processEvents();
    return true;
}

} // namespace gs::ui
