#include "ui/about/about_dialog.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QMessageBox>
#include <QWidget>
#include <QtGlobal>

namespace gs::ui {

std::vector<LibraryVersion> uiLibraryVersions()
{
    std::vector<LibraryVersion> rows = {
        {"Qt", qVersion(), "LGPL-3.0-only (or GPL / commercial)"},
        {"QCustomPlot", QCUSTOMPLOT_VERSION_STR, "GPL-3.0-or-later (or commercial)"},
    };
    const auto core = libraryVersions();
    rows.insert(rows.end(), core.begin(), core.end());
    return rows;
}

QString aboutText()
{
    const auto tr = [](const char* s) { return QCoreApplication::translate("gs::ui::About", s); };
    QString html = tr("<h3>Genrescope %1</h3><p>Explore a music collection by genre: waveforms, mel "
                      "spectrograms, per-genre statistics and duplicate detection; compare classifiers "
                      "and classify songs.</p>")
                       .arg(QStringLiteral(GENRESCOPE_VERSION));
    html += QStringLiteral("<p><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"3\">").arg(tr("Built on"));
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(tr("Library"), tr("Version"), tr("Licence"));
    for (const auto& lib : uiLibraryVersions())
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(QString::fromStdString(lib.name).toHtmlEscaped(),
                         QString::fromStdString(lib.version).toHtmlEscaped(),
                         QString::fromStdString(lib.licence).toHtmlEscaped());
    html += QStringLiteral("</table>");
    return html;
}

void showAboutDialog(QWidget* parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("gs::ui::About", "About Genrescope"), aboutText());
}

} // namespace gs::ui
