#include "core/dsp/fft.h"

#include "core/common/atomic_file.h"
#include "core/common/cache_dir.h"
#include "core/common/error.h"

#include <fftw3.h>

#include <cstdlib>

#include <filesystem>

#include <map>
#include <memory>
#include <mutex>

namespace gs::dsp {

namespace {
std::mutex& plannerMutex()
{
    static std::mutex m;
    return m;
}

std::filesystem::path wisdomFile()
{
    return userCacheDirectory() / "fftw-wisdom-float";
}

// Both run with the planner mutex held.
void importWisdomOnce()
{
    static bool imported = false;
    if (imported)
        return;
    imported = true;
    std::error_code ec;
    if (std::filesystem::is_regular_file(wisdomFile(), ec))
        fftwf_import_wisdom_from_filename(wisdomFile().c_str()); // 0 on a bad file: ignored
}

void saveWisdom()
{
    namespace fs = std::filesystem;
    const fs::path target = wisdomFile();
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    char* wisdom = fftwf_export_wisdom_to_string();
    if (!wisdom)
        return;
    try {
        writeFileAtomically(target, std::string_view(wisdom)); // the one atomic writer
    } catch (const Error&) {
        // An unwritable cache only means measuring the plans again next time.
    }
    std::free(wisdom);
}
} // namespace

struct RealFft::Plans {
    int n = 0;
    float* time = nullptr;
    fftwf_complex* freq = nullptr;
    fftwf_plan fwd = nullptr;
    fftwf_plan inv = nullptr;

    Plans(int size, PlanEffort effort) : n(size)
    {
        time = static_cast<float*>(fftwf_malloc(sizeof(float) * std::size_t(n)));
        freq = static_cast<fftwf_complex*>(fftwf_malloc(sizeof(fftwf_complex) * std::size_t(n / 2 + 1)));
        if (!time || !freq)
            throw Error(ErrorKind::Internal, "fft", "out of memory for an FFT of size " + std::to_string(n));
        std::lock_guard lock(plannerMutex());
        // The forward plan is always FFTW's heuristic one: measuring finds nothing faster
        // for the STFT sizes, and a heuristic plan is the same on every run and machine, so
        // features that sit on the FFT's rounding noise (a DC signal's bandwidth) repeat.
        fwd = fftwf_plan_dft_r2c_1d(n, time, freq, FFTW_ESTIMATE);
        if (effort == PlanEffort::Estimate) {
            inv = fftwf_plan_dft_c2r_1d(n, freq, time, FFTW_ESTIMATE);
        } else {
            // A measured 2048-point inverse runs in half the heuristic one's time.
            importWisdomOnce();
            inv = fftwf_plan_dft_c2r_1d(n, freq, time, FFTW_MEASURE | FFTW_WISDOM_ONLY);
            if (!inv) { // not measured on this machine yet
                inv = fftwf_plan_dft_c2r_1d(n, freq, time, FFTW_MEASURE);
                saveWisdom();
            }
        }
        if (!fwd || !inv)
            throw Error(ErrorKind::Internal, "fft", "FFTW could not plan size " + std::to_string(n));
    }
    ~Plans()
    {
        {
            std::lock_guard lock(plannerMutex());
            if (fwd)
                fftwf_destroy_plan(fwd);
            if (inv)
                fftwf_destroy_plan(inv);
        }
        fftwf_free(time);
        fftwf_free(freq);
    }
    Plans(const Plans&) = delete;
    Plans& operator=(const Plans&) = delete;
};

RealFft::RealFft(int n, PlanEffort effort) : n_(n)
{
    if (n < 1)
        throw Error(ErrorKind::InvalidArgument, "fft", "size must be positive");
    thread_local std::map<std::pair<int, PlanEffort>, std::unique_ptr<Plans>> cache;
    auto& slot = cache[{n, effort}];
    if (!slot)
        slot = std::make_unique<Plans>(n, effort);
    plans_ = slot.get();
}

float* RealFft::timeData() const { return plans_->time; }
std::complex<float>* RealFft::freqData() const { return reinterpret_cast<std::complex<float>*>(plans_->freq); }
void RealFft::forward() const { fftwf_execute(plans_->fwd); }
void RealFft::inverse() const { fftwf_execute(plans_->inv); }

} // namespace gs::dsp
