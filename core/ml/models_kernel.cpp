// Dlib kernel methods, one-vs-one: linear SVM, RBF SVM and RBF kernel ridge regression.
// Each pairwise machine gets a Platt sigmoid fitted on held-out folds of its own training
// data (dlib::train_probabilistic_decision_function); the pairwise probabilities are then
// coupled into one distribution (Wu, Lin & Weng), as libsvm does.
//
// Class weights (class_weight, core/ml/class_weights.h), in each pair (a, b):
//  - svm-linear, svm-rbf: penalty C * w_a for class a's samples and C * w_b for class b's
//    (Dlib's set_c_class1/set_c_class2), as libsvm/sklearn apply class_weight in one-vs-one;
//  - every model: the Platt sigmoid is fitted, unweighted, on the pair's own samples, so it
//    would put the training priors n_a : n_b back into P(a | a or b). Its intercept is shifted
//    by log(w_a / w_b) instead: the prior correction that turns a posterior under the training
//    priors into one under weighted priors (Elkan 2001, "The foundations of cost-sensitive
//    learning", theorem 1; Saerens, Latinne & Decaestecker 2002). krr has only this part: Dlib's
//    krr_trainer takes no per-class penalty.
// With equal weights (none, or auto on a balanced set) nothing of this runs.
#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/class_weights.h"
#include "core/ml/dlib_input.h"
#include "core/ml/models.h"

#include <dlib/svm.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

namespace gs::ml {
namespace {

using Vec = dlib::matrix<double, 0, 1>;
using LinearKernel = dlib::linear_kernel<Vec>;
using RbfKernel = dlib::radial_basis_kernel<Vec>;

Vec toVec(const std::vector<double>& x)
{
    Vec v(long(x.size()));
    for (std::size_t i = 0; i < x.size(); ++i)
        v(long(i)) = x[i];
    return v;
}

// ---- machines on disk ------------------------------------------------------------------------
// Since "GSKMACH1" the machines are stored in our own layout and read with the bounded readers
// of binary_io.h; Dlib's deserialiser allocates whatever size a damaged stream announces before
// reading a value (fuzz/README.md), so it only reads files written before (a Dlib stream, told
// apart by the magic, which no Dlib stream starts with).
// Per machine: Platt slope and offset, bias, kernel parameter (gamma; 0 for the linear kernel),
// the number n of basis vectors, then n times (weight, dimension values).
constexpr std::string_view kMachinesMagic = "GSKMACH1";

double kernelParameter(const LinearKernel&) { return 0; }
double kernelParameter(const RbfKernel& kernel) { return kernel.gamma; }
LinearKernel kernelFromParameter(double, LinearKernel*) { return {}; }
RbfKernel kernelFromParameter(double gamma, RbfKernel*) { return RbfKernel(gamma); }

double readFinite(std::istream& in, const char* what)
{
    const double v = bin::readF64(in, what);
    if (!std::isfinite(v))
        throw Error(ErrorKind::Format, "model", std::string("non-finite ") + what);
    return v;
}

template <typename Machine>
void writeMachine(std::ostream& out, const Machine& machine)
{
    const auto& f = machine.decision_funct;
    bin::writeF64(out, machine.alpha);
    bin::writeF64(out, machine.beta);
    bin::writeF64(out, f.b);
    bin::writeF64(out, kernelParameter(f.kernel_function));
    bin::writeU64(out, std::uint64_t(f.basis_vectors.size()));
    for (long i = 0; i < f.basis_vectors.size(); ++i) {
        bin::writeF64(out, f.alpha(i));
        for (long j = 0; j < f.basis_vectors(i).size(); ++j)
            bin::writeF64(out, f.basis_vectors(i)(j));
    }
}

// Vectors are collected as they are read, so that a false count costs at most the bytes that
// are really there before the stream runs dry.
template <typename Machine>
Machine readMachine(std::istream& in, std::size_t dimension)
{
    using Kernel = typename Machine::kernel_type;
    Machine machine;
    machine.alpha = readFinite(in, "Platt slope");
    machine.beta = readFinite(in, "Platt offset");
    auto& f = machine.decision_funct;
    f.b = readFinite(in, "machine bias");
    const double parameter = readFinite(in, "kernel parameter");
    if (parameter < 0)
        throw Error(ErrorKind::Format, "model", "negative kernel parameter");
    f.kernel_function = kernelFromParameter(parameter, static_cast<Kernel*>(nullptr));
    const std::size_t n = bin::readCount(in, "basis vector", 0, bin::kMaxElements / (dimension + 1));
    std::vector<double> weights;
    std::vector<Vec> vectors;
    for (std::size_t i = 0; i < n; ++i) {
        weights.push_back(readFinite(in, "basis weight"));
        Vec v(static_cast<long>(dimension));
        for (std::size_t j = 0; j < dimension; ++j)
            v(long(j)) = readFinite(in, "basis vector value");
        vectors.push_back(std::move(v));
    }
    f.alpha.set_size(long(n));
    f.basis_vectors.set_size(long(n));
    for (std::size_t i = 0; i < n; ++i) {
        f.alpha(long(i)) = weights[i];
        f.basis_vectors(long(i)) = std::move(vectors[i]);
    }
    return machine;
}

template <typename Kernel>
class OneVsOneModel : public FeatureModel {
public:
    using FeatureModel::FeatureModel;

protected:
    using Machine = dlib::probabilistic_decision_function<Kernel>;
    // The class weights of one pair: +1 = the first class of the pair, -1 = the second.
    struct PairWeights {
        double positive = 1;
        double negative = 1;
        bool equal() const { return positive == negative; }
    };
    // Trains one calibrated binary machine: y = +1 for the first class of the pair.
    virtual Machine trainPair(const std::vector<Vec>& x, const std::vector<double>& y, long plattFolds,
                              const PairWeights& weights) const = 0;

    double gamma() const // 0 = sklearn's gamma='scale' on standardised data: 1/n_features
    {
        const double g = param("gamma");
        return g > 0 ? g : 1.0 / double(std::max<std::size_t>(dimension(), 1));
    }

    void fitScaled(const FeatureRows& rows, const std::vector<int>& y, const TrainContext& context) override
    {
        std::vector<std::vector<Vec>> byClass(static_cast<std::size_t>(classCount()));
        for (std::size_t i = 0; i < rows.size(); ++i)
            byClass[std::size_t(y[i])].push_back(toVec(rows[i]));
        present_.clear();
        for (int c = 0; c < classCount(); ++c)
            if (!byClass[std::size_t(c)].empty())
                present_.push_back(c);
        machines_.clear();
        const auto classWeights = trainingClassWeights(classWeightMode(param("class_weight")), y, classCount());
        for (std::size_t a = 0; a < present_.size(); ++a) {
            for (std::size_t b = a + 1; b < present_.size(); ++b) {
                if (context.cancel)
                    context.cancel->throwIfCancelled(kind());
                const auto& xa = byClass[std::size_t(present_[a])];
                const auto& xb = byClass[std::size_t(present_[b])];
                std::vector<Vec> x;
                std::vector<double> labels;
                x.reserve(xa.size() + xb.size());
                for (const auto& v : xa) {
                    x.push_back(v);
                    labels.push_back(+1);
                }
                for (const auto& v : xb) {
                    x.push_back(v);
                    labels.push_back(-1);
                }
                const long folds = std::clamp<long>(long(param("platt_folds")), 2, long(x.size()));
                const PairWeights weights{classWeights[std::size_t(present_[a])],
                                          classWeights[std::size_t(present_[b])]};
                Machine machine = trainPair(x, labels, folds, weights);
                if (!weights.equal()) // P = 1 / (1 + exp(alpha f + beta)): logit shifted by log(w+ / w-)
                    machine.beta -= std::log(weights.positive / weights.negative);
                machines_.push_back(std::move(machine));
            }
        }
    }

    std::vector<double> predictScaled(const std::vector<double>& row) const override
    {
        std::vector<double> out(std::size_t(classCount()), 0.0);
        const std::size_t k = present_.size();
        if (k == 1) {
            out[std::size_t(present_[0])] = 1.0;
            return out;
        }
        const Vec x = toVec(row);
        std::vector<std::vector<double>> r(k, std::vector<double>(k, 0.0));
        std::size_t m = 0;
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = a + 1; b < k; ++b) {
                const double p = std::clamp(double(machines_[m++](x)), 1e-7, 1.0 - 1e-7);
                r[a][b] = std::isfinite(p) ? p : 0.5;
                r[b][a] = 1.0 - r[a][b];
            }
        const auto coupled = couplePairwise(r);
        for (std::size_t a = 0; a < k; ++a)
            out[std::size_t(present_[a])] = coupled[a];
        return out;
    }

    void saveState(std::ostream& out) const override
    {
        bin::writeU64(out, present_.size());
        for (int c : present_)
            bin::writeI32(out, c);
        std::ostringstream blob;
        blob << kMachinesMagic;
        for (const auto& machine : machines_)
            writeMachine(blob, machine);
        bin::writeString(out, blob.str());
    }

    void loadState(std::istream& in) override
    {
        const std::size_t k = bin::readCount(in, "class", 1, std::size_t(classCount()));
        std::vector<int> present(k);
        for (auto& c : present) {
            c = bin::readI32(in, "class index");
            if (c < 0 || c >= classCount())
                throw Error(ErrorKind::Format, "model", "class index out of range");
        }
        std::string blob = bin::readString(in, "pairwise machines", bin::kMaxString * 16);
        std::vector<Machine> machines(k * (k - 1) / 2);
        if (blob.starts_with(kMachinesMagic)) {
            std::istringstream own(std::move(blob));
            own.seekg(std::streamoff(kMachinesMagic.size()));
            for (auto& machine : machines)
                machine = readMachine<Machine>(own, dimension());
            if (own.peek() != std::char_traits<char>::eof())
                throw Error(ErrorKind::Format, "model", "bytes after the pairwise machines");
        } else {
            loadDlibMachines(std::move(blob), machines);
        }
        for (const auto& machine : machines)
            for (long i = 0; i < machine.decision_funct.basis_vectors.size(); ++i)
                if (std::size_t(machine.decision_funct.basis_vectors(i).size()) != dimension() ||
                    machine.decision_funct.alpha.size() != machine.decision_funct.basis_vectors.size())
                    throw Error(ErrorKind::Format, "model", "pairwise machine of the wrong dimension");
        present_ = std::move(present);
        machines_ = std::move(machines);
    }

private:
    // Files written before "GSKMACH1": a Dlib stream.
    static void loadDlibMachines(std::string blob, std::vector<Machine>& machines)
    {
        DlibInput in(std::move(blob));
        try {
            for (auto& machine : machines)
                dlib::deserialize(machine, in);
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Format, "model", std::string("damaged pairwise machines: ") + e.what());
        }
    }

    std::vector<int> present_; // classes seen in training, ascending
    std::vector<Machine> machines_; // (a,b) for a<b in present_ order
};

class SvmLinearModel final : public OneVsOneModel<LinearKernel> {
public:
    explicit SvmLinearModel(const Hyperparameters& p) : OneVsOneModel("svm-linear", p) {}

protected:
    Machine trainPair(const std::vector<Vec>& x, const std::vector<double>& y, long folds,
                      const PairWeights& weights) const override
    {
        dlib::svm_c_linear_trainer<LinearKernel> trainer;
        trainer.set_c(param("C"));
        if (!weights.equal()) {
            trainer.set_c_class1(param("C") * weights.positive);
            trainer.set_c_class2(param("C") * weights.negative);
        }
        trainer.set_epsilon(1e-4);
        trainer.set_max_iterations(10000);
        return dlib::train_probabilistic_decision_function(trainer, x, y, folds);
    }
};

class SvmRbfModel final : public OneVsOneModel<RbfKernel> {
public:
    explicit SvmRbfModel(const Hyperparameters& p) : OneVsOneModel("svm-rbf", p) {}

protected:
    Machine trainPair(const std::vector<Vec>& x, const std::vector<double>& y, long folds,
                      const PairWeights& weights) const override
    {
        dlib::svm_c_trainer<RbfKernel> trainer;
        trainer.set_kernel(RbfKernel(gamma()));
        trainer.set_c(param("C"));
        if (!weights.equal()) {
            trainer.set_c_class1(param("C") * weights.positive);
            trainer.set_c_class2(param("C") * weights.negative);
        }
        trainer.set_cache_size(400);
        return dlib::train_probabilistic_decision_function(trainer, x, y, folds);
    }
};

class KrrModel final : public OneVsOneModel<RbfKernel> {
public:
    explicit KrrModel(const Hyperparameters& p) : OneVsOneModel("krr", p) {}

protected:
    Machine trainPair(const std::vector<Vec>& x, const std::vector<double>& y, long folds,
                      const PairWeights&) const override
    {
        dlib::krr_trainer<RbfKernel> trainer; // no per-class penalty: weights act on the sigmoid only
        trainer.set_kernel(RbfKernel(gamma()));
        trainer.set_lambda(param("lambda")); // 0: chosen by leave-one-out inside the trainer
        // The pair's own samples are the kernel basis (up to max_basis of them). Letting
        // Dlib pick one instead (fill_lisf) costs ~100x more for the same accuracy here.
        const std::size_t basisSize = std::min(x.size(), std::size_t(param("max_basis")));
        const std::size_t stride = (x.size() + basisSize - 1) / basisSize;
        std::vector<Vec> basis;
        for (std::size_t i = 0; i < x.size() && basis.size() < basisSize; i += stride)
            basis.push_back(x[i]);
        trainer.set_basis(basis);
        return dlib::train_probabilistic_decision_function(trainer, x, y, folds);
    }
};

} // namespace

namespace {

ParameterSpec plattFoldsSpec()
{
    return {"platt_folds", 3, 2, 10, "folds used to fit each pairwise Platt sigmoid"};
}

} // namespace

ModelEntry svmLinearModelEntry()
{
    return {{"svm-linear",
             "linear SVM, one-vs-one, Platt-scaled and pairwise-coupled probabilities",
             // C=10: what the nested search picked in every outer fold on the Kaggle CSV.
             {{"C", 10, 1e-4, 1e4, "soft-margin penalty"}, plattFoldsSpec(), logSkewedSpec(), quantileNormalSpec(), classWeightSpec()},
             {{"C", {0.1, 1, 10, 30, 100}}}},
            [](const Hyperparameters& p) { return std::make_unique<SvmLinearModel>(p); }};
}

ModelEntry svmRbfModelEntry()
{
    return {{"svm-rbf",
             "RBF-kernel SVM, one-vs-one, Platt-scaled and pairwise-coupled probabilities",
             {{"C", 10, 1e-3, 1e5, "soft-margin penalty"},
              {"gamma", 0, 0, 100, "RBF width exp(-gamma |x-y|^2); 0 = 1/n_features"},
              plattFoldsSpec(), logSkewedSpec(), quantileNormalSpec(), classWeightSpec()},
             {{"C", {1, 3, 10, 30, 100}}, {"gamma", {0.005, 0.01, 0.02, 0.04}}}},
            [](const Hyperparameters& p) { return std::make_unique<SvmRbfModel>(p); }};
}

ModelEntry krrModelEntry()
{
    return {{"krr",
             "RBF kernel ridge regression, one-vs-one, Platt-scaled and pairwise-coupled",
             {{"gamma", 0, 0, 100, "RBF width; 0 = 1/n_features"},
              {"lambda", 0, 0, 1e4, "ridge penalty; 0 = chosen by leave-one-out"},
              {"max_basis", 400, 10, 5000, "largest kernel basis kept per pairwise machine"},
              plattFoldsSpec(), logSkewedSpec(), quantileNormalSpec(), classWeightSpec()},
             {{"gamma", {0.005, 0.01, 0.02, 0.04}}}},
            [](const Hyperparameters& p) { return std::make_unique<KrrModel>(p); }};
}

} // namespace gs::ml
