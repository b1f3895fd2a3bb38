// Late fusion: each member's probabilities calibrated by a temperature, then pooled linearly
// with weights, both fitted on out-of-fold predictions of an inner cross-validation inside
// the training data (stacking in the sense of Wolpert 1992, with a linear pool as the
// combiner; Kittler et al. 1998 on combining classifiers). Unlike `ensemble` (fixed weights,
// uncalibrated), a member that is worse or over-confident on this data gets less weight.
//
// Members may mix feature models and the CNN: the CNN reads Sample::audioPath (a song folder
// gives both), learns from one row per song (clips of one song are the same audio to it) and
// keeps its own excerpt choice (`cnn_clip_seconds` 0: windows from the whole song).
#include "core/ml/model_fusion.h"

#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/evaluate.h"
#include "core/ml/models.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace gs::ml {

// ---- calibration and weights -----------------------------------------------------------

std::vector<double> temperatureScaled(const std::vector<double>& p, double beta)
{
    std::vector<double> logs(p.size());
    double top = -1e300;
    for (std::size_t c = 0; c < p.size(); ++c)
        top = std::max(top, logs[c] = beta * std::log(std::max(p[c], 1e-15)));
    double sum = 0;
    std::vector<double> q(p.size());
    for (std::size_t c = 0; c < p.size(); ++c)
        sum += q[c] = std::exp(logs[c] - top);
    for (double& v : q)
        v /= sum;
    return q;
}

namespace {

double temperatureNll(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& truth, double beta)
{
    double loss = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        loss -= std::log(std::max(temperatureScaled(probabilities[i], beta)[std::size_t(truth[i])], 1e-15));
    return truth.empty() ? 0 : loss / double(truth.size());
}

} // namespace

double fitInverseTemperature(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& truth)
{
    if (truth.empty())
        return 1.0;
    // Golden-section search on x = ln beta over [ln 0.05, ln 20] (Numerical Recipes 10.2).
    const double g = (std::sqrt(5.0) - 1) / 2;
    double a = std::log(0.05), b = std::log(20.0);
    double c = b - g * (b - a), d = a + g * (b - a);
    double fc = temperatureNll(probabilities, truth, std::exp(c));
    double fd = temperatureNll(probabilities, truth, std::exp(d));
    for (int i = 0; i < 60 && b - a > 1e-6; ++i) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = temperatureNll(probabilities, truth, std::exp(c));
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = temperatureNll(probabilities, truth, std::exp(d));
        }
    }
    return std::exp((a + b) / 2);
}

namespace {

// Every weight vector of the simplex grid (integers summing to steps), first weight descending.
void simplexGrid(std::size_t members, int steps, std::vector<int>& current, std::vector<std::vector<int>>& out)
{
    if (current.size() + 1 == members) {
        int used = 0;
        for (int w : current)
            used += w;
        current.push_back(steps - used);
        out.push_back(current);
        current.pop_back();
        return;
    }
    int used = 0;
    for (int w : current)
        used += w;
    for (int w = steps - used; w >= 0; --w) {
        current.push_back(w);
        simplexGrid(members, steps, current, out);
        current.pop_back();
    }
}

} // namespace

std::vector<double> fitPoolWeights(const std::vector<std::vector<std::vector<double>>>& memberProbabilities,
                                   const std::vector<int>& truth, int steps)
{
    const std::size_t M = memberProbabilities.size();
    if (M == 0)
        throw Error(ErrorKind::InvalidArgument, "fusion", "no member to weigh");
    if (M == 1)
        return {1.0};
    std::vector<std::vector<int>> grid;
    std::vector<int> current;
    simplexGrid(M, std::max(1, steps), current, grid);
    // The pooled probability of the true class is all the loss needs: precompute per member.
    std::vector<std::vector<double>> ofTruth(M, std::vector<double>(truth.size()));
    for (std::size_t m = 0; m < M; ++m)
        for (std::size_t i = 0; i < truth.size(); ++i)
            ofTruth[m][i] = memberProbabilities[m][i][std::size_t(truth[i])];
    double bestLoss = 1e300;
    std::vector<double> best(M, 1.0 / double(M));
    for (const auto& point : grid) {
        double loss = 0;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            double p = 0;
            for (std::size_t m = 0; m < M; ++m)
                p += double(point[m]) / double(steps) * ofTruth[m][i];
            loss -= std::log(std::max(p, 1e-15));
        }
        if (loss < bestLoss - 1e-9) {
            bestLoss = loss;
            for (std::size_t m = 0; m < M; ++m)
                best[m] = double(point[m]) / double(steps);
        }
    }
    return best;
}

// ---- the model ---------------------------------------------------------------------------
namespace {

// Membership parameter -> member model, in the order of fitting and of the file.
const std::vector<std::pair<std::string, std::string>>& memberSwitches()
{
    static const std::vector<std::pair<std::string, std::string>> list = {
        {"svm_rbf", "svm-rbf"}, {"mlp", "mlp"}, {"krr", "krr"}, {"knn", "knn"}, {"svm_linear", "svm-linear"}, {"cnn", "cnn"},
    };
    return list;
}

bool isKnownMember(const std::string& kind)
{
    return std::any_of(memberSwitches().begin(), memberSwitches().end(), [&](const auto& s) { return s.second == kind; });
}

// One row per song for the CNN: clips of one song are the same audio file to it.
LabelledSet firstRowPerSong(const LabelledSet& data)
{
    LabelledSet out;
    out.classes = data.classes;
    out.schema = data.schema;
    std::set<int> seen;
    for (const auto& s : data.samples)
        if (s.song < 0 || seen.insert(s.song).second)
            out.samples.push_back(s);
    return out;
}

class FusionModel final : public Classifier {
public:
    explicit FusionModel(Hyperparameters params) : params_(std::move(params)) {}

    std::string kind() const override { return "fusion"; }
    Hyperparameters hyperparameters() const override { return params_; }

    void fit(const LabelledSet& train, const TrainContext& context) override
    {
        const auto kinds = memberKinds();
        if (kinds.empty())
            throw Error(ErrorKind::InvalidArgument, "fusion", "no member is switched on");
        checkAudio(kinds, train);
        classes_ = int(train.classes.size());
        const auto [betas, weights] = calibrateOnInnerFolds(kinds, train, context);
        members_.clear();
        for (std::size_t m = 0; m < kinds.size(); ++m) {
            if (weights[m] <= 0)
                continue; // weighed out: not worth fitting or storing
            members_.push_back({kinds[m], weights[m], betas[m],
                                fitMember(kinds[m], train, context, mixSeed(context.seed, "fusion-final", m), "final")});
        }
    }

    std::vector<double> predictProbabilities(const Sample& sample) const override
    {
        if (members_.empty())
            throw Error(ErrorKind::InvalidArgument, "fusion", "the model has not been trained");
        std::vector<double> pooled(std::size_t(classes_), 0.0);
        for (const auto& m : members_) {
            const auto q = temperatureScaled(m.model->predictProbabilities(sample), m.beta);
            for (std::size_t c = 0; c < pooled.size() && c < q.size(); ++c)
                pooled[c] += m.weight * q[c];
        }
        return normalizedProbabilities(pooled);
    }

    void save(std::ostream& out) const override
    {
        bin::writeTag(out, "fusion");
        bin::writeI32(out, classes_);
        bin::writeU64(out, members_.size());
        for (const auto& m : members_) {
            bin::writeString(out, m.kind);
            bin::writeF64(out, m.weight);
            bin::writeF64(out, m.beta);
            std::ostringstream blob;
            m.model->save(blob);
            bin::writeString(out, blob.str());
        }
    }

    void load(std::istream& in) override
    {
        bin::expectTag(in, "fusion");
        const int classes = bin::readI32(in, "class count");
        if (classes < 1 || classes > 10000)
            throw Error(ErrorKind::Format, "model", "implausible class count");
        const std::size_t n = bin::readCount(in, "fusion member", 1, memberSwitches().size());
        std::vector<Member> members;
        for (std::size_t i = 0; i < n; ++i) {
            Member m;
            m.kind = bin::readString(in, "member kind", 64);
            if (!isKnownMember(m.kind))
                throw Error(ErrorKind::Format, "model", "'" + m.kind + "' cannot be a fusion member");
            m.weight = bin::readF64(in, "member weight");
            m.beta = bin::readF64(in, "member inverse temperature");
            if (!(m.weight > 0) || !std::isfinite(m.weight) || !(m.beta > 0) || !std::isfinite(m.beta))
                throw Error(ErrorKind::Format, "model", "bad fusion member weight or temperature");
            std::istringstream blob(bin::readString(in, "member state", bin::kMaxString * 16));
            m.model = createClassifier(m.kind, memberOverrides(m.kind));
            m.model->load(blob);
            members.push_back(std::move(m));
        }
        members_ = std::move(members);
        classes_ = classes;
    }

private:
    struct Member {
        std::string kind;
        double weight = 0;
        double beta = 1; // inverse temperature
        std::unique_ptr<Classifier> model;
    };

    std::vector<std::string> memberKinds() const
    {
        std::vector<std::string> out;
        for (const auto& [param, kind] : memberSwitches())
            if (params_.at(param) > 0)
                out.push_back(kind);
        return out;
    }

    Hyperparameters memberOverrides(const std::string& kind) const
    {
        if (kind != "cnn")
            return memberPreprocessing(params_);
        // The cnn's own schedule unless cnn_epochs / cnn_windows shorten it (it is fitted
        // 1 + inner_folds times per fusion fit); a short one costs accuracy (cnn/README.md).
        // One training thread: cross-validation already runs a fold per core.
        Hyperparameters overrides{{"clip_seconds", params_.at("cnn_clip_seconds")}, {"threads", 1}};
        if (params_.at("cnn_epochs") > 0)
            overrides["epochs"] = params_.at("cnn_epochs");
        if (params_.at("cnn_windows") > 0)
            overrides["windows_per_song"] = params_.at("cnn_windows");
        return overrides;
    }

    static void checkAudio(const std::vector<std::string>& kinds, const LabelledSet& train)
    {
        if (std::find(kinds.begin(), kinds.end(), "cnn") == kinds.end())
            return;
        for (const auto& s : train.samples)
            if (s.audioPath.empty())
                throw Error(ErrorKind::InvalidArgument, "fusion",
                            "the cnn member analyses the songs themselves; a features CSV has none "
                            "(evaluate a folder of songs, or set fusion.cnn=0)");
    }

    std::unique_ptr<Classifier> fitMember(const std::string& kind, const LabelledSet& data, const TrainContext& context,
                                          std::uint64_t seed, const std::string& stage) const
    {
        if (context.cancel)
            context.cancel->throwIfCancelled("fusion");
        auto model = createClassifier(kind, memberOverrides(kind));
        ProgressFn progress;
        if (context.progress)
            progress = [&](const ProgressInfo& info) {
                ProgressInfo forwarded = info;
                forwarded.stage = "fusion " + stage + " · " + kind + (info.stage.empty() ? "" : " · " + info.stage);
                context.progress(forwarded);
            };
        model->fit(kind == "cnn" ? firstRowPerSong(data) : data, TrainContext{seed, progress, context.cancel});
        return model;
    }

    // Every member's out-of-fold probabilities on the training rows (inner folds grouped
    // as the outer ones), then one temperature per member and the pool's weights.
    std::pair<std::vector<double>, std::vector<double>> calibrateOnInnerFolds(const std::vector<std::string>& kinds,
                                                                              const LabelledSet& train,
                                                                              const TrainContext& context) const
    {
        const std::size_t M = kinds.size();
        std::vector<double> betas(M, 1.0), weights(M, 1.0 / double(M));
        const int inner = int(params_.at("inner_folds"));
        std::vector<int> foldOf;
        try {
            foldOf = assignFolds(cv::labelsOf(train), cv::groupsOf(train), inner, mixSeed(context.seed, "fusion-inner"));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::InvalidArgument)
                throw;
            return {betas, weights}; // too few songs for an inner split: plain average
        }
        std::vector<int> truth;
        for (const auto& s : train.samples)
            truth.push_back(s.label);
        std::vector<std::vector<std::vector<double>>> oof(M, std::vector<std::vector<double>>(train.samples.size()));
        std::vector<std::size_t> trainIdx, testIdx;
        for (int f = 0; f < inner; ++f) {
            cv::splitByFold(foldOf, f, trainIdx, testIdx);
            const auto part = cv::subset(train, trainIdx);
            for (std::size_t m = 0; m < M; ++m) {
                const auto model = fitMember(kinds[m], part, context, mixSeed(context.seed, "fusion-inner-fit", m * 1000 + std::size_t(f)),
                                             "inner " + std::to_string(f + 1) + "/" + std::to_string(inner));
                std::map<std::string, std::vector<double>> byAudio; // the cnn: one prediction per song file
                for (std::size_t i : testIdx) {
                    const Sample& s = train.samples[i];
                    if (kinds[m] == "cnn") {
                        auto it = byAudio.find(s.audioPath);
                        if (it == byAudio.end())
                            it = byAudio.emplace(s.audioPath, model->predictProbabilities(s)).first;
                        oof[m][i] = it->second;
                    } else {
                        oof[m][i] = model->predictProbabilities(s);
                    }
                }
            }
        }
        for (std::size_t m = 0; m < M; ++m) {
            betas[m] = fitInverseTemperature(oof[m], truth);
            for (auto& p : oof[m])
                p = temperatureScaled(p, betas[m]);
        }
        weights = fitPoolWeights(oof, truth, int(params_.at("weight_steps")));
        return {betas, weights};
    }

    Hyperparameters params_;
    std::vector<Member> members_;
    int classes_ = 0;
};

} // namespace

ModelEntry fusionModelEntry()
{
    ModelEntry entry{{"fusion",
             "late fusion of calibrated svm-rbf + mlp (+ cnn on a folder, fusion.cnn=1): weights and "
             "temperatures from an inner CV of the training songs",
             {{"svm_rbf", 1, 0, 1, "1 = svm-rbf is a member"},
              {"mlp", 1, 0, 1, "1 = mlp is a member"},
              {"krr", 0, 0, 1, "1 = krr is a member"},
              {"knn", 0, 0, 1, "1 = knn is a member"},
              {"svm_linear", 0, 0, 1, "1 = svm-linear is a member"},
              {"cnn", 0, 0, 1, "1 = the cnn is a member (needs the songs: a dataset folder)"},
              {"inner_folds", 3, 2, 10, "inner folds whose out-of-fold predictions fit temperatures and weights"},
              {"weight_steps", 10, 1, 100, "weights on the simplex grid of step 1/weight_steps"},
              {"cnn_epochs", 0, 0, 1000, "cnn member: training epochs (0 = the cnn's default)"},
              {"cnn_windows", 0, 0, 200, "cnn member: random windows per song and epoch (0 = the cnn's default)"},
              {"cnn_clip_seconds", 0, 0, 3600, "cnn member: seconds of each song it learns from (0 = whole song)"},
              quantileNormalSpec()},
             {}},
            [](const Hyperparameters& p) { return std::make_unique<FusionModel>(p); }};
    entry.info.inDefaultComparison = false; // fits its members 1 + inner_folds times: asked for by name
    return entry;
}

} // namespace gs::ml
