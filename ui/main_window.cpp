#include "ui/main_window.h"

namespace gs::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Genrescope"));
    resize(1280, 800);
}

} // namespace gs::ui
