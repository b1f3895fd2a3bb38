#include "core/ml/cnn/cnn_network.h"

#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/blas_threads.h"

#include <dlib/dnn.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string_view>
#include <thread>
#include <type_traits>

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

// Dlib seeds every new layer's initialiser (and dropout's mask generator) from std::rand():
// building a trainer (std::srand, then its networks) and allocating a network for loaded
// weights take turns, so that loading a model cannot shift a starting training's weights.
std::mutex& dlibRandMutex()
{
    static std::mutex m;
    return m;
}

// ---- the stored weights ("GSCNNW01", layout at the top of cnn_network.h) ----

constexpr std::string_view kWeightsMagic = "GSCNNW01";
constexpr std::uint32_t kMaxClasses = 100000; // as the model blob around it
constexpr std::uint32_t kMinMels = 8, kMaxMels = 512;
constexpr std::uint32_t kMinFrames = 32, kMaxFrames = 1024; // window_frames' range (cnn_options.cpp)
// Parameter shapes do not depend on the window size (global average pooling before the output
// layer): weights are allocated by one forward pass of a small probe that survives every pooling.
constexpr long kProbeSize = 32;

// The layers that hold state, by index in inference_network (layer<0> is the loss): the output
// layer, the dropout scaling and the four convolution blocks (convolution, folded batch norm)
// from the input up.
constexpr std::size_t kOutputLayer = 1, kScaleLayer = 2;
template <std::size_t I>
using details_at = std::remove_cvref_t<decltype(layer<I>(std::declval<inference_network&>()).layer_details())>;
static_assert(std::is_same_v<details_at<kOutputLayer>, fc_<2, FC_HAS_BIAS>>);
static_assert(std::is_same_v<details_at<kScaleLayer>, multiply_>);
static_assert(std::is_same_v<details_at<18>, con_<16, 5, 5, 2, 2, 2, 2>> && std::is_same_v<details_at<17>, affine_>);
static_assert(std::is_same_v<details_at<14>, con_<32, 3, 3, 1, 1>> && std::is_same_v<details_at<13>, affine_>);
static_assert(std::is_same_v<details_at<10>, con_<64, 3, 3, 1, 1>> && std::is_same_v<details_at<9>, affine_>);
static_assert(std::is_same_v<details_at<6>, con_<128, 3, 3, 1, 1>> && std::is_same_v<details_at<5>, affine_>);
static_assert(inference_network::num_layers == 20); // 18 layers between the loss and the input

// fn(convolution, folded batch norm) for every block, from the input up.
template <typename Net, typename Fn>
void forEachBlock(Net& net, Fn&& fn)
{
    fn(layer<18>(net).layer_details(), layer<17>(net).layer_details());
    fn(layer<14>(net).layer_details(), layer<13>(net).layer_details());
    fn(layer<10>(net).layer_details(), layer<9>(net).layer_details());
    fn(layer<6>(net).layer_details(), layer<5>(net).layer_details());
}

Error weightsError(const std::string& reason)
{
    return Error(ErrorKind::Format, kSubject, "network weights: " + reason);
}

struct ConvDims {
    std::uint32_t filters = 0, channels = 0, rows = 0, cols = 0;
    std::uint32_t strideY = 0, strideX = 0, padY = 0, padX = 0;
    bool operator==(const ConvDims&) const = default;
    std::size_t weightCount() const { return std::size_t(filters) * channels * rows * cols + filters; }
    std::string text() const
    {
        return std::to_string(filters) + " filters " + std::to_string(channels) + "x" + std::to_string(rows) + "x" +
               std::to_string(cols) + " stride " + std::to_string(strideY) + "," + std::to_string(strideX) +
               " padding " + std::to_string(padY) + "," + std::to_string(padX);
    }
};

std::uint32_t checkedU32(long long v)
{
    if (v < 0 || v > 0x7fffffffLL)
        throw weightsError("a layer of an impossible size");
    return std::uint32_t(v);
}

// The convolution's settings as its parameter tensor (weights + one bias per filter) implies
// them; a layer whose tensor does not fit (only a damaged Dlib stream has one) is refused.
template <typename Con>
ConvDims convDims(const Con& con)
{
    ConvDims d;
    d.filters = checkedU32(con.num_filters());
    d.rows = checkedU32(con.nr());
    d.cols = checkedU32(con.nc());
    d.strideY = checkedU32(con.stride_y());
    d.strideX = checkedU32(con.stride_x());
    d.padY = checkedU32(con.padding_y());
    d.padX = checkedU32(con.padding_x());
    const std::size_t size = con.get_layer_params().size();
    const std::size_t perChannel = std::size_t(d.filters) * d.rows * d.cols;
    if (con.bias_is_disabled() || perChannel == 0 || size < d.filters || (size - d.filters) % perChannel != 0)
        throw weightsError("a convolution whose weights do not fit its filters");
    d.channels = checkedU32(static_cast<long long>((size - d.filters) / perChannel));
    return d;
}

void writeFloats(std::ostream& out, const float* values, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        bin::writeF32(out, values[i]);
}

void readFloats(std::istream& in, float* values, std::size_t count, const char* what)
{
    for (std::size_t i = 0; i < count; ++i) {
        values[i] = bin::readF32(in, what);
        if (!std::isfinite(values[i]))
            throw weightsError(std::string("non-finite value in the ") + what);
    }
}

// The weights of `net` in the stored layout; `shape` gives the classes and window size.
template <typename Net>
void writeWeights(Net& net, const CnnShape& shape, std::ostream& out)
{
    out.write(kWeightsMagic.data(), std::streamsize(kWeightsMagic.size()));
    bin::writeU32(out, checkedU32(shape.classes));
    bin::writeU32(out, checkedU32(shape.mels));
    bin::writeU32(out, checkedU32(shape.frames));
    bin::writeF32(out, layer<kScaleLayer>(net).layer_details().get_multiply_value());
    forEachBlock(net, [&](auto& con, auto& norm) {
        const ConvDims d = convDims(con);
        for (std::uint32_t v : {d.filters, d.channels, d.rows, d.cols, d.strideY, d.strideX, d.padY, d.padX})
            bin::writeU32(out, v);
        writeFloats(out, con.get_layer_params().host(), d.weightCount());
        const auto gamma = norm.get_gamma();
        const auto beta = norm.get_beta();
        bin::writeU32(out, checkedU32(static_cast<long long>(gamma.size())));
        writeFloats(out, gamma.host(), gamma.size());
        writeFloats(out, beta.host(), beta.size());
    });
    const auto& fc = layer<kOutputLayer>(net).layer_details();
    const tensor& params = fc.get_layer_params();
    if (fc.bias_is_disabled() || params.nr() != 1 || params.nc() != 1 || params.num_samples() < 1)
        throw weightsError("an output layer without biases");
    bin::writeU32(out, checkedU32(params.num_samples() - 1));
    bin::writeU32(out, checkedU32(params.k()));
    writeFloats(out, params.host(), params.size());
}

// Bytes left in a seekable stream (the model blob and the checkpoint are), else the largest size.
std::size_t remainingBytes(std::istream& in)
{
    const auto here = in.tellg();
    if (here == std::istream::pos_type(-1))
        return std::size_t(-1);
    in.seekg(0, std::ios::end);
    const auto end = in.tellg();
    in.seekg(here);
    return end == std::istream::pos_type(-1) || end < here ? std::size_t(-1) : std::size_t(end - here);
}

std::uint32_t readBounded(std::istream& in, const char* what, std::uint32_t minimum, std::uint32_t maximum)
{
    const std::uint32_t v = bin::readU32(in, what);
    if (v < minimum || v > maximum)
        throw weightsError(std::string("implausible ") + what + " " + std::to_string(v));
    return v;
}

// The inference network for `classes` and this dropout scaling, its weights allocated (with
// Dlib's random initial values, overwritten by the caller).
std::unique_ptr<inference_network> buildNetwork(long classes, float scale)
{
    auto net = std::make_unique<inference_network>();
    layer<kOutputLayer>(*net).layer_details().set_num_outputs(classes);
    layer<kScaleLayer>(*net).layer_details() = multiply_(scale);
    // The folded batch norms scale each channel (Dlib's bn_con -> affine conversion); a
    // default affine_ would scale each position.
    forEachBlock(*net, [](auto&, affine_& norm) { norm = affine_(CONV_MODE); });
    std::lock_guard lock(dlibRandMutex());
    primeInput(*net, kProbeSize, kProbeSize);
    resizable_tensor probe(1, 1, kProbeSize, kProbeSize);
    probe = 0;
    net->subnet().forward(probe);
    net->clean();
    return net;
}

// Reads the layout from after the magic. Every dimension is compared with the network's before
// any value is read; the values are bounded by the network, and by the bytes present.
std::unique_ptr<inference_network> readWeights(std::istream& in, const CnnShape& expected)
{
    const std::size_t available = remainingBytes(in);
    CnnShape stored;
    stored.classes = int(readBounded(in, "class count", 2, kMaxClasses));
    stored.mels = int(readBounded(in, "mel band count", kMinMels, kMaxMels));
    stored.frames = int(readBounded(in, "window length", kMinFrames, kMaxFrames));
    if (stored.classes != expected.classes || stored.mels != expected.mels || stored.frames != expected.frames)
        throw weightsError("a network for " + std::to_string(stored.classes) + " classes of " +
                           std::to_string(stored.mels) + "x" + std::to_string(stored.frames) +
                           " windows in a model of " + std::to_string(expected.classes) + " classes of " +
                           std::to_string(expected.mels) + "x" + std::to_string(expected.frames));
    const float scale = bin::readF32(in, "dropout scale");
    if (!(scale > 0.0f && scale <= 1.0f))
        throw weightsError("implausible dropout scale");
    // The output layer alone needs 129 values per class: refuse a class count the bytes cannot hold
    // before allocating for it.
    if (available / sizeof(float) < std::size_t(stored.classes) * 129)
        throw weightsError("truncated (too short for " + std::to_string(stored.classes) + " classes)");

    auto net = buildNetwork(stored.classes, scale);
    int block = 0;
    forEachBlock(*net, [&](auto& con, affine_& norm) {
        ++block;
        ConvDims found;
        for (std::uint32_t* v : {&found.filters, &found.channels, &found.rows, &found.cols, &found.strideY,
                                 &found.strideX, &found.padY, &found.padX})
            *v = bin::readU32(in, "convolution settings");
        const ConvDims wanted = convDims(con);
        if (found != wanted)
            throw weightsError("convolution " + std::to_string(block) + " is stored as " + found.text() +
                               ", the network has " + wanted.text());
        readFloats(in, con.get_layer_params().host(), wanted.weightCount(), "convolution weights");
        auto gamma = norm.get_gamma();
        auto beta = norm.get_beta();
        const std::uint32_t channels = bin::readU32(in, "batch norm channels");
        if (channels != gamma.size())
            throw weightsError("batch norm " + std::to_string(block) + " is stored for " + std::to_string(channels) +
                               " channels, the network has " + std::to_string(gamma.size()));
        readFloats(in, gamma.host(), gamma.size(), "batch norm scales");
        readFloats(in, beta.host(), beta.size(), "batch norm shifts");
    });
    tensor& params = layer<kOutputLayer>(*net).layer_details().get_layer_params();
    const std::uint32_t inputs = bin::readU32(in, "output layer inputs");
    const std::uint32_t outputs = bin::readU32(in, "output layer outputs");
    if (inputs + 1ull != std::uint64_t(params.num_samples()) || outputs != std::uint64_t(params.k()))
        throw weightsError("the output layer is stored as " + std::to_string(inputs) + " inputs x " +
                           std::to_string(outputs) + " outputs, the network has " +
                           std::to_string(params.num_samples() - 1) + " x " + std::to_string(params.k()));
    readFloats(in, params.host(), params.size(), "output layer weights");
    return net;
}

// ---- networks stored before "GSCNNW01": Dlib's own stream ----

// Dlib's packed integers (dlib/serialize.h, pack_int): a control byte holding the byte count
// (low 4 bits) and the sign (0x80), then the magnitude's bytes, little-endian.
class DlibFields {
public:
    explicit DlibFields(std::string bytes) : bytes_(std::move(bytes)) {}

    long long integer()
    {
        const unsigned char control = byte();
        const int size = control & 0x0f;
        if (size > 8 || (control & 0x70))
            throw weightsError("damaged batch norm layer");
        unsigned long long magnitude = 0;
        for (int i = 0; i < size; ++i)
            magnitude |= static_cast<unsigned long long>(byte()) << (8 * i);
        if (magnitude > (1ull << 40))
            throw weightsError("damaged batch norm layer");
        return (control & 0x80) ? -static_cast<long long>(magnitude) : static_cast<long long>(magnitude);
    }
    std::string text()
    {
        const long long n = integer();
        if (n < 0 || std::size_t(n) > bytes_.size() - pos_)
            throw weightsError("damaged batch norm layer");
        pos_ += std::size_t(n);
        return bytes_.substr(pos_ - std::size_t(n), std::size_t(n));
    }
    void skip(long long n)
    {
        if (n < 0 || std::size_t(n) > bytes_.size() - pos_)
            throw weightsError("damaged batch norm layer");
        pos_ += std::size_t(n);
    }
    unsigned char byte()
    {
        if (pos_ >= bytes_.size())
            throw weightsError("damaged batch norm layer");
        return static_cast<unsigned char>(bytes_[pos_++]);
    }
    bool atEnd() const { return pos_ == bytes_.size(); }

private:
    std::string bytes_;
    std::size_t pos_ = 0;
};

// An affine_ read by Dlib keeps its parameter tensor and the two views into it (scale, shift)
// as three independent fields, private but for the views, and a view larger than the tensor
// fails a Dlib assertion, which aborts the process the second time. So the layer is checked
// on its own serialisation (dlib/dnn/layers.h, affine_: version, parameter tensor, the views'
// shapes, mode, disabled flag) before a view is touched: `channels` per-channel scales and
// shifts, as our conversion from batch norm makes them.
void checkLegacyBatchNorm(const affine_& norm, long channels)
{
    std::ostringstream out(std::ios::binary);
    serialize(norm, out);
    DlibFields f(out.str());
    const auto dims = [&](long long version) {
        std::array<long long, 4> d{};
        if (f.integer() != version)
            throw weightsError("damaged batch norm layer");
        for (auto& v : d)
            v = f.integer();
        return d;
    };
    const std::array<long long, 4> view{1, channels, 1, 1};
    if (f.text() != "affine_2")
        throw weightsError("damaged batch norm layer");
    if (dims(2) != std::array<long long, 4>{2 * channels, 1, 1, 1}) // the scales, then the shifts
        throw weightsError("a batch norm layer of the wrong size");
    f.skip(2 * channels * static_cast<long long>(sizeof(float)));
    if (dims(1) != view || dims(1) != view || f.integer() != CONV_MODE || f.byte() != '0' || !f.atEnd())
        throw weightsError("a batch norm layer of the wrong shape");
}

// A network from Dlib's stream, checked against the architecture and converted into the
// stored layout (then read like any other), so that both layouts end in the same network.
std::unique_ptr<inference_network> readLegacyWeights(std::istream& in, const CnnShape& expected)
{
    auto legacy = std::make_unique<inference_network>();
    asFormatError("not a Genrescope CNN", [&] { deserialize(*legacy, in); });
    const auto reference = buildNetwork(2, 0.5f); // the architecture's channel counts
    std::vector<long> channels;
    forEachBlock(*reference, [&](auto&, affine_& norm) { channels.push_back(long(norm.get_gamma().size())); });
    std::size_t block = 0;
    forEachBlock(*legacy, [&](auto&, const affine_& norm) { checkLegacyBatchNorm(norm, channels[block++]); });
    std::ostringstream converted(std::ios::binary);
    writeWeights(*legacy, expected, converted);
    std::istringstream again(converted.str(), std::ios::binary);
    again.seekg(std::streamoff(kWeightsMagic.size()));
    return readWeights(again, expected);
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct CnnPredictor::Impl {
    inference_network net;
    resizable_tensor input;
    bool primed = false;
    CnnShape shape;
};

CnnPredictor::CnnPredictor() = default;
CnnPredictor::~CnnPredictor() = default;
CnnPredictor::CnnPredictor(CnnPredictor&&) noexcept = default;
CnnPredictor& CnnPredictor::operator=(CnnPredictor&&) noexcept = default;

CnnPredictor::CnnPredictor(const CnnPredictor& other)
    : impl_(other.impl_ ? std::make_unique<Impl>(Impl{other.impl_->net, {}, false, other.impl_->shape}) : nullptr)
{
}

CnnPredictor& CnnPredictor::operator=(const CnnPredictor& other)
{
    if (this != &other)
        impl_ = other.impl_ ? std::make_unique<Impl>(Impl{other.impl_->net, {}, false, other.impl_->shape}) : nullptr;
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

CnnShape CnnPredictor::shape() const { return impl_ ? impl_->shape : CnnShape{}; }

void CnnPredictor::save(std::ostream& out) const
{
    if (!impl_)
        throw Error(ErrorKind::InvalidArgument, kSubject, "the network has not been trained or loaded");
    writeWeights(impl_->net, impl_->shape, out);
}

void CnnPredictor::load(std::istream& in, const CnnShape& expected)
{
    char magic[kWeightsMagic.size()] = {};
    const auto start = in.tellg();
    in.read(magic, sizeof magic);
    const bool ours = in.gcount() == std::streamsize(sizeof magic) && kWeightsMagic == std::string_view(magic, sizeof magic);
    if (!ours) { // a Dlib stream, from its first byte
        in.clear();
        in.seekg(start);
    }
    auto net = ours ? readWeights(in, expected) : readLegacyWeights(in, expected);
    auto impl = std::make_unique<Impl>();
    impl->net = std::move(*net);
    impl->shape = expected;
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
    CnnShape shape;
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
    std::lock_guard lock(dlibRandMutex());
    std::srand(static_cast<unsigned>(seed ^ (seed >> 32)));
    impl_ = std::make_unique<Impl>();
    impl_->shape = shape;
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

CnnShape CnnTrainer::shape() const { return impl_->shape; }

double CnnTrainer::trainBatch(const float* windows, int count, const std::vector<unsigned long>& labels,
                              double learningRate)
{
    const long mels = impl_->shape.mels, frames = impl_->shape.frames;
    const std::size_t windowSize = std::size_t(mels) * std::size_t(frames);
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
            x.set_size(n, 1, mels, frames);
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
        CnnPredictor::Impl{inference_network(impl_->replicas[0]), {}, false, impl_->shape});
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
        primeInput(net, impl_->shape.mels, impl_->shape.frames);
        for (std::size_t i = 1; i < impl_->replicas.size(); ++i)
            copyParameters(net, impl_->replicas[i]);
        impl_->replicas[0] = std::move(net);
        impl_->solvers = std::move(solvers);
    });
}

} // namespace gs::ml
