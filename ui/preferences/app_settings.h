#pragma once
// What Genrescope remembers between runs (QSettings, the application's own file): the
// preferences edited in Edit → Preferences…, and the small state the window keeps (recent
// folders, last model). One place for every key, so that the window, the dialog and
// main() agree on names and defaults.
#include "core/features/mel.h"

#include <QString>
#include <QStringList>

class QApplication;
class QPalette;
class QSettings;

namespace gs::ui {

class SpectrogramView;

enum class Appearance { System, Light, Dark };

struct AppPreferences {
    QString language;               // "" = the system's, else "en", "de", "es"
    Appearance appearance = Appearance::System;
    MelOptions mel;                 // nFft, hop, nMels, topDb of the spectrogram views
    QString colorMap = QStringLiteral("magma");
    bool reopenLastModel = true;
    int folds = 10;                 // cross-validation folds on the Compare page

    static AppPreferences load();   // defaults for anything missing or out of range
    void save() const;
};

// Language codes offered in Preferences, "" first (the system's language).
QStringList languageCodes();
QString languageName(const QString& code); // "Deutsch", "Español", ... ("System" for "")

QStringList recentFolders();
void setRecentFolders(const QStringList& folders);

QString lastModelFile();             // "" when none is remembered
void setLastModelFile(const QString& file);

QString appearanceKey(Appearance a); // "system", "light", "dark"
Appearance appearanceFromKey(const QString& key);
// Fusion with a dark palette for Dark, Fusion's own light palette for Light; System leaves
// the platform style alone. Call before the first window is made.
void applyAppearance(QApplication& app, Appearance appearance);
QPalette darkPalette();

// The spectrogram view's toolbar is the only way into its settings (it has no setter for
// them): set its FFT, hop, mels, range and colour map, and read back the colour map.
void applyMelOptions(SpectrogramView* view, const MelOptions& mel, const QString& colorMap);
QString colorMapOf(const SpectrogramView* view);

} // namespace gs::ui
