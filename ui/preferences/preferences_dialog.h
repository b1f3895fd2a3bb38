#pragma once
// Edit → Preferences…: language and appearance (applied at the next start), the default
// spectrogram settings, re-opening the last model, cross-validation folds, and clearing the
// recent folders. The dialog only edits an AppPreferences; the window saves and applies it.
#include "ui/preferences/app_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;

namespace gs::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const AppPreferences& preferences, QWidget* parent = nullptr);

    AppPreferences preferences() const;
    void setPreferences(const AppPreferences& preferences);

    QComboBox* languageBox() const { return language_; }
    QComboBox* appearanceBox() const { return appearance_; }
    QComboBox* fftBox() const { return fft_; }
    QSpinBox* hopBox() const { return hop_; }
    QSpinBox* melsBox() const { return mels_; }
    QSpinBox* dbRangeBox() const { return dbRange_; }
    QComboBox* colorMapBox() const { return colorMap_; }
    QCheckBox* reopenModelBox() const { return reopenModel_; }
    QSpinBox* foldsBox() const { return folds_; }
    QPushButton* clearRecentButton() const { return clearRecent_; }

signals:
    void clearRecentFoldersRequested();

private:
    QWidget* buildGeneralGroup();
    QWidget* buildSpectrogramGroup();
    QWidget* buildModelsGroup();

    QComboBox* language_;
    QComboBox* appearance_;
    QComboBox* fft_;
    QSpinBox* hop_;
    QSpinBox* mels_;
    QSpinBox* dbRange_;
    QComboBox* colorMap_;
    QCheckBox* reopenModel_;
    QSpinBox* folds_;
    QPushButton* clearRecent_;
};

} // namespace gs::ui
