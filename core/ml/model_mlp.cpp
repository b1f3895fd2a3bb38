// Multilayer perceptron on the standardised features with Dlib's DNN API:
// input -> fc(h1) -> relu -> dropout -> fc(h2) -> relu -> dropout -> fc(classes), softmax
// log-loss, Adam with weight decay and a cosine learning-rate decay. Several networks with
// different seeds are trained and their softmax outputs averaged: cheap variance reduction,
// which matters with 900 training songs. The only file that includes <dlib/dnn.h> for ml.
//
// Class weights (class_weight, core/ml/class_weights.h): Dlib's loss_multiclass_log takes no
// per-sample weights, so the weighted loss is reached by oversampling instead. Each epoch draws
// n training rows with replacement, row i with probability w_{y_i} / sum_j w_{y_j}; the expected
// mini-batch gradient is then the gradient of the class-weighted mean loss, and every class
// contributes n / k rows per epoch on average. With equal weights the epoch stays the plain
// shuffled pass over all rows (unchanged results).
#include "core/common/error.h"
#include "core/common/shuffle.h"
#include "core/ml/binary_io.h"
#include "core/ml/class_weights.h"
#include "core/ml/dlib_input.h"
#include "core/ml/models.h"

#include <dlib/dnn.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <random>
#include <sstream>
#include <utility>
#include <string_view>

namespace gs::ml {
namespace {

using Input = dlib::matrix<float, 0, 1>;
// Output and hidden widths are set at run time (set_num_outputs); the template values are
// placeholders.
using TrainNet = dlib::loss_multiclass_log<dlib::fc<10,
    dlib::dropout<dlib::relu<dlib::fc<128,
    dlib::dropout<dlib::relu<dlib::fc<256,
    dlib::input<Input>>>>>>>>>;
// The same network for inference: dropout becomes a fixed scaling by (1 - rate).
using RunNet = dlib::loss_multiclass_log<dlib::fc<10,
    dlib::multiply<dlib::relu<dlib::fc<128,
    dlib::multiply<dlib::relu<dlib::fc<256,
    dlib::input<Input>>>>>>>>>;

// Dlib draws initial weights and dropout seeds from std::rand(). Seeding it and building a
// network must happen as one step, or parallel folds would make results depend on timing.
std::mutex& dlibRandMutex()
{
    static std::mutex m;
    return m;
}

// n row indices drawn with replacement, row i with probability rowWeight[i] / sum: inverse CDF on
// 53-bit uniforms from rng, so that the draw is the same with every standard library.
std::vector<std::size_t> drawWeightedRows(const std::vector<double>& rowWeight, std::mt19937_64& rng)
{
    std::vector<double> cumulative(rowWeight.size());
    double sum = 0;
    for (std::size_t i = 0; i < rowWeight.size(); ++i)
        cumulative[i] = sum += rowWeight[i];
    std::vector<std::size_t> rows(rowWeight.size());
    for (auto& row : rows) {
        const double u = double(rng() >> 11) * (1.0 / 9007199254740992.0) * sum;
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        row = std::min(std::size_t(it - cumulative.begin()), cumulative.size() - 1);
    }
    return rows;
}

Input toInput(const std::vector<double>& x)
{
    Input v(long(x.size()));
    for (std::size_t i = 0; i < x.size(); ++i)
        v(long(i)) = float(x[i]);
    return v;
}

class MlpModel final : public FeatureModel {
public:
    explicit MlpModel(const Hyperparameters& p) : FeatureModel("mlp", p) {}

protected:
    void fitScaled(const FeatureRows& rows, const std::vector<int>& y, const TrainContext& context) override
    {
        std::vector<Input> x;
        x.reserve(rows.size());
        for (const auto& r : rows)
            x.push_back(toInput(r));
        std::vector<unsigned long> labels(y.begin(), y.end());
        const auto classWeights = trainingClassWeights(classWeightMode(param("class_weight")), y, classCount());
        rowWeights_.clear();
        if (!allWeightsOne(classWeights))
            for (int label : y)
                rowWeights_.push_back(classWeights[std::size_t(label)]);
        const int members = int(param("seeds"));
        nets_.clear();
        for (int m = 0; m < members; ++m)
            nets_.push_back(trainOne(x, labels, context.seed * 1000003ull + std::uint64_t(m) * 7919ull, context, m));
    }

    std::vector<double> predictScaled(const std::vector<double>& row) const override
    {
        std::vector<double> mean(std::size_t(classCount()), 0.0);
        const Input x = toInput(row);
        dlib::resizable_tensor t;
        for (const auto& net : nets_) {
            // forward() mutates the network's output buffers; each call gets its own copy so
            // that predicting stays const and thread-safe.
            RunNet local = *net;
            local.to_tensor(&x, &x + 1, t);
            local.subnet().forward(t);
            const dlib::tensor& out = local.subnet().get_output();
            const float* scores = out.host();
            const long k = long(out.k());
            double top = -1e300;
            for (long c = 0; c < k; ++c)
                top = std::max(top, double(scores[c]));
            std::vector<double> p(static_cast<std::size_t>(k));
            double sum = 0;
            for (long c = 0; c < k; ++c)
                sum += p[std::size_t(c)] = std::exp(double(scores[c]) - top);
            for (long c = 0; c < k && c < classCount(); ++c)
                mean[std::size_t(c)] += p[std::size_t(c)] / sum / double(nets_.size());
        }
        return mean;
    }

    // Since "GSMLPW01" each network is its three weight tensors in our own layout (magic, then
    // per fc layer from the input up: u64 count, count f32), read with the bounded readers:
    // Dlib's deserialiser allocates whatever a damaged stream announces before reading a value
    // (fuzz/README.md). Files written before hold a Dlib stream, which no Dlib stream mistakes
    // for the magic, and are still read through Dlib.
    void saveState(std::ostream& out) const override
    {
        bin::writeU64(out, nets_.size());
        for (const auto& net : nets_) {
            std::ostringstream blob;
            blob << kWeightsMagic;
            for (const dlib::tensor* params : layerParams(std::as_const(*net))) {
                bin::writeU64(blob, params->size());
                for (const float* v = params->host(); v != params->host() + params->size(); ++v)
                    bin::writeF32(blob, *v);
            }
            bin::writeString(out, blob.str());
        }
    }

    void loadState(std::istream& in) override
    {
        const std::size_t n = bin::readCount(in, "network", 1, 64);
        std::vector<std::shared_ptr<RunNet>> nets;
        for (std::size_t i = 0; i < n; ++i) {
            std::string blob = bin::readString(in, "network weights", bin::kMaxString * 8);
            auto net = blob.starts_with(kWeightsMagic) ? networkFromWeights(std::move(blob))
                                                       : networkFromDlibStream(std::move(blob));
            if (!checkShapes(*net))
                throw Error(ErrorKind::Format, "model", "network does not match the class count or features");
            nets.push_back(std::move(net));
        }
        nets_ = std::move(nets);
    }

private:
    static constexpr std::string_view kWeightsMagic = "GSMLPW01";

    // The fc layers' weights, from the input up.
    static std::array<const dlib::tensor*, 3> layerParams(const RunNet& net)
    {
        return {&dlib::layer<7>(net).layer_details().get_layer_params(),
                &dlib::layer<4>(net).layer_details().get_layer_params(),
                &dlib::layer<1>(net).layer_details().get_layer_params()};
    }
    static std::array<dlib::tensor*, 3> layerParams(RunNet& net)
    {
        return {&dlib::layer<7>(net).layer_details().get_layer_params(),
                &dlib::layer<4>(net).layer_details().get_layer_params(),
                &dlib::layer<1>(net).layer_details().get_layer_params()};
    }

    // An inference network of this model's shape (hidden1, hidden2, classes, features, dropout
    // scaling), its weights allocated by one forward pass and then overwritten from blob.
    std::shared_ptr<RunNet> networkFromWeights(std::string blob) const
    {
        const long h1 = long(param("hidden1")), h2 = long(param("hidden2"));
        const long k = classCount(), d = long(dimension());
        if (h1 < 1 || h1 > 4096 || h2 < 1 || h2 > 4096 || d < 1 || d > 100000)
            throw Error(ErrorKind::Format, "model", "implausible network shape");
        const std::size_t floats = std::size_t((d + 1) * h1 + (h1 + 1) * h2 + (h2 + 1) * k);
        if (blob.size() != kWeightsMagic.size() + 3 * 8 + 4 * floats)
            throw Error(ErrorKind::Format, "model", "network weights of the wrong size");
        auto net = std::make_shared<RunNet>();
        {
            std::lock_guard lock(dlibRandMutex()); // allocating draws initial weights from std::rand()
            dlib::layer<1>(*net).layer_details().set_num_outputs(k);
            dlib::layer<2>(*net).layer_details() = dlib::multiply_(1.0f - float(param("dropout")));
            dlib::layer<4>(*net).layer_details().set_num_outputs(h2);
            dlib::layer<5>(*net).layer_details() = dlib::multiply_(1.0f - float(param("dropout")));
            dlib::layer<7>(*net).layer_details().set_num_outputs(h1);
            Input zero(d);
            zero = 0;
            dlib::resizable_tensor t;
            net->to_tensor(&zero, &zero + 1, t);
            net->subnet().forward(t);
            net->clean();
        }
        std::istringstream in(std::move(blob));
        in.seekg(std::streamoff(kWeightsMagic.size()));
        for (dlib::tensor* params : layerParams(*net)) {
            if (bin::readU64(in, "weight count") != params->size())
                throw Error(ErrorKind::Format, "model", "network weights of the wrong shape");
            for (float* v = params->host(); v != params->host() + params->size(); ++v) {
                *v = bin::readF32(in, "network weight");
                if (!std::isfinite(*v))
                    throw Error(ErrorKind::Format, "model", "non-finite network weight");
            }
        }
        return net;
    }

    // Files written before "GSMLPW01".
    static std::shared_ptr<RunNet> networkFromDlibStream(std::string blob)
    {
        DlibInput in(std::move(blob));
        auto net = std::make_shared<RunNet>();
        try {
            dlib::deserialize(*net, in);
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Format, "model", std::string("damaged network weights: ") + e.what());
        }
        return net;
    }

    // Every fc layer's weights are (inputs + 1 bias) x outputs, its inputs the outputs of the
    // layer below: a network read from a file must have exactly the shapes it will be run with.
    bool checkShapes(RunNet& net) const
    {
        const auto& in = dlib::layer<7>(net).layer_details();
        const auto& hidden = dlib::layer<4>(net).layer_details();
        const auto& out = dlib::layer<1>(net).layer_details();
        const long h1 = long(in.get_num_outputs());
        const long h2 = long(hidden.get_num_outputs());
        const long k = long(out.get_num_outputs());
        const auto fits = [](const dlib::tensor& params, long inputs, long outputs) {
            return params.num_samples() >= 0 && params.k() >= 0 && params.nr() >= 0 && params.nc() >= 0 &&
                   params.size() == std::size_t((inputs + 1) * outputs);
        };
        return h1 > 0 && h1 <= 1 << 16 && h2 > 0 && h2 <= 1 << 16 && k == classCount() &&
               fits(in.get_layer_params(), long(dimension()), h1) && fits(hidden.get_layer_params(), h1, h2) &&
               fits(out.get_layer_params(), h2, k) && parametersDescribe(net, h1, h2) && finiteWeights(net);
    }

    // Our own layout refuses non-finite weights; a legacy Dlib stream must meet the same rule,
    // or the model would save a copy it cannot read back (found by fuzz_model_file).
    static bool finiteWeights(const RunNet& net)
    {
        for (const dlib::tensor* params : layerParams(net))
            if (!std::all_of(params->host(), params->host() + params->size(), [](float v) { return std::isfinite(v); }))
                return false;
        return true;
    }

    // saveState writes weights only; loading them back rebuilds the network from hidden1,
    // hidden2 and dropout. A network read from a legacy Dlib stream carries its own shape and
    // scaling, so they must agree with those parameters, or the model would save a file it
    // cannot read back, or one that predicts differently (found by fuzz_model_file).
    bool parametersDescribe(RunNet& net, long h1, long h2) const
    {
        const Hyperparameters p = hyperparameters();
        const auto value = [&](const char* name) {
            const auto it = p.find(name);
            return it == p.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
        };
        const double dropout = value("dropout");
        if (value("hidden1") != double(h1) || value("hidden2") != double(h2) || !(dropout >= 0 && dropout < 1))
            return false;
        const float kept = 1.0f - float(dropout);
        return dlib::layer<2>(net).layer_details().get_multiply_value() == kept &&
               dlib::layer<5>(net).layer_details().get_multiply_value() == kept;
    }

    std::shared_ptr<RunNet> trainOne(const std::vector<Input>& x, const std::vector<unsigned long>& y,
                                     std::uint64_t seed, const TrainContext& context, int member) const
    {
        const float dropRate = float(param("dropout"));
        // Even constructing a network draws from std::rand() (dropout seeds): all of it
        // happens under the lock.
        std::unique_ptr<TrainNet> owner;
        {
            std::lock_guard lock(dlibRandMutex());
            std::srand(unsigned(seed ^ (seed >> 32)));
            owner = std::make_unique<TrainNet>();
            TrainNet& net = *owner;
            dlib::layer<1>(net).layer_details().set_num_outputs(classCount());
            dlib::layer<2>(net).layer_details() = dlib::dropout_(dropRate);
            dlib::layer<4>(net).layer_details().set_num_outputs(long(param("hidden2")));
            dlib::layer<5>(net).layer_details() = dlib::dropout_(dropRate);
            dlib::layer<7>(net).layer_details().set_num_outputs(long(param("hidden1")));
            dlib::resizable_tensor t;
            net.to_tensor(x.begin(), x.begin() + 1, t);
            net.subnet().forward(t); // allocates and initialises the weights now, under the lock
        }
        TrainNet& net = *owner;
        std::vector<dlib::adam> solvers(TrainNet::num_computational_layers,
                                        dlib::adam(float(param("weight_decay")), 0.9f, 0.999f));
        const int epochs = int(param("epochs"));
        const std::size_t batch = std::size_t(param("batch"));
        const double baseRate = param("learning_rate");
        std::mt19937_64 rng(seed);
        std::vector<std::size_t> order(x.size());
        std::vector<Input> bx;
        std::vector<unsigned long> by;
        dlib::resizable_tensor t;
        for (int epoch = 0; epoch < epochs; ++epoch) {
            if (context.cancel)
                context.cancel->throwIfCancelled("mlp");
            if (rowWeights_.empty()) {
                for (std::size_t i = 0; i < order.size(); ++i)
                    order[i] = i;
                fisherYatesShuffle(order, rng); // library-independent, unlike std::shuffle
            } else {
                order = drawWeightedRows(rowWeights_, rng); // class-weighted epoch (see the top)
            }
            const double progress = double(epoch) / double(std::max(1, epochs));
            const double rate = baseRate * (0.05 + 0.95 * 0.5 * (1 + std::cos(std::numbers::pi * progress)));
            for (std::size_t start = 0; start < order.size(); start += batch) {
                const std::size_t end = std::min(order.size(), start + batch);
                bx.clear();
                by.clear();
                for (std::size_t i = start; i < end; ++i) {
                    bx.push_back(x[order[i]]);
                    by.push_back(y[order[i]]);
                }
                net.to_tensor(bx.begin(), bx.end(), t);
                net.compute_parameter_gradients(t, by.begin());
                net.update_parameters(solvers, rate);
            }
            if (context.progress) {
                const int members = int(param("seeds"));
                ProgressInfo info;
                info.done = std::size_t(member * epochs + epoch + 1);
                info.total = std::size_t(members * epochs);
                info.stage = "mlp network " + std::to_string(member + 1) + "/" + std::to_string(members) + ", epoch " +
                             std::to_string(epoch + 1) + "/" + std::to_string(epochs);
                context.progress(info);
            }
        }
        auto run = std::make_shared<RunNet>();
        *run = net;
        return run;
    }

    std::vector<std::shared_ptr<RunNet>> nets_; // shared: copies of the model share weights
    std::vector<double> rowWeights_; // training only: class weight of each row; empty = unweighted
};

} // namespace

ModelEntry mlpModelEntry()
{
    return {{"mlp",
             "multilayer perceptron (Dlib DNN: fc-relu-dropout x2, softmax), mean of several seeds",
             {{"hidden1", 256, 4, 4096, "units in the first hidden layer"},
              {"hidden2", 128, 4, 4096, "units in the second hidden layer"},
              {"dropout", 0.25, 0, 0.9, "dropout rate after each hidden layer"},
              {"epochs", 120, 1, 5000, "passes over the training set"},
              {"batch", 32, 1, 4096, "mini-batch size"},
              {"learning_rate", 0.001, 1e-6, 1, "Adam step size (cosine-decayed)"},
              {"weight_decay", 0.0005, 0, 1, "L2 weight decay"},
              {"seeds", 3, 1, 32, "networks trained with different seeds and averaged"},
              logSkewedSpec(), quantileNormalSpec(), classWeightSpec()},
             {}},
            [](const Hyperparameters& p) { return std::make_unique<MlpModel>(p); }};
}

} // namespace gs::ml
