#include "core/ml/cnn/cnn_network.h"

#include "core/common/error.h"
#include "core/ml/blas_threads.h"

#include <dlib/dnn.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <thread>

namespace gs::ml {

namespace {

using namespace dlib;

// Tag for the error messages of this file.
const char* const kSubject = "cnn";

template <long Filters, template <typename> class Norm, typename Subnet>
using conv_block = relu<Norm<con<Filters, 3, 3, 1, 1, Subnet>>>;

// The first layer strides by 2 and is pooled at once: most of the arithmetic of a CNN on
// 128 x 128 inputs is spent at full resolution, which this keeps to a quarter.
template <template <typename> class Norm, typename Subnet>
using stem = max_pool<2, 2, 2, 2, relu<Norm<add_layer<con_<16, 5, 5, 2, 2, 2, 2>, Subnet>>>>;

template <long Filters, template <typename> class Norm, typename Subnet>
using pooled_block = max_pool<2, 2, 2, 2, conv_block<Filters, Norm, Subnet>>;

template <template <typename> class Norm, template <typename> class Drop>
using network = loss_multiclass_log<fc<2, Drop<avg_pool_everything<
    conv_block<128, Norm, pooled_block<64, Norm, pooled_block<32, Norm, stem<Norm, input<matrix<float>>>>>>>>>>;

using training_network = network<bn_con, dropout>;
using inference_network = network<affine, multiply>;

// Dlib wants to_tensor() to have run once (it records the input layer's sample expansion)
// before a network accepts tensors directly; we fill tensors ourselves to avoid a copy.
template <typename Net>
void primeInput(Net& net, long rows, long cols)
{
    matrix<float> probe(rows, cols);
    probe = 0;
    resizable_tensor scratch;
    net.to_tensor(&probe, &probe + 1, scratch);
}

void fillTensor(resizable_tensor& x, const float* windows, int count, const CnnShape& shape)
{
    x.set_size(count, 1, shape.mels, shape.frames);
    std::copy(windows, windows + std::size_t(count) * shape.mels * shape.frames, x.host());
}

// Dlib reports bad data with serialization_error but a damaged tensor size can also surface
// as bad_alloc or length_error; all of them mean "not a network we wrote".
template <typename Fn>
void asFormatError(const char* what, Fn&& fn)
{
    try {
        fn();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Format, kSubject, std::string(what) + ": " + e.what());
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct CnnPredictor::Impl {
    inference_network net;
    resizable_tensor input;
    bool primed = false;
};

CnnPredictor::CnnPredictor() = default;
CnnPredictor::~CnnPredictor() = default;
CnnPredictor::CnnPredictor(CnnPredictor&&) noexcept = default;
CnnPredictor& CnnPredictor::operator=(CnnPredictor&&) noexcept = default;

CnnPredictor::CnnPredictor(const CnnPredictor& other)
    : impl_(other.impl_ ? std::make_unique<Impl>(Impl{other.impl_->net, {}, false}) : nullptr)
{
}

CnnPredictor& CnnPredictor::operator=(const CnnPredictor& other)
{
    if (this != &other)
        impl_ = other.impl_ ? std::make_unique<Impl>(Impl{other.impl_->net, {}, false}) : nullptr;
    return *this;
}

bool CnnPredictor::empty() const { return !impl_; }

int CnnPredictor::classes() const
{
    return impl_ ? int(layer<1>(impl_->net).layer_details().get_num_outputs()) : 0;
}

std::vector<float> CnnPredictor::logProbabilities(const float* windows, int count, const CnnShape& shape)
{
    if (!impl_)
        throw Error(ErrorKind::InvalidArgument, kSubject, "the network has not been trained or loaded");
    if (!impl_->primed) {
        primeInput(impl_->net, shape.mels, shape.frames);
        impl_->primed = true;
    }
    fillTensor(impl_->input, windows, count, shape);
    const SingleThreadedBlas blas; // small matrices: BLAS threads would only spin
    const tensor& logits = impl_->net.subnet().forward(impl_->input);
    const long k = logits.k();
    if (logits.num_samples() != count || k != classes())
        throw Error(ErrorKind::Internal, kSubject, "unexpected network output shape");
    std::vector<float> out(logits.host(), logits.host() + std::size_t(count) * std::size_t(k));
    for (int i = 0; i < count; ++i) {
        float* row = out.data() + std::size_t(i) * std::size_t(k);
        const float top = *std::max_element(row, row + k);
        double sum = 0.0;
        for (long c = 0; c < k; ++c)
            sum += std::exp(double(row[c] - top));
        const float logSum = top + float(std::log(sum));
        for (long c = 0; c < k; ++c)
            row[c] -= logSum;
    }
    return out;
}

void CnnPredictor::save(std::ostream& out) const
{
    if (!impl_)
        throw Error(ErrorKind::InvalidArgument, kSubject, "the network has not been trained or loaded");
    impl_->net.clean(); // Dlib would otherwise store the last activations too
    serialize(impl_->net, out);
}

void CnnPredictor::load(std::istream& in)
{
    auto impl = std::make_unique<Impl>();
    asFormatError("not a Genrescope CNN", [&] { deserialize(impl->net, in); });
    if (layer<1>(impl->net).layer_details().get_num_outputs() < 2)
        throw Error(ErrorKind::Format, kSubject, "the network has fewer than two outputs");
    impl_ = std::move(impl);
}

std::size_t CnnPredictor::parameterCount() const
{
    return impl_ ? count_parameters(impl_->net) : 0;
}

// ---------------------------------------------------------------------------------------------

struct CnnTrainer::Impl {
    // OpenBLAS's own threads would fight our workers (and other processes) for the cores and
    // spin while they wait: one BLAS thread per worker was 3-4x faster on a busy machine.
    SingleThreadedBlas blas;
    // Data parallelism on the CPU: Dlib's layers run on one core, so each worker thread
    // owns a replica that computes the gradients of its share of the mini-batch; the master
    // (replicas[0]) averages them, takes the Adam step and hands its weights back out.
    std::vector<training_network> replicas;
    std::vector<resizable_tensor> inputs;
    std::vector<adam> solvers;
    long mels = 0;
    long frames = 0;
};

namespace {

std::vector<tensor*> parametersOf(training_network& net)
{
    std::vector<tensor*> list;
    visit_layer_parameters(net, [&](std::size_t, tensor& t) { list.push_back(&t); });
    return list;
}

std::vector<tensor*> gradientsOf(training_network& net)
{
    std::vector<tensor*> list;
    visit_layer_parameter_gradients(net, [&](std::size_t, tensor& t) { list.push_back(&t); });
    return list;
}

void copyParameters(training_network& from, training_network& to)
{
    const auto source = parametersOf(from);
    const auto target = parametersOf(to);
    for (std::size_t i = 0; i < source.size(); ++i)
        if (source[i]->size() != 0)
            memcpy(*target[i], *source[i]);
}

} // namespace

CnnTrainer::CnnTrainer(const CnnShape& shape, double dropoutRate, double weightDecay, std::uint64_t seed,
                       int workers)
{
    if (shape.classes < 2)
        throw Error(ErrorKind::InvalidArgument, kSubject, "training needs at least two classes");
    // Dlib seeds every layer's initialiser and dropout mask generator from std::rand():
    // seeding it here makes the initial network a function of `seed` (as long as no other
    // thread calls std::rand meanwhile).
    std::srand(static_cast<unsigned>(seed ^ (seed >> 32)));
    impl_ = std::make_unique<Impl>();
    impl_->mels = shape.mels;
    impl_->frames = shape.frames;
    impl_->replicas.resize(std::size_t(std::max(1, workers))); // dropout generators seeded here
    impl_->inputs.resize(impl_->replicas.size());
    for (auto& net : impl_->replicas) {
        layer<1>(net).layer_details().set_num_outputs(shape.classes);
        layer<2>(net).layer_details() = dropout_(float(dropoutRate));
        primeInput(net, shape.mels, shape.frames);
    }
    impl_->solvers.assign(training_network::num_computational_layers, adam(float(weightDecay), 0.9f, 0.999f));
    // Allocate the master's weights now, from the seeded generator, and share them.
    std::vector<float> probe(std::size_t(shape.mels) * shape.frames, 0.0f);
    for (std::size_t i = 0; i < impl_->replicas.size(); ++i) {
        fillTensor(impl_->inputs[i], probe.data(), 1, shape);
        impl_->replicas[i].subnet().forward(impl_->inputs[i]);
        if (i > 0)
            copyParameters(impl_->replicas[0], impl_->replicas[i]);
    }
}

CnnTrainer::~CnnTrainer() = default;

int CnnTrainer::workers() const { return int(impl_->replicas.size()); }

double CnnTrainer::trainBatch(const float* windows, int count, const std::vector<unsigned long>& labels,
                              double learningRate)
{
    const std::size_t windowSize = std::size_t(impl_->mels) * std::size_t(impl_->frames);
    // Each share keeps at least 4 windows: batch norm needs a few to estimate statistics.
    const int shares = std::clamp(count / 4, 1, workers());
    std::vector<int> first(std::size_t(shares) + 1, 0);
    for (int w = 0; w < shares; ++w)
        first[std::size_t(w) + 1] = first[std::size_t(w)] + count / shares + (w < count % shares ? 1 : 0);
    std::vector<double> losses(std::size_t(shares), 0.0);
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto work = [&](int w) {
        try {
            const int n = first[std::size_t(w) + 1] - first[std::size_t(w)];
            resizable_tensor& x = impl_->inputs[std::size_t(w)];
            x.set_size(n, 1, impl_->mels, impl_->frames);
            const float* begin = windows + std::size_t(first[std::size_t(w)]) * windowSize;
            std::copy(begin, begin + std::size_t(n) * windowSize, x.host());
            losses[std::size_t(w)] = impl_->replicas[std::size_t(w)].compute_parameter_gradients(
                x, labels.begin() + first[std::size_t(w)]);
        } catch (...) {
            std::lock_guard lock(failureMutex);
            failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < shares; ++w)
        threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);

    // Each replica's loss gradient is a mean over its share: weight the shares by size.
    double loss = losses[0] * first[1];
    if (shares > 1) {
        const auto master = gradientsOf(impl_->replicas[0]);
        for (auto* g : master)
            if (g->size() != 0)
                *g *= float(first[1]) / float(count);
        for (int w = 1; w < shares; ++w) {
            const auto other = gradientsOf(impl_->replicas[std::size_t(w)]);
            const float weight = float(first[std::size_t(w) + 1] - first[std::size_t(w)]) / float(count);
            for (std::size_t i = 0; i < master.size(); ++i)
                if (master[i]->size() != 0)
                    tt::add(1.0f, *master[i], weight, *other[i]);
            loss += losses[std::size_t(w)] * (first[std::size_t(w) + 1] - first[std::size_t(w)]);
        }
    }
    impl_->replicas[0].update_parameters(impl_->solvers, learningRate);
    for (int w = 1; w < shares; ++w)
        copyParameters(impl_->replicas[0], impl_->replicas[std::size_t(w)]);
    return loss / double(count);
}

CnnPredictor CnnTrainer::predictor() const
{
    CnnPredictor p;
    // bn_ -> affine_ (with the running statistics), dropout_ -> multiply_ (scaling).
    p.impl_ = std::make_unique<CnnPredictor::Impl>(
        CnnPredictor::Impl{inference_network(impl_->replicas[0]), {}, false});
    p.impl_->net.clean();
    return p;
}

void CnnTrainer::saveState(std::ostream& out) const
{
    impl_->replicas[0].clean(); // drop activations and gradients: only weights and statistics matter
    serialize(impl_->replicas[0], out);
    serialize(impl_->solvers, out);
}

void CnnTrainer::loadState(std::istream& in)
{
    asFormatError("damaged training checkpoint", [&] {
        training_network net;
        std::vector<adam> solvers;
        deserialize(net, in);
        deserialize(solvers, in);
        if (solvers.size() != training_network::num_computational_layers)
            throw Error(ErrorKind::Format, kSubject, "checkpoint has the wrong number of solvers");
        primeInput(net, impl_->mels, impl_->frames);
        for (std::size_t i = 1; i < impl_->replicas.size(); ++i)
            copyParameters(net, impl_->replicas[i]);
        impl_->replicas[0] = std::move(net);
        impl_->solvers = std::move(solvers);
    });
}

} // namespace gs::ml
