#include "core/dsp/fft.h"

#include "core/common/atomic_file.h"
#include "core/common/cache_dir.h"
#include "core/common/error.h"

#include <fftw3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
    detail::importWisdomFile(wisdomFile()); // false on a missing or bad file: measured again
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

namespace detail {

namespace {
bool isHexWord(std::string_view token) // "#x" and 1..8 hex digits, as FFTW writes a 32-bit word
{
    if (token.size() < 3 || token.size() > 10 || token.substr(0, 2) != "#x")
        return false;
    return std::all_of(token.begin() + 2, token.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::uint32_t hexValue(std::string_view token)
{
    return std::uint32_t(std::stoul(std::string(token.substr(2)), nullptr, 16));
}

std::vector<std::string_view> splitWords(std::string_view line)
{
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t start = line.find_first_not_of(' ', pos);
        if (start == std::string_view::npos)
            break;
        const std::size_t end = std::min(line.find(' ', start), line.size());
        words.push_back(line.substr(start, end - start));
        pos = end;
    }
    return words;
}

// "(solver-name registration #xL #xU #xT #xS0 #xS1 #xS2 #xS3)". FFTW keeps L and U in
// 20-bit and T in 9-bit fields and asserts (abort) when a value does not fit (planner.c, imprt).
bool wellFormedEntry(std::string_view line)
{
    if (line.size() < 2 || line.front() != '(' || line.back() != ')')
        return false;
    const auto words = splitWords(line.substr(1, line.size() - 2));
    if (words.size() != 9 || words[0].empty() || words[0].size() > 64)
        return false;
    const auto nameChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (!std::all_of(words[0].begin(), words[0].end(), nameChar))
        return false;
    const std::string_view reg = words[1];
    if (reg.empty() || reg.size() > 6 || !std::all_of(reg.begin(), reg.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    for (std::size_t i = 2; i < words.size(); ++i)
        if (!isHexWord(words[i]))
            return false;
    return hexValue(words[2]) < (1u << 20) && hexValue(words[3]) < (1u << 20) && hexValue(words[4]) < (1u << 9);
}
} // namespace

// What fftwf_export_wisdom_to_string writes: a header line "(fftw-3.3.10 fftwf_wisdom" with
// the configuration's four signature words, one entry per line, and a closing ")".
bool wellFormedWisdom(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string_view::npos)
        lines.pop_back();
    if (lines.size() < 2 || lines.back() != ")")
        return false;
    const auto header = splitWords(lines.front());
    if (header.size() != 6 || header[0].substr(0, 6) != "(fftw-" || header[1] != "fftwf_wisdom")
        return false;
    for (std::size_t i = 2; i < header.size(); ++i)
        if (!isHexWord(header[i]))
            return false;
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const std::size_t start = lines[i].find_first_not_of(' ');
        if (start == std::string_view::npos || !wellFormedEntry(lines[i].substr(start)))
            return false;
    }
    return true;
}

bool importWisdomFile(const std::filesystem::path& file)
{
    constexpr std::uintmax_t kMaxWisdomBytes = 1u << 20; // ours holds a few dozen lines
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || std::filesystem::file_size(file, ec) > kMaxWisdomBytes || ec)
        return false;
    std::ifstream in(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof())
        return false;
    if (text.find('\0') != std::string::npos || !wellFormedWisdom(text))
        return false;
    return fftwf_import_wisdom_from_string(text.c_str()) != 0;
}

} // namespace detail

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
