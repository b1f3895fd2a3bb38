#include "core/ml/dlib_input.h"

namespace gs::ml {
namespace detail {

NullRefusingBuffer::NullRefusingBuffer(std::string bytes) : bytes_(std::move(bytes))
{
    char* begin = bytes_.data();
    setg(begin, begin, begin + bytes_.size());
}

std::streamsize NullRefusingBuffer::xsgetn(char* destination, std::streamsize count)
{
    if (destination == nullptr && count > 0)
        return 0; // the reader's buffer does not exist: report no bytes instead of crashing
    return std::streambuf::xsgetn(destination, count);
}

NullRefusingBuffer::pos_type NullRefusingBuffer::seekoff(off_type offset, std::ios_base::seekdir direction,
                                                         std::ios_base::openmode which)
{
    if (!(which & std::ios_base::in))
        return pos_type(off_type(-1));
    off_type base = 0;
    if (direction == std::ios_base::cur)
        base = gptr() - eback();
    else if (direction == std::ios_base::end)
        base = egptr() - eback();
    const off_type target = base + offset;
    if (target < 0 || target > egptr() - eback())
        return pos_type(off_type(-1));
    setg(eback(), eback() + target, egptr());
    return pos_type(target);
}

NullRefusingBuffer::pos_type NullRefusingBuffer::seekpos(pos_type position, std::ios_base::openmode which)
{
    return seekoff(off_type(position), std::ios_base::beg, which);
}

} // namespace detail

DlibInput::DlibInput(std::string bytes)
    : detail::NullRefusingBufferHolder(std::move(bytes)), std::istream(&buffer)
{
}

} // namespace gs::ml
