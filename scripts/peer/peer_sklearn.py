#!/usr/bin/python3
"""The classic peer beside our evaluation, on the same songs and the same folds.

The peer is the usual GTZAN baseline: librosa 0.10.2 features (the 57 columns of the
Kaggle "features_30_sec.csv") and scikit-learn's make_pipeline(StandardScaler(),
SVC(C=10, kernel='rbf', gamma='scale')). It is trained and tested on exactly the outer
folds of a `genrescope-cli evaluate ... --report r.json` run (each song in the fold our
report put it in, so groups stay together), and printed fold by fold beside every model
of the report.

    /usr/bin/python3 scripts/peer/peer_sklearn.py r.json --features features_30_sec.csv
    /usr/bin/python3 scripts/peer/peer_sklearn.py r.json --dataset gtzan-dev \\
        --librosa-src /tmp/librosa-0.10.2 [--features-out peer_features.csv] [--jobs 2]

--features: a features CSV in the Kaggle layout (filename,length,<features>,label) or ours
(filename,label,length,<features>[,group]); for the Kaggle protocol this *is* the librosa
feature set. Rows are matched to the report's samples by order of the labelled rows (the
order `evaluate` read them in) or, when the report names its songs, by file name.
--dataset: the songs the report names (a report of a dataset folder) are analysed here with
librosa imported from --librosa-src (a source export of the 0.10.2.post1 tag).

Needs numpy and scikit-learn (Debian: python3-numpy python3-sklearn); --dataset also needs
what librosa imports (scipy, numba, soundfile, audioread, lazy-loader, resampy). Writes a
Markdown table with --markdown and every number with --json-out.
"""
import argparse
import csv
import json
import os
import sys
import types

import numpy as np

PEER = "sklearn SVC(C=10, rbf, gamma=scale) on librosa features"
SAMPLE_RATE = 22050  # librosa.load's default rate, the rate of GTZAN and of the Kaggle CSV

# The Kaggle GTZAN columns, in their order: 17 summary columns then 20 MFCC means/variances.
KAGGLE_COLUMNS = (
    ["chroma_stft_mean", "chroma_stft_var", "rms_mean", "rms_var",
     "spectral_centroid_mean", "spectral_centroid_var", "spectral_bandwidth_mean", "spectral_bandwidth_var",
     "rolloff_mean", "rolloff_var", "zero_crossing_rate_mean", "zero_crossing_rate_var",
     "harmony_mean", "harmony_var", "perceptr_mean", "perceptr_var", "tempo"]
    + [f"mfcc{i}_{stat}" for i in range(1, 21) for stat in ("mean", "var")])


class PeerError(Exception):
    """A clear message for the user; main() prints it and exits with 1."""


# ---- our report -------------------------------------------------------------------------

def read_report(path):
    """classes, protocol, per-sample (fold, truth, song) and per-model predictions."""
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        raise PeerError(f"{path}: cannot read the report ({e})")
    models = report.get("models") or []
    if not models or not models[0].get("predictions"):
        raise PeerError(f"{path}: the report holds no out-of-fold predictions (write it with a newer genrescope)")
    first = sorted(models[0]["predictions"], key=lambda p: p["sample"])
    samples = [{"fold": p["fold"], "truth": p["truth"], "song": p.get("song", "")} for p in first]
    if [p["sample"] for p in first] != list(range(len(first))):
        raise PeerError(f"{path}: predictions are not one per sample 0..n-1")
    for m in models[1:]:
        folds = [p["fold"] for p in sorted(m["predictions"], key=lambda p: p["sample"])]
        if folds != [s["fold"] for s in samples]:
            raise PeerError(f"{path}: models {models[0]['name']} and {m['name']} were not run on the same folds")
    return report["classes"], report.get("protocol", {}), samples, models


def fold_accuracies(folds, correct):
    """Accuracy of each fold 0..K-1 from per-sample folds and hits."""
    folds = np.asarray(folds)
    correct = np.asarray(correct, dtype=float)
    return [float(np.mean(correct[folds == k])) for k in range(int(folds.max()) + 1)]


def ours_by_model(models):
    """model name -> per-fold accuracy, counted from its out-of-fold predictions."""
    out = {}
    for m in models:
        preds = sorted(m["predictions"], key=lambda p: p["sample"])
        out[m["name"]] = fold_accuracies([p["fold"] for p in preds], [p["predicted"] == p["truth"] for p in preds])
    return out


# ---- features from a CSV ----------------------------------------------------------------

def read_feature_csv(path):
    """(file names, labels, matrix) of the labelled rows, in file order, either layout."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise PeerError(f"{path}: empty file")
    header = rows[0]
    if header[:3] == ["filename", "label", "length"]:      # ours
        has_group = header[-1] == "group"
        first, end, label_of = 3, len(header) - (1 if has_group else 0), (lambda r: r[1])
    elif header[:2] == ["filename", "length"] and header[-1] == "label":  # Kaggle
        first, end, label_of = 2, len(header) - 1, (lambda r: r[-1])
    else:
        raise PeerError(f"{path}: unrecognised header (expected ours 'filename,label,length,...' "
                        "or Kaggle 'filename,length,...,label')")
    files, labels, values = [], [], []
    for line, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            raise PeerError(f"{path}:{line}: {len(r)} fields where the header has {len(header)}")
        if not label_of(r):
            continue  # evaluate leaves unlabelled rows out, so do we
        files.append(r[0])
        labels.append(label_of(r))
        try:
            values.append([float(v) for v in r[first:end]])
        except ValueError as e:
            raise PeerError(f"{path}:{line}: {e}")
    return files, labels, np.asarray(values, dtype=np.float64)


def match_rows(files, samples, path):
    """Row index of each report sample: by song file name when the report names songs and
    the names are unique, else by order (evaluate numbers the labelled rows in file order)."""
    if len(files) != len(samples):
        raise PeerError(f"{path}: {len(files)} labelled rows, the report has {len(samples)} songs")
    if all(s["song"] for s in samples):
        by_name = {}
        for i, f in enumerate(files):
            by_name.setdefault(os.path.basename(f), []).append(i)
        if all(len(v) == 1 for v in by_name.values()):
            try:
                return [by_name[os.path.basename(s["song"])][0] for s in samples]
            except KeyError as e:
                raise PeerError(f"{path}: no row for song {e}")
    return list(range(len(samples)))


# ---- features computed with librosa -----------------------------------------------------

def import_librosa(source):
    """librosa from a source tree. librosa 0.10 imports soxr at start-up; Debian has no
    soxr, and we never resample with it (GTZAN is 22050 Hz; other rates go through
    resampy), so a stand-in that refuses to work is enough."""
    sys.path.insert(0, os.path.abspath(source))
    try:
        import soxr  # noqa: F401
    except ImportError:
        stub = types.ModuleType("soxr")

        def refuse(*args, **kwargs):
            raise RuntimeError("soxr is not installed: resample with res_type='kaiser_best' (resampy)")
        stub.resample = refuse
        sys.modules["soxr"] = stub
    import librosa
    if not librosa.__version__.startswith("0.10.2"):
        print(f"warning: librosa {librosa.__version__} from {librosa.__file__}, not 0.10.2", file=sys.stderr)
    return librosa


def mean_var(x):
    """Mean and population variance accumulated in float64 (the columns' definition)."""
    x = np.asarray(x, dtype=np.float64)
    return float(np.mean(x)), float(np.var(x))


def librosa_features(librosa, path):
    """The 57 Kaggle columns of one song with librosa's defaults (n_fft 2048, hop 512,
    20 MFCCs, zero-padded centred frames), as the Kaggle notebook computed them: mean and
    variance over frames of each feature, of the HPSS harmonic / percussive waveforms,
    and beat_track's tempo."""
    y, sr = librosa.load(path, sr=SAMPLE_RATE, mono=True, res_type="kaiser_best")
    v = {}
    v["chroma_stft_mean"], v["chroma_stft_var"] = mean_var(librosa.feature.chroma_stft(y=y, sr=sr))
    v["rms_mean"], v["rms_var"] = mean_var(librosa.feature.rms(y=y))
    v["spectral_centroid_mean"], v["spectral_centroid_var"] = mean_var(librosa.feature.spectral_centroid(y=y, sr=sr))
    v["spectral_bandwidth_mean"], v["spectral_bandwidth_var"] = mean_var(
        librosa.feature.spectral_bandwidth(y=y, sr=sr))
    v["rolloff_mean"], v["rolloff_var"] = mean_var(librosa.feature.spectral_rolloff(y=y, sr=sr))
    v["zero_crossing_rate_mean"], v["zero_crossing_rate_var"] = mean_var(librosa.feature.zero_crossing_rate(y))
    harmonic, percussive = librosa.effects.hpss(y)
    v["harmony_mean"], v["harmony_var"] = mean_var(harmonic)
    v["perceptr_mean"], v["perceptr_var"] = mean_var(percussive)
    tempo, _ = librosa.beat.beat_track(y=y, sr=sr)
    v["tempo"] = float(np.asarray(tempo).reshape(-1)[0])
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=20)
    for i in range(20):
        v[f"mfcc{i + 1}_mean"], v[f"mfcc{i + 1}_var"] = mean_var(mfcc[i])
    return len(y), [v[c] for c in KAGGLE_COLUMNS]


_LIBROSA = None


def _init_worker(source):
    global _LIBROSA
    _LIBROSA = import_librosa(source)


def _analyse(path):
    try:
        return path, librosa_features(_LIBROSA, path), None
    except Exception as e:  # one bad song: reported with its name, the run stops below
        return path, None, f"{type(e).__name__}: {e}"


def compute_features(songs, source, jobs):
    """Features of every song (in order), on `jobs` processes."""
    missing = [s for s in songs if not s]
    if missing:
        raise PeerError("the report does not name its songs: evaluate a dataset folder with a genrescope that "
                        "writes 'song' in its predictions, or pass --features")
    results = {}
    if jobs <= 1:
        _init_worker(source)
        iterator = map(_analyse, songs)
    else:
        import multiprocessing
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker, initargs=(source,))
        iterator = pool.imap(_analyse, songs, chunksize=1)
    for n, (path, out, error) in enumerate(iterator, start=1):
        if error:
            raise PeerError(f"{path}: {error}")
        results[path] = out
        print(f"\rlibrosa features {n}/{len(songs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    lengths = [results[s][0] for s in songs]
    return lengths, np.asarray([results[s][1] for s in songs], dtype=np.float64)


def write_feature_csv(path, songs, labels, lengths, x):
    """Kaggle layout, so that --features reads it back (and so does `evaluate`)."""
    tmp = path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["filename", "length"] + KAGGLE_COLUMNS + ["label"])
        for song, label, length, row in zip(songs, labels, lengths, x):
            w.writerow([song, length] + [repr(float(v)) for v in row] + [label])
    os.replace(tmp, path)


# ---- the peer on our folds --------------------------------------------------------------

def peer_fold_accuracies(x, y, folds, C=10.0):
    """make_pipeline(StandardScaler(), SVC(C, rbf, gamma='scale')) per outer fold: fitted on
    the other folds, scored on this one. Deterministic (SVC without probabilities)."""
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    folds = np.asarray(folds)
    y = np.asarray(y)
    out = []
    for k in range(int(folds.max()) + 1):
        test = folds == k
        model = make_pipeline(StandardScaler(), SVC(C=C, kernel="rbf", gamma="scale"))
        model.fit(x[~test], y[~test])
        out.append(float(np.mean(model.predict(x[test]) == y[test])))
    return out


def summary(values):
    """Mean and population standard deviation (numpy's default, as our report)."""
    return float(np.mean(values)), float(np.std(values))


def format_table(columns, fold_sizes, markdown):
    """columns: [(name, per-fold accuracies)]; rows = folds, then mean ± std."""
    names = ["fold", "songs"] + [name for name, _ in columns]
    rows = [[str(k + 1), str(n)] + [f"{100 * acc[k]:.2f}" for _, acc in columns] for k, n in enumerate(fold_sizes)]
    rows.append(["mean ± std", str(sum(fold_sizes))] +
                ["{:.2f} ± {:.2f}".format(*(100 * v for v in summary(acc))) for _, acc in columns])
    if markdown:
        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(r[i]) for r in rows + [names]) for i in range(len(names))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in [names] + rows) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", help="JSON report of `genrescope-cli evaluate ... --report r.json`")
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--features", help="features CSV (Kaggle layout or ours) for the peer")
    source.add_argument("--dataset", help="compute librosa features of the report's songs (needs --librosa-src)")
    ap.add_argument("--librosa-src", help="librosa source tree (0.10.2.post1) to import")
    ap.add_argument("--features-out", help="with --dataset: keep the computed features as a Kaggle-layout CSV")
    ap.add_argument("--jobs", type=int, default=1, help="processes computing librosa features (default 1)")
    ap.add_argument("--C", type=float, default=10.0, help="the peer SVC's C (default 10)")
    ap.add_argument("--markdown", help="write the table as Markdown to this file")
    ap.add_argument("--json-out", help="write folds and per-fold accuracies as JSON to this file")
    args = ap.parse_args(argv)

    classes, protocol, samples, models = read_report(args.report)
    truth_names = [classes[s["truth"]] for s in samples]
    if args.features:
        files, labels, x = read_feature_csv(args.features)
        order = match_rows(files, samples, args.features)
        x, labels = x[order], [labels[i] for i in order]
        source_text = f"features {args.features}"
    else:
        if not args.librosa_src:
            raise PeerError("--dataset needs --librosa-src (a librosa 0.10.2 source tree)")
        songs = [s["song"] for s in samples]
        lengths, x = compute_features(songs, args.librosa_src, args.jobs)
        labels = [os.path.basename(os.path.dirname(s)) for s in songs]
        if args.features_out:
            write_feature_csv(args.features_out, songs, labels, lengths, x)
        source_text = f"librosa features of {len(songs)} songs computed from {args.dataset}"
    wrong = [i for i, (a, b) in enumerate(zip(labels, truth_names)) if a != b]
    if wrong:
        i = wrong[0]
        raise PeerError(f"{len(wrong)} songs have another genre in the features than in the report "
                        f"(first: sample {i}, '{labels[i]}' vs '{truth_names[i]}'): not the same songs")
    if not np.all(np.isfinite(x)):
        raise PeerError("the peer's features contain NaN or infinity")

    folds = [s["fold"] for s in samples]
    peer = peer_fold_accuracies(x, labels, folds, args.C)
    ours = ours_by_model(models)
    fold_sizes = [folds.count(k) for k in range(len(peer))]
    columns = [("peer (sklearn SVC)", peer)] + [(f"ours: {name}", acc) for name, acc in ours.items()]
    header = (f"{len(samples)} songs, {len(classes)} genres, {len(peer)} folds from {args.report} "
              f"(seed {protocol.get('seed')}, grouping {protocol.get('grouping') or 'n/a'}); "
              f"peer = {PEER} (C={args.C:g}); {source_text}\n")
    print(header + format_table(columns, fold_sizes, markdown=False), end="")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(header + "\n" + format_table(columns, fold_sizes, markdown=True))
    if args.json_out:
        mean, std = summary(peer)
        out = {"folds": folds, "fold_sizes": fold_sizes,
               "peer": {"name": PEER, "C": args.C, "fold_accuracy": peer, "mean": mean, "std": std},
               "ours": {name: {"fold_accuracy": acc, "mean": summary(acc)[0], "std": summary(acc)[1]}
                        for name, acc in ours.items()}}
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except PeerError as e:
        print(f"peer_sklearn: {e}", file=sys.stderr)
        sys.exit(1)
