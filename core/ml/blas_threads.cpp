#include "core/ml/blas_threads.h"

#include <dlfcn.h>

#include <mutex>

namespace gs::ml {
namespace {

using SetThreads = void (*)(int);
using GetThreads = int (*)();

struct BlasControl {
    SetThreads set = nullptr;
    GetThreads get = nullptr;
    std::mutex mutex;
    int users = 0;
    int previous = 0;

    BlasControl()
    {
        // Looked up at run time: OpenBLAS is whatever libblas.so.3 points to, not a link dependency.
        set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
        get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    }
};

BlasControl& control()
{
    static BlasControl c;
    return c;
}

} // namespace

SingleThreadedBlas::SingleThreadedBlas()
{
    auto& c = control();
    if (!c.set || !c.get)
        return;
    std::lock_guard lock(c.mutex);
    if (c.users++ == 0) {
        c.previous = c.get();
        c.set(1);
    }
}

SingleThreadedBlas::~SingleThreadedBlas()
{
    auto& c = control();
    if (!c.set || !c.get)
        return;
    std::lock_guard lock(c.mutex);
    if (--c.users == 0 && c.previous > 0)
        c.set(c.previous);
}

} // namespace gs::ml
