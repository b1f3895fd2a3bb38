#include "core/common/csv.h"

#include "core/common/error.h"
#include "core/common/read_file.h"

namespace gs {

CsvCursor::CsvCursor(std::string_view text, std::string subject, CsvQuotes quotes)
    : text_(text), subject_(std::move(subject)), quotes_(quotes)
{
    if (text_.substr(0, 3) == "\xEF\xBB\xBF")
        text_.remove_prefix(3);
}

void CsvCursor::fail(std::size_t line, const std::string& what) const
{
    throw Error(ErrorKind::Format, subject_, "line " + std::to_string(line) + ": " + what);
}

bool CsvCursor::next(CsvRecord& record)
{
    record.fields.clear();
    // Blank lines (outside quotes) hold no record.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')
            ++pos_;
        ++pos_;
        ++line_;
    }
    if (pos_ >= text_.size())
        return false;
    record.line = line_;
    const bool strict = quotes_ == CsvQuotes::Strict;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool fieldQuoted = false; // this field began with a quote
    std::size_t quoteLine = 0;
    while (pos_ < text_.size()) {
        const char c = text_[pos_++];
        if (quoted) {
            if (c == '"' && pos_ < text_.size() && text_[pos_] == '"') {
                field += '"';
                ++pos_;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c; // commas, CR and LF inside quotes belong to the field
                line_ += c == '\n';
            }
        } else if (c == '"' && field.empty() && !fieldQuoted) {
            quoted = fieldQuoted = true;
            quoteLine = line_;
        } else if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            fieldQuoted = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
                ++pos_;
            ++line_;
            record.fields.push_back(std::move(field));
            return true;
        } else {
            if (strict && fieldQuoted)
                fail(line_, "text after a closing quote");
            if (strict && c == '"')
                fail(line_, "a quote inside an unquoted field");
            field += c;
        }
    }
    if (quoted)
        fail(quoteLine, "a quoted field is never closed");
    record.fields.push_back(std::move(field)); // the last record without a line end
    return true;
}

std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& subject, CsvQuotes quotes)
{
    std::vector<CsvRecord> records;
    CsvCursor cursor(text, subject, quotes);
    for (CsvRecord r; cursor.next(r);)
        records.push_back(r);
    return records;
}

std::vector<CsvRecord> readCsvFile(const std::filesystem::path& file, CsvQuotes quotes)
{
    return parseCsv(readWholeFile(file), file.string(), quotes);
}

} // namespace gs
