#include "core/ml/metrics.h"

#include "core/common/error.h"

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
