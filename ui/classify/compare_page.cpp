#include "ui/classify/compare_page.h"

#include "ui/classify/compare_panel.h"
#include "ui/classify/train_panel.h"

#include <QHBoxLayout>
#include <QSplitter>

namespace gs::ui {

ComparePage::ComparePage(ClassifySession* session, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    splitter_ = new QSplitter(Qt::Horizontal);
    train_ = new TrainPanel(session); // scrolls its own settings
    compare_ = new ComparePanel(session);
    splitter_->addWidget(train_);
    splitter_->addWidget(compare_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setCollapsible(1, false);
    splitter_->setSizes({360, 920});
    layout->addWidget(splitter_);
}

} // namespace gs::ui
