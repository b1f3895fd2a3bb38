#include "core/common/progress.h"

#include "core/common/error.h"

namespace gs {

void CancelToken::throwIfCancelled(const std::string& what) const
{
    if (cancelled())
        throw Error(ErrorKind::Cancelled, what, "cancelled by the user");
}

} // namespace gs
