#pragma once
// Classification metrics from a confusion matrix (rows = true genre, columns = predicted).
#include <string>
#include <vector>

namespace gs::ml {

using Confusion = std::vector<std::vector<long>>;

struct ClassScores {
    std::string name;
    double precision = 0; // 0 when the class was never predicted
    double recall = 0;    // 0 when the class never occurs
    double f1 = 0;
    long support = 0;     // true samples of the class
};

struct Metrics {
    double accuracy = 0;
    double balancedAccuracy = 0; // mean recall over classes that occur
    double macroF1 = 0;          // mean F1 over classes that occur
    std::vector<ClassScores> perClass;
};

Confusion emptyConfusion(std::size_t classes);
Metrics computeMetrics(const Confusion& confusion, const std::vector<std::string>& classes);
// Each row divided by its sum (rows with no samples stay 0).
std::vector<std::vector<double>> normalizeRows(const Confusion& confusion);

// ---- imbalanced and multi-genre collections ------------------------------------------------

// Songs per class: the row sums of a confusion matrix.
std::vector<long> supports(const Confusion& confusion);

// Rank (0 = first) of class `label` when the classes are sorted by descending probability, ties
// broken by class index (as a stable sort would); probabilities.size() when label is out of range.
std::size_t probabilityRank(const std::vector<double>& probabilities, int label);

// Share of songs whose true genre is among the k most probable (sklearn top_k_accuracy_score;
// ties broken by class index). k = 1 is plain accuracy. 0 when there are no songs.
double topKAccuracy(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& labels, int k);

// Songs that carry several genres (FMA genres_all; Sample::genres as class indices): the song counts as a hit
// when any of its genres is among the k most probable. allGenres[i] empty = just labels[i].
double anyGenreTopKAccuracy(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& labels,
                            const std::vector<std::vector<int>>& allGenres, int k);

// A confusion matrix in which a prediction of any of the song's genres counts as correct: it is
// tallied on the diagonal of the song's main genre (labels[i]); other predictions as usual.
// computeMetrics() on it gives per-genre F1, balanced accuracy and macro-F1 "by any listed genre".
Confusion anyGenreConfusion(const std::vector<int>& predicted, const std::vector<int>& labels,
                            const std::vector<std::vector<int>>& allGenres, std::size_t classes);

// Classification that may return several genres: every class whose probability is >= threshold,
// most probable first, and always at least the most probable one (ties by class index).
std::vector<int> genresAboveThreshold(const std::vector<double>& probabilities, double threshold);

} // namespace gs::ml
