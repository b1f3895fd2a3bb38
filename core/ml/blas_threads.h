#pragma once
// The feature models multiply small matrices, where OpenBLAS's worker threads only spin
// (sched_yield) and make training 10-100x slower on a busy machine; we parallelise across
// folds instead. While one of these scopes lives, OpenBLAS runs single-threaded; the
// previous setting returns when the last scope ends. A no-op with any other BLAS.
namespace gs::ml {

class SingleThreadedBlas {
public:
    SingleThreadedBlas();
    ~SingleThreadedBlas();
    SingleThreadedBlas(const SingleThreadedBlas&) = delete;
    SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;
};

} // namespace gs::ml
