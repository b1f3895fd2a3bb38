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
    // A song shorter than one and a half clips is analysed once, from its start, like the
    // training clips (GTZAN's "30 s" clips are 30.01 s long).
    if (clipSeconds <= 0 || songSeconds < 1.5 * clipSeconds || maxWindows <= 1)
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

std::vector<double> songClipStarts(const ExtractionParams& params, double songSeconds, int maxClips, std::string& warning)
{
    double base = params.offsetSeconds;
    if (base > 0 && base >= songSeconds) {
        warning += std::string(warning.empty() ? "" : "; ") + "the song is shorter than the training clips' offset; analysed from its start";
        base = 0;
    }
    auto starts = clipOffsets(songSeconds - base, params.clipSeconds, maxClips);
    for (double& s : starts)
        s += base;
    return starts;
}

namespace {

void requireModel(const TrainedModel& model, const std::filesystem::path& file)
{
    if (!model.classifier)
        throw Error(ErrorKind::InvalidArgument, file.string(), "no model loaded");
}

// Audio models (cnn) read the song themselves: one window, the model picks its excerpt.
SongClassification classifyWithAudioModel(const TrainedModel& model, const std::filesystem::path& file, double songSeconds)
{
    if (file.empty())
        throw Error(ErrorKind::InvalidArgument, model.kind,
                    "this model analyses the song file itself; it cannot classify audio without its file");
    Sample s;
    s.audioPath = file.string();
    SongClassification result;
    result.file = file.string();
    result.songSeconds = songSeconds;
    ClassifiedWindow window;
    window.seconds = songSeconds;
    window.probabilities = model.classifier->predictProbabilities(s);
    result.windows = 1;
    result.genres = rankGenres(model, window.probabilities);
    result.windowDetails.push_back(std::move(window));
    return result;
}

// Feature models: only the genre features can be computed here, at the model's rate.
void checkFeatureSchema(const TrainedModel& model, const std::string& name)
{
    if (!featureSetWithColumns(model.schema.columns))
        throw Error(ErrorKind::Mismatch, name,
                    "the model was trained on features this program cannot compute ('" + model.schema.name + "')");
}

void checkFeatureModel(const TrainedModel& model, const Audio& audio, const std::string& name)
{
    checkFeatureSchema(model, name);
    const int rate = model.schema.params.sampleRate;
    if (rate > 0 && audio.sampleRate != rate)
        throw Error(ErrorKind::Mismatch, name,
                    "the audio was decoded at " + std::to_string(audio.sampleRate) + " Hz; the model's features need " +
                        std::to_string(rate) + " Hz");
}

// One clip, cut exactly as extractSong cuts a training clip. When the song was resampled,
// the clip is decoded again from the file at the native rate and resampled on its own, as
// extraction does (librosa's load(offset, duration)): resampling the whole song instead
// gives slightly different samples in the clip's last milliseconds (the filter sees the
// audio beyond the clip), so the features would no longer be bit-identical.
std::vector<float> cutClip(const Audio& audio, const std::filesystem::path& file, const ExtractionParams& params,
                           double start, const CancelToken* cancel)
{
    const bool resampled = audio.info.nativeSampleRate > 0 && audio.info.nativeSampleRate != audio.sampleRate;
    if (resampled && !file.empty()) {
        DecodeOptions decode;
        decode.sampleRate = params.sampleRate;
        decode.offsetSeconds = start;
        decode.durationSeconds = params.clipSeconds;
        return decodeAudio(file, decode, cancel).samples;
    }
    // Same arithmetic as decodeAudio's range: start and length truncated to whole samples.
    const auto begin = std::min(audio.samples.size(), std::size_t(std::int64_t(start * audio.sampleRate)));
    const std::size_t length = params.clipSeconds > 0 ? std::size_t(std::int64_t(params.clipSeconds * audio.sampleRate))
                                                      : audio.samples.size();
    const std::size_t end = std::min(audio.samples.size(), begin + length);
    return std::vector<float>(audio.samples.begin() + std::ptrdiff_t(begin), audio.samples.begin() + std::ptrdiff_t(end));
}

} // namespace

namespace {

// The windows of a feature model: each clip's features, probabilities and the mean.
// clipAt(start) returns the clip's samples at the model's rate. Each window's sample also
// names the song file, for models that combine features with the audio (fusion with cnn).
template <class ClipAt>
SongClassification classifyWindows(const TrainedModel& model, const std::filesystem::path& file, const std::string& name,
                                   double songSeconds, const ClassifyOptions& options, const CancelToken* cancel, ClipAt clipAt)
{
    const ExtractionParams& params = model.schema.params;
    SongClassification result;
    result.songSeconds = songSeconds;
    GenreFeatureExtractor extractor(params);
    std::vector<double> mean(model.classes.size(), 0.0);
    const auto starts = songClipStarts(params, songSeconds, options.maxWindows, result.warning);
    for (double start : starts) {
        if (cancel)
            cancel->throwIfCancelled(name);
        const std::vector<float> clip = clipAt(start, result.warning);
        ClassifiedWindow window;
        window.startSeconds = start;
        window.seconds = double(clip.size()) / double(params.sampleRate);
        Sample s;
        s.features = extractor.compute(clip, params.sampleRate);
        s.audioPath = file.string();
        window.probabilities = model.classifier->predictProbabilities(s);
        window.features = std::move(s.features);
        for (std::size_t c = 0; c < mean.size() && c < window.probabilities.size(); ++c)
            mean[c] += window.probabilities[c] / double(starts.size());
        result.windowDetails.push_back(std::move(window));
    }
    result.windows = int(starts.size());
    result.genres = rankGenres(model, mean);
    return result;
}

// Where the windows go is decided from the song's length as its container states it, so that
// decoding clip by clip (classifySong) and decoding everything first (classifyDecodedSong)
// place them alike; a song that decoded only in part is placed on what decoded.
double placementSeconds(const Audio& audio)
{
    return !audio.partial && audio.info.durationSeconds > 0 ? audio.info.durationSeconds : audio.seconds();
}

void appendWarning(std::string& warnings, const std::string& warning)
{
    if (!warning.empty() && warnings.find(warning) == std::string::npos)
        warnings += (warnings.empty() ? "" : "; ") + warning;
}

} // namespace

SongClassification classifyDecodedSong(const TrainedModel& model, const Audio& audio, const std::filesystem::path& file,
                                       const ClassifyOptions& options, const CancelToken* cancel)
{
    requireModel(model, file);
    const std::string name = file.empty() ? std::string("audio") : file.string();
    if (model.classifier->needsAudio()) {
        auto result = classifyWithAudioModel(model, file, audio.seconds());
        result.warning = audio.warning;
        return result;
    }
    checkFeatureModel(model, audio, name);
    auto result = classifyWindows(model, file, name, placementSeconds(audio), options, cancel, [&](double start, std::string&) {
        return cutClip(audio, file, model.schema.params, start, cancel);
    });
    result.file = file.string();
    std::string warning = audio.warning;
    appendWarning(warning, result.warning);
    result.warning = warning;
    return result;
}

SongClassification classifySong(const TrainedModel& model, const std::filesystem::path& file,
                                const ClassifyOptions& options, const CancelToken* cancel)
{
    requireModel(model, file);
    if (model.classifier->needsAudio()) // reads the file itself: no need to decode it here
        return classifyWithAudioModel(model, file, probeAudio(file).durationSeconds);
    checkFeatureSchema(model, file.string()); // before the (slow) decode
    const ExtractionParams& params = model.schema.params;
    DecodeOptions decode;
    decode.sampleRate = params.sampleRate;
    // A song at another rate than the model's is decoded clip by clip anyway (see cutClip):
    // decoding and resampling all of it first would only tell its length, which the
    // container tells for a fraction of the cost (a 5-minute 44.1 kHz MP3: ~0.25 s saved).
    const AudioInfo info = probeAudio(file);
    const bool clipByClip = info.nativeSampleRate > 0 && info.nativeSampleRate != params.sampleRate &&
                            info.durationSeconds > 0 && params.clipSeconds > 0;
    auto wholeSong = [&] { return classifyDecodedSong(model, decodeAudio(file, decode, cancel), file, options, cancel); };
    if (!clipByClip)
        return wholeSong();
    try {
        auto result = classifyWindows(model, file, file.string(), info.durationSeconds, options, cancel,
                                      [&](double start, std::string& warnings) {
                                          DecodeOptions clip = decode;
                                          clip.offsetSeconds = start;
                                          clip.durationSeconds = params.clipSeconds;
                                          Audio audio = decodeAudio(file, clip, cancel);
                                          if (audio.partial)
                                              throw Error(ErrorKind::Corrupt, file.string(), audio.warning);
                                          return std::move(audio.samples);
                                      });
        result.file = file.string();
        return result;
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled)
            throw;
        // Damaged or shorter than its header says: decode what there is, and place the
        // windows on that (with the decoder's warning).
        return wholeSong();
    }
}

} // namespace gs::ml
