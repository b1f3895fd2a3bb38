#pragma once
// The stream every serialised Dlib object is read from (network weights, SVM machines, CNN
// checkpoints). Model files are untrusted input, and Dlib's readers trust what they read:
// dlib::deserialize(resizable_tensor&) (dlib/cuda/tensor.h) multiplies the four dimensions it
// is given and, when the product is negative, allocates nothing and then copies the following
// bytes through the tensor's null data pointer (found by fuzz/fuzz_model_file, input
// tests/data/fuzz-regressions/open-model-mlp-tensor-segfault.gsm). This stream refuses to copy
// into a null address, so Dlib sees a short read and throws its own serialization_error, which
// the callers turn into gs::Error(Format).
//
// What remains for the callers: a tensor or matrix whose announced size is merely huge is
// allocated before a value is read (std::bad_alloc, caught like any other failure), and a
// network that deserialises must still be checked layer by layer against the shapes the model
// expects before it is run.
#include <istream>
#include <streambuf>
#include <string>

namespace gs::ml {

namespace detail {
class NullRefusingBuffer : public std::streambuf {
public:
    explicit NullRefusingBuffer(std::string bytes);

protected:
    std::streamsize xsgetn(char* destination, std::streamsize count) override;
    pos_type seekoff(off_type offset, std::ios_base::seekdir direction, std::ios_base::openmode which) override;
    pos_type seekpos(pos_type position, std::ios_base::openmode which) override;

private:
    std::string bytes_;
};

// The buffer must exist before std::istream is constructed with it: a base listed first.
struct NullRefusingBufferHolder {
    explicit NullRefusingBufferHolder(std::string bytes) : buffer(std::move(bytes)) {}
    NullRefusingBuffer buffer;
};
} // namespace detail

class DlibInput : private detail::NullRefusingBufferHolder, public std::istream {
public:
    explicit DlibInput(std::string bytes);
};

} // namespace gs::ml
