#include "ui/panels/problems_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs::ui {

ProblemsPanel::ProblemsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel;
    layout->addWidget(summary_);
    list_ = new QTreeWidget;
    list_->setHeaderLabels({tr("File"), tr("Reason")});
    list_->setRootIsDecorated(false);
    list_->setAlternatingRowColors(true);
    list_->setSortingEnabled(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(true);
    layout->addWidget(list_, 1);
    connect(list_, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { emit fileActivated(item->text(0)); });
    clear();
}

int ProblemsPanel::count() const { return list_->topLevelItemCount(); }
QString ProblemsPanel::fileAt(int row) const { return list_->topLevelItem(row)->text(0); }
QString ProblemsPanel::reasonAt(int row) const { return list_->topLevelItem(row)->text(1); }

void ProblemsPanel::clear()
{
    list_->clear();
    summary_->setText(tr("No problems: every file found so far could be read."));
    emit countChanged(0);
}

void ProblemsPanel::addProblem(const QString& file, const QString& reason)
{
    auto* item = new QTreeWidgetItem({file, reason});
    item->setToolTip(1, reason);
    item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    list_->addTopLevelItem(item);
    summary_->setText(tr("%n file(s) could not be analysed. The other songs are not affected.", nullptr, count()));
    emit countChanged(count());
}

} // namespace gs::ui
