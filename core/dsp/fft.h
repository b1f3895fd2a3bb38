#pragma once
// Real FFTs through FFTW (single precision). Plans and aligned buffers are cached per
// thread and per size; plan creation is serialised by a global mutex because FFTW's
// planner is not thread-safe (execution is).
#include <complex>
#include <cstddef>

namespace gs::dsp {

class RealFft {
public:
    explicit RealFft(int n); // n >= 1
    int size() const { return n_; }
    float* timeData() const;                  // n floats, aligned
    std::complex<float>* freqData() const;    // n/2 + 1 bins, aligned
    void forward() const; // timeData -> freqData (unnormalised, numpy.fft.rfft convention)
    void inverse() const; // freqData -> timeData (unnormalised: n times numpy.fft.irfft)

private:
    struct Plans;
    int n_;
    Plans* plans_; // owned by the thread-local cache
};

} // namespace gs::dsp
