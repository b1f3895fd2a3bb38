#include "core/ml/cnn/synthetic_spectrograms.h"

#include "core/common/error.h"
#include "core/common/shuffle.h"

#include <cmath>
#include <fstream>
#include <random>

namespace gs::ml {

QuantisedSpectrogram syntheticSpectrogram(int label, int classes, int mels, int frames, std::uint64_t seed,
                                          double difficulty)
{
    std::mt19937_64 rng(seed);
    const auto uniform = [&] { return drawUnit(rng); };
    const auto gaussian = [&] { // Box-Muller: exact across standard libraries
        const double u = std::max(1e-12, uniform()), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    };
    Matrix db(static_cast<std::size_t>(mels), static_cast<std::size_t>(frames));
    const double level = -40.0 + 20.0 * uniform(); // recording level differs from song to song
    const double noise = 4.0 + 12.0 * difficulty;
    // Class signature: three sustained bands and a pulse period, spread over the classes.
    const int period = 8 + 4 * (label % 5);
    const int phase = int(uniform() * period);
    for (int b = 0; b < mels; ++b) {
        const double tilt = -30.0 * double(b) / mels; // music gets quieter towards high bands
        int bandHit = 0;
        for (int k = 0; k < 3; ++k) {
            const int centre = (mels * (label + k * classes + 1)) / (3 * classes + 1);
            bandHit |= std::abs(b - centre) <= 2;
        }
        for (int t = 0; t < frames; ++t) {
            double v = level + tilt + noise * gaussian();
            if (bandHit)
                v += 18.0;
            if ((t + phase) % period < 2 && b < mels / 2)
                v += 12.0;
            db(std::size_t(b), std::size_t(t)) = float(v);
        }
    }
    return QuantisedSpectrogram::fromMatrix(db);
}

LabelledSet writeSyntheticDataset(const std::filesystem::path& folder, SpectrogramCache& cache, int classes,
                                  int songsPerClass, int frames, std::uint64_t seed, double difficulty)
{
    std::filesystem::create_directories(folder);
    LabelledSet set;
    for (int c = 0; c < classes; ++c)
        set.classes.push_back("class" + std::to_string(c));
    const int mels = cache.settings().mel.nMels;
    for (int i = 0; i < songsPerClass * classes; ++i) {
        const int label = i % classes;
        const auto file = folder / ("song" + std::to_string(i) + ".syn");
        {
            std::ofstream out(file, std::ios::trunc);
            out << "synthetic song " << i << " class " << label << " seed " << seed << '\n';
            if (!out)
                throw Error(ErrorKind::Internal, file.string(), "cannot write a placeholder file");
        }
        cache.store(file, syntheticSpectrogram(label, classes, mels, frames, seed * 1000003 + std::uint64_t(i),
                                               difficulty));
        Sample sample;
        sample.audioPath = file.string();
        sample.label = label;
        sample.group = i;
        set.samples.push_back(std::move(sample));
    }
    return set;
}

} // namespace gs::ml
