#include "core/ml/cnn/cnn_options.h"

#include "core/common/cache_dir.h"
#include "core/common/error.h"
#include "core/ml/class_weights.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace gs::ml {

const std::vector<ParameterSpec>& CnnOptions::specs()
{
    static const std::vector<ParameterSpec> list = {
        {"epochs", 20, 1, 1000, "training passes over the songs (early stopping may end sooner)"},
        {"batch_size", 32, 2, 512, "spectrogram windows per mini-batch"},
        {"learning_rate", 1e-3, 1e-6, 1.0, "Adam step size"},
        {"weight_decay", 5e-4, 0, 0.1, "L2 penalty on the weights"},
        {"dropout", 0.5, 0, 0.9, "dropout rate before the output layer"},
        {"window_frames", 128, 32, 1024, "spectrogram frames per network input (128 = 2.97 s)"},
        {"windows_per_song", 20, 1, 200, "random windows drawn from each song per epoch"},
        {"inference_overlap", 0.5, 0, 0.9, "overlap of the windows averaged for a song's prediction"},
        {"freq_mask", 12, 0, 64, "widest random frequency mask in mel bands (augmentation, 0 = off)"},
        {"time_mask", 16, 0, 256, "widest random time mask in frames (augmentation, 0 = off)"},
        {"gain_jitter_db", 0, 0, 24, "random level change of each training window, +- dB (augmentation, 0 = off)"},
        {"mixup", 0, 0, 10, "mixup: windows mixed with a partner by a Beta(a, a) share (augmentation, 0 = off)"},
        {"label_smoothing", 0, 0, 0.5, "share of every target spread evenly over the classes (0 = off)"},
        {"band_standardise", 0, 0, 1, "1 = standardise every mel band by its own mean and deviation, 0 = one for all"},
        {"warmup_epochs", 0, 0, 100, "linear learning-rate warm-up at the start, in epochs (0 = off)"},
        {"validation_fraction", 0, 0, 0.5,
         "share of training songs held out for early stopping (0 = none: all songs train, the last epoch is the model)"},
        {"patience", 6, 1, 1000, "epochs without validation improvement before stopping"},
        {"clip_seconds", 0, 0, 3600, "seconds analysed per song (0 = whole file)"},
        {"clip_offset_seconds", 0, 0, 3600, "where the analysed clip starts"},
        {"seed", 0, 0, 4294967295.0, "random seed (0 = the evaluation's seed)"},
        {"threads", 2, 1, 16, "training threads sharing each mini-batch (the result depends on it)"},
        classWeightSpec(),
    };
    return list;
}

namespace {

int asInt(double v) { return static_cast<int>(std::lround(v)); }

} // namespace

CnnOptions CnnOptions::fromHyperparameters(const Hyperparameters& overrides)
{
    const auto& s = specs();
    Hyperparameters values;
    for (const auto& spec : s)
        values[spec.name] = spec.defaultValue;
    for (const auto& [name, value] : overrides) {
        checkRange(findSpec(s, name), value); // throws for unknown names too
        values[name] = value;
    }
    CnnOptions o;
    o.epochs = asInt(values["epochs"]);
    o.batchSize = asInt(values["batch_size"]);
    o.learningRate = values["learning_rate"];
    o.weightDecay = values["weight_decay"];
    o.dropout = values["dropout"];
    o.windowFrames = asInt(values["window_frames"]);
    o.windowsPerSong = asInt(values["windows_per_song"]);
    o.inferenceOverlap = values["inference_overlap"];
    o.freqMask = asInt(values["freq_mask"]);
    o.timeMask = asInt(values["time_mask"]);
    o.gainJitterDb = values["gain_jitter_db"];
    o.mixup = values["mixup"];
    o.labelSmoothing = values["label_smoothing"];
    o.bandStandardise = asInt(values["band_standardise"]);
    o.warmupEpochs = values["warmup_epochs"];
    o.validationFraction = values["validation_fraction"];
    o.patience = asInt(values["patience"]);
    o.clipSeconds = values["clip_seconds"];
    o.clipOffsetSeconds = values["clip_offset_seconds"];
    o.seed = static_cast<std::uint64_t>(std::llround(values["seed"]));
    o.threads = asInt(values["threads"]);
    o.classWeight = asInt(values["class_weight"]);
    return o;
}

Hyperparameters CnnOptions::toHyperparameters() const
{
    return {
        {"epochs", double(epochs)},
        {"batch_size", double(batchSize)},
        {"learning_rate", learningRate},
        {"weight_decay", weightDecay},
        {"dropout", dropout},
        {"window_frames", double(windowFrames)},
        {"windows_per_song", double(windowsPerSong)},
        {"inference_overlap", inferenceOverlap},
        {"freq_mask", double(freqMask)},
        {"time_mask", double(timeMask)},
        {"gain_jitter_db", gainJitterDb},
        {"mixup", mixup},
        {"label_smoothing", labelSmoothing},
        {"band_standardise", double(bandStandardise)},
        {"warmup_epochs", warmupEpochs},
        {"validation_fraction", validationFraction},
        {"patience", double(patience)},
        {"clip_seconds", clipSeconds},
        {"clip_offset_seconds", clipOffsetSeconds},
        {"seed", double(seed)},
        {"threads", double(threads)},
        {"class_weight", double(classWeight)},
    };
}

MelOptions cnnMelOptions()
{
    return MelOptions{}; // n_fft 2048, hop 512, 128 mels, top_db 80: librosa's defaults
}

std::string defaultCnnCacheDirectory()
{
    return (userCacheDirectory() / "cnn").string();
}

} // namespace gs::ml
