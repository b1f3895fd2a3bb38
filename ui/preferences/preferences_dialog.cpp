#include "ui/preferences/preferences_dialog.h"

#include "core/common/parameter.h"
#include "ui/views/spectrogram_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// The same ranges as the spectrogram view's toolbar (spectrogram_view.cpp), inside the specs.
QSpinBox* melSpin(const char* name, int minimum, int maximum)
{
    const auto& spec = findSpec(MelOptions::specs(), name);
    auto* box = new QSpinBox;
    box->setRange(std::max(minimum, int(spec.minimum)), std::min(maximum, int(spec.maximum)));
    box->setToolTip(QString::fromStdString(spec.description));
    return box;
}

} // namespace

PreferencesDialog::PreferencesDialog(const AppPreferences& initial, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildGeneralGroup());
    layout->addWidget(buildSpectrogramGroup());
    layout->addWidget(buildModelsGroup());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        // Defaults for everything but the language and appearance, which need a restart.
        const AppPreferences shown = preferences();
        AppPreferences defaults;
        defaults.language = shown.language;
        defaults.appearance = shown.appearance;
        setPreferences(defaults);
    });
    layout->addWidget(buttons);
    setPreferences(initial);
}

QWidget* PreferencesDialog::buildGeneralGroup()
{
    auto* group = new QGroupBox(tr("General"));
    auto* form = new QFormLayout(group);
    language_ = new QComboBox;
    for (const auto& code : languageCodes())
        language_->addItem(code.isEmpty() ? tr("System") : languageName(code), code);
    form->addRow(tr("&Language:"), language_);
    appearance_ = new QComboBox;
    appearance_->addItem(tr("System"), appearanceKey(Appearance::System));
    appearance_->addItem(tr("Light"), appearanceKey(Appearance::Light));
    appearance_->addItem(tr("Dark"), appearanceKey(Appearance::Dark));
    form->addRow(tr("&Appearance:"), appearance_);
    auto* note = new QLabel(tr("Language and appearance change the next time Genrescope starts."));
    note->setWordWrap(true);
    note->setEnabled(false); // the palette's secondary text colour, readable on light and dark
    form->addRow(note);
    clearRecent_ = new QPushButton(tr("&Clear Recent Folders"));
    clearRecent_->setEnabled(!recentFolders().isEmpty());
    connect(clearRecent_, &QPushButton::clicked, this, [this] {
        emit clearRecentFoldersRequested();
        clearRecent_->setEnabled(false);
    });
    form->addRow(tr("Recent folders:"), clearRecent_);
    return group;
}

QWidget* PreferencesDialog::buildSpectrogramGroup()
{
    auto* group = new QGroupBox(tr("Spectrogram defaults"));
    auto* form = new QFormLayout(group);
    fft_ = new QComboBox;
    const auto& nfft = findSpec(MelOptions::specs(), "n_fft");
    for (int n = 256; n <= 8192; n *= 2)
        if (n >= nfft.minimum && n <= nfft.maximum)
            fft_->addItem(QString::number(n), n);
    fft_->setToolTip(QString::fromStdString(nfft.description));
    form->addRow(tr("&FFT size:"), fft_);
    hop_ = melSpin("hop", 32, 8192);
    form->addRow(tr("&Hop:"), hop_);
    mels_ = melSpin("n_mels", 1, 512);
    form->addRow(tr("&Mel bands:"), mels_);
    dbRange_ = melSpin("top_db", 10, 1000);
    dbRange_->setSuffix(tr(" dB"));
    form->addRow(tr("&dB range:"), dbRange_);
    colorMap_ = new QComboBox;
    colorMap_->addItems(SpectrogramView::colorMapNames());
    form->addRow(tr("C&olour map:"), colorMap_);
    return group;
}

QWidget* PreferencesDialog::buildModelsGroup()
{
    auto* group = new QGroupBox(tr("Models"));
    auto* form = new QFormLayout(group);
    reopenModel_ = new QCheckBox(tr("&Re-open the last model file on start"));
    form->addRow(reopenModel_);
    folds_ = new QSpinBox;
    folds_->setRange(2, 100);
    folds_->setToolTip(tr("Cross-validation folds the Compare Models page starts with"));
    form->addRow(tr("Default f&olds:"), folds_);
    return group;
}

AppPreferences PreferencesDialog::preferences() const
{
    AppPreferences p;
    p.language = language_->currentData().toString();
    p.appearance = appearanceFromKey(appearance_->currentData().toString());
    p.mel.nFft = fft_->currentData().toInt();
    p.mel.hop = hop_->value();
    p.mel.nMels = mels_->value();
    p.mel.topDb = dbRange_->value();
    p.colorMap = colorMap_->currentText();
    p.reopenLastModel = reopenModel_->isChecked();
    p.folds = folds_->value();
    return p;
}

void PreferencesDialog::setPreferences(const AppPreferences& p)
{
    language_->setCurrentIndex(std::max(0, language_->findData(p.language)));
    appearance_->setCurrentIndex(std::max(0, appearance_->findData(appearanceKey(p.appearance))));
    fft_->setCurrentIndex(std::max(0, fft_->findData(p.mel.nFft)));
    hop_->setValue(p.mel.hop);
    mels_->setValue(p.mel.nMels);
    dbRange_->setValue(int(p.mel.topDb));
    colorMap_->setCurrentText(p.colorMap);
    reopenModel_->setChecked(p.reopenLastModel);
    folds_->setValue(p.folds);
}

} // namespace gs::ui
