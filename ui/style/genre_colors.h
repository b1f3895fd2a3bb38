#pragma once
// One colour per genre, the same in the table, every chart and the legend.
#include <QColor>

namespace gs::ui {

// Colour of the i-th genre in sorted order (Tableau 10, then darker repeats).
QColor genreColor(int index);

} // namespace gs::ui
