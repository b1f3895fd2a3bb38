#pragma once
// Help → About: Genrescope's version and the libraries it runs on (name, version, licence),
// from gs::libraryVersions() plus Qt and QCustomPlot, which only the UI links.
#include "core/version.h"

#include <QString>

#include <vector>

class QWidget;

namespace gs::ui {

// Core's rows followed by Qt (qVersion(), the library loaded at run time) and QCustomPlot.
std::vector<LibraryVersion> uiLibraryVersions();
QString aboutText(); // HTML: title, description, the library table
void showAboutDialog(QWidget* parent);

} // namespace gs::ui
