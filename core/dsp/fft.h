#pragma once
// Real FFTs through FFTW (single precision). Plans and aligned buffers are cached per
// thread and per size; plan creation is serialised by a global mutex because FFTW's
// planner is not thread-safe (execution is).
//
// A measured inverse plan costs ~0.3 s to make (2048 points), more than extracting ten
// clips, so what FFTW learns is kept as wisdom in userCacheDirectory()/fftw-wisdom-float
// (written atomically; a missing, foreign or corrupt file only means measuring again).
#include <complex>
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace gs::dsp {

// How the inverse transform is planned. Measure: candidate algorithms are timed once per
// machine (for sizes run thousands of times per clip). Estimate: FFTW's heuristic plan,
// made instantly. Forward plans are always heuristic (see fft.cpp).
enum class PlanEffort { Measure, Estimate };

class RealFft {
public:
    explicit RealFft(int n, PlanEffort effort = PlanEffort::Measure); // n >= 1
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

namespace detail {
// The wisdom loader, exposed for tests and fuzzing. FFTW aborts the process on some corrupt
// wisdom, so only text in the exact shape fftwf_export_wisdom writes is handed to it.
bool wellFormedWisdom(std::string_view text);
// Imports `file` when it is well formed; false when absent, malformed or refused by FFTW.
// Call with no other thread planning (FFTW's planner is not thread-safe).
bool importWisdomFile(const std::filesystem::path& file);
} // namespace detail

} // namespace gs::dsp
