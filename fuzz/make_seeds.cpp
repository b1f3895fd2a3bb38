// Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/) with our own writers:
// tiny models of every feature-model kind, feature CSVs in both layouts, spectrogram cache
// entries, FFTW wisdom, SQLite feature caches and short clips in every container we encode.
// Deterministic apart from FFTW's measured wisdom. Usage: fuzz_make_seeds CORPUS_ROOT
#include "core/audio/encode.h"
#include "core/audio/wav_writer.h"
#include "core/dataset/cache.h"
#include "core/dataset/feature_table.h"
#include "core/ml/binary_io.h"
#include "core/ml/cnn/spectrogram_cache.h"
#include "core/ml/registry.h"
#include "core/ml/train.h"
#include "fuzz/harness.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace {

using namespace gs;
namespace fs = std::filesystem;

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeSeed(const fs::path& dir, const std::string& name, const std::string& bytes)
{
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary | std::ios::trunc) << bytes;
    std::printf("%s/%s  %zu bytes\n", dir.filename().c_str(), name.c_str(), bytes.size());
}

// Three genres, four features, well separated: every model kind trains in milliseconds.
ml::LabelledSet tinySet()
{
    ml::LabelledSet set;
    set.classes = {"blues", "jazz", "rock"};
    set.schema.name = "fuzz";
    set.schema.columns = {"a", "b", "c", "d"};
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < 6; ++i) {
            ml::Sample s;
            s.label = c;
            s.features = {c + 0.1 * i, 2.0 * c - 0.05 * i, std::sin(c + i), 1.0 + c * c + 0.01 * i};
            set.samples.push_back(s);
        }
    return set;
}

// A trained ensemble holds default-sized members (an MLP of 256 + 128 units, 750 kB); this
// one is put together from two small members in the ensemble's own state layout.
ml::TrainedModel smallEnsemble(const ml::TrainedModel& knn, const ml::TrainedModel& svm)
{
    std::ostringstream state;
    ml::bin::writeTag(state, "ensemble");
    ml::bin::writeI32(state, int(knn.classes.size()));
    ml::bin::writeU64(state, 2);
    for (const auto* member : {&knn, &svm}) {
        ml::bin::writeString(state, member->kind);
        ml::bin::writeF64(state, 0.5);
        std::ostringstream blob;
        member->classifier->save(blob);
        ml::bin::writeString(state, blob.str());
    }
    ml::TrainedModel out = knn;
    out.kind = "ensemble";
    out.params = {};
    auto ensemble = ml::createClassifier("ensemble", {});
    std::istringstream in(state.str());
    ensemble->load(in);
    out.classifier = std::move(ensemble);
    return out;
}

void modelSeeds(const fs::path& dir)
{
    const auto set = tinySet();
    std::map<std::string, ml::TrainedModel> trained;
    // "svm-rbf-quantile": svm-rbf whose scaler carries the quantile tables (tag scaler-quantile).
    for (const std::string kind :
         {"dummy", "dummy-stratified", "knn", "svm-linear", "svm-rbf", "krr", "mlp", "ensemble", "svm-rbf-quantile"}) {
        ml::TrainOptions o;
        o.model = kind == "svm-rbf-quantile" ? "svm-rbf" : kind;
        o.threads = 1;
        if (o.model == "mlp")
            o.overrides = {{"epochs", 2}, {"seeds", 1}, {"hidden1", 4}, {"hidden2", 4}};
        if (o.model == "svm-linear" || o.model == "svm-rbf" || o.model == "krr")
            o.overrides = {{"platt_folds", 2}};
        if (kind == "svm-rbf-quantile")
            o.overrides["quantile_normal"] = 1;
        auto model = o.model == "ensemble" ? smallEnsemble(trained.at("knn"), trained.at("svm-linear")) : ml::trainModel(set, o);
        trained[kind] = model;
        model.createdWith = "genrescope fuzz seed";
        model.createdAt = "2026-01-01T00:00:00Z";
        const fs::path file = fuzz::tempDir() / "seed.gsm";
        ml::saveModelFile(file, model);
        const std::string bytes = readBytes(file);
        // Byte 0: 0 = the file as is, 1 = size and checksum repaired by the target.
        writeSeed(dir, kind + "-raw", std::string(1, '\0') + bytes);
        writeSeed(dir, kind + "-repaired", std::string(1, '\1') + bytes);
    }
}

void csvSeeds(const fs::path& dir)
{
    FeatureTable t;
    t.columns = {"chroma_stft_mean", "rms_var", "tempo"};
    t.rows.push_back({"blues/blues.00000.wav", "blues", 661794, {0.35, 0.0026, 123.046875}, "g1"});
    t.rows.push_back({"jazz, live/\"take 2\".mp3", "jazz", 661504, {-1e-7, 1.5e300, 0}, ""});
    for (auto [name, layout, groups] : {std::tuple{"ours-groups.csv", CsvLayout::Ours, true},
                                        std::tuple{"ours.csv", CsvLayout::Ours, false},
                                        std::tuple{"kaggle.csv", CsvLayout::Kaggle, false}}) {
        FeatureTable copy = t;
        if (!groups)
            for (auto& r : copy.rows)
                r.group.clear();
        const fs::path file = fuzz::tempDir() / name;
        writeFeatureCsv(file, copy, layout);
        writeSeed(dir, name, readBytes(file));
    }
    // What spreadsheets export: a BOM, CRLF, quoted header cells, blank lines, "+1" and spaces.
    writeSeed(dir, "spreadsheet.csv",
              "\xEF\xBB\xBF\"filename\",\"label\",\"length\",\"x\"\r\n\r\na.wav,rock, +1 ,2.5e-3\r\n\"b\r\nc.wav\",,3,-0\r\n");
}

void spectrogramSeeds(const fs::path& dir)
{
    const fs::path song = fuzz::writeInput("seed-song.wav", std::string("a song"));
    ml::SpectrogramSettings settings;
    settings.mel.nMels = fuzz::kSpectrogramMels;
    ml::SpectrogramCache cache(fuzz::tempDir() / "seed-mel", settings);
    for (int frames : {1, 6}) {
        ml::QuantisedSpectrogram q;
        q.mels = fuzz::kSpectrogramMels;
        q.frames = frames;
        q.dbMin = -80.0f;
        q.dbMax = 0.0f;
        for (int i = 0; i < q.mels * frames; ++i)
            q.data.push_back(std::uint8_t(i * 37 % 256));
        const auto entry = cache.store(song, q);
        const std::string bytes = readBytes(entry.file);
        // Byte 0: bit 0 = put the real key in, bit 1 = recompute the checksum.
        for (char mode : {'\0', '\1', '\2', '\3'})
            writeSeed(dir, std::to_string(frames) + "-frames-mode" + std::to_string(int(mode)), mode + bytes);
    }
}

void wisdomSeeds(const fs::path& dir)
{
    for (int upTo : {32, 2048}) {
        fftwf_forget_wisdom();
        for (int n : {32, 64, 512, 2048}) {
            if (n > upTo)
                break;
            float* time = fftwf_alloc_real(std::size_t(n));
            fftwf_complex* freq = fftwf_alloc_complex(std::size_t(n / 2 + 1));
            fftwf_destroy_plan(fftwf_plan_dft_c2r_1d(n, freq, time, FFTW_MEASURE));
            fftwf_free(time);
            fftwf_free(freq);
        }
        char* text = fftwf_export_wisdom_to_string();
        writeSeed(dir, "wisdom-up-to-" + std::to_string(upTo), text);
        std::free(text);
    }
    fftwf_forget_wisdom();
    char* empty = fftwf_export_wisdom_to_string();
    writeSeed(dir, "wisdom-empty", empty);
    std::free(empty);
}

void sqliteSeeds(const fs::path& dir)
{
    for (int rows : {0, 2}) {
        const fs::path file = fuzz::tempDir() / ("seed-" + std::to_string(rows) + ".sqlite");
        {
            FeatureCache cache(file, fuzz::kCacheSchema);
            std::vector<CachedSong> songs;
            for (int i = 0; i < rows; ++i) {
                CachedSong s;
                s.path = "/music/blues/song" + std::to_string(i) + ".wav";
                s.size = 1000 + i;
                s.modifiedMs = 1700000000000 + i;
                s.label = "blues";
                s.durationSeconds = 30.0;
                s.sampleRate = 22050;
                s.channels = 2;
                s.codec = "pcm_s16le";
                s.container = "wav";
                s.length = 661500;
                if (i == 0) {
                    s.features = {0.25, -3.5, 1e-9, 120.0};
                    s.fingerprint = {0x12345678u, 0x9abcdef0u};
                } else {
                    s.error = "not a recognised audio format";
                }
                songs.push_back(s);
            }
            cache.store(songs);
        }
        writeSeed(dir, "cache-" + std::to_string(rows) + "-rows.sqlite", readBytes(file));
    }
}

void audioSeeds(const fs::path& dir)
{
    // 0.2 s of a 440 Hz tone with a little noise-like harmonic content, mono and stereo.
    const int rate = 8000;
    std::vector<float> mono, stereo;
    for (int i = 0; i < rate / 5; ++i) {
        const float v = 0.5f * std::sin(2 * 3.14159265f * 440 * i / rate) + 0.1f * std::sin(0.731f * float(i * i % 1000));
        mono.push_back(v);
        stereo.push_back(v);
        stereo.push_back(-v);
    }
    writeSeed(dir, "mono16.wav", [&] { auto b = encodeWav(mono, rate); return std::string(b.begin(), b.end()); }());
    writeSeed(dir, "stereo-float.wav", [&] {
        auto b = encodeWav(stereo, rate, 2, WavSampleFormat::Float32);
        return std::string(b.begin(), b.end());
    }());
    for (AudioCodec codec : {AudioCodec::Flac, AudioCodec::Vorbis, AudioCodec::Opus, AudioCodec::Mp3, AudioCodec::Aac}) {
        if (!encoderAvailable(codec))
            continue;
        const fs::path file = fuzz::tempDir() / (std::string("seed") + fileExtension(codec));
        encodeAudioFile(file, mono, rate, codec, 32000);
        writeSeed(dir, std::string("tone") + fileExtension(codec), readBytes(file));
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_ROOT [TARGET...]   (no target = all)\n");
        return 2;
    }
    const fs::path root = argv[1];
    const std::vector<std::pair<std::string, void (*)(const fs::path&)>> writers = {
        {"model_file", modelSeeds},     {"feature_csv", csvSeeds}, {"spectrogram_cache", spectrogramSeeds},
        {"fftw_wisdom", wisdomSeeds},   {"sqlite_cache", sqliteSeeds}, {"decode", audioSeeds},
    };
    const std::vector<std::string> wanted(argv + 2, argv + argc);
    try {
        for (const auto& name : wanted)
            if (std::none_of(writers.begin(), writers.end(), [&](const auto& w) { return w.first == name; }))
                throw std::invalid_argument("no seed writer for target '" + name + "'");
        for (const auto& [name, write] : writers)
            if (wanted.empty() || std::find(wanted.begin(), wanted.end(), name) != wanted.end())
                write(root / name);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_make_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
