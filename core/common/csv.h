#pragma once
// The one CSV reader (RFC 4180): quoted fields may hold commas, doubled quotes and line
// breaks; records end at LF, CRLF or a lone CR; blank lines between records are skipped; a
// UTF-8 byte-order mark (spreadsheet exports) is ignored. Used for feature tables (ours and
// Kaggle's), label files and FMA's metadata.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0; // 1-based line where the record starts (quoted newlines make records span lines)
};

// What a quote in the wrong place means.
enum class CsvQuotes {
    // Kept as a character, as Python's csv module does: "x"y and x"y are read as they stand.
    // For files people edit or other projects write (FMA's tracks.csv holds HTML).
    Lenient,
    // gs::Error(Format): a quote inside an unquoted field or text after a closing quote. For
    // files programs write (feature tables), where a stray quote means damage.
    Strict,
};

// Reads one record at a time from text (which must outlive it), so that a large file is never
// held as all its fields at once. Errors are gs::Error(Format, subject, "line N: what").
class CsvCursor {
public:
    CsvCursor(std::string_view text, std::string subject, CsvQuotes quotes = CsvQuotes::Lenient);
    // The next record; false at the end.
    bool next(CsvRecord& record);
    // Throws gs::Error(Format, subject, "line N: what"), for callers checking the records.
    [[noreturn]] void fail(std::size_t line, const std::string& what) const;

private:
    std::string_view text_;
    std::string subject_;
    CsvQuotes quotes_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// Every record of text; throws as CsvCursor.
std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& subject,
                                CsvQuotes quotes = CsvQuotes::Lenient);
// Throws NotFound when the file cannot be read, Format as parseCsv.
std::vector<CsvRecord> readCsvFile(const std::filesystem::path& file, CsvQuotes quotes = CsvQuotes::Lenient);

} // namespace gs
