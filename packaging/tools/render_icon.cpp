// Renders the application's SVG icon to a square PNG of a given size, for the hicolor icon
// theme (share/icons/hicolor/NxN/apps). Build-time tool only: not installed.
//
//   render_icon INPUT.svg OUTPUT.png SIZE
//
// Uses QSvgRenderer on an offscreen QImage, so it needs no display and no QApplication
// (QGuiApplication is not required for raster painting of SVG).
#include <QtCore/QString>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtSvg/QSvgRenderer>

#include <cstdio>
#include <cstdlib>

namespace {

int fail(const char* file, const char* reason)
{
    std::fprintf(stderr, "render_icon: %s: %s\n", file, reason);
    return 1;
}

// Scales the SVG's view box onto SIZE x SIZE pixels with antialiasing on a transparent
// background; the icon is square, so no aspect handling is needed.
QImage render(QSvgRenderer& svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: render_icon INPUT.svg OUTPUT.png SIZE\n");
        return 2;
    }
    const int size = std::atoi(argv[3]);
    if (size < 1 || size > 4096)
        return fail(argv[3], "size must be between 1 and 4096 pixels");
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid())
        return fail(argv[1], "not a readable SVG file");
    if (!render(svg, size).save(QString::fromLocal8Bit(argv[2]), "PNG"))
        return fail(argv[2], "could not write the PNG");
    return 0;
}
