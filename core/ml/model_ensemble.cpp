// Soft voting: the weighted mean of the members' calibrated probabilities. Diverse members
// (a kernel machine, a neural network, a ridge regression) make different mistakes, so the
// average is usually better than any one of them.
#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/models.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gs::ml {
namespace {

// Weight parameter -> member model; the order is the order of fitting and of the file.
const std::vector<std::pair<std::string, std::string>>& memberWeights()
{
    static const std::vector<std::pair<std::string, std::string>> list = {
        {"w_svm_rbf", "svm-rbf"}, {"w_mlp", "mlp"}, {"w_krr", "krr"}, {"w_knn", "knn"}, {"w_svm_linear", "svm-linear"},
    };
    return list;
}

class EnsembleModel final : public Classifier {
public:
    explicit EnsembleModel(Hyperparameters params) : params_(std::move(params)) {}

    std::string kind() const override { return "ensemble"; }
    Hyperparameters hyperparameters() const override { return params_; }

    void fit(const LabelledSet& train, const TrainContext& context) override
    {
        members_.clear();
        for (const auto& [weightName, model] : memberWeights()) {
            const double w = params_.at(weightName);
            if (w <= 0)
                continue;
            if (context.cancel)
                context.cancel->throwIfCancelled("ensemble");
            auto member = createClassifier(model, memberPreprocessing(params_));
            member->fit(train, context);
            members_.push_back({w, std::move(member)});
        }
        if (members_.empty())
            throw Error(ErrorKind::InvalidArgument, "ensemble", "every member weight is 0");
        classes_ = int(train.classes.size());
    }

    std::vector<double> predictProbabilities(const Sample& sample) const override
    {
        if (members_.empty())
            throw Error(ErrorKind::InvalidArgument, "ensemble", "the model has not been trained");
        std::vector<double> mean(std::size_t(classes_), 0.0);
        for (const auto& m : members_) {
            const auto p = m.model->predictProbabilities(sample);
            for (std::size_t c = 0; c < mean.size() && c < p.size(); ++c)
                mean[c] += m.weight * p[c];
        }
        return normalizedProbabilities(mean);
    }

    void save(std::ostream& out) const override
    {
        bin::writeTag(out, "ensemble");
        bin::writeI32(out, classes_);
        bin::writeU64(out, members_.size());
        for (const auto& m : members_) {
            bin::writeString(out, m.model->kind());
            bin::writeF64(out, m.weight);
            std::ostringstream blob;
            m.model->save(blob);
            bin::writeString(out, blob.str());
        }
    }

    void load(std::istream& in) override
    {
        bin::expectTag(in, "ensemble");
        const int classes = bin::readI32(in, "class count");
        if (classes < 1 || classes > 10000)
            throw Error(ErrorKind::Format, "model", "implausible class count");
        const std::size_t n = bin::readCount(in, "ensemble member", 1, memberWeights().size());
        std::vector<Member> members;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string kind = bin::readString(in, "member kind", 64);
            const bool known = std::any_of(memberWeights().begin(), memberWeights().end(),
                                           [&](const auto& w) { return w.second == kind; });
            if (!known)
                throw Error(ErrorKind::Format, "model", "'" + kind + "' cannot be an ensemble member");
            const double weight = bin::readF64(in, "member weight");
            if (!(weight > 0) || !std::isfinite(weight))
                throw Error(ErrorKind::Format, "model", "bad ensemble member weight");
            std::istringstream blob(bin::readString(in, "member state", bin::kMaxString * 16));
            auto model = createClassifier(kind);
            model->load(blob);
            members.push_back({weight, std::move(model)});
        }
        members_ = std::move(members);
        classes_ = classes;
    }

private:
    struct Member {
        double weight;
        std::unique_ptr<Classifier> model;
    };
    Hyperparameters params_;
    std::vector<Member> members_;
    int classes_ = 0;
};

} // namespace

ModelEntry ensembleModelEntry()
{
    return {{"ensemble",
             "soft vote of svm-rbf, mlp and krr (weights per member; 0 leaves one out)",
             {{"w_svm_rbf", 1, 0, 100, "weight of svm-rbf"},
              {"w_mlp", 1, 0, 100, "weight of mlp"},
              {"w_krr", 1, 0, 100, "weight of krr"},
              {"w_knn", 0, 0, 100, "weight of knn"},
              {"w_svm_linear", 0, 0, 100, "weight of svm-linear"},
              quantileNormalSpec()},
             {}},
            [](const Hyperparameters& p) { return std::make_unique<EnsembleModel>(p); }};
}

} // namespace gs::ml
