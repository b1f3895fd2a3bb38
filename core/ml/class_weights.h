#pragma once
// Class weights for imbalanced training sets: one rule for every model that supports them
// (knn, svm-linear, svm-rbf, krr, mlp, cnn), declared once as the `class_weight`
// hyper-parameter.
//
//   class_weight = 0  none: every song counts once (the models' behaviour before weights existed)
//                  1  balanced: w_c = n / (k * n_c), sklearn's compute_class_weight("balanced")
//                     (n songs, k classes present in the training set, n_c songs of class c);
//                     each class then weighs n / k in total
//                  2  auto (default): balanced when the training set is imbalanced, i.e. its
//                     largest class has at least kImbalanceRatio times the songs of its smallest,
//                     none otherwise. A balanced set (GTZAN: 100 per genre, and its stratified
//                     folds) therefore trains exactly as without weights; a real collection with
//                     300 rock songs and 20 jazz songs gets balanced weights.
#include "core/common/parameter.h"

#include <vector>

namespace gs::ml {

enum class ClassWeightMode { None = 0, Balanced = 1, Auto = 2 };

// Largest / smallest class (present classes only) at or above which a set is "imbalanced":
// auto weights switch on, and reports put balanced accuracy and macro-F1 first.
inline constexpr double kImbalanceRatio = 1.5;

// The `class_weight` hyper-parameter every weighted model declares (default 2 = auto).
ParameterSpec classWeightSpec();
// The hyper-parameter's value as a mode (rounded; unknown values throw InvalidArgument).
ClassWeightMode classWeightMode(double value);

// Songs per class, for labels in [0, classes); labels outside are ignored.
std::vector<long> classCounts(const std::vector<int>& labels, int classes);
// largest / smallest over the classes with at least one song (1 when fewer than two classes).
double imbalanceRatio(const std::vector<long>& counts);
bool isImbalanced(const std::vector<long>& counts);

// w_c = n / (k * n_c) over the present classes; 0 for absent classes.
std::vector<double> balancedClassWeights(const std::vector<long>& counts);
// The weights a model trains with: all 1 for none (and for auto on a balanced set), the balanced
// weights otherwise. Absent classes get 0 under balanced weights, 1 otherwise (never used).
std::vector<double> trainingClassWeights(ClassWeightMode mode, const std::vector<int>& labels, int classes);
// True when every weight of present classes is 1: the model may take its unweighted path.
bool allWeightsOne(const std::vector<double>& weights);

} // namespace gs::ml
