// The one CSV reader (core/common/csv.h): RFC 4180 quoting, line ends, line numbers, and the
// two policies for stray quotes (lenient as Python's csv module, strict for program-written
// tables). Expected fields are what Python's csv.reader returns for the same text.
#include "core/common/csv.h"
#include "core/common/error.h"

#include <QTest>

#include <string>
#include <vector>

namespace {

// The reason of the Format error parsing text throws, or "" when it parses.
std::string formatError(const std::string& text, gs::CsvQuotes quotes)
{
    try {
        gs::parseCsv(text, "t.csv", quotes);
    } catch (const gs::Error& e) {
        if (e.kind() != gs::ErrorKind::Format || e.subject() != "t.csv")
            return "wrong error: " + std::string(e.what());
        return e.reason();
    }
    return {};
}

} // namespace

class TestCommonCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void csvReaderHandlesQuotesNewlinesAndCrlf()
    {
        const std::string text = "\xEF\xBB\xBF"
                                 "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                                 "\"multi\nline\",,\"\"\r\n"
                                 "\n"
                                 "\"crlf\r\ninside\",x\"y,last";
        const auto records = gs::parseCsv(text, "inline");
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
        QCOMPARE(records[0].line, std::size_t(1));
        QCOMPARE(records[1].fields, (std::vector<std::string>{"multi\nline", "", ""}));
        QCOMPARE(records[1].line, std::size_t(2));
        // the blank line 4 is skipped; the record on line 5 spans two lines; a quote inside an
        // unquoted field is kept
        QCOMPARE(records[2].fields, (std::vector<std::string>{"crlf\r\ninside", "x\"y", "last"}));
        QCOMPARE(records[2].line, std::size_t(5));
    }

    void csvReaderRejectsAnUnclosedQuote()
    {
        try {
            gs::parseCsv("a,b\nc,\"never closed\nd\n", "broken.csv");
            QFAIL("an unclosed quote must throw");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Format);
            QCOMPARE(e.subject(), std::string("broken.csv"));
            QVERIFY(e.reason().find("line 2") != std::string::npos);
        }
    }

    void loneCarriageReturnsEndRecords()
    {
        const auto records = gs::parseCsv("a,b\rc,d\r\re,f", "mac.csv");
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records[1].fields, (std::vector<std::string>{"c", "d"}));
        QCOMPARE(records[2].fields, (std::vector<std::string>{"e", "f"}));
        QCOMPARE(records[2].line, std::size_t(4)); // line 3 is blank
    }

    void strictQuotesRefuseStrayQuotesAndNameTheLine()
    {
        const std::string good = "a,\"b,c\",\"d\"\"e\"\n\"\",x\n";
        QCOMPARE(formatError(good, gs::CsvQuotes::Strict), std::string());
        QCOMPARE(gs::parseCsv(good, "t.csv", gs::CsvQuotes::Strict)[0].fields,
                 (std::vector<std::string>{"a", "b,c", "d\"e"}));

        QCOMPARE(formatError("h\nx\"y,1\n", gs::CsvQuotes::Strict), std::string("line 2: a quote inside an unquoted field"));
        QCOMPARE(formatError("h\n\"x\"y,1\n", gs::CsvQuotes::Strict), std::string("line 2: text after a closing quote"));
        QCOMPARE(formatError("h\n\"a\nb\",\"c\n", gs::CsvQuotes::Strict), std::string("line 3: a quoted field is never closed"));
        // The same texts, leniently: what Python's csv.reader returns.
        QCOMPARE(gs::parseCsv("x\"y,1", "t.csv")[0].fields, (std::vector<std::string>{"x\"y", "1"}));
        QCOMPARE(gs::parseCsv("\"x\"y,1", "t.csv")[0].fields, (std::vector<std::string>{"xy", "1"}));
        QCOMPARE(formatError("h\n\"a\nb\",\"c\n", gs::CsvQuotes::Lenient), std::string("line 3: a quoted field is never closed"));
    }
};

QTEST_APPLESS_MAIN(TestCommonCsv)
#include "test_common_csv.moc"
