// Imbalanced collections in the UI: the class-balance chart's log scale (same bars, a
// logarithmic axis whose bars start below one song) and the genre hierarchy view (nested
// genre folders -> parents, songs per genre and per parent, loops cut, empty states).
#include "ui/charts/eda_charts.h"
#include "ui/panels/genre_hierarchy_panel.h"
#include "tests/testsupport.h"

#include <qcustomplot.h>

#include <QStandardItemModel>
#include <QTreeView>

using gs::ui::GenreHierarchy;
using gs::ui::GenreHierarchyPanel;

namespace {

std::shared_ptr<gs::ui::EdaData> skewedData()
{
    auto d = std::make_shared<gs::ui::EdaData>();
    d->genres = {QStringLiteral("rock"), QStringLiteral("jazz")};
    d->songsPerGenre = {3000, 1};
    return d;
}

std::vector<QCPBars*> barsOf(QCustomPlot* p)
{
    std::vector<QCPBars*> out;
    for (int i = 0; i < p->plottableCount(); ++i)
        if (auto* b = qobject_cast<QCPBars*>(p->plottable(i)))
            out.push_back(b);
    return out;
}

// The model row of `name` under `parent` (invalid index = top level).
QModelIndex rowOf(const QStandardItemModel* model, const QString& name, const QModelIndex& parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, GenreHierarchyPanel::GenreColumn, parent);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

int countAt(const QModelIndex& genre, int column)
{
    return genre.sibling(genre.row(), column).data().toInt();
}

} // namespace

class TestUiBalance : public QObject {
    Q_OBJECT

private slots:
    void classBalanceLogScaleKeepsTheCounts()
    {
        gs::ui::ClassBalanceChart chart;
        chart.setData(skewedData());
        chart.ensureCurrent();
        QVERIFY(!chart.logScale());
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(chart.plot()->yAxis->range().lower, 0.0);

        chart.setLogScale(true); // the toolbar check box redraws at once
        QVERIFY(chart.logScale());
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        const auto bars = barsOf(chart.plot());
        QCOMPARE(bars.size(), std::size_t(2));
        QCOMPARE(bars[0]->data()->at(0)->value, 3000.0);
        QCOMPARE(bars[1]->data()->at(0)->value, 1.0);
        // A log axis has no 0: bars start at half a song, so the 1-song genre still shows.
        QCOMPARE(bars[1]->baseValue(), 0.5);
        QVERIFY(chart.plot()->yAxis->range().lower > 0 && chart.plot()->yAxis->range().lower < 1.0);
        QVERIFY(chart.plot()->yAxis->range().upper >= 3000.0);

        chart.setLogScale(false);
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(barsOf(chart.plot())[1]->baseValue(), 0.0);
    }

    void hierarchyFromNestedFolders()
    {
        const QStringList paths = {
            QStringLiteral("Rock/a.mp3"),           QStringLiteral("Rock/Punk/b.mp3"),
            QStringLiteral("Rock/Punk/c.mp3"),      QStringLiteral("Rock/Punk/Hardcore/d.mp3"),
            QStringLiteral("Pop/Alternative/e.mp3"), QStringLiteral("Rock/Alternative/f.mp3"),
            QStringLiteral("Jazz/g.mp3"),           QStringLiteral("root.mp3"),
        };
        const GenreHierarchy h = gs::ui::hierarchyFromFolders(paths);
        QCOMPARE(h.parentOf.value(QStringLiteral("Rock/Punk")), QStringLiteral("Rock"));
        QCOMPARE(h.parentOf.value(QStringLiteral("Rock/Punk/Hardcore")), QStringLiteral("Rock/Punk"));
        QCOMPARE(h.parentOf.value(QStringLiteral("Rock")), QString());
        QCOMPARE(h.songs.value(QStringLiteral("Rock")), 1);
        QCOMPARE(h.songs.value(QStringLiteral("Rock/Punk")), 2);
        QCOMPARE(h.songs.value(QStringLiteral("Pop")), 0); // only its sub-genre has songs
        QVERIFY(!h.songs.contains(QString()));              // root files have no genre
        const auto total = gs::ui::aggregatedSongs(h);
        QCOMPARE(total.value(QStringLiteral("Rock")), 5); // a, b, c, d, f
        QCOMPARE(total.value(QStringLiteral("Rock/Punk")), 3);
        QCOMPARE(total.value(QStringLiteral("Pop")), 1);
        QCOMPARE(total.value(QStringLiteral("Jazz")), 1);
        QVERIFY(gs::ui::hasHierarchy(h));

        GenreHierarchyPanel panel;
        panel.setHierarchy(h);
        const auto* model = panel.model();
        QCOMPARE(model->rowCount(), 3); // Jazz, Pop, Rock
        const QModelIndex rock = rowOf(model, QStringLiteral("Rock"));
        QVERIFY(rock.isValid());
        QCOMPARE(countAt(rock, GenreHierarchyPanel::OwnSongsColumn), 1);
        QCOMPARE(countAt(rock, GenreHierarchyPanel::TotalSongsColumn), 5);
        const QModelIndex punk = rowOf(model, QStringLiteral("Punk"), rock);
        QVERIFY(punk.isValid());
        QCOMPARE(countAt(punk, GenreHierarchyPanel::TotalSongsColumn), 3);
        QVERIFY(rowOf(model, QStringLiteral("Hardcore"), punk).isValid());
        // Two "Alternative" folders under different parents stay two genres.
        QVERIFY(rowOf(model, QStringLiteral("Alternative"), rock).isValid());
        QVERIFY(rowOf(model, QStringLiteral("Alternative"), rowOf(model, QStringLiteral("Pop"))).isValid());
        QVERIFY2(panel.summary().startsWith(QStringLiteral("7 genre(s) and sub-genre(s), 7 song(s)")), qPrintable(panel.summary()));
    }

    void parentLoopsAreCutAndFlatSetsSaySo()
    {
        GenreHierarchy loop; // FMA-style ids gone wrong: a -> b -> a
        loop.parentOf = {{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("b"), QStringLiteral("a")},
                         {QStringLiteral("c"), QStringLiteral("b")}};
        loop.songs = {{QStringLiteral("a"), 2}, {QStringLiteral("b"), 3}, {QStringLiteral("c"), 4}};
        const auto total = gs::ui::aggregatedSongs(loop);
        QCOMPARE(total.value(QStringLiteral("c")), 4);
        QCOMPARE(total.value(QStringLiteral("b")), 7); // b's own 3 and c's 4; a is cut off the loop
        QCOMPARE(total.value(QStringLiteral("a")), 2);
        GenreHierarchyPanel panel;
        panel.setHierarchy(loop); // must not hang
        QCOMPARE(panel.model()->rowCount(), 2); // a and b at the top, c under b

        GenreHierarchy flat = gs::ui::hierarchyFromFolders({QStringLiteral("blues/x.wav"), QStringLiteral("rock/y.wav")});
        QVERIFY(!gs::ui::hasHierarchy(flat));
        panel.setHierarchy(flat);
        QCOMPARE(panel.model()->rowCount(), 2);
        QVERIFY(panel.summary().contains(QStringLiteral("none nested")));
        panel.setHierarchy({});
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(panel.summary().contains(QStringLiteral("No genres yet")));
    }
};

QTEST_MAIN(TestUiBalance)
#include "test_ui_balance.moc"
