#pragma once
// Shared by the UI benchmarks (bench_ui_*.cpp): header-only, each benchmark is its own program.
// (Not named ui_*.h: AUTOUIC takes such includes for generated forms.)
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

namespace gs::bench {

// Runs the event loop (sleeping when idle, as the app's does: no busy polling that would steal
// a core from the workers) until pred() or the timeout.
template <class Pred> bool spinUntil(Pred pred, int timeoutMs = 1800000)
{
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer t;
    t.start();
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (pred() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(5);
    if (!pred())
        loop.exec();
    return pred();
}

} // namespace gs::bench
