#include "core/audio/encode.h"

#include "core/audio/ffmpeg_log.h"
#include "core/common/error.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace gs {
namespace {

const AVCodec* findEncoder(AudioCodec codec)
{
    switch (codec) {
    case AudioCodec::Flac: return avcodec_find_encoder(AV_CODEC_ID_FLAC);
    case AudioCodec::Vorbis: return avcodec_find_encoder_by_name("libvorbis");  // FFmpeg's own is experimental
    case AudioCodec::Opus: return avcodec_find_encoder_by_name("libopus");
    case AudioCodec::Mp3: return avcodec_find_encoder_by_name("libmp3lame");
    case AudioCodec::Aac: return avcodec_find_encoder(AV_CODEC_ID_AAC);
    }
    return nullptr;
}

const char* muxerName(AudioCodec codec)
{
    switch (codec) {
    case AudioCodec::Flac: return "flac";
    case AudioCodec::Vorbis: return "ogg";
    case AudioCodec::Opus: return "ogg";
    case AudioCodec::Mp3: return "mp3";
    case AudioCodec::Aac: return "ipod";  // .m4a
    }
    return "";
}

std::string avError(int err)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, buf, sizeof buf);
    return buf;
}

int chooseRate(const AVCodec* codec, int wanted)
{
    const int* rates = codec->supported_samplerates;
    if (!rates)
        return wanted;
    int best = 0;
    for (const int* r = rates; *r; ++r) {
        if (*r == wanted)
            return wanted;
        if (*r > best)  // resample up rather than lose bandwidth
            best = *r;
    }
    return best ? best : wanted;
}

AVSampleFormat chooseFormat(const AVCodec* codec)
{
    const AVSampleFormat* fmts = codec->sample_fmts;
    if (!fmts)
        return AV_SAMPLE_FMT_FLTP;
    for (const AVSampleFormat* f = fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
        if (*f == AV_SAMPLE_FMT_FLTP || *f == AV_SAMPLE_FMT_FLT)
            return *f;
    return fmts[0];
}

} // namespace

const char* fileExtension(AudioCodec codec)
{
    switch (codec) {
    case AudioCodec::Flac: return ".flac";
    case AudioCodec::Vorbis: return ".ogg";
    case AudioCodec::Opus: return ".opus";
    case AudioCodec::Mp3: return ".mp3";
    case AudioCodec::Aac: return ".m4a";
    }
    return "";
}

bool encoderAvailable(AudioCodec codec)
{
    return findEncoder(codec) != nullptr && av_guess_format(muxerName(codec), nullptr, nullptr) != nullptr;
}

void encodeAudioFile(const std::filesystem::path& file, std::span<const float> mono, int sampleRate, AudioCodec codec,
                     int bitRate)
{
    const std::string name = file.string();
    detail::installFfmpegLogCapture();
    detail::lastFfmpegMessage().clear();
    if (sampleRate <= 0 || mono.empty())
        throw Error(ErrorKind::InvalidArgument, name, "nothing to encode (no samples or no rate)");
    const AVCodec* enc = findEncoder(codec);
    const AVOutputFormat* mux = av_guess_format(muxerName(codec), nullptr, nullptr);
    if (!enc || !mux)
        throw Error(ErrorKind::Internal, name, std::string("this FFmpeg build cannot write ") + fileExtension(codec));

    AVFormatContext* fmtRaw = nullptr;
    if (avformat_alloc_output_context2(&fmtRaw, mux, nullptr, name.c_str()) < 0 || !fmtRaw)
        throw Error(ErrorKind::Internal, name, "cannot create the container");
    auto closeFmt = [](AVFormatContext* c) {
        if (c->pb)
            avio_closep(&c->pb);
        avformat_free_context(c);
    };
    std::unique_ptr<AVFormatContext, decltype(closeFmt)> fmt(fmtRaw, closeFmt);
    fmt->flags |= AVFMT_FLAG_BITEXACT;  // no library versions or random serials in the bytes

    auto freeCtx = [](AVCodecContext* c) { avcodec_free_context(&c); };
    std::unique_ptr<AVCodecContext, decltype(freeCtx)> ctx(avcodec_alloc_context3(enc), freeCtx);
    const int rate = chooseRate(enc, sampleRate);
    ctx->sample_rate = rate;
    ctx->sample_fmt = chooseFormat(enc);
    AVChannelLayout monoLayout = AV_CHANNEL_LAYOUT_MONO;
    av_channel_layout_copy(&ctx->ch_layout, &monoLayout);
    ctx->time_base = AVRational{1, rate};
    ctx->flags |= AV_CODEC_FLAG_BITEXACT;
    if (codec == AudioCodec::Vorbis && bitRate <= 0) {
        // libvorbis rejects many rate/bit-rate pairs (e.g. 160 kb/s mono at 22 kHz); quality mode fits all.
        ctx->flags |= AV_CODEC_FLAG_QSCALE;
        ctx->global_quality = 6 * FF_QP2LAMBDA;
    } else if (codec != AudioCodec::Flac) {
        ctx->bit_rate = bitRate > 0 ? bitRate : (codec == AudioCodec::Opus ? 96000 : 160000);
    }
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
        ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ctx->thread_count = 1;
    if (int err = avcodec_open2(ctx.get(), enc, nullptr); err < 0)
        throw Error(ErrorKind::Internal, name,
                    "encoder cannot start: " + avError(err)
                        + (detail::lastFfmpegMessage().empty() ? "" : " (" + detail::lastFfmpegMessage() + ")"));

    AVStream* stream = avformat_new_stream(fmt.get(), nullptr);
    if (!stream || avcodec_parameters_from_context(stream->codecpar, ctx.get()) < 0)
        throw Error(ErrorKind::Internal, name, "cannot add the audio stream");
    stream->time_base = ctx->time_base;
    const std::string url = "file:" + name;  // never a protocol, whatever the name looks like
    if (int err = avio_open(&fmt->pb, url.c_str(), AVIO_FLAG_WRITE); err < 0)
        throw Error(ErrorKind::NotFound, name, "cannot be created for writing: " + avError(err));
    if (int err = avformat_write_header(fmt.get(), nullptr); err < 0)
        throw Error(ErrorKind::Internal, name, "cannot write the header: " + avError(err));

    // Convert format (and rate if the encoder needs it) in one go; mono has one plane either way.
    SwrContext* swrRaw = nullptr;
    swr_alloc_set_opts2(&swrRaw, &monoLayout, ctx->sample_fmt, rate, &monoLayout, AV_SAMPLE_FMT_FLT, sampleRate, 0, nullptr);
    auto freeSwr = [](SwrContext* s) { swr_free(&s); };
    std::unique_ptr<SwrContext, decltype(freeSwr)> swr(swrRaw, freeSwr);
    if (!swr || swr_init(swr.get()) < 0)
        throw Error(ErrorKind::Internal, name, "cannot set up sample conversion");
    const int bytesPerSample = av_get_bytes_per_sample(ctx->sample_fmt);
    const std::int64_t outCapacity = av_rescale_rnd(std::int64_t(mono.size()), rate, sampleRate, AV_ROUND_UP) + 4096;
    std::vector<std::uint8_t> converted(std::size_t(outCapacity) * std::size_t(bytesPerSample));
    std::uint8_t* outPtr = converted.data();
    const std::uint8_t* inPtr = reinterpret_cast<const std::uint8_t*>(mono.data());
    int total = swr_convert(swr.get(), &outPtr, int(outCapacity), &inPtr, int(mono.size()));
    if (total < 0)
        throw Error(ErrorKind::Internal, name, "sample conversion failed");
    outPtr = converted.data() + std::size_t(total) * std::size_t(bytesPerSample);
    const int tail = swr_convert(swr.get(), &outPtr, int(outCapacity - total), nullptr, 0);
    if (tail > 0)
        total += tail;

    auto freeFrame = [](AVFrame* f) { av_frame_free(&f); };
    std::unique_ptr<AVFrame, decltype(freeFrame)> frame(av_frame_alloc(), freeFrame);
    auto freePacket = [](AVPacket* p) { av_packet_free(&p); };
    std::unique_ptr<AVPacket, decltype(freePacket)> pkt(av_packet_alloc(), freePacket);
    auto drain = [&] {
        while (true) {
            const int err = avcodec_receive_packet(ctx.get(), pkt.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF)
                return;
            if (err < 0)
                throw Error(ErrorKind::Internal, name, "encoding failed: " + avError(err));
            av_packet_rescale_ts(pkt.get(), ctx->time_base, stream->time_base);
            pkt->stream_index = stream->index;
            if (int w = av_interleaved_write_frame(fmt.get(), pkt.get()); w < 0)
                throw Error(ErrorKind::NotFound, name, "write failed: " + avError(w));
        }
    };
    const bool variable = enc->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
    const bool smallLast = enc->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME;
    const int frameSize = ctx->frame_size > 0 && !variable ? ctx->frame_size : 4096;
    for (int pos = 0; pos < total; pos += frameSize) {
        const int n = std::min(frameSize, total - pos);
        const int alloc = (n < frameSize && !smallLast && !variable) ? frameSize : n;  // pad the last frame
        av_frame_unref(frame.get());
        frame->nb_samples = alloc;
        frame->format = ctx->sample_fmt;
        frame->sample_rate = rate;
        av_channel_layout_copy(&frame->ch_layout, &monoLayout);
        if (av_frame_get_buffer(frame.get(), 0) < 0)
            throw Error(ErrorKind::Internal, name, "out of memory");
        std::memset(frame->data[0], 0, std::size_t(alloc) * std::size_t(bytesPerSample));
        std::memcpy(frame->data[0], converted.data() + std::size_t(pos) * std::size_t(bytesPerSample),
                    std::size_t(n) * std::size_t(bytesPerSample));
        frame->pts = pos;
        if (int err = avcodec_send_frame(ctx.get(), frame.get()); err < 0)
            throw Error(ErrorKind::Internal, name, "encoding failed: " + avError(err));
        drain();
    }
    avcodec_send_frame(ctx.get(), nullptr);
    drain();
    if (int err = av_write_trailer(fmt.get()); err < 0)
        throw Error(ErrorKind::NotFound, name, "cannot finish the file: " + avError(err));
}

} // namespace gs
