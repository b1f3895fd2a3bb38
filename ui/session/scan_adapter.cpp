#include "ui/session/scan_adapter.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace gs::ui {

std::vector<ScannedFile> scanSongFiles(const std::filesystem::path& root)
{
    static const QStringList patterns = {
        QStringLiteral("*.wav"), QStringLiteral("*.mp3"), QStringLiteral("*.flac"), QStringLiteral("*.ogg"),
        QStringLiteral("*.oga"), QStringLiteral("*.opus"), QStringLiteral("*.m4a"), QStringLiteral("*.aac"),
        QStringLiteral("*.wma"), QStringLiteral("*.aif"), QStringLiteral("*.aiff"), QStringLiteral("*.au")};
    const QString rootText = QString::fromStdString(root.string());
    const QDir rootDir(rootText);
    std::vector<ScannedFile> out;
    QDirIterator it(rootText, patterns, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        ScannedFile f;
        f.path = QDir::cleanPath(info.absoluteFilePath()).toStdString();
        const QString relative = rootDir.relativeFilePath(info.absoluteFilePath());
        f.relativePath = relative.toStdString();
        const auto slash = relative.indexOf(QLatin1Char('/'));
        if (slash > 0)
            f.label = relative.left(slash).toStdString();
        f.size = info.size();
        f.modifiedMs = info.lastModified().toMSecsSinceEpoch();
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.relativePath < b.relativePath; });
    return out;
}

} // namespace gs::ui

#include "core/common/error.h"

namespace gs::ui {

void ensureDemoDataset(const std::filesystem::path& folder)
{
    // Wired to the core's demo generator (core/dataset/demo.h) once it is on main.
    throw Error(ErrorKind::Internal, folder.string(), "the demo generator is not built into this version");
}

} // namespace gs::ui
