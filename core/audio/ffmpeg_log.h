#pragma once
// FFmpeg logs to stderr by default; we keep its last error message per thread instead, so
// that it ends up in the gs::Error of the file that caused it (decode.cpp, encode.cpp).
#include <string>

namespace gs::detail {

void installFfmpegLogCapture();  // idempotent, thread-safe
std::string& lastFfmpegMessage(); // this thread's last FFmpeg error line ("" = none)

} // namespace gs::detail
