// Built and run only under ThreadSanitizer (scripts/sanitize.sh tsan): a race in our own code,
// on purpose, in a program that does what the UI does (a BackgroundRunner worker, QtGui scaling an
// image on Qt's pool, queued deliveries). The CTest entry passes only if TSan reports the race
// with our frame on top: proof that scripts/sanitizers/tsan.supp, which ignores what Qt, QtGui and
// GLib do among themselves, does not also hide races in code we wrote.
#include "ui/common/background_runner.h"

#include <QApplication>
#include <QImage>
#include <QTest>

#include <vector>

class TsanCanary : public QObject {
    Q_OBJECT
private slots:
    void unsynchronisedWriteAndReadAreReported()
    {
        gs::ui::BackgroundRunner runner;
        std::vector<int> numbers(4096, 1);
        runner.start([&numbers](gs::ui::BackgroundRunner::Context& context) {
            for (std::size_t i = 0; i < numbers.size(); ++i)
                numbers[i] = int(i); // written on the worker...
            context.post([] {});
        });
        long sum = 0;
        for (int value : numbers)
            sum += value; // ...and read on the GUI thread with nothing ordering the two
        QImage image(1500, 1500, QImage::Format_ARGB32);
        image.fill(Qt::darkGreen);
        const QImage scaled = image.scaled(400, 400, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QVERIFY(runner.waitForIdle());
        QVERIFY(sum > 0);
        QCOMPARE(scaled.width(), 400);
    }
};

QTEST_MAIN(TsanCanary)
#include "tsan_canary.moc"
