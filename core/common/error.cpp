#include "core/common/error.h"

namespace gs {

const char* toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::NotFound: return "not found";
    case ErrorKind::NotAudio: return "not audio";
    case ErrorKind::Corrupt: return "corrupt";
    case ErrorKind::Empty: return "empty";
    case ErrorKind::TooShort: return "too short";
    case ErrorKind::InvalidArgument: return "invalid argument";
    case ErrorKind::Format: return "bad format";
    case ErrorKind::Mismatch: return "mismatch";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal error";
    }
    return "error";
}

Error::Error(ErrorKind kind, std::string subject, std::string reason)
    : std::runtime_error(subject.empty() ? reason : subject + ": " + reason)
    , kind_(kind)
    , subject_(std::move(subject))
    , reason_(std::move(reason))
{
}

} // namespace gs
