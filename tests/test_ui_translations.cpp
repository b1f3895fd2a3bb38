// The German and Spanish translations: complete (no unfinished, empty, obsolete or vanished
// message), placeholders and plural forms intact, known terms right, accelerators unique per
// menu, and the .qm files the app embeds really change the texts of the main window.
// The .ts are read from the source tree and the .qm from the build tree (compile definitions
// GENRESCOPE_TRANSLATIONS_DIR / GENRESCOPE_QM_DIR set in the top CMakeLists.txt).
#include "tests/testsupport.h"
#include "ui/main_window.h"
#include "ui/session/dataset_session.h"

#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <map>
#include <set>

namespace {

struct Message {
    QString context, source, type; // type: "", "unfinished", "obsolete", "vanished"
    bool numerus = false;
    QStringList forms;             // one translation, or one per plural form
};

// Reads a Qt Linguist .ts file (the subset lupdate writes).
std::vector<Message> readTs(const QString& path, QString* language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.forms << xml.readElementText();
            else
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText(); // <numerusform>
            out.push_back(m);
        }
    }
    if (xml.hasError())
        qWarning("%s: %s at line %lld", qPrintable(path), qPrintable(xml.errorString()), xml.lineNumber());
    return xml.hasError() ? std::vector<Message>{} : out;
}

QString tsPath(const QString& lang)
{
    return QStringLiteral(GENRESCOPE_TRANSLATIONS_DIR "/genrescope_%1.ts").arg(lang);
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n|v|m)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

QString translated(const std::vector<Message>& messages, const QString& source, int form = 0)
{
    for (const auto& m : messages)
        if (m.source == source && form < m.forms.size())
            return m.forms[form];
    return {};
}

// The accelerator letter of a menu or tab text ("Modelle &vergleichen" -> 'v'), or a null QChar.
QChar mnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// Names every menu (and the tab bar) in which two entries share an accelerator.
QStringList clashes(const QString& where, const QStringList& texts)
{
    std::map<QChar, QString> seen;
    QStringList out;
    for (const QString& t : texts) {
        const QChar c = mnemonic(t);
        if (c.isNull())
            continue;
        if (auto it = seen.find(c); it != seen.end())
            out << QStringLiteral("%1: '%2' and '%3' both use &%4").arg(where, it->second, t, c);
        else
            seen.emplace(c, t);
    }
    return out;
}

QStringList menuClashes(QMenu* menu)
{
    QStringList texts, out;
    for (QAction* a : menu->actions()) {
        if (a->isSeparator())
            continue;
        texts << a->text();
        if (a->menu())
            out << menuClashes(a->menu());
    }
    return clashes(menu->title(), texts) + out;
}

QTabWidget* pageTabs(gs::ui::MainWindow& window)
{
    // The page tabs are the QTabWidget holding the Songs page.
    for (auto* tabs : window.findChildren<QTabWidget*>())
        if (tabs->indexOf(window.page(QStringLiteral("songs"))) >= 0)
            return tabs;
    return nullptr;
}

} // namespace

class TestUiTranslations : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    gs::ui::DatasetSession::Options options()
    {
        gs::ui::DatasetSession::Options o;
        o.cacheFile = std::filesystem::path(tmp_.path().toStdString()) / "cache.sqlite";
        return o;
    }

private slots:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("tsLanguage");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("de_DE");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("es_ES");
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, lang);
        QFETCH(QString, tsLanguage);
        QString language;
        const auto messages = readTs(tsPath(lang), &language);
        QVERIFY2(messages.size() > 400, qPrintable(tsPath(lang)));
        QCOMPARE(language, tsLanguage);
        QStringList problems;
        for (const auto& m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source.left(70);
            if (!m.type.isEmpty())
                problems << m.type + QStringLiteral(" — ") + where;
            // German and Spanish both have two plural forms (one, other).
            if (m.numerus && m.forms.size() != 2)
                problems << QStringLiteral("%1 plural forms — ").arg(m.forms.size()) + where;
            for (const QString& form : m.forms) {
                if (form.trimmed().isEmpty())
                    problems << QStringLiteral("empty — ") + where;
                else if (placeholders(form) != placeholders(m.source))
                    problems << QStringLiteral("placeholders %1 instead of %2 — ")
                                    .arg(placeholders(form).join(QLatin1Char(' ')),
                                         placeholders(m.source).join(QLatin1Char(' '))) +
                                    where;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void bothLanguagesHaveTheSameMessages()
    {
        QString de, es;
        std::set<std::pair<QString, QString>> a, b;
        for (const auto& m : readTs(tsPath(QStringLiteral("de")), &de))
            a.emplace(m.context, m.source);
        for (const auto& m : readTs(tsPath(QStringLiteral("es")), &es))
            b.emplace(m.context, m.source);
        QVERIFY(!a.empty());
        QVERIFY(a == b);
    }

    void knownTerms()
    {
        QString lang;
        const auto de = readTs(tsPath(QStringLiteral("de")), &lang);
        const auto es = readTs(tsPath(QStringLiteral("es")), &lang);
        QCOMPARE(translated(de, QStringLiteral("&File")), QStringLiteral("&Datei"));
        QCOMPARE(translated(es, QStringLiteral("&File")), QStringLiteral("&Archivo"));
        QCOMPARE(translated(de, QStringLiteral("&Compare Models")), QStringLiteral("Modelle &vergleichen"));
        QCOMPARE(translated(es, QStringLiteral("&Compare Models")), QStringLiteral("Co&mparar modelos"));
        QCOMPARE(translated(de, QStringLiteral("Confusion matrix")), QStringLiteral("Konfusionsmatrix"));
        QCOMPARE(translated(es, QStringLiteral("Confusion matrix")), QStringLiteral("Matriz de confusión"));
        QCOMPARE(translated(de, QStringLiteral("Cross-validation")), QStringLiteral("Kreuzvalidierung"));
        QCOMPARE(translated(es, QStringLiteral("Cross-validation")), QStringLiteral("Validación cruzada"));
        QCOMPARE(translated(es, QStringLiteral("%n channel(s)"), 0), QStringLiteral("%n canal"));
        QCOMPARE(translated(es, QStringLiteral("%n channel(s)"), 1), QStringLiteral("%n canales"));
    }

    void compiledTranslationsPickTheRightPluralForm()
    {
        QTranslator de, es;
        QVERIFY(de.load(QStringLiteral(GENRESCOPE_QM_DIR "/genrescope_de.qm")));
        QVERIFY(es.load(QStringLiteral(GENRESCOPE_QM_DIR "/genrescope_es.qm")));
        QCOMPARE(de.language(), QStringLiteral("de_DE"));
        QCOMPARE(es.language(), QStringLiteral("es_ES"));
        const char* ctx = "gs::ui::SongTableModel";
        // QTranslator returns the form with %n still in it; tr() substitutes the number.
        QCOMPARE(de.translate(ctx, "%n channel(s)", nullptr, 1), QStringLiteral("%n Kanal"));
        QCOMPARE(de.translate(ctx, "%n channel(s)", nullptr, 2), QStringLiteral("%n Kanäle"));
        QCOMPARE(es.translate(ctx, "%n channel(s)", nullptr, 1), QStringLiteral("%n canal"));
        QCOMPARE(es.translate(ctx, "%n channel(s)", nullptr, 0), QStringLiteral("%n canales"));
        QCOMPARE(es.translate("gs::ui::MainWindow", "&File"), QStringLiteral("&Archivo"));
        // The report's texts live in a context of their own that lupdate and the run time agree on.
        QCOMPARE(de.translate("gs::ui::ReportExport", "Genrescope report — %1"), QStringLiteral("Genrescope-Bericht — %1"));
    }

    void installedTranslatorChangesTheMainWindow_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("compare");
        QTest::addColumn<QString>("confusion");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Modelle &vergleichen")
                            << QStringLiteral("&Konfusionsmatrix");
        QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("&Archivo") << QStringLiteral("Co&mparar modelos")
                            << QStringLiteral("Matriz de con&fusión");
    }

    void installedTranslatorChangesTheMainWindow()
    {
        QFETCH(QString, lang);
        QFETCH(QString, file);
        QFETCH(QString, compare);
        QFETCH(QString, confusion);
        QVERIFY(tmp_.isValid());
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(GENRESCOPE_QM_DIR "/genrescope_%1.qm").arg(lang)));
        QVERIFY(QApplication::installTranslator(&translator));
        {
            gs::ui::MainWindow window(options());
            QTabWidget* tabs = pageTabs(window);
            QVERIFY(tabs);
            // Tabs show the page titles without their accelerator (the View menu has it).
            QCOMPARE(tabs->tabText(tabs->indexOf(window.page(QStringLiteral("compare")))),
                     QString(compare).remove(QLatin1Char('&')));
            QCOMPARE(tabs->tabText(tabs->indexOf(window.page(QStringLiteral("confusion")))),
                     QString(confusion).remove(QLatin1Char('&')));
            QStringList menuTitles, problems;
            for (QAction* a : window.menuBar()->actions()) {
                menuTitles << a->text();
                if (a->menu())
                    problems << menuClashes(a->menu());
            }
            QCOMPARE(menuTitles.value(0), file);
            problems << clashes(QStringLiteral("menu bar"), menuTitles);
            // The View menu: the one whose first actions are the pages (File, Edit, View, Help).
            QMenu* viewMenu = nullptr;
            for (QAction* a : window.menuBar()->actions())
                if (a->menu() && a->menu()->actions().size() >= tabs->count() &&
                    a->menu()->actions().value(0)->text().remove(QLatin1Char('&')) == tabs->tabText(0))
                    viewMenu = a->menu();
            QVERIFY(viewMenu);
            QVERIFY(viewMenu->actions().size() >= tabs->count());
            QCOMPARE(viewMenu->actions().value(tabs->indexOf(window.page(QStringLiteral("compare"))))->text(), compare);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        QApplication::removeTranslator(&translator);
        gs::ui::MainWindow english(options());
        QCOMPARE(english.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    }
};

QTEST_MAIN(TestUiTranslations)
#include "test_ui_translations.moc"
