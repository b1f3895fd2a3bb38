#pragma once
// Writing compressed audio through libavcodec (FLAC, Ogg Vorbis, Ogg Opus, MP3, AAC/M4A),
// bit-exact mode so the same samples always give the same bytes. FFmpeg stays in encode.cpp.
#include <filesystem>
#include <span>
#include <string>

namespace gs {

enum class AudioCodec { Flac, Vorbis, Opus, Mp3, Aac };

const char* fileExtension(AudioCodec codec);  // ".flac", ".ogg", ".opus", ".mp3", ".m4a"
bool encoderAvailable(AudioCodec codec);      // this FFmpeg build has the encoder

// Mono samples at sampleRate → file. Rates the encoder cannot take (Opus: 48 kHz only)
// are converted. bitRate 0 = a sensible default (lossy codecs ~160 kb/s).
// Throws gs::Error(InvalidArgument) for unusable input, Internal when the encoder fails,
// NotFound when the file cannot be written.
void encodeAudioFile(const std::filesystem::path& file, std::span<const float> mono, int sampleRate, AudioCodec codec,
                     int bitRate = 0);

} // namespace gs
