#pragma once
// The one interface every genre model implements (dummies, kNN, SVMs, MLP, CNN).
// Plain C++: Dlib stays inside the model .cpp files.
#include "core/common/progress.h"
#include "core/features/schema.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gs::ml {

// One song (or one segment of a song) as the models see it.
struct Sample {
    std::vector<double> features; // schema order; may be empty for models that read audio
    std::string audioPath;        // the song itself, for models that analyse audio (cnn)
    int label = -1;               // index into LabelledSet::classes; -1 = unknown
    int group = -1;               // samples sharing a group never straddle a CV split
    // Every genre the song is listed under (e.g. FMA genres_all), label included; empty = just
    // `label`. Models train on `label`; multi-genre scores (metrics.h anyGenre*) read this.
    std::vector<int> allGenres;
};

struct LabelledSet {
    std::vector<Sample> samples;
    std::vector<std::string> classes; // label names, index = label
    FeatureSchema schema;
};

using Hyperparameters = std::map<std::string, double>;

struct TrainContext {
    std::uint64_t seed = 42;
    ProgressFn progress;               // may be empty
    const CancelToken* cancel = nullptr; // may be null; checked between steps
};

class Classifier {
public:
    virtual ~Classifier() = default;

    virtual std::string kind() const = 0;            // the CLI / report name: "svm-rbf"
    virtual Hyperparameters hyperparameters() const = 0;
    virtual bool needsAudio() const { return false; } // true: reads Sample::audioPath (cnn)

    // Learns from train; the standardiser and any projection are part of the model.
    virtual void fit(const LabelledSet& train, const TrainContext& context) = 0;
    // Calibrated class probabilities, one per class of the training set, summing to 1.
    virtual std::vector<double> predictProbabilities(const Sample& sample) const = 0;

    // The model's own state; the model-file container (magic, schema, classes, report)
    // is written around it by model_file.h.
    virtual void save(std::ostream& out) const = 0;
    virtual void load(std::istream& in) = 0; // throws gs::Error(Format) on bad data
};

} // namespace gs::ml
