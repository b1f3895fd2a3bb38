#include "ui/classify/compare_page.h"

#include "ui/classify/compare_panel.h"
#include "ui/classify/train_panel.h"

#include <QHBoxLayout>
#include <QScrollArea>
#include <QSplitter>

namespace gs::ui {

ComparePage::ComparePage(ClassifySession* session, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    splitter_ = new QSplitter(Qt::Horizontal);
    train_ = new TrainPanel(session);
    // The settings are taller than a small window; they scroll rather than squeeze.
    auto* scroll = new QScrollArea;
    scroll->setWidget(train_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(train_->minimumSizeHint().width() + 20);
    compare_ = new ComparePanel(session);
    splitter_->addWidget(scroll);
    splitter_->addWidget(compare_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setCollapsible(1, false);
    splitter_->setSizes({340, 900});
    layout->addWidget(splitter_);
}

} // namespace gs::ui
