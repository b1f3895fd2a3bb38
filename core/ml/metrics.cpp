#include "core/ml/metrics.h"

#include "core/common/error.h"

#include <algorithm>

namespace gs::ml {

Confusion emptyConfusion(std::size_t classes)
{
    return Confusion(classes, std::vector<long>(classes, 0));
}

Metrics computeMetrics(const Confusion& confusion, const std::vector<std::string>& classes)
{
    const std::size_t k = confusion.size();
    for (const auto& row : confusion)
        if (row.size() != k)
            throw Error(ErrorKind::InvalidArgument, "confusion matrix", "not square");
    if (classes.size() != k)
        throw Error(ErrorKind::InvalidArgument, "confusion matrix", "class names do not match its size");
    Metrics m;
    long total = 0, correct = 0;
    std::vector<long> predicted(k, 0);
    for (std::size_t t = 0; t < k; ++t)
        for (std::size_t p = 0; p < k; ++p) {
            total += confusion[t][p];
            predicted[p] += confusion[t][p];
            if (t == p)
                correct += confusion[t][p];
        }
    m.accuracy = total ? double(correct) / double(total) : 0;
    int occurring = 0;
    for (std::size_t c = 0; c < k; ++c) {
        ClassScores s;
        s.name = classes[c];
        for (long v : confusion[c])
            s.support += v;
        const double tp = double(confusion[c][c]);
        s.precision = predicted[c] ? tp / double(predicted[c]) : 0;
        s.recall = s.support ? tp / double(s.support) : 0;
        s.f1 = (s.precision + s.recall) > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
        if (s.support) {
            ++occurring;
            m.balancedAccuracy += s.recall;
            m.macroF1 += s.f1;
        }
        m.perClass.push_back(s);
    }
    if (occurring) {
        m.balancedAccuracy /= occurring;
        m.macroF1 /= occurring;
    }
    return m;
}

std::vector<std::vector<double>> normalizeRows(const Confusion& confusion)
{
    std::vector<std::vector<double>> out;
    for (const auto& row : confusion) {
        long sum = 0;
        for (long v : row)
            sum += v;
        std::vector<double> r(row.size(), 0.0);
        if (sum)
            for (std::size_t i = 0; i < row.size(); ++i)
                r[i] = double(row[i]) / double(sum);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace gs::ml

namespace gs::ml {

std::vector<long> supports(const Confusion& confusion)
{
    std::vector<long> out;
    for (const auto& row : confusion) {
        long sum = 0;
        for (long v : row)
            sum += v;
        out.push_back(sum);
    }
    return out;
}

std::size_t probabilityRank(const std::vector<double>& probabilities, int label)
{
    if (label < 0 || std::size_t(label) >= probabilities.size())
        return probabilities.size();
    const double p = probabilities[std::size_t(label)];
    std::size_t rank = 0;
    for (std::size_t c = 0; c < probabilities.size(); ++c)
        if (probabilities[c] > p || (probabilities[c] == p && c < std::size_t(label)))
            ++rank;
    return rank;
}

namespace {

void checkSameLength(std::size_t a, std::size_t b, const char* what)
{
    if (a != b)
        throw Error(ErrorKind::InvalidArgument, what, "probabilities and labels differ in length");
}

bool anyInTopK(const std::vector<double>& probabilities, int label, const std::vector<int>& genres, int k)
{
    if (genres.empty())
        return probabilityRank(probabilities, label) < std::size_t(k);
    for (int g : genres)
        if (probabilityRank(probabilities, g) < std::size_t(k))
            return true;
    return false;
}

} // namespace

double topKAccuracy(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& labels, int k)
{
    return anyGenreTopKAccuracy(probabilities, labels, std::vector<std::vector<int>>(labels.size()), k);
}

double anyGenreTopKAccuracy(const std::vector<std::vector<double>>& probabilities, const std::vector<int>& labels,
                            const std::vector<std::vector<int>>& allGenres, int k)
{
    checkSameLength(probabilities.size(), labels.size(), "top-k accuracy");
    checkSameLength(allGenres.size(), labels.size(), "top-k accuracy");
    if (k < 1)
        throw Error(ErrorKind::InvalidArgument, "top-k accuracy", "k must be at least 1");
    if (labels.empty())
        return 0;
    long hits = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        hits += anyInTopK(probabilities[i], labels[i], allGenres[i], k) ? 1 : 0;
    return double(hits) / double(labels.size());
}

Confusion anyGenreConfusion(const std::vector<int>& predicted, const std::vector<int>& labels,
                            const std::vector<std::vector<int>>& allGenres, std::size_t classes)
{
    checkSameLength(predicted.size(), labels.size(), "multi-genre confusion");
    checkSameLength(allGenres.size(), labels.size(), "multi-genre confusion");
    Confusion confusion = emptyConfusion(classes);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int t = labels[i], p = predicted[i];
        if (t < 0 || p < 0 || std::size_t(t) >= classes || std::size_t(p) >= classes)
            throw Error(ErrorKind::InvalidArgument, "multi-genre confusion", "label outside the class list");
        const auto& genres = allGenres[i];
        const bool listed = p == t || std::find(genres.begin(), genres.end(), p) != genres.end();
        ++confusion[std::size_t(t)][std::size_t(listed ? t : p)];
    }
    return confusion;
}

std::vector<int> genresAboveThreshold(const std::vector<double>& probabilities, double threshold)
{
    std::vector<int> order(probabilities.size());
    for (std::size_t c = 0; c < order.size(); ++c)
        order[c] = int(c);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return probabilities[std::size_t(a)] > probabilities[std::size_t(b)]; });
    std::vector<int> out;
    for (int c : order)
        if (out.empty() || probabilities[std::size_t(c)] >= threshold)
            out.push_back(c);
        else
            break;
    return out;
}

} // namespace gs::ml
