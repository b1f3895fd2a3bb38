#include "core/ml/classify_song.h"

#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/features/extract.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace gs::ml {

std::vector<double> clipOffsets(double songSeconds, double clipSeconds, int maxWindows)
{
    if (clipSeconds <= 0 || songSeconds <= clipSeconds || maxWindows <= 1)
        return {0.0};
    const int n = std::min(maxWindows, int(std::ceil(songSeconds / clipSeconds)));
    if (n <= 1)
        return {0.0};
    std::vector<double> out;
    const double span = songSeconds - clipSeconds;
    for (int i = 0; i < n; ++i)
        out.push_back(span * double(i) / double(n - 1));
    return out;
}

std::vector<GenreProbability> rankGenres(const TrainedModel& model, const std::vector<double>& probabilities)
{
    std::vector<GenreProbability> out;
    for (std::size_t c = 0; c < model.classes.size() && c < probabilities.size(); ++c)
        out.push_back({model.classes[c], probabilities[c]});
    std::stable_sort(out.begin(), out.end(),
                     [](const GenreProbability& a, const GenreProbability& b) { return a.probability > b.probability; });
    return out;
}

SongClassification classifySong(const TrainedModel& model, const std::filesystem::path& file,
                                const ClassifyOptions& options, const CancelToken* cancel)
{
    if (!model.classifier)
        throw Error(ErrorKind::InvalidArgument, file.string(), "no model loaded");
    SongClassification result;
    result.file = file.string();
    std::vector<double> mean(model.classes.size(), 0.0);
    if (model.classifier->needsAudio()) {
        Sample s;
        s.audioPath = file.string();
        mean = model.classifier->predictProbabilities(s);
        result.windows = 1;
    } else {
        if (model.schema.columns != genreFeatureNames())
            throw Error(ErrorKind::Mismatch, file.string(),
                        "the model was trained on features this program cannot compute ('" + model.schema.name + "')");
        const ExtractionParams& params = model.schema.params;
        DecodeOptions decode;
        decode.sampleRate = params.sampleRate;
        const Audio audio = decodeAudio(file, decode, cancel);
        result.songSeconds = audio.seconds();
        result.warning = audio.warning;
        const auto offsets = clipOffsets(audio.seconds(), params.clipSeconds, options.maxWindows);
        GenreFeatureExtractor extractor(params.pad, params.legacyHpss);
        for (double offset : offsets) {
            if (cancel)
                cancel->throwIfCancelled(file.string());
            const std::size_t begin = std::min(audio.samples.size(), std::size_t(offset * audio.sampleRate));
            const std::size_t length =
                params.clipSeconds > 0 ? std::size_t(params.clipSeconds * audio.sampleRate) : audio.samples.size();
            const std::size_t end = std::min(audio.samples.size(), begin + length);
            Sample s;
            s.features = extractor.compute(std::span<const float>(audio.samples.data() + begin, end - begin), audio.sampleRate);
            const auto p = model.classifier->predictProbabilities(s);
            for (std::size_t c = 0; c < mean.size() && c < p.size(); ++c)
                mean[c] += p[c] / double(offsets.size());
        }
        result.windows = int(offsets.size());
    }
    result.genres = rankGenres(model, mean);
    return result;
}

} // namespace gs::ml
