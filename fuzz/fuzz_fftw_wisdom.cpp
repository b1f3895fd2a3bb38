// FFTW wisdom (core/dsp/fft.cpp): the measured inverse plans are kept in
// <cache>/fftw-wisdom-float and read back by detail::importWisdomFile before the inverse
// transform is planned with FFTW_MEASURE | FFTW_WISDOM_ONLY. A foreign, truncated or corrupt
// file must only mean measuring again: never a crash, never a wrong transform.
//
// The app imports once per process (its plans are cached per thread), so the target repeats
// the two steps itself: the bytes go to a file that our loader imports, then the inverse
// transforms of the sizes the features use are planned from wisdom alone. Any plan that
// comes out must compute what FFTW's heuristic plan computes.
//
// Found: FFTW aborts the process (planner.c: "assertion failed: flags.u == u") on an entry
// whose flag words overflow their bit-fields; the loader now checks the shape first.
#include "core/dsp/fft.h"
#include "fuzz/harness.h"

#include <fftw3.h>

#include <cmath>
#include <map>
#include <memory>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace fuzz = gs::fuzz;

constexpr int kSizes[] = {32, 64, 512, 2048}; // tests and the STFT (n_fft = 2048)

struct FftwFree {
    void operator()(void* p) const { fftwf_free(p); }
};

struct Buffers {
    int n;
    std::unique_ptr<float, FftwFree> time;
    std::unique_ptr<fftwf_complex, FftwFree> freq;
    explicit Buffers(int size)
        : n(size)
        , time(static_cast<float*>(fftwf_malloc(sizeof(float) * std::size_t(size))))
        , freq(static_cast<fftwf_complex*>(fftwf_malloc(sizeof(fftwf_complex) * std::size_t(size / 2 + 1))))
    {
    }
    void fillSpectrum() const
    {
        for (int k = 0; k <= n / 2; ++k) {
            freq.get()[k][0] = float(std::cos(0.37 * k) / (1 + k));
            freq.get()[k][1] = (k == 0 || k == n / 2) ? 0.0f : float(std::sin(0.11 * k * k) / (1 + k));
        }
    }
};

// FFTW's heuristic inverse of the fixed spectrum, computed before any wisdom is imported.
const std::vector<float>& reference(int n)
{
    static std::map<int, std::vector<float>> cache;
    auto& out = cache[n];
    if (out.empty()) {
        Buffers b(n);
        fftwf_plan plan = fftwf_plan_dft_c2r_1d(n, b.freq.get(), b.time.get(), FFTW_ESTIMATE);
        fuzz::require(plan != nullptr, "FFTW cannot make a heuristic plan");
        b.fillSpectrum();
        fftwf_execute(plan);
        fftwf_destroy_plan(plan);
        out.assign(b.time.get(), b.time.get() + n);
    }
    return out;
}

void checkWisdomPlan(int n)
{
    Buffers b(n);
    fftwf_plan plan = fftwf_plan_dft_c2r_1d(n, b.freq.get(), b.time.get(), FFTW_MEASURE | FFTW_WISDOM_ONLY);
    if (!plan)
        return; // no usable wisdom for this size: the loader measures instead
    b.fillSpectrum(); // planning may have scribbled on the arrays
    fftwf_execute(plan);
    fftwf_destroy_plan(plan);
    const auto& want = reference(n);
    for (int i = 0; i < n; ++i)
        fuzz::require(std::abs(b.time.get()[i] - want[std::size_t(i)]) <= 1e-3f * (1.0f + std::abs(want[std::size_t(i)])),
                      "a plan from imported wisdom computes a different inverse FFT of size " + std::to_string(n));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const bool ready = [] {
        for (int n : kSizes)
            reference(n);
        return true;
    }();
    (void)ready;
    const fs::path file = fuzz::writeInput("fftw-wisdom-float", {data, size});
    fftwf_forget_wisdom();
    gs::dsp::detail::importWisdomFile(file); // false on a bad file: ignored, as in fft.cpp
    for (int n : kSizes)
        checkWisdomPlan(n);
    fftwf_forget_wisdom();
    return 0;
}
