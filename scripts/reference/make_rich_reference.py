#!/usr/bin/env python3
"""Golden values for the rich feature schema (core/features/rich_features.h), from librosa.

Our own script: it calls librosa 0.10.2 (and scipy) the way the C++ code claims to match
them and writes one row per file to tests/data/rich-reference/features_rich.csv:
filename (relative to the shared folder), sr, length, then the rich columns in the C++
order (the names are rebuilt here from the same descriptor list and checked against the
header the C++ test expects). Values are Python repr of float64 (exact round trip);
"nan" where scipy gives NaN (skew/kurtosis of a constant row: the C++ code gives 0 there)
or where librosa refuses the input (delta of fewer than 9 frames).

Usage (librosa 0.10.2 is not installed system-wide: point LIBROSA_SRC at a source tree,
e.g. `git --git-dir=<mirror> archive 0.10.2.post1 | tar -x -C /tmp/librosa`):

    LIBROSA_SRC=/tmp/librosa /usr/bin/python3 scripts/reference/make_rich_reference.py \
        /work/shared tests/data/rich-reference/features_rich.csv

Files: every WAV of reference/signals and the first two clips of each genre of
datasets/gtzan-dev (20 clips), loaded with librosa.load(sr=None, mono=True) (soxr is not
available, so nothing is resampled; a stub module satisfies librosa's import).
"""
import csv
import os
import sys
import types
import warnings

if os.environ.get("LIBROSA_SRC"):
    sys.path.insert(0, os.environ["LIBROSA_SRC"])
sys.modules.setdefault("soxr", types.ModuleType("soxr"))  # never called: sr=None everywhere

import numpy as np  # noqa: E402
import scipy.ndimage  # noqa: E402
import scipy.stats  # noqa: E402
import librosa  # noqa: E402

STATS = ["mean", "std", "skew", "kurtosis", "median", "min", "max"]
# (name, rows) in the C++ column order (rich_features.cpp, richDescriptors()).
DESCRIPTORS = [("mfcc", 20), ("mfcc_delta", 20), ("chroma_stft", 12), ("chroma_cens", 12),
               ("tonnetz", 6), ("spectral_contrast", 7), ("spectral_centroid", 1),
               ("spectral_bandwidth", 1), ("spectral_rolloff", 1), ("spectral_flatness", 1),
               ("zero_crossing_rate", 1), ("rms", 1), ("onset_strength", 1), ("tempogram_ratio", 13)]


def column_names():
    names = []
    for name, rows in DESCRIPTORS:
        for r in range(1, rows + 1):
            for stat in STATS:
                names.append(f"{name}{r if rows > 1 else ''}_{stat}")
    return names + ["tempo"]


def cens_from_chroma(chroma, win_len_smooth=41):
    """librosa 0.10.2 feature.chroma_cens after its chroma_cqt call, line for line, applied
    to an STFT chroma (chroma_cens itself only takes a CQT)."""
    chroma = librosa.util.normalize(chroma, norm=1, axis=-2)
    chroma_quant = np.zeros_like(chroma)
    for step, weight in zip([0.4, 0.2, 0.1, 0.05], [0.25, 0.25, 0.25, 0.25]):
        chroma_quant += (chroma > step) * weight
    win = librosa.filters.get_window("hann", win_len_smooth + 2, fftbins=False)
    win /= np.sum(win)
    win = librosa.util.expand_to(win, ndim=chroma_quant.ndim, axes=-1)
    cens = scipy.ndimage.convolve(chroma_quant, win, mode="constant")
    return librosa.util.normalize(cens, norm=2, axis=-2)


def descriptors(y, sr):
    """Per-frame matrices (rows x frames) in DESCRIPTORS order, and the tempo."""
    mfcc = librosa.feature.mfcc(y=y, sr=sr)
    try:
        delta = librosa.feature.delta(mfcc, width=9, order=1, mode="interp")
    except librosa.util.exceptions.ParameterError:  # fewer than 9 frames
        delta = None
    chroma = librosa.feature.chroma_stft(y=y, sr=sr)
    blocks = [
        mfcc,
        delta,
        chroma,
        cens_from_chroma(chroma),
        librosa.feature.tonnetz(y=y, sr=sr, chroma=chroma),
        librosa.feature.spectral_contrast(y=y, sr=sr),
        librosa.feature.spectral_centroid(y=y, sr=sr),
        librosa.feature.spectral_bandwidth(y=y, sr=sr),
        librosa.feature.spectral_rolloff(y=y, sr=sr),
        librosa.feature.spectral_flatness(y=y),
        librosa.feature.zero_crossing_rate(y),
        librosa.feature.rms(y=y),
        librosa.onset.onset_strength(y=y, sr=sr)[np.newaxis, :],
        librosa.feature.tempogram_ratio(y=y, sr=sr),
    ]
    tempo = float(np.asarray(librosa.beat.beat_track(y=y, sr=sr)[0]).item())
    return blocks, tempo


def statistics(row):
    """FMA's seven statistics of one row, in float64 (scipy defaults: biased skew, Fisher kurtosis)."""
    x = np.asarray(row, dtype=np.float64)
    return [np.mean(x), np.std(x), scipy.stats.skew(x), scipy.stats.kurtosis(x),
            np.median(x), np.min(x), np.max(x)]


def rich_row(y, sr):
    blocks, tempo = descriptors(y, sr)
    values = []
    for (name, rows), block in zip(DESCRIPTORS, blocks):
        if block is None:
            values += [float("nan")] * rows * len(STATS)
            continue
        assert block.shape[0] == rows, (name, block.shape)
        for r in range(rows):
            values += [float(v) for v in statistics(block[r])]
    values.append(tempo)
    return values


def files(shared):
    signals = os.path.join(shared, "reference", "signals")
    out = [os.path.join("reference", "signals", f) for f in sorted(os.listdir(signals)) if f.endswith(".wav")]
    gtzan = os.path.join(shared, "datasets", "gtzan-dev")
    for genre in sorted(os.listdir(gtzan)):
        clips = sorted(f for f in os.listdir(os.path.join(gtzan, genre)) if f.endswith(".wav"))
        out += [os.path.join("datasets", "gtzan-dev", genre, f) for f in clips[:2]]
    return out


def main():
    shared, target = sys.argv[1], sys.argv[2]
    assert librosa.__version__.startswith("0.10.2"), librosa.__version__
    names = column_names()
    assert len(names) == 680, len(names)
    rows = []
    for rel in files(shared):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # empty-frequency / silent-input warnings
            y, sr = librosa.load(os.path.join(shared, rel), sr=None, mono=True)
            values = rich_row(y, sr)
        rows.append([rel, str(sr), str(len(y))] + [repr(v) for v in values])
        print(rel, file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["filename", "sr", "length"] + names)
        w.writerows(rows)


if __name__ == "__main__":
    main()
