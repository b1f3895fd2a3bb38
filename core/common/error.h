#pragma once
// The one error type of the core: every failure names the file (or object) it concerns
// and a human-readable reason, so that batch jobs can report it and carry on.
#include <stdexcept>
#include <string>

namespace gs {

enum class ErrorKind {
    NotFound,        // the path does not exist or cannot be opened
    NotAudio,        // readable, but no audio stream / unknown format
    Corrupt,         // container or codec data is broken
    Empty,           // zero-length or no samples decoded
    TooShort,        // fewer samples than an analysis needs
    InvalidArgument, // a parameter outside its declared range
    Format,          // a file of ours (CSV, model) is malformed or foreign
    Mismatch,        // schema / version / parameters do not match
    Cancelled,       // the user cancelled the operation
    Internal,        // a library call failed unexpectedly
};

const char* toString(ErrorKind kind);

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string subject, std::string reason);

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& subject() const noexcept { return subject_; }  // file path or object name
    const std::string& reason() const noexcept { return reason_; }

private:
    ErrorKind kind_;
    std::string subject_;
    std::string reason_;
};

} // namespace gs
