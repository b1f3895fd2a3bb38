#include "core/dataset/demo.h"

#include "core/audio/encode.h"
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/jobs/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace gs {
namespace {

namespace fs = std::filesystem;
constexpr double kTwoPi = 2.0 * std::numbers::pi;

// splitmix64: tiny, fast and identical everywhere (std distributions are not portable).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform(double lo = 0, double hi = 1) { return lo + (hi - lo) * double(next() >> 11) * 0x1.0p-53; }
    int integer(int lo, int hi) { return lo + int(next() % std::uint64_t(hi - lo + 1)); }  // inclusive
    bool chance(double p) { return uniform() < p; }
    double noise() { return uniform(-1, 1); }

private:
    std::uint64_t state_;
};

double midiHz(double note)
{
    return 440.0 * std::pow(2.0, (note - 69.0) / 12.0);
}

using Buffer = std::vector<double>;

std::size_t at(double seconds, int rate)
{
    return seconds <= 0 ? 0 : std::size_t(seconds * rate);
}

// ---- drums -------------------------------------------------------------------------------

void kick(Buffer& out, double t0, int rate, double gain, double pitch)
{
    double phase = 0;
    const std::size_t start = at(t0, rate), len = at(0.35, rate);
    for (std::size_t i = 0; i < len && start + i < out.size(); ++i) {
        const double t = double(i) / rate;
        const double f = 45.0 + (pitch - 45.0) * std::exp(-t * 35.0);
        phase += kTwoPi * f / rate;
        out[start + i] += gain * std::sin(phase) * std::exp(-t * 9.0);
    }
}

void snare(Buffer& out, double t0, int rate, double gain, Rng& rng)
{
    const std::size_t start = at(t0, rate), len = at(0.25, rate);
    double prev = 0;
    for (std::size_t i = 0; i < len && start + i < out.size(); ++i) {
        const double t = double(i) / rate;
        const double n = rng.noise();
        const double bright = n - 0.5 * prev;  // tilt the noise towards highs
        prev = n;
        out[start + i] += gain * (0.7 * bright * std::exp(-t * 16.0) + 0.5 * std::sin(kTwoPi * 185.0 * t) * std::exp(-t * 28.0));
    }
}

void hat(Buffer& out, double t0, int rate, double gain, bool open, Rng& rng)
{
    const std::size_t start = at(t0, rate), len = at(open ? 0.35 : 0.07, rate);
    const double decay = open ? 11.0 : 60.0;
    double prev = 0;
    for (std::size_t i = 0; i < len && start + i < out.size(); ++i) {
        const double n = rng.noise();
        out[start + i] += gain * (n - prev) * 0.5 * std::exp(-double(i) / rate * decay);  // first difference: highs only
        prev = n;
    }
}

// ---- oscillators and filters ---------------------------------------------------------------

// Band-limited sawtooth (polyBLEP), phase in [0, 1).
double sawBlep(double phase, double dt)
{
    double v = 2.0 * phase - 1.0;
    if (phase < dt) {
        const double t = phase / dt;
        v -= t + t - t * t - 1.0;
    } else if (phase > 1.0 - dt) {
        const double t = (phase - 1.0) / dt;
        v -= t * t + t + t + 1.0;
    }
    return v;
}

struct OnePole {
    double a = 1, y = 0;
    OnePole(double cutoff, int rate) : a(1.0 - std::exp(-kTwoPi * cutoff / rate)) {}
    double operator()(double x) { return y += a * (x - y); }
};

// A saw note with an exponential decay, low-passed; detune in cents adds a second voice.
void sawNote(Buffer& out, double t0, double dur, double freq, int rate, double gain, double decay, double cutoff,
             double detuneCents)
{
    const std::size_t start = at(t0, rate), len = at(dur, rate);
    OnePole lp1(cutoff, rate), lp2(cutoff, rate);
    const double f2 = freq * std::pow(2.0, detuneCents / 1200.0);
    double p1 = 0, p2 = 0.37;
    const std::size_t fade = std::min<std::size_t>(len / 4, at(0.01, rate));
    for (std::size_t i = 0; i < len && start + i < out.size(); ++i) {
        const double dt1 = freq / rate, dt2 = f2 / rate;
        double v = sawBlep(p1, dt1) + (detuneCents != 0 ? sawBlep(p2, dt2) : 0.0);
        p1 += dt1;
        p1 -= std::floor(p1);
        p2 += dt2;
        p2 -= std::floor(p2);
        double env = std::exp(-double(i) / rate * decay);
        if (i < fade)
            env *= double(i) / double(fade);
        if (i + fade > len)
            env *= double(len - i) / double(fade);
        out[start + i] += gain * env * lp2(lp1(v));
    }
}

// Schroeder reverb: four combs and two all-passes; enough to make a "room".
void reverb(Buffer& y, int rate, double wet, double feedback)
{
    const double scale = rate / 44100.0;
    const std::array<int, 4> combDelays = {1116, 1188, 1277, 1356};
    const std::array<int, 2> allDelays = {556, 441};
    Buffer acc(y.size(), 0.0);
    for (int d0 : combDelays) {
        const std::size_t d = std::size_t(std::max(1.0, d0 * scale));
        Buffer line(d, 0.0);
        std::size_t k = 0;
        double damp = 0;
        for (std::size_t i = 0; i < y.size(); ++i) {
            const double delayed = line[k];
            damp = 0.7 * delayed + 0.3 * damp;
            line[k] = y[i] + feedback * damp;
            acc[i] += delayed * 0.25;
            k = (k + 1) % d;
        }
    }
    for (int d0 : allDelays) {
        const std::size_t d = std::size_t(std::max(1.0, d0 * scale));
        Buffer line(d, 0.0);
        std::size_t k = 0;
        for (double& v : acc) {
            const double delayed = line[k];
            const double input = v;
            line[k] = input + 0.5 * delayed;
            v = delayed - 0.5 * line[k];
            k = (k + 1) % d;
        }
    }
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] = (1.0 - wet) * y[i] + wet * acc[i];
}

// Chord progressions as semitone offsets of each bar's root from the key.
std::vector<int> progression(Rng& rng, bool minor)
{
    static const std::vector<std::vector<int>> majorPool = {{0, 5, 7, 0}, {0, 9, 5, 7}, {0, 7, 9, 5}, {0, 5, 0, 7}};
    static const std::vector<std::vector<int>> minorPool = {{0, 8, 3, 10}, {0, 5, 7, 0}, {0, 10, 8, 7}, {0, 3, 10, 5}};
    const auto& pool = minor ? minorPool : majorPool;
    return pool[std::size_t(rng.integer(0, int(pool.size()) - 1))];
}

std::array<int, 3> triad(int degreeOffset, bool minorKey)
{
    // Diatonic quality of the chord on each bar root (enough for these progressions).
    const int d = ((degreeOffset % 12) + 12) % 12;
    bool minorChord = minorKey ? (d == 0 || d == 5 || d == 7) : (d == 2 || d == 4 || d == 9);
    if (minorKey && d == 7)
        minorChord = false;  // harmonic-minor V
    return {0, minorChord ? 3 : 4, 7};
}

// ---- genres --------------------------------------------------------------------------------

void electronic(Buffer& y, int rate, double seconds, Rng& rng)
{
    const double bpm = rng.uniform(124, 130), beat = 60.0 / bpm;
    const int key = rng.integer(33, 44);  // bass register
    const auto prog = progression(rng, true);
    const double cutoff = rng.uniform(250, 900), bassDecay = rng.uniform(3, 9);
    const bool openHats = rng.chance(0.5), sixteenths = rng.chance(0.5), stabs = rng.chance(0.6);
    static const std::vector<std::vector<int>> patterns = {
        {0, 0, 12, 0, 0, 0, 12, 0}, {0, 12, 0, 12, 0, 12, 0, 12}, {0, 0, 0, 0, 0, 0, 0, 0}, {0, -1, 0, 12, -1, 0, 7, 0}};
    const auto& pattern = patterns[std::size_t(rng.integer(0, 3))];
    const double kickPitch = rng.uniform(120, 170), level = rng.uniform(0.7, 1.0);
    const int beats = int(seconds / beat) + 1;
    for (int b = 0; b < beats; ++b) {
        const double t = b * beat;
        kick(y, t, rate, 0.9 * level, kickPitch);
        hat(y, t + beat / 2, rate, openHats ? 0.22 : 0.3, openHats, rng);
        if (sixteenths) {
            hat(y, t + beat / 4, rate, 0.1, false, rng);
            hat(y, t + 3 * beat / 4, rate, 0.1, false, rng);
        }
        const int bar = b / 4;
        const int root = key + prog[std::size_t(bar % 4)];
        for (int e = 0; e < 2; ++e) {
            const int step = pattern[std::size_t((b % 4) * 2 + e)];
            if (step < 0)
                continue;
            sawNote(y, t + e * beat / 2, beat / 2 * 0.9, midiHz(root + step), rate, 0.35, bassDecay, cutoff, 0);
        }
        if (stabs && b % 2 == 1) {
            const auto chord = triad(prog[std::size_t(bar % 4)], true);
            for (int n : chord)
                sawNote(y, t + beat / 2, beat * 0.3, midiHz(root + 24 + n), rate, 0.07, 8.0, 2500, 8);
        }
    }
}

void rock(Buffer& y, int rate, double seconds, Rng& rng)
{
    const double bpm = rng.uniform(100, 150), beat = 60.0 / bpm;
    const int key = rng.integer(40, 47);  // E2..B2
    const auto prog = progression(rng, rng.chance(0.5));
    const double drive = rng.uniform(3, 9), tone = rng.uniform(2500, 4500), mute = rng.uniform(2, 7);
    const bool ride = rng.chance(0.3), extraKick = rng.chance(0.5);
    Buffer guitar(y.size(), 0.0);
    const int beats = int(seconds / beat) + 1;
    for (int b = 0; b < beats; ++b) {
        const double t = b * beat;
        const int bar = b / 4, inBar = b % 4;
        const int root = key + prog[std::size_t(bar % 4)];
        for (int e = 0; e < 2; ++e) {  // eighth-note power chords: root, fifth, octave
            for (int n : {0, 7, 12})
                sawNote(guitar, t + e * beat / 2, beat / 2, midiHz(root + n), rate, 0.3, mute, 6000, 7);
            sawNote(y, t + e * beat / 2, beat / 2 * 0.95, midiHz(root - 12), rate, 0.3, 2.0, 600, 0);
        }
        if (inBar == 0 || inBar == 2)
            kick(y, t, rate, 0.8, 110);
        if (extraKick && inBar == 2)
            kick(y, t + beat / 2, rate, 0.6, 110);
        if (inBar == 1 || inBar == 3)
            snare(y, t, rate, 0.55, rng);
        if (bar % 4 == 3 && inBar == 3)  // a fill into the next phrase
            for (int s = 1; s < 4; ++s)
                snare(y, t + s * beat / 4, rate, 0.35, rng);
        for (int e = 0; e < 2; ++e)
            hat(y, t + e * beat / 2, rate, ride ? 0.12 : 0.18, ride, rng);
    }
    OnePole lp1(tone, rate), lp2(tone, rate);
    for (std::size_t i = 0; i < y.size(); ++i)
        y[i] += 0.3 * lp2(lp1(std::tanh(drive * guitar[i])));
}

// One cycle of a harmonic spectrum, read with interpolation: cheap sustained tones.
struct Wavetable {
    std::vector<double> table;
    Wavetable(int harmonics, double tilt, Rng& rng)
        : table(2048 + 1)
    {
        std::vector<double> phase(std::size_t(harmonics) + 1);
        for (auto& p : phase)
            p = rng.uniform(0, kTwoPi);
        for (std::size_t i = 0; i < 2048; ++i) {
            double v = 0;
            for (int k = 1; k <= harmonics; ++k)
                v += std::pow(double(k), -tilt) * std::sin(kTwoPi * k * double(i) / 2048.0 + phase[std::size_t(k)]);
            table[i] = v;
        }
        table[2048] = table[0];
    }
    double operator()(double phase) const  // phase in [0, 1)
    {
        const double x = phase * 2048.0;
        const auto i = std::size_t(x);
        return table[i] + (x - double(i)) * (table[i + 1] - table[i]);
    }
};

void strings(Buffer& y, int rate, double seconds, Rng& rng)
{
    const double chordSeconds = rng.uniform(2.0, 4.0);
    const int key = rng.integer(48, 59);
    const bool minor = rng.chance(0.5);
    const auto prog = progression(rng, minor);
    const double tilt = rng.uniform(0.9, 1.4), vibRate = rng.uniform(4.5, 6.2), vibDepth = rng.uniform(0.002, 0.005);
    const double attack = rng.uniform(0.3, 0.9);
    const int chords = int(seconds / chordSeconds) + 1;
    for (int c = 0; c < chords; ++c) {
        const double t0 = c * chordSeconds;
        const int root = key + prog[std::size_t(c % 4)];
        const auto tri = triad(prog[std::size_t(c % 4)], minor);
        const std::vector<int> voicing = {root - 12, root, root + tri[1], root + tri[2], root + 12 + tri[1]};
        for (int note : voicing) {
            const double f0 = midiHz(note);
            const int harmonics = std::max(1, std::min(14, int(0.45 * rate / f0)));
            const Wavetable wave(harmonics, tilt, rng);
            for (double cents : {-4.0, 4.0}) {
                const double f = f0 * std::pow(2.0, cents / 1200.0);
                const double vibPhase = rng.uniform(0, kTwoPi);
                const double dur = chordSeconds + 0.8;
                const std::size_t start = at(t0, rate), len = at(dur, rate);
                double phase = rng.uniform();
                for (std::size_t i = 0; i < len && start + i < y.size(); ++i) {
                    const double t = double(i) / rate;
                    const double inst = f * (1.0 + vibDepth * std::sin(kTwoPi * vibRate * t + vibPhase));
                    phase += inst / rate;
                    phase -= std::floor(phase);
                    double env = std::min(1.0, t / attack);
                    if (t > chordSeconds)
                        env *= std::exp(-(t - chordSeconds) * 6.0);
                    y[start + i] += 0.05 * env * wave(phase);
                }
            }
        }
    }
    reverb(y, rate, rng.uniform(0.25, 0.4), 0.8);
}

void pianoNote(Buffer& y, double t0, double f0, double velocity, int rate, double brightness, double decayScale,
               double inharmonicity, Rng& rng)
{
    const std::size_t start = at(t0, rate), len = at(3.5, rate);
    const double d0 = decayScale * std::sqrt(f0 / 261.6);
    for (int k = 1; k <= 10; ++k) {
        const double fk = k * f0 * std::sqrt(1.0 + inharmonicity * k * k);
        if (fk > 0.45 * rate)
            break;
        // A rotating phasor and a decaying gain: no sin() per sample.
        const double w = kTwoPi * fk / rate;
        const double c = std::cos(w), s = std::sin(w);
        double re = 1, im = 0;
        double amp = 0.12 * velocity * std::pow(double(k), -brightness);
        const double fall = std::exp(-d0 * (1.0 + 0.4 * (k - 1)) / rate);
        const std::size_t attack = at(0.003, rate);
        for (std::size_t i = 0; i < len && start + i < y.size(); ++i) {
            const double env = i < attack ? double(i) / double(attack) : 1.0;
            y[start + i] += amp * env * im;
            const double r2 = re * c - im * s;
            im = re * s + im * c;
            re = r2;
            amp *= fall;
        }
    }
    const std::size_t hammer = at(0.006, rate);  // felt on string: a short soft click
    for (std::size_t i = 0; i < hammer && start + i < y.size(); ++i)
        y[start + i] += 0.02 * velocity * rng.noise() * (1.0 - double(i) / double(hammer));
}

void piano(Buffer& y, int rate, double seconds, Rng& rng)
{
    const double bpm = rng.uniform(66, 112), beat = 60.0 / bpm;
    const int key = rng.integer(55, 64);
    const bool minor = rng.chance(0.5);
    const auto prog = progression(rng, minor);
    const double brightness = rng.uniform(0.9, 1.6), decay = rng.uniform(0.8, 1.8), inharm = rng.uniform(1e-4, 4e-4);
    const int style = rng.integer(0, 2);  // 0 arpeggio, 1 Alberti bass, 2 melody over chords
    const int beats = int(seconds / beat) + 1;
    for (int b = 0; b < beats; ++b) {
        const double t = b * beat;
        const int bar = b / 4, inBar = b % 4;
        const int root = key + prog[std::size_t(bar % 4)];
        const auto tri = triad(prog[std::size_t(bar % 4)], minor);
        const std::array<int, 4> tones = {root, root + tri[1], root + tri[2], root + 12};
        if (inBar == 0 || (inBar == 2 && rng.chance(0.5)))
            pianoNote(y, t, midiHz(root - 24), rng.uniform(0.6, 0.9), rate, brightness, decay, inharm, rng);
        for (int e = 0; e < 2; ++e) {
            const double te = t + e * beat / 2 + rng.uniform(0, 0.01);  // human timing
            const double vel = rng.uniform(0.45, 0.9);
            if (style == 0) {
                pianoNote(y, te, midiHz(tones[std::size_t((inBar * 2 + e) % 4)]), vel, rate, brightness, decay, inharm, rng);
            } else if (style == 1) {
                static const int alberti[4] = {0, 2, 1, 2};
                pianoNote(y, te, midiHz(tones[std::size_t(alberti[(inBar * 2 + e) % 4])] - 12), vel * 0.8, rate, brightness,
                          decay, inharm, rng);
            }
            if (style != 0 && rng.chance(0.6)) {
                static const int scale[7] = {0, 2, 4, 5, 7, 9, 11};
                const int note = key + 12 + scale[rng.integer(0, 6)];
                pianoNote(y, te, midiHz(note), vel, rate, brightness, decay, inharm, rng);
            }
        }
    }
    reverb(y, rate, rng.uniform(0.15, 0.3), 0.75);
}

std::uint64_t clipSeed(std::uint64_t seed, std::size_t genre, int index)
{
    Rng mix(seed * 0x100000001B3ull + genre * 7919u + std::uint64_t(index) * 104729u);
    mix.next();
    return mix.next();
}

void validate(const DemoOptions& o)
{
    if (o.perGenre < 1 || o.perGenre > 500)
        throw Error(ErrorKind::InvalidArgument, "per-genre", "must be 1..500");
    if (!(o.seconds >= 1 && o.seconds <= 120))
        throw Error(ErrorKind::InvalidArgument, "seconds", "must be 1..120");
    if (!(o.lengthSpread >= 0 && o.lengthSpread <= 1))
        throw Error(ErrorKind::InvalidArgument, "length spread", "must be 0..1");
    if (o.sampleRate < 8000 || o.sampleRate > 48000)
        throw Error(ErrorKind::InvalidArgument, "sample rate", "must be 8000..48000 Hz");
}

std::string lowerCase(std::string s)
{
    for (auto& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

const std::vector<std::string>& demoGenres()
{
    static const std::vector<std::string> genres = {"Electronic", "Piano", "Rock", "Strings"};
    return genres;
}

double demoClipSeconds(std::size_t genre, int index, const DemoOptions& options)
{
    if (options.lengthSpread <= 0)
        return options.seconds;
    // Genre means as real collections have them (long electronic tracks, short piano pieces);
    // an RNG of its own so a clip's music does not depend on its length draw.
    static constexpr double genreBias[] = {0.5, -0.5, 0.0, 0.25};
    Rng rng(clipSeed(options.seed, genre, index) ^ 0x5DEECE66Dull);
    const double factor = 1.0 + options.lengthSpread * (genreBias[genre % 4] + rng.uniform(-0.5, 0.5));
    return std::clamp(std::round(options.seconds * factor * 10.0) / 10.0, 1.0, 120.0);
}

std::vector<float> synthesizeDemoClip(const std::string& genre, int index, const DemoOptions& options)
{
    validate(options);
    const auto& genres = demoGenres();
    const auto it = std::find(genres.begin(), genres.end(), genre);
    if (it == genres.end())
        throw Error(ErrorKind::InvalidArgument, genre, "not a demo genre");
    const std::size_t g = std::size_t(it - genres.begin());
    Rng rng(clipSeed(options.seed, g, index));
    const int rate = options.sampleRate;
    const double seconds = demoClipSeconds(g, index, options);
    Buffer y(at(seconds, rate), 0.0);
    switch (g) {
    case 0: electronic(y, rate, seconds, rng); break;
    case 1: piano(y, rate, seconds, rng); break;
    case 2: rock(y, rate, seconds, rng); break;
    default: strings(y, rate, seconds, rng); break;
    }
    // Level varies per clip (so loudness alone does not give the genre away) plus a faint hiss.
    double peak = 1e-12;
    for (double v : y)
        peak = std::max(peak, std::abs(v));
    const double gain = rng.uniform(0.35, 0.9) / peak;
    const double hiss = std::pow(10.0, rng.uniform(-70, -50) / 20.0);
    std::vector<float> out(y.size());
    for (std::size_t i = 0; i < y.size(); ++i)
        out[i] = float(std::clamp(y[i] * gain + hiss * rng.noise(), -0.99, 0.99));
    return out;
}

DemoResult makeDemoDataset(const fs::path& dir, const DemoOptions& options, const ProgressFn& progress,
                           const CancelToken* cancel)
{
    validate(options);
    const auto& genres = demoGenres();
    std::error_code ec;
    for (const auto& g : genres) {
        fs::create_directories(dir / g, ec);
        if (ec)
            throw Error(ErrorKind::NotFound, (dir / g).string(), "cannot create folder: " + ec.message());
    }
    const std::size_t total = genres.size() * std::size_t(options.perGenre);
    std::vector<fs::path> files(total);
    ParallelOptions parallel;
    parallel.threads = options.threads;
    parallel.cancel = cancel;
    parallel.progress = progress;
    parallel.stage = "synthesising demo clips";
    const auto outcome = parallelFor(total, [&](std::size_t item, int) {
        const std::size_t g = item / std::size_t(options.perGenre);
        const int index = int(item % std::size_t(options.perGenre));
        const auto samples = synthesizeDemoClip(genres[g], index, options);
        // Some clips in compressed formats, so that the demo exercises the decoders too.
        AudioCodec codec = AudioCodec::Flac;
        bool compressed = false;
        if (options.compressedCopies) {
            if (index % 4 == 1)
                codec = AudioCodec::Flac, compressed = true;
            else if (index % 8 == 3)
                codec = AudioCodec::Vorbis, compressed = true;
            else if (index % 8 == 7)
                codec = AudioCodec::Mp3, compressed = true;
            compressed = compressed && encoderAvailable(codec);
        }
        char stem[64];
        std::snprintf(stem, sizeof stem, "%s_%02d", lowerCase(genres[g]).c_str(), index);
        fs::path file = dir / genres[g] / stem;
        file += compressed ? fileExtension(codec) : ".wav";
        if (compressed)
            encodeAudioFile(file, samples, options.sampleRate, codec);
        else
            writeWav(file, samples, options.sampleRate);
        files[item] = file;
    }, parallel);
    if (outcome.cancelled)
        throw Error(ErrorKind::Cancelled, dir.string(), "demo dataset cancelled");
    if (!outcome.failures.empty()) {
        const auto& f = outcome.failures.front();
        throw Error(f.kind, f.subject.empty() ? dir.string() : f.subject, f.reason);
    }
    DemoResult result;
    result.files = std::move(files);
    std::sort(result.files.begin(), result.files.end());
    result.genres = genres;
    return result;
}

} // namespace gs
