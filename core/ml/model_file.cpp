#include "core/ml/model_file.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/registry.h"

#include <array>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

namespace gs::ml {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'M', 'O', 'D', 'E', 'L', '\x1a'};
constexpr std::size_t kHeaderSize = sizeof kMagic + 4 + 8; // magic, version, payload size
constexpr std::uint64_t kMaxPayload = 1ull << 31;          // 2 GiB: anything bigger is not ours

void writeSchema(std::ostream& out, const FeatureSchema& s)
{
    bin::writeString(out, s.name);
    bin::writeI32(out, s.version);
    bin::writeU64(out, s.columns.size());
    for (const auto& c : s.columns)
        bin::writeString(out, c);
    bin::writeI32(out, s.params.sampleRate);
    bin::writeF64(out, s.params.clipSeconds);
    bin::writeF64(out, s.params.offsetSeconds);
    bin::writeString(out, toString(s.params.pad));
    bin::writeI32(out, s.params.legacyHpss ? 1 : 0);
    bin::writeString(out, s.fingerprint());
}

FeatureSchema readSchema(std::istream& in)
{
    FeatureSchema s;
    s.name = bin::readString(in, "schema name", 256);
    // Which set was extracted follows from the name (files store no separate field).
    s.params.features = featureSetNamed(s.name).value_or(FeatureSet::Gtzan57);
    s.version = bin::readI32(in, "schema version");
    const std::size_t n = bin::readCount(in, "feature column", 0, 1u << 16);
    for (std::size_t i = 0; i < n; ++i)
        s.columns.push_back(bin::readString(in, "feature column name", 256));
    s.params.sampleRate = bin::readI32(in, "sample rate");
    s.params.clipSeconds = bin::readF64(in, "clip seconds");
    s.params.offsetSeconds = bin::readF64(in, "offset seconds");
    try {
        s.params.pad = padModeFromString(bin::readString(in, "pad mode", 32));
    } catch (const Error&) {
        throw Error(ErrorKind::Format, "model", "unknown padding mode in the feature schema");
    }
    s.params.legacyHpss = bin::readI32(in, "hpss flag") != 0;
    const std::string fingerprint = bin::readString(in, "schema fingerprint", 1024);
    if (fingerprint != s.fingerprint())
        throw Error(ErrorKind::Format, "model", "feature schema fields disagree with its fingerprint");
    return s;
}

} // namespace

std::uint32_t crc32(const void* data, std::size_t size)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void saveModelFile(const std::filesystem::path& file, const TrainedModel& model)
{
    if (!model.classifier)
        throw Error(ErrorKind::InvalidArgument, file.string(), "no trained model to save");
    std::ostringstream payload;
    bin::writeString(payload, model.createdWith);
    bin::writeString(payload, model.createdAt); // since v2
    writeSchema(payload, model.schema);
    bin::writeU64(payload, model.classes.size());
    for (const auto& c : model.classes)
        bin::writeString(payload, c);
    bin::writeString(payload, model.kind);
    bin::writeU64(payload, model.params.size());
    for (const auto& [k, v] : model.params) {
        bin::writeString(payload, k);
        bin::writeF64(payload, v);
    }
    bin::writeI32(payload, model.trainingSamples);
    std::ostringstream blob;
    model.classifier->save(blob);
    bin::writeString(payload, blob.str());
    bin::writeString(payload, model.reportJson);
    const std::string bytes = payload.str();

    // The one atomic writer: the old model survives any failure and no temporary is left.
    writeFileAtomically(
        file,
        [&](std::ostream& out) {
            out.write(kMagic, sizeof kMagic);
            bin::writeU32(out, kModelFileVersion);
            bin::writeU64(out, bytes.size());
            out.write(bytes.data(), std::streamsize(bytes.size()));
            bin::writeU32(out, crc32(bytes.data(), bytes.size()));
        },
        AtomicWriteOptions{.durable = true});
}

TrainedModel loadModelFile(const std::filesystem::path& file)
{
    const std::string name = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, name, "cannot open the model file");
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw Error(ErrorKind::NotFound, name, "cannot read the model file size");
    if (size < kHeaderSize + 4) {
        char head[sizeof kMagic] = {};
        in.read(head, sizeof head);
        const bool ours = std::memcmp(head, kMagic, std::size_t(in.gcount())) == 0 && in.gcount() > 0;
        throw Error(ErrorKind::Format, name,
                    ours ? "truncated Genrescope model file (" + std::to_string(size) + " bytes)"
                         : "not a Genrescope model file (too short)");
    }
    char magic[sizeof kMagic];
    in.read(magic, sizeof magic);
    if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
        throw Error(ErrorKind::Format, name, "not a Genrescope model file (wrong magic bytes)");
    try {
        const std::uint32_t version = bin::readU32(in, "format version");
        if (version == 0 || version > kModelFileVersion)
            throw Error(ErrorKind::Mismatch, name,
                        "model file format v" + std::to_string(version) + " is not supported (this build reads v1 to v" +
                            std::to_string(kModelFileVersion) +
                            (version > kModelFileVersion ? "; it was made by a newer Genrescope)" : ")"));
        const std::uint64_t payloadSize = bin::readU64(in, "payload size");
        if (payloadSize > kMaxPayload || payloadSize + kHeaderSize + 4 > size)
            throw Error(ErrorKind::Format, name, "truncated model file (payload of " + std::to_string(payloadSize) +
                                                     " bytes announced, file has " + std::to_string(size) + ")");
        if (payloadSize + kHeaderSize + 4 < size)
            throw Error(ErrorKind::Format, name, "unexpected data after the model payload");
        std::string bytes(std::size_t(payloadSize), '\0');
        if (!in.read(bytes.data(), std::streamsize(payloadSize)))
            throw Error(ErrorKind::Format, name, "truncated model file");
        const std::uint32_t stored = bin::readU32(in, "checksum");
        if (stored != crc32(bytes.data(), bytes.size()))
            throw Error(ErrorKind::Format, name, "checksum mismatch: the model file is corrupt");

        std::istringstream payload(bytes);
        TrainedModel m;
        m.createdWith = bin::readString(payload, "creator", 256);
        if (version >= 2) // v1 files (before the creation time was kept) leave createdAt empty
            m.createdAt = bin::readString(payload, "creation time", 64);
        m.schema = readSchema(payload);
        const std::size_t classes = bin::readCount(payload, "genre", 1, 10000);
        for (std::size_t i = 0; i < classes; ++i)
            m.classes.push_back(bin::readString(payload, "genre name", 1024));
        m.kind = bin::readString(payload, "model kind", 64);
        const std::size_t params = bin::readCount(payload, "hyper-parameter", 0, 256);
        for (std::size_t i = 0; i < params; ++i) {
            std::string key = bin::readString(payload, "hyper-parameter name", 256);
            m.params[key] = bin::readF64(payload, "hyper-parameter value");
        }
        m.trainingSamples = bin::readI32(payload, "training sample count");
        std::istringstream blob(bin::readString(payload, "model state", std::size_t(payloadSize)));
        m.reportJson = bin::readString(payload, "report", std::size_t(payloadSize));
        if (payload.peek() != std::char_traits<char>::eof())
            throw Error(ErrorKind::Format, name, "unexpected data at the end of the payload");

        bool known = false;
        for (const auto& info : availableModels())
            known = known || info.name == m.kind;
        if (!known)
            throw Error(ErrorKind::Format, name, "unknown model kind '" + m.kind + "'");
        auto classifier = createClassifier(m.kind, m.params);
        classifier->load(blob);
        if (!classifier->needsAudio()) {
            // A zero vector in the schema's shape must give one probability per genre.
            Sample probe;
            probe.features.assign(m.schema.columns.size(), 0.0);
            if (classifier->predictProbabilities(probe).size() != m.classes.size())
                throw Error(ErrorKind::Format, name, "the model's genres do not match the file's genre list");
        }
        m.classifier = std::move(classifier);
        return m;
    } catch (const Error& e) {
        if (e.subject() == name)
            throw;
        throw Error(e.kind() == ErrorKind::Mismatch ? ErrorKind::Mismatch : ErrorKind::Format, name, e.reason());
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Format, name, std::string("damaged model file: ") + e.what());
    }
}

void checkSchema(const TrainedModel& model, const FeatureSchema& schema, const std::string& subject)
{
    if (model.schema.columns != schema.columns || model.schema.version != schema.version ||
        model.schema.name != schema.name)
        throw Error(ErrorKind::Mismatch, subject,
                    "features made under '" + schema.fingerprint() + "' cannot be used with a model trained on '" +
                        model.schema.fingerprint() + "'");
    if (!(model.schema.params == schema.params))
        throw Error(ErrorKind::Mismatch, subject,
                    "extraction parameters differ: model '" + model.schema.fingerprint() + "', features '" +
                        schema.fingerprint() + "'");
}

} // namespace gs::ml
