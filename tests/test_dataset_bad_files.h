#pragma once
// A folder of broken and borderline audio files, shared by the batch and CLI tests.
#include "core/audio/wav_writer.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace gs::test {

inline std::vector<float> testTone(double freq, double seconds, int rate, double amplitude = 0.4)
{
    std::vector<float> y(std::size_t(seconds * rate));
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = float(amplitude * std::sin(2 * std::numbers::pi * freq * double(i) / rate)
                     + 0.3 * amplitude * std::sin(2 * std::numbers::pi * 3 * freq * double(i) / rate));
    return y;
}

struct BadFileSet {
    std::vector<std::string> failing;  // relative paths that must fail
    std::vector<std::string> passing;  // relative paths that must give a row
};

// Under root: good/a.wav + good/b.wav (genre "good"), broken/… (genre "broken").
inline BadFileSet writeBadFiles(const std::filesystem::path& root)
{
    namespace fs = std::filesystem;
    BadFileSet set;
    fs::create_directories(root / "good");
    fs::create_directories(root / "broken");
    writeWav(root / "good/a.wav", testTone(220, 2.0, 22050), 22050);
    writeWav(root / "good/b.wav", testTone(330, 2.0, 44100), 44100);
    set.passing = {"good/a.wav", "good/b.wav"};

    auto put = [&](const std::string& rel, const std::vector<std::uint8_t>& bytes) { writeFileBytes(root / rel, bytes); };
    put("broken/empty.wav", {});
    std::mt19937 rng(3);
    std::vector<std::uint8_t> noise(32768);
    for (auto& b : noise)
        b = std::uint8_t(rng() % 0xff);  // no 0xff: no accidental MPEG sync words
    put("broken/noise.mp3", noise);
    const std::string text = "just text, not audio\n";
    put("broken/text.flac", std::vector<std::uint8_t>(text.begin(), text.end()));
    put("broken/header_only.wav", encodeWav({}, 22050));
    fs::create_directory(root / "broken/folder.wav");
    set.failing = {"broken/empty.wav", "broken/header_only.wav", "broken/noise.mp3", "broken/text.flac"};
    if (::geteuid() != 0) {
        writeWav(root / "broken/locked.wav", testTone(440, 0.5, 22050), 22050);
        fs::permissions(root / "broken/locked.wav", fs::perms::none);
        set.failing.push_back("broken/locked.wav");
    }

    auto cut = encodeWav(testTone(440, 1.0, 22050), 22050);
    cut.resize(cut.size() * 2 / 3);
    put("broken/truncated.wav", cut);
    writeWav(root / "broken/silent.wav", std::vector<float>(22050, 0.0f), 22050);
    writeWav(root / "broken/ten.wav", std::vector<float>{0.1f, -0.1f, 0.2f, -0.2f, 0.3f, -0.3f, 0.1f, 0.0f, 0.5f, -0.5f}, 22050);
    set.passing.insert(set.passing.end(), {"broken/silent.wav", "broken/ten.wav", "broken/truncated.wav"});
    std::sort(set.failing.begin(), set.failing.end());
    std::sort(set.passing.begin(), set.passing.end());
    return set;
}

} // namespace gs::test
