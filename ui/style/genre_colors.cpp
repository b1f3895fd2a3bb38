#include "ui/style/genre_colors.h"

#include <array>

namespace gs::ui {

QColor genreColor(int index)
{
    static constexpr std::array<QRgb, 10> tableau = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                                     0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    if (index < 0)
        return QColor(0x80, 0x80, 0x80);
    const QColor base = QColor::fromRgb(tableau[std::size_t(index) % tableau.size()]);
    return index < int(tableau.size()) ? base : base.darker(100 + 30 * (index / int(tableau.size())));
}

} // namespace gs::ui
