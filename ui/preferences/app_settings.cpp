#include "ui/preferences/app_settings.h"

#include "core/common/parameter.h"
#include "ui/views/spectrogram_view.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QPalette>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>

namespace gs::ui {

namespace {

const auto kLanguage = QStringLiteral("language");
const auto kAppearance = QStringLiteral("appearance");
const auto kFft = QStringLiteral("spectrogram/fft");
const auto kHop = QStringLiteral("spectrogram/hop");
const auto kMels = QStringLiteral("spectrogram/mels");
const auto kTopDb = QStringLiteral("spectrogram/dbRange");
const auto kColorMap = QStringLiteral("spectrogram/colorMap");
const auto kReopenModel = QStringLiteral("model/reopenOnStart");
const auto kLastModel = QStringLiteral("model/lastFile");
const auto kFolds = QStringLiteral("training/folds");
const auto kRecent = QStringLiteral("recentFolders");

// A stored number inside the parameter's documented range, else the default.
int specInt(const QSettings& s, const QString& key, const char* spec, int fallback)
{
    bool ok = false;
    const int v = s.value(key).toInt(&ok);
    const auto& p = findSpec(MelOptions::specs(), spec);
    return ok && v >= p.minimum && v <= p.maximum ? v : fallback;
}

QSpinBox* spinFor(const SpectrogramView* view, const char* spec)
{
    // The view's spin boxes carry their parameter's description as tooltip (spectrogram_view.cpp).
    const auto tip = QString::fromStdString(findSpec(MelOptions::specs(), spec).description);
    for (auto* box : view->findChildren<QSpinBox*>())
        if (box->toolTip() == tip)
            return box;
    return nullptr;
}

QComboBox* colorCombo(const SpectrogramView* view)
{
    const QStringList names = SpectrogramView::colorMapNames();
    for (auto* box : view->findChildren<QComboBox*>())
        if (box->count() == names.size() && box->itemText(0) == names.front())
            return box;
    return nullptr;
}

QComboBox* fftCombo(const SpectrogramView* view)
{
    for (auto* box : view->findChildren<QComboBox*>())
        if (box->count() > 0 && box->itemData(0).typeId() == QMetaType::Int)
            return box;
    return nullptr;
}

} // namespace

AppPreferences AppPreferences::load()
{
    const QSettings s;
    AppPreferences p;
    const QString language = s.value(kLanguage).toString();
    p.language = languageCodes().contains(language) ? language : QString();
    p.appearance = appearanceFromKey(s.value(kAppearance).toString());
    p.mel.nFft = specInt(s, kFft, "n_fft", p.mel.nFft);
    p.mel.hop = specInt(s, kHop, "hop", p.mel.hop);
    p.mel.nMels = specInt(s, kMels, "n_mels", p.mel.nMels);
    p.mel.topDb = specInt(s, kTopDb, "top_db", int(p.mel.topDb));
    const QString colors = s.value(kColorMap).toString();
    if (SpectrogramView::colorMapNames().contains(colors))
        p.colorMap = colors;
    p.reopenLastModel = s.value(kReopenModel, p.reopenLastModel).toBool();
    const int folds = s.value(kFolds, p.folds).toInt();
    p.folds = folds >= 2 && folds <= 100 ? folds : p.folds;
    return p;
}

void AppPreferences::save() const
{
    QSettings s;
    s.setValue(kLanguage, language);
    s.setValue(kAppearance, appearanceKey(appearance));
    s.setValue(kFft, mel.nFft);
    s.setValue(kHop, mel.hop);
    s.setValue(kMels, mel.nMels);
    s.setValue(kTopDb, int(mel.topDb));
    s.setValue(kColorMap, colorMap);
    s.setValue(kReopenModel, reopenLastModel);
    s.setValue(kFolds, folds);
}

QStringList languageCodes() { return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es")}; }

QString languageName(const QString& code)
{
    if (code.isEmpty())
        return QCoreApplication::translate("gs::ui::PreferencesDialog", "System");
    // Each language in its own words, so that anyone can find theirs.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    return code;
}

QStringList recentFolders() { return QSettings().value(kRecent).toStringList(); }
void setRecentFolders(const QStringList& folders) { QSettings().setValue(kRecent, folders); }

QString lastModelFile() { return QSettings().value(kLastModel).toString(); }

void setLastModelFile(const QString& file)
{
    QSettings s;
    if (file.isEmpty())
        s.remove(kLastModel);
    else
        s.setValue(kLastModel, file);
}

QString appearanceKey(Appearance a)
{
    switch (a) {
    case Appearance::Light: return QStringLiteral("light");
    case Appearance::Dark: return QStringLiteral("dark");
    case Appearance::System: break;
    }
    return QStringLiteral("system");
}

Appearance appearanceFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Appearance::Light;
    if (key == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

QPalette darkPalette()
{
    // The usual Fusion dark scheme: mid-grey surfaces, near-black bases, a blue highlight.
    const QColor window(53, 53, 53), base(35, 35, 35), text(220, 220, 220), disabled(127, 127, 127);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    p.setColor(QPalette::ToolTipBase, QColor(25, 25, 25));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, QColor(75, 75, 75));
    p.setColor(QPalette::Midlight, QColor(64, 64, 64));
    p.setColor(QPalette::Mid, QColor(42, 42, 42));
    p.setColor(QPalette::Dark, QColor(30, 30, 30));
    p.setColor(QPalette::Shadow, QColor(20, 20, 20));
    p.setColor(QPalette::Link, QColor(90, 160, 240));
    p.setColor(QPalette::LinkVisited, QColor(160, 120, 230));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return p;
}

void applyAppearance(QApplication& app, Appearance appearance)
{
    if (appearance == Appearance::System)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(appearance == Appearance::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

void applyMelOptions(SpectrogramView* view, const MelOptions& mel, const QString& colorMap)
{
    if (auto* fft = fftCombo(view); fft && fft->findData(mel.nFft) >= 0)
        fft->setCurrentIndex(fft->findData(mel.nFft));
    if (auto* box = spinFor(view, "hop"))
        box->setValue(mel.hop);
    if (auto* box = spinFor(view, "n_mels"))
        box->setValue(mel.nMels);
    if (auto* box = spinFor(view, "top_db"))
        box->setValue(int(mel.topDb));
    if (SpectrogramView::colorMapNames().contains(colorMap))
        view->setColorMapName(colorMap);
}

QString colorMapOf(const SpectrogramView* view)
{
    const auto* box = colorCombo(view);
    return box ? box->currentText() : QString();
}

} // namespace gs::ui
