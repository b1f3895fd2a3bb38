<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>gs::ui::ChartWidget</name>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Chart exported by Genrescope</source>
        <translation>Mit Genrescope exportiertes Diagramm</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>gs::ui::ClassBalanceChart</name>
    <message>
        <source>Class balance</source>
        <translation>Klassenverteilung</translation>
    </message>
    <message>
        <source>No songs yet</source>
        <translation>Noch keine Titel</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>gs::ui::CorrelationChart</name>
    <message>
        <source>Feature correlation</source>
        <translation>Merkmalskorrelation</translation>
    </message>
    <message>
        <source>%1 × %2
r = %3</source>
        <translation>%1 × %2
r = %3</translation>
    </message>
    <message>
        <source>Need at least three analysed songs</source>
        <translation>Mindestens drei analysierte Titel nötig</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson-r</translation>
    </message>
    <message>
        <source>Pearson correlation</source>
        <translation>Pearson-Korrelation</translation>
    </message>
</context>
<context>
    <name>gs::ui::DatasetSession</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Nicht analysiert</translation>
    </message>
    <message>
        <source>cannot create the demo dataset: %1</source>
        <translation>Demo-Datensatz kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>Ordner existiert nicht</translation>
    </message>
    <message>
        <source>feature cache unavailable, nothing will be remembered: %1</source>
        <translation>Merkmals-Cache nicht verfügbar, nichts wird gespeichert: %1</translation>
    </message>
    <message>
        <source>(folder)</source>
        <translation>(Ordner)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>gs::ui::DuplicatesPanel</name>
    <message>
        <source>Song</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Bit error rate</source>
        <translation>Bitfehlerrate</translation>
    </message>
    <message numerus="yes">
        <source>%n song(s), across genres</source>
        <translation><numerusform>%n Titel, genreübergreifend</numerusform><numerusform>%n Titel, genreübergreifend</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s), same genre</source>
        <translation><numerusform>%n Titel, gleiches Genre</numerusform><numerusform>%n Titel, gleiches Genre</numerusform></translation>
    </message>
    <message>
        <source>Duplicates are searched once every song is analysed.</source>
        <translation>Duplikate werden gesucht, sobald alle Titel analysiert sind.</translation>
    </message>
    <message>
        <source>No duplicates: no two songs share (near-)identical audio.</source>
        <translation>Keine Duplikate: keine zwei Titel haben (nahezu) identisches Audio.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of songs with (near-)identical audio, by Chromaprint fingerprint (bit error rate at the best alignment; unrelated music is near 0.5). </source>
        <translation><numerusform>%n Gruppe von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester Ausrichtung; fremde Musik liegt nahe 0,5). </numerusform><numerusform>%n Gruppen von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester Ausrichtung; fremde Musik liegt nahe 0,5). </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) span more than one genre folder.</source>
        <translation><numerusform>%n Gruppe umfasst mehr als einen Genre-Ordner.</numerusform><numerusform>%n Gruppen umfassen mehr als einen Genre-Ordner.</numerusform></translation>
    </message>
</context>
<context>
    <name>gs::ui::EdaChart</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message numerus="yes">
        <source>%1
median %2
quartiles %3 – %4
whiskers %5 – %6
%n outlier(s)</source>
        <translation><numerusform>%1
Median %2
Quartile %3 – %4
Whisker %5 – %6
%n Ausreißer</numerusform><numerusform>%1
Median %2
Quartile %3 – %4
Whisker %5 – %6
%n Ausreißer</numerusform></translation>
    </message>
</context>
<context>
    <name>gs::ui::EdaPanel</name>
    <message>
        <source>Class balance</source>
        <translation>Klassenverteilung</translation>
    </message>
    <message>
        <source>Song length</source>
        <translation>Titellänge</translation>
    </message>
    <message>
        <source>Feature distributions</source>
        <translation>Merkmalsverteilungen</translation>
    </message>
    <message>
        <source>Scatter / PCA</source>
        <translation>Streudiagramm / PCA</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
</context>
<context>
    <name>gs::ui::FeatureDistributionChart</name>
    <message>
        <source>Feature distribution</source>
        <translation>Merkmalsverteilung</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Box plots</source>
        <translation>Boxplots</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>Histogramme</translation>
    </message>
    <message>
        <source>Density curves</source>
        <translation>Dichtekurven</translation>
    </message>
    <message>
        <source>No analysed songs yet</source>
        <translation>Noch keine analysierten Titel</translation>
    </message>
    <message>
        <source>Density (share per unit)</source>
        <translation>Dichte (Anteil je Einheit)</translation>
    </message>
    <message>
        <source>Estimated density</source>
        <translation>Geschätzte Dichte</translation>
    </message>
    <message>
        <source>Feature distribution — %1</source>
        <translation>Merkmalsverteilung — %1</translation>
    </message>
</context>
<context>
    <name>gs::ui::FeatureScatterChart</name>
    <message>
        <source>Feature scatter</source>
        <translation>Merkmals-Streudiagramm</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>%1
%2
%3 = %4
%5 = %6</source>
        <translation>%1
%2
%3 = %4
%5 = %6</translation>
    </message>
    <message>
        <source>Principal component 1</source>
        <translation>Hauptkomponente 1</translation>
    </message>
    <message>
        <source>Principal component 2</source>
        <translation>Hauptkomponente 2</translation>
    </message>
    <message>
        <source>Need at least two analysed songs</source>
        <translation>Mindestens zwei analysierte Titel nötig</translation>
    </message>
    <message>
        <source>PC%1 (%2 % of variance)</source>
        <translation>HK%1 (%2 % der Varianz)</translation>
    </message>
    <message>
        <source>Scatter — %1 vs %2</source>
        <translation>Streudiagramm — %1 gegen %2</translation>
    </message>
    <message>
        <source>Selected song</source>
        <translation>Ausgewählter Titel</translation>
    </message>
</context>
<context>
    <name>gs::ui::MainWindow</name>
    <message>
        <source>Genrescope</source>
        <translation>Genrescope</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1 — Genrescope</source>
        <translation>%1 — Genrescope</translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>Alle Genres</translation>
    </message>
    <message>
        <source>(no genre)</source>
        <translation>(kein Genre)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot open folder</source>
        <translation>Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 kann nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Duplicates (%1)</source>
        <translation>Duplikate (%1)</translation>
    </message>
    <message>
        <source>Cannot decode: %1</source>
        <translation>Dekodieren nicht möglich: %1</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Explore a music collection by genre. Open a folder whose sub-folders are genres (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): every song is decoded, analysed and shown with its waveform, mel spectrogram and per-genre statistics.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Eine Musiksammlung nach Genres erkunden. Öffnen Sie einen Ordner, dessen Unterordner Genres sind (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): Jeder Titel wird dekodiert, analysiert und mit Wellenform, Mel-Spektrogramm und Statistiken je Genre gezeigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a music folder…</source>
        <translation>Musikordner öffnen…</translation>
    </message>
    <message>
        <source>Or drop a folder onto this window.</source>
        <translation>Oder einen Ordner auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>Explore the demo dataset</source>
        <translation>Demo-Datensatz erkunden</translation>
    </message>
    <message>
        <source>Short synthetic songs in a few genres, generated on first use.</source>
        <translation>Kurze synthetische Titel in einigen Genres, beim ersten Mal erzeugt.</translation>
    </message>
    <message>
        <source>Show one genre only</source>
        <translation>Nur ein Genre anzeigen</translation>
    </message>
    <message>
        <source>Filter songs…</source>
        <translation>Titel filtern…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waveform&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wellenform&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation>&amp;Demo-Datensatz öffnen</translation>
    </message>
    <message>
        <source>&amp;Recent Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>&amp;Cancel Analysis</source>
        <translation>Analyse a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Songs</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation>&amp;Erkunden</translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation>D&amp;uplikate</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Genrescope</source>
        <translation>Ü&amp;ber Genrescope</translation>
    </message>
    <message>
        <source>About Genrescope</source>
        <translation>Über Genrescope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Explore a music collection by genre: waveforms, mel spectrograms, per-genre statistics and duplicate detection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Eine Musiksammlung nach Genres erkunden: Wellenformen, Mel-Spektrogramme, Statistiken je Genre und Duplikatsuche.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the analysis; songs done so far are kept (Esc)</source>
        <translation>Analyse anhalten; bereits analysierte Titel bleiben erhalten (Esc)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Preparing the demo dataset…</source>
        <translation>Demo-Datensatz wird vorbereitet…</translation>
    </message>
    <message>
        <source>Open a music folder</source>
        <translation>Musikordner öffnen</translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation>%1 wird dekodiert…</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>%1 / %2 songs · %3 left</source>
        <translation>%1 / %2 Titel · noch %3</translation>
    </message>
    <message>
        <source>%1 / %2 songs</source>
        <translation>%1 / %2 Titel</translation>
    </message>
    <message>
        <source>Analysis cancelled; songs analysed so far are kept.</source>
        <translation>Analyse abgebrochen; bereits analysierte Titel bleiben erhalten.</translation>
    </message>
    <message>
        <source>Opened %1 in %2 s.</source>
        <translation>%1 in %2 s geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) in %1 genre(s)</source>
        <translation><numerusform>%n Titel in %1 Genre(s)</numerusform><numerusform>%n Titel in %1 Genre(s)</numerusform></translation>
    </message>
    <message>
        <source>%1 analysed</source>
        <translation>%1 analysiert</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent folders&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Ordner&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>gs::ui::ProblemsPanel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>No problems: every file found so far could be read.</source>
        <translation>Keine Probleme: Alle bisher gefundenen Dateien waren lesbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed. The other songs are not affected.</source>
        <translation><numerusform>%n Datei konnte nicht analysiert werden. Die übrigen Titel sind nicht betroffen.</numerusform><numerusform>%n Dateien konnten nicht analysiert werden. Die übrigen Titel sind nicht betroffen.</numerusform></translation>
    </message>
</context>
<context>
    <name>gs::ui::SongLengthChart</name>
    <message>
        <source>Song length per genre</source>
        <translation>Titellänge je Genre</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>Boxplot</translation>
    </message>
    <message>
        <source>Average length</source>
        <translation>Mittlere Länge</translation>
    </message>
    <message>
        <source>No analysed songs yet</source>
        <translation>Noch keine analysierten Titel</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Average length (s)</source>
        <translation>Mittlere Länge (s)</translation>
    </message>
    <message>
        <source>Length (s)</source>
        <translation>Länge (s)</translation>
    </message>
</context>
<context>
    <name>gs::ui::SongTableModel</name>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>stereo</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation><numerusform>%n Kanal</numerusform><numerusform>%n Kanäle</numerusform></translation>
    </message>
    <message>
        <source>%1 · %2 kHz %3</source>
        <translation>%1 · %2 kHz %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 in a %2 container, %3 Hz, %n channel(s)</source>
        <translation><numerusform>%1 in einem %2-Container, %3 Hz, %n Kanal</numerusform><numerusform>%1 in einem %2-Container, %3 Hz, %n Kanäle</numerusform></translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>gs::ui::SpectrogramView</name>
    <message>
        <source>Mel spectrogram</source>
        <translation>Mel-Spektrogramm</translation>
    </message>
    <message>
        <source>FFT</source>
        <translation>FFT</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Hop</translation>
    </message>
    <message>
        <source>Mels</source>
        <translation>Mels</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Time (m:ss)</source>
        <translation>Zeit (m:ss)</translation>
    </message>
    <message>
        <source>Frequency (Hz, mel scale)</source>
        <translation>Frequenz (Hz, Mel-Skala)</translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation>Leistung (dB)</translation>
    </message>
    <message>
        <source>Mel spectrogram — %1</source>
        <translation>Mel-Spektrogramm — %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Mel spectrogram (%1 × %2)</source>
        <translation>Mel-Spektrogramm (%1 × %2)</translation>
    </message>
    <message>
        <source>%1 · %2 Hz · %3 dB</source>
        <translation>%1 · %2 Hz · %3 dB</translation>
    </message>
</context>
<context>
    <name>gs::ui::WaveformView</name>
    <message>
        <source>Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End</source>
        <translation>Mausrad: zoomen · Umschalt+Mausrad oder Ziehen: scrollen · +/−, ←/→, Pos1/Ende</translation>
    </message>
    <message>
        <source>Select a song to see its waveform</source>
        <translation>Titel auswählen, um seine Wellenform zu sehen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore a music collection by genre.</source>
        <translation>Eine Musiksammlung nach Genres erkunden.</translation>
    </message>
    <message>
        <source>Open the music folder DIR.</source>
        <translation>Den Musikordner DIR öffnen.</translation>
    </message>
    <message>
        <source>Open the demo dataset.</source>
        <translation>Den Demo-Datensatz öffnen.</translation>
    </message>
    <message>
        <source>Show a tab: songs, eda, duplicates or problems.</source>
        <translation>Einen Reiter zeigen: songs, eda, duplicates oder problems.</translation>
    </message>
    <message>
        <source>Select the song FILE (path or relative to the folder).</source>
        <translation>Den Titel FILE auswählen (Pfad oder relativ zum Ordner).</translation>
    </message>
    <message>
        <source>Save the window to PNG once everything has loaded, then quit.</source>
        <translation>Das Fenster als PNG speichern, sobald alles geladen ist, dann beenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation>Fenstergröße, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>Show an exploration chart: balance, length, distribution, scatter or correlation.</source>
        <translation>Ein Erkundungsdiagramm zeigen: balance, length, distribution, scatter oder correlation.</translation>
    </message>
    <message>
        <source>Use this feature cache file.</source>
        <translation>Diese Merkmals-Cache-Datei verwenden.</translation>
    </message>
    <message>
        <source>Music folder to open.</source>
        <translation>Zu öffnender Musikordner.</translation>
    </message>
</context>
</TS>
