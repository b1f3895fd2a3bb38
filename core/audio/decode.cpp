#include "core/audio/decode.h"

#include "core/audio/ffmpeg_log.h"
#include "core/audio/file_signature.h"
#include "core/common/error.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace gs {
namespace {

namespace fs = std::filesystem;

// Guards against a file (or a header) with days of audio filling the memory: 1 GiB of
// floats, 3.4 h at 22.05 kHz or 1.7 h at 44.1 kHz.
constexpr std::int64_t kMaxDecodedSamples = std::int64_t(1) << 28;
// A stream that keeps failing is given up after this many packets in a row without output;
// the demuxer itself always advances, so the loops end in any case.
constexpr int kMaxConsecutiveErrors = 200;
// Seeking only pays off when there is much to skip; the decoder restarts this much earlier
// so that the MP3 bit reservoir and codec pre-roll are filled before the first kept sample.
constexpr double kSeekThresholdSeconds = 10.0;
constexpr double kSeekPrerollSeconds = 1.0;

void installLogCapture()
{
    detail::installFfmpegLogCapture();
}

std::string avErrorText(int err)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return buf;
}

std::string withLibDetail(std::string reason)
{
    if (!detail::lastFfmpegMessage().empty())
        reason += " (" + detail::lastFfmpegMessage() + ")";
    return reason;
}

struct FormatCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecCloser {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct SwrFree {
    void operator()(SwrContext* s) const { swr_free(&s); }
};
using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecCloser>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;
using SwrPtr = std::unique_ptr<SwrContext, SwrFree>;

struct OpenFile {
    FormatPtr format;
    int streamIndex = -1;
    AVStream* stream = nullptr;
    AudioInfo info;
    double announcedSeconds = 0;      // length the header promises; 0 = unknown or unreliable
};

// FFmpeg's WAV demuxer quietly shrinks a data chunk that runs past the end of the file, so
// a cut-off WAV looks whole; the RIFF header still says how long it was meant to be.
double wavAnnouncedSeconds(const fs::path& file)
{
    std::FILE* fp = std::fopen(file.c_str(), "rb");
    if (!fp)
        return 0;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> holder(fp, &std::fclose);
    auto le32 = [](const unsigned char* p) { return std::uint32_t(p[0]) | p[1] << 8 | p[2] << 16 | std::uint32_t(p[3]) << 24; };
    unsigned char riff[12];
    if (std::fread(riff, 1, 12, fp) != 12 || std::memcmp(riff, "RIFF", 4) != 0 || std::memcmp(riff + 8, "WAVE", 4) != 0)
        return 0;
    std::uint32_t byteRate = 0;
    for (int chunk = 0; chunk < 64; ++chunk) {  // bounded: a malformed header cannot loop
        unsigned char head[8];
        if (std::fread(head, 1, 8, fp) != 8)
            return 0;
        const std::uint32_t size = le32(head + 4);
        if (std::memcmp(head, "fmt ", 4) == 0 && size >= 16) {
            unsigned char fmt[16];
            if (std::fread(fmt, 1, 16, fp) != 16)
                return 0;
            byteRate = le32(fmt + 8);
            if (std::fseek(fp, long(size - 16 + (size & 1)), SEEK_CUR) != 0)
                return 0;
        } else if (std::memcmp(head, "data", 4) == 0) {
            // 0 and 0xFFFFFFFF mean "unknown" (streamed WAV); RF64 is not RIFF.
            if (byteRate == 0 || size == 0 || size == 0xFFFFFFFFu)
                return 0;
            return double(size) / byteRate;
        } else if (std::fseek(fp, long(size) + long(size & 1), SEEK_CUR) != 0) {
            return 0;
        }
    }
    return 0;
}

bool hasSelfDescribingHeader(const fs::path& file)
{
    const FileSignature sig = readFileSignature(file);
    return (sig.has(0, "RIFF") && sig.has(8, "WAVE")) || (sig.has(0, "FORM") && (sig.has(8, "AIFF") || sig.has(8, "AIFC")))
        || sig.has(0, ".snd") || sig.has(0, "fLaC");
}

// Opens the container and picks the audio stream; everything a caller needs to know
// before decoding. Errors name the path and say what is wrong in words.
OpenFile openAudioFile(const fs::path& file)
{
    installLogCapture();
    detail::lastFfmpegMessage().clear();
    const std::string name = file.string();
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::exists(status))
        throw Error(ErrorKind::NotFound, name, "file does not exist");
    if (fs::is_directory(status))
        throw Error(ErrorKind::NotAudio, name, "is a directory, not an audio file");
    if (!fs::is_regular_file(status))  // a FIFO or device would block or never end
        throw Error(ErrorKind::NotAudio, name, "not a regular file");
    const auto size = fs::file_size(file, ec);
    if (!ec && size == 0)
        throw Error(ErrorKind::Empty, name, "file is empty (0 bytes)");

    OpenFile out;
    AVFormatContext* raw = nullptr;
    AVDictionary* openOptions = nullptr;
    // PCM in WAV/AIFF/AU gets its codec re-probed on up to 1 MB of samples (looking for
    // S/PDIF bitstreams), which costs ~10 ms per 30-s clip; their headers already say all.
    const bool selfDescribing = hasSelfDescribingHeader(file);
    if (selfDescribing)
        av_dict_set(&openOptions, "probesize", "8192", 0);
    // "file:" keeps FFmpeg from reading "name:rest" as a protocol (concat:, http:, ...).
    const std::string url = "file:" + name;
    int err = avformat_open_input(&raw, url.c_str(), nullptr, &openOptions);
    av_dict_free(&openOptions);
    if (err < 0) {
        if (err == AVERROR(EACCES) || err == AVERROR(EPERM))
            throw Error(ErrorKind::NotFound, name, "permission denied");
        if (err == AVERROR(ENOENT))
            throw Error(ErrorKind::NotFound, name, "file does not exist");
        if (err == AVERROR_INVALIDDATA)
            throw Error(ErrorKind::NotAudio, name, "not a recognised audio format");
        throw Error(ErrorKind::NotAudio, name, withLibDetail("cannot be opened: " + avErrorText(err)));
    }
    out.format.reset(raw);
    // Stream analysis reads and decodes seconds of audio to fill in what a header-less
    // format lacks; PCM/FLAC headers already say everything, so it is skipped for them.
    bool complete = selfDescribing && raw->nb_streams > 0;
    for (unsigned i = 0; i < raw->nb_streams; ++i) {
        const AVCodecParameters* p = raw->streams[i]->codecpar;
        if (p->codec_type == AVMEDIA_TYPE_AUDIO
            && (p->codec_id == AV_CODEC_ID_NONE || p->sample_rate <= 0 || p->ch_layout.nb_channels <= 0))
            complete = false;
    }
    err = complete ? 0 : avformat_find_stream_info(raw, nullptr);
    if (err < 0)
        throw Error(ErrorKind::Corrupt, name, withLibDetail("cannot read stream information: " + avErrorText(err)));

    const AVCodec* codec = nullptr;
    const int index = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
    if (index == AVERROR_STREAM_NOT_FOUND)
        throw Error(ErrorKind::NotAudio, name, "contains no audio stream");
    if (index < 0 || !codec)
        throw Error(ErrorKind::NotAudio, name, "no decoder for its audio stream");
    out.streamIndex = index;
    out.stream = raw->streams[index];
    const AVCodecParameters* par = out.stream->codecpar;
    if (par->sample_rate <= 0 || par->ch_layout.nb_channels <= 0)
        throw Error(ErrorKind::Corrupt, name, "audio stream has no valid sample rate or channel count");

    AudioInfo& info = out.info;
    info.nativeSampleRate = par->sample_rate;
    info.channels = par->ch_layout.nb_channels;
    info.codec = avcodec_get_name(par->codec_id);
    info.container = raw->iformat && raw->iformat->name ? raw->iformat->name : "";
    // "mov,mp4,m4a,3gp,3g2,mj2" says little; keep the first name only.
    if (auto comma = info.container.find(','); comma != std::string::npos)
        info.container.resize(comma);
    info.bitRate = par->bit_rate > 0 ? par->bit_rate : std::max<std::int64_t>(raw->bit_rate, 0);

    if (out.stream->duration != AV_NOPTS_VALUE && out.stream->duration > 0)
        info.durationSeconds = double(out.stream->duration) * av_q2d(out.stream->time_base);
    else if (raw->duration != AV_NOPTS_VALUE && raw->duration > 0)
        info.durationSeconds = double(raw->duration) / AV_TIME_BASE;
    if (info.container == "wav")
        out.announcedSeconds = wavAnnouncedSeconds(file);
    else if (info.durationSeconds > 0 && raw->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE)
        out.announcedSeconds = info.durationSeconds;
    return out;
}

// Length of the stream from packet timestamps, without decoding: for containers whose
// header does not say (raw streams, WAV/AU with an unknown size).
double durationFromPackets(OpenFile& f, const CancelToken* cancel)
{
    AVPacket* pkt = av_packet_alloc();
    PacketPtr holder(pkt);
    const AVRational tb = f.stream->time_base;
    std::int64_t start = f.stream->start_time != AV_NOPTS_VALUE ? f.stream->start_time : 0;
    std::int64_t end = 0;
    int failures = 0;
    while (true) {
        if (cancel)
            cancel->throwIfCancelled(f.format->url ? f.format->url : "");
        const int err = av_read_frame(f.format.get(), pkt);
        if (err < 0) {
            if (err == AVERROR(EAGAIN) && ++failures < kMaxConsecutiveErrors)
                continue;
            break;
        }
        failures = 0;
        if (pkt->stream_index == f.streamIndex && pkt->pts != AV_NOPTS_VALUE)
            end = std::max<std::int64_t>(end, pkt->pts + std::max<std::int64_t>(pkt->duration, 0));
        av_packet_unref(pkt);
    }
    return end > start ? double(end - start) * av_q2d(tb) : 0.0;
}

// Receives decoded mono samples in order; returns false to stop decoding.
using MonoConsumer = std::function<bool(std::span<const float>)>;

// Mean of the channels of samples [first, first + count) of one frame, in float: summed
// from 0 in channel order and divided at the end, like numpy's float32 mean over few
// channels. Planar data is summed plane by plane and interleaved data frame by frame, so
// every loop walks memory in order (the compiler vectorises the planar one); both give the
// same sums.
template <class T, class Convert>
void downmixTyped(const AVFrame* frame, bool planar, int first, int count, float* dst, Convert convert)
{
    const int channels = frame->ch_layout.nb_channels;
    if (planar) {
        std::fill(dst, dst + count, 0.0f);
        for (int ch = 0; ch < channels; ++ch) {
            const T* src = reinterpret_cast<const T*>(frame->extended_data[ch]) + first;
            for (int i = 0; i < count; ++i)
                dst[i] += convert(src[i]);
        }
    } else if (channels == 2) {  // the common interleaved case, with a loop the compiler can vectorise
        const T* src = reinterpret_cast<const T*>(frame->extended_data[0]) + std::ptrdiff_t(first) * 2;
        for (int i = 0; i < count; ++i)
            dst[i] = (0.0f + convert(src[2 * i])) + convert(src[2 * i + 1]);
    } else {
        const T* src = reinterpret_cast<const T*>(frame->extended_data[0]) + std::ptrdiff_t(first) * channels;
        for (int i = 0; i < count; ++i, src += channels) {
            float sum = 0.0f;
            for (int ch = 0; ch < channels; ++ch)
                sum += convert(src[ch]);
            dst[i] = sum;
        }
    }
    if (channels > 1) {
        const float n = float(channels);
        for (int i = 0; i < count; ++i)
            dst[i] /= n;
    }
}

// One frame's samples [first, first + count) → mono float in dst. Any sample format FFmpeg
// decoders produce; integer PCM is scaled as libsndfile does (int16/32768), so 16-bit WAVs
// come out bit-exact.
void downmixFrame(const AVFrame* frame, int first, int count, float* dst)
{
    const auto fmt = static_cast<AVSampleFormat>(frame->format);
    const bool planar = av_sample_fmt_is_planar(fmt);
    switch (av_get_packed_sample_fmt(fmt)) {
    case AV_SAMPLE_FMT_U8:
        downmixTyped<std::uint8_t>(frame, planar, first, count, dst, [](std::uint8_t v) { return (float(v) - 128.0f) / 128.0f; });
        break;
    case AV_SAMPLE_FMT_S16:
        downmixTyped<std::int16_t>(frame, planar, first, count, dst, [](std::int16_t v) { return float(v) / 32768.0f; });
        break;
    case AV_SAMPLE_FMT_S32:
        downmixTyped<std::int32_t>(frame, planar, first, count, dst,
                                   [](std::int32_t v) { return float(double(v) / 2147483648.0); });
        break;
    case AV_SAMPLE_FMT_S64:
        downmixTyped<std::int64_t>(frame, planar, first, count, dst,
                                   [](std::int64_t v) { return float(double(v) / 9223372036854775808.0); });
        break;
    case AV_SAMPLE_FMT_FLT: downmixTyped<float>(frame, planar, first, count, dst, [](float v) { return v; }); break;
    case AV_SAMPLE_FMT_DBL: downmixTyped<double>(frame, planar, first, count, dst, [](double v) { return float(v); }); break;
    default: std::fill(dst, dst + count, 0.0f); break;
    }
}

bool isSupportedSampleFormat(int format)
{
    switch (av_get_packed_sample_fmt(static_cast<AVSampleFormat>(format))) {
    case AV_SAMPLE_FMT_U8:
    case AV_SAMPLE_FMT_S16:
    case AV_SAMPLE_FMT_S32:
    case AV_SAMPLE_FMT_S64:
    case AV_SAMPLE_FMT_FLT:
    case AV_SAMPLE_FMT_DBL: return true;
    default: return false;
    }
}

struct DecodeOutcome {
    std::int64_t kept = 0;              // native samples of the requested range handed on
    std::int64_t decodedToPosition = 0; // native samples the decoder reached (from file start)
    bool reachedEnd = false;            // the demuxer hit end of file
    int damagedPackets = 0;
    bool readError = false;
    bool hitMemoryCap = false;
    bool seekFailed = false;
    bool seeked = false;                // positions come from timestamps, not from counting
    bool stoppedByConsumer = false;
};

CodecPtr openDecoder(const OpenFile& f, const std::string& name)
{
    const AVCodecParameters* par = f.stream->codecpar;
    const AVCodec* codec = avcodec_find_decoder(par->codec_id);
    if (!codec)
        throw Error(ErrorKind::NotAudio, name, std::string("no decoder for codec ") + avcodec_get_name(par->codec_id));
    CodecPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx)
        throw Error(ErrorKind::Internal, name, "out of memory");
    if (avcodec_parameters_to_context(ctx.get(), par) < 0)
        throw Error(ErrorKind::Corrupt, name, "invalid codec parameters");
    ctx->pkt_timebase = f.stream->time_base;
    ctx->thread_count = 1;  // we parallelise over songs, not inside one
    ctx->request_sample_fmt = AV_SAMPLE_FMT_FLTP;
    if (int err = avcodec_open2(ctx.get(), codec, nullptr); err < 0)
        throw Error(ErrorKind::Corrupt, name, withLibDetail("decoder cannot start: " + avErrorText(err)));
    return ctx;
}

// Seeks a little before startSample when there is much to skip. True when it did: sample
// positions then come from the next frame's timestamp instead of from counting.
bool seekNear(OpenFile& f, AVCodecContext* ctx, std::int64_t startSample)
{
    const int rate = f.stream->codecpar->sample_rate;
    if (startSample <= std::int64_t(kSeekThresholdSeconds * rate))
        return false;
    const double target = double(startSample) / rate - kSeekPrerollSeconds;
    std::int64_t ts = std::int64_t(target / av_q2d(f.stream->time_base));
    if (f.stream->start_time != AV_NOPTS_VALUE)
        ts += f.stream->start_time;
    if (av_seek_frame(f.format.get(), f.streamIndex, ts, AVSEEK_FLAG_BACKWARD) < 0)
        return false;
    avcodec_flush_buffers(ctx);
    return true;
}

// Decodes native samples [startSample, endSample) of the stream, downmixed to mono, and
// hands them to `consume` frame by frame; nothing is kept here, so the memory does not grow
// with the length. `cap` bounds the samples handed on (decodeAudio's memory guard).
DecodeOutcome decodeRange(OpenFile& f, std::int64_t startSample, std::int64_t endSample, bool allowSeek,
                          std::int64_t cap, const CancelToken* cancel, const std::string& name, const MonoConsumer& consume)
{
    CodecPtr ctx = openDecoder(f, name);
    const int rate = f.stream->codecpar->sample_rate;
    DecodeOutcome out;
    std::int64_t position = 0;  // native sample index of the next decoded sample
    bool positionFromNextFrame = allowSeek && seekNear(f, ctx.get(), startSample);
    out.seeked = positionFromNextFrame;

    PacketPtr pkt(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    if (!pkt || !frame)
        throw Error(ErrorKind::Internal, name, "out of memory");
    std::vector<float> mono;  // one frame, reused

    int consecutiveErrors = 0;
    bool done = false;
    auto drainFrames = [&]() {
        while (!done) {
            const int err = avcodec_receive_frame(ctx.get(), frame.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF)
                return;
            if (err < 0) {
                ++out.damagedPackets;
                ++consecutiveErrors;
                return;
            }
            consecutiveErrors = 0;
            if (frame->decode_error_flags)
                ++out.damagedPackets;
            if (positionFromNextFrame) {
                const std::int64_t pts = frame->best_effort_timestamp;
                if (pts == AV_NOPTS_VALUE) {
                    out.seekFailed = true;
                    done = true;
                    return;
                }
                const std::int64_t origin = f.stream->start_time != AV_NOPTS_VALUE ? f.stream->start_time : 0;
                position = av_rescale_q(pts - origin, f.stream->time_base, AVRational{1, rate});
                positionFromNextFrame = false;
                if (position > startSample) {  // landed after the wanted start: cannot trim precisely
                    out.seekFailed = true;
                    done = true;
                    return;
                }
            }
            const int n = frame->nb_samples;
            // A frame whose rate differs (corrupt or chained streams) cannot be mixed in.
            if (n <= 0 || frame->sample_rate != rate || !isSupportedSampleFormat(frame->format)
                || frame->ch_layout.nb_channels <= 0) {
                ++out.damagedPackets;
                av_frame_unref(frame.get());
                continue;
            }
            const std::int64_t lo = std::max(position, startSample);
            const std::int64_t hi = std::min(position + n, endSample);
            if (hi > lo) {
                if (out.kept + (hi - lo) > cap) {
                    out.hitMemoryCap = true;
                    done = true;
                } else {
                    mono.resize(std::size_t(hi - lo));
                    downmixFrame(frame.get(), int(lo - position), int(hi - lo), mono.data());
                    out.kept += hi - lo;
                    if (!consume(mono)) {
                        out.stoppedByConsumer = true;
                        done = true;
                    }
                }
            }
            position += n;
            av_frame_unref(frame.get());
            if (position >= endSample)
                done = true;
        }
    };

    int readFailures = 0;
    while (!done) {
        if (cancel && cancel->cancelled())
            throw Error(ErrorKind::Cancelled, name, "cancelled by the user");
        const int err = av_read_frame(f.format.get(), pkt.get());
        if (err == AVERROR_EOF) {
            out.reachedEnd = true;
            break;
        }
        if (err < 0) {
            if (err == AVERROR(EAGAIN) && ++readFailures < kMaxConsecutiveErrors)
                continue;
            // avio reports a short read of a cut-off file as an I/O error at its end.
            out.readError = !f.format->pb || !avio_feof(f.format->pb);
            out.reachedEnd = true;
            break;
        }
        readFailures = 0;
        if (pkt->stream_index != f.streamIndex) {
            av_packet_unref(pkt.get());
            continue;
        }
        const int sent = avcodec_send_packet(ctx.get(), pkt.get());
        av_packet_unref(pkt.get());
        if (sent < 0 && sent != AVERROR(EAGAIN)) {
            ++out.damagedPackets;
            if (++consecutiveErrors > kMaxConsecutiveErrors)
                break;
            continue;
        }
        drainFrames();
        if (consecutiveErrors > kMaxConsecutiveErrors)
            break;
    }
    if (!done && !out.seekFailed) {
        avcodec_send_packet(ctx.get(), nullptr);  // flush the decoder's delayed frames
        drainFrames();
    }
    out.decodedToPosition = position;
    return out;
}

// Mono resampling as a stream, with librosa's length: ceil(n · target / native) samples,
// cut or zero-padded at the end (librosa.util.fix_length). soxr through libswresample at
// 20-bit precision is soxr's HQ recipe, librosa 0.10's default "soxr_hq".
class MonoResampler {
public:
    MonoResampler(int fromRate, int toRate, const std::string& name) : from_(fromRate), to_(toRate), name_(name)
    {
        AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
        SwrContext* raw = nullptr;
        if (swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_FLT, toRate, &mono, AV_SAMPLE_FMT_FLT, fromRate, 0, nullptr) < 0)
            throw Error(ErrorKind::Internal, name, "cannot create the resampler");
        swr_.reset(raw);
        av_opt_set_int(raw, "resampler", SWR_ENGINE_SOXR, 0);
        av_opt_set_double(raw, "precision", 20.0, 0);
        if (swr_init(raw) < 0) {
            // FFmpeg built without soxr: libswresample's own windowed-sinc at high settings.
            av_opt_set_int(raw, "resampler", SWR_ENGINE_SWR, 0);
            av_opt_set_int(raw, "filter_size", 64, 0);
            av_opt_set_double(raw, "cutoff", 0.97, 0);
            av_opt_set_int(raw, "phase_shift", 10, 0);
            av_opt_set_int(raw, "exact_rational", 1, 0);
            if (swr_init(raw) < 0)
                throw Error(ErrorKind::Internal, name, "cannot initialise the resampler");
        }
    }

    bool push(std::span<const float> in, const MonoConsumer& consume)
    {
        consumed_ += std::int64_t(in.size());
        // Room for this input only: swr sizes its internal buffers by the room it is given,
        // and a whole-song room made it allocate and clear megabytes on every call.
        convert(in.data(), in.size());
        return handOn(wanted(), consume);
    }

    // The filter's tail, then the exact librosa length.
    bool finish(const MonoConsumer& consume)
    {
        for (int round = 0; round < 64; ++round)
            if (convert(nullptr, 0) <= 0)
                break;
        const std::int64_t want = wanted();
        if (!handOn(want, consume))
            return false;
        pending_.assign(std::size_t(std::min<std::int64_t>(want - handedOn_, 4096)), 0.0f);
        while (handedOn_ < want) {  // the tail came out short: zeros
            const auto n = std::size_t(std::min<std::int64_t>(want - handedOn_, std::int64_t(pending_.size())));
            handedOn_ += std::int64_t(n);
            if (!consume(std::span<const float>(pending_.data(), n)))
                return false;
        }
        return true;
    }

private:
    std::int64_t wanted() const { return (consumed_ * to_ + from_ - 1) / from_; }

    int convert(const float* src, std::size_t count)
    {
        const std::size_t room = count * std::size_t(to_) / std::size_t(from_) + 4096;
        const std::size_t base = pending_.size();
        pending_.resize(base + room);
        const std::uint8_t* inPtr = reinterpret_cast<const std::uint8_t*>(src);
        std::uint8_t* outPtr = reinterpret_cast<std::uint8_t*>(pending_.data() + base);
        const int n = swr_convert(swr_.get(), &outPtr, int(room), src ? &inPtr : nullptr, int(count));
        if (n < 0)
            throw Error(ErrorKind::Internal, name_, "resampling failed");
        pending_.resize(base + std::size_t(n));
        return n;
    }

    // Hands on what the resampler produced, never more than the librosa length of the
    // input so far (the rest waits: the final length is only known at the end).
    bool handOn(std::int64_t limit, const MonoConsumer& consume)
    {
        const auto n = std::size_t(std::clamp<std::int64_t>(limit - handedOn_, 0, std::int64_t(pending_.size())));
        if (n == 0)
            return true;
        handedOn_ += std::int64_t(n);
        const bool more = consume(std::span<const float>(pending_.data(), n));
        pending_.erase(pending_.begin(), pending_.begin() + std::ptrdiff_t(n));
        return more;
    }

    int from_, to_;
    std::string name_;
    SwrPtr swr_;
    std::vector<float> pending_;  // produced, not yet handed on (a few thousand samples)
    std::int64_t consumed_ = 0, handedOn_ = 0;
};

void validateOptions(const DecodeOptions& options, const std::string& name)
{
    if (options.sampleRate < 0 || (options.sampleRate > 0 && options.sampleRate < 1000) || options.sampleRate > 384000)
        throw Error(ErrorKind::InvalidArgument, name, "sample rate must be 0 (native) or 1000..384000 Hz");
    if (!(options.offsetSeconds >= 0) || !(options.durationSeconds >= 0) || !std::isfinite(options.offsetSeconds)
        || !std::isfinite(options.durationSeconds))
        throw Error(ErrorKind::InvalidArgument, name, "offset and duration must be finite and not negative");
}

// What went wrong, for Audio::warning; empty when the decode was whole.
std::vector<std::string> describeProblems(const OpenFile& f, const DecodeOutcome& d, bool countedFromStart)
{
    const int rate = f.info.nativeSampleRate;
    std::vector<std::string> problems;
    if (d.readError)
        problems.push_back(withLibDetail("read error before the end of the file"));
    if (d.damagedPackets > 0)
        problems.push_back(std::to_string(d.damagedPackets) + " damaged packet(s) skipped");
    if (d.hitMemoryCap)
        problems.push_back("stopped at the memory limit after " + std::to_string(kMaxDecodedSamples / rate) + " s of audio");
    // A cut-off file: the header promised noticeably more than the decoder found.
    // The reported duration stays what really decodes.
    if (countedFromStart && f.announcedSeconds > 0) {
        const double decoded = double(d.decodedToPosition) / rate;
        const double promised = f.announcedSeconds;
        if (decoded + 0.05 + 0.01 * promised < promised) {
            char text[128];
            std::snprintf(text, sizeof text, "file ends early: %.2f s decoded of %.2f s announced", decoded, promised);
            problems.emplace_back(text);
        }
    }
    return problems;
}

// Native sample range [start, end) of the clip; as librosa, cut at the native rate, then resampled.
struct SampleRange {
    std::int64_t start = 0, end = 0;
};

SampleRange clipRange(const DecodeOptions& options, int rate)
{
    SampleRange r;
    r.start = std::int64_t(options.offsetSeconds * rate);
    r.end = options.durationSeconds > 0 ? r.start + std::int64_t(options.durationSeconds * rate)
                                        : std::numeric_limits<std::int64_t>::max();
    return r;
}

// Counting every sample from the start gives the exact length; after a seek the count rests
// on timestamps, so the header's figure is preferred when there is one.
double trueDuration(OpenFile& f, const DecodeOutcome& d, bool headerDurationKnown, const CancelToken* cancel)
{
    const int rate = f.info.nativeSampleRate;
    const double decoded = double(d.decodedToPosition) / rate;
    if (d.reachedEnd && !d.seeked && d.decodedToPosition > 0)
        return decoded;
    if (headerDurationKnown)
        return f.info.durationSeconds;
    return d.reachedEnd ? decoded : std::max(durationFromPackets(f, cancel), decoded);
}

// Nothing of the requested range decoded: why, as an error naming the file.
[[noreturn]] void throwNothingDecoded(const DecodeOutcome& d, const SampleRange& range, const DecodeOptions& options,
                                      double fileSeconds, const std::string& name)
{
    if (d.damagedPackets > 0 || d.readError)
        throw Error(ErrorKind::Corrupt, name, withLibDetail("no audio could be decoded"));
    if (range.start > 0 && d.decodedToPosition <= range.start) {
        char text[160];
        std::snprintf(text, sizeof text, "offset %.2f s is beyond the end of the audio (%.2f s)", options.offsetSeconds,
                      fileSeconds);
        throw Error(ErrorKind::TooShort, name, text);
    }
    throw Error(ErrorKind::Empty, name, "contains no audio samples");
}

// The one decode loop behind decodeAudio and decodeAudioBlocks: opens the file, decodes the
// requested range, resamples it as a stream and hands the samples at the output rate to
// `consume` in pieces of any size. `expect` hears the expected count first (to reserve).
StreamedAudio decodeStream(const fs::path& file, const DecodeOptions& options, std::int64_t cap,
                           const std::function<void(std::int64_t)>& expect, const MonoConsumer& consume,
                           const CancelToken* cancel)
{
    const std::string name = file.string();
    validateOptions(options, name);
    if (cancel)
        cancel->throwIfCancelled(name);

    OpenFile f = openAudioFile(file);
    const int rate = f.info.nativeSampleRate;
    const int outRate = options.sampleRate > 0 ? options.sampleRate : rate;
    const SampleRange range = clipRange(options, rate);
    const bool headerDurationKnown = f.info.durationSeconds > 0;
    if (expect) {
        std::int64_t expected = range.end - range.start;
        if (headerDurationKnown)
            expected = std::min(expected, std::int64_t(f.info.durationSeconds * rate) + rate / 10 - range.start);
        if (expected > 0 && expected <= cap)
            expect(expected * outRate / rate + 1);
    }

    StreamedAudio result;
    result.sampleRate = outRate;
    auto handOn = [&](std::span<const float> samples) {
        result.samples += std::int64_t(samples.size());
        return consume(samples);
    };
    std::optional<MonoResampler> resampler;
    if (outRate != rate)
        resampler.emplace(rate, outRate, name);
    const MonoConsumer native = resampler ? MonoConsumer([&](std::span<const float> s) { return resampler->push(s, handOn); })
                                          : MonoConsumer(handOn);

    DecodeOutcome d = decodeRange(f, range.start, range.end, options.allowSeek, cap, cancel, name, native);
    if (d.seekFailed) {  // timestamps unusable after the seek (found before any sample went out): from the start
        f = openAudioFile(file);
        d = decodeRange(f, range.start, range.end, false, cap, cancel, name, native);
    }
    if (cancel)
        cancel->throwIfCancelled(name);

    result.info = f.info;
    result.info.durationSeconds = trueDuration(f, d, headerDurationKnown, cancel);
    if (d.kept == 0)
        throwNothingDecoded(d, range, options, result.info.durationSeconds, name);
    const auto problems = describeProblems(f, d, d.reachedEnd && !d.seeked);
    for (std::size_t i = 0; i < problems.size(); ++i)
        result.warning += (i ? "; " : "") + problems[i];
    result.partial = !problems.empty();

    if (resampler && !d.stoppedByConsumer)
        resampler->finish(handOn);
    return result;
}

} // namespace

AudioInfo probeAudio(const std::filesystem::path& file)
{
    OpenFile f = openAudioFile(file);
    if (f.info.durationSeconds <= 0)
        f.info.durationSeconds = durationFromPackets(f, nullptr);
    if (f.info.durationSeconds <= 0) {  // no timestamps at all: count decoded samples
        const std::int64_t never = std::numeric_limits<std::int64_t>::max();
        DecodeOutcome d = decodeRange(f, never, never, false, never, nullptr, file.string(),
                                      [](std::span<const float>) { return true; });
        f.info.durationSeconds = double(d.decodedToPosition) / f.info.nativeSampleRate;
    }
    return f.info;
}

StreamedAudio decodeAudioBlocks(const std::filesystem::path& file, const DecodeOptions& options, std::size_t blockSamples,
                                const std::function<bool(std::span<const float>)>& sink, const CancelToken* cancel)
{
    if (blockSamples == 0)
        throw Error(ErrorKind::InvalidArgument, file.string(), "block size must be at least one sample");
    if (!sink)
        throw Error(ErrorKind::InvalidArgument, file.string(), "no sink for the decoded blocks");
    // Pieces of any size are gathered into full blocks: the sink sees the same blocks
    // whatever the codec's frame size or the resampler's output rhythm.
    std::vector<float> block;
    block.reserve(blockSamples);
    bool open = true;  // the sink has not said stop
    std::int64_t delivered = 0;
    auto deliver = [&]() {
        delivered += std::int64_t(block.size());
        open = sink(std::span<const float>(block.data(), block.size()));
        block.clear();
        return open;
    };
    auto gather = [&](std::span<const float> piece) {
        while (!piece.empty()) {
            const std::size_t n = std::min(piece.size(), blockSamples - block.size());
            block.insert(block.end(), piece.begin(), piece.begin() + std::ptrdiff_t(n));
            piece = piece.subspan(n);
            if (block.size() == blockSamples && !deliver())
                return false;
        }
        return true;
    };
    StreamedAudio result = decodeStream(file, options, std::numeric_limits<std::int64_t>::max(), {}, gather, cancel);
    if (open && !block.empty())
        deliver();
    result.samples = delivered;
    return result;
}

Audio decodeAudio(const std::filesystem::path& file, const DecodeOptions& options, const CancelToken* cancel)
{
    Audio audio;
    // One allocation up front: growing a multi-megabyte vector costs more than decoding PCM.
    auto reserve = [&](std::int64_t expected) { audio.samples.reserve(std::size_t(expected)); };
    auto append = [&](std::span<const float> piece) {
        audio.samples.insert(audio.samples.end(), piece.begin(), piece.end());
        return true;
    };
    StreamedAudio streamed = decodeStream(file, options, kMaxDecodedSamples, reserve, append, cancel);
    audio.sampleRate = streamed.sampleRate;
    audio.info = std::move(streamed.info);
    audio.partial = streamed.partial;
    audio.warning = std::move(streamed.warning);
    return audio;
}

} // namespace gs
