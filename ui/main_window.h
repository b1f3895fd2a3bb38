#pragma once
#include <QMainWindow>

namespace gs::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace gs::ui
