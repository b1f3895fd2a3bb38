<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>DatasetSession</name>
        <message>
            <source>(labels)</source>
            <translation>(Labels)</translation>
        </message>
        <message numerus="yes">
            <source>%n more like the above: %1</source>
            <translation>
                <numerusform>%n weiterer wie oben: %1</numerusform>
                <numerusform>%n weitere wie oben: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n s</numerusform>
                <numerusform>%n s</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
    </context>
    <context>
        <name>gs::ui</name>
        <message>
            <source>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Explore a music collection by genre: waveforms, mel spectrograms, per-genre statistics and duplicate detection; compare classifiers and classify songs.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Eine Musiksammlung nach Genres erkunden: Wellenformen, Mel-Spektrogramme, Statistiken je Genre und Duplikatsuche; Klassifikatoren vergleichen und Titel klassifizieren.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Built on</source>
            <translation>Basiert auf</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Lizenz</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::About</name>
        <message>
            <source>About Genrescope</source>
            <translation>Über Genrescope</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::AccuracyChart</name>
        <message>
            <source>Accuracy per model</source>
            <translation>Genauigkeit je Modell</translation>
        </message>
        <message>
            <source>Train to compare models</source>
            <translation>Trainieren, um Modelle zu vergleichen</translation>
        </message>
        <message>
            <source>dummy baseline
%1 %</source>
            <translation>Dummy-Basislinie
%1 %</translation>
        </message>
        <message>
            <source>Model (solid: run %1, hatched: run %2)</source>
            <translation>Modell (gefüllt: Lauf %1, schraffiert: Lauf %2)</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Accuracy %, mean ± std</source>
            <translation>Genauigkeit in %, Mittelwert ± Standardabweichung</translation>
        </message>
        <message>
            <source>Accuracy per model — run %1, %2-fold cross-validation</source>
            <translation>Genauigkeit je Modell — Lauf %1, %2-fache Kreuzvalidierung</translation>
        </message>
        <message numerus="yes">
            <source>%1 (run %2)
accuracy %3 % ± %4 over %n folds
balanced accuracy %5 %
macro-F1 %6</source>
            <translation>
                <numerusform>%1 (Lauf %2)
Genauigkeit %3 % ± %4 über %n Fold
balancierte Genauigkeit %5 %
Makro-F1 %6</numerusform>
                <numerusform>%1 (Lauf %2)
Genauigkeit %3 % ± %4 über %n Folds
balancierte Genauigkeit %5 %
Makro-F1 %6</numerusform>
            </translation>
        </message>
    </context>
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
        <message>
            <source>Log scale</source>
            <translation>Logarithmische Skala</translation>
        </message>
        <message>
            <source>Song counts on a logarithmic axis: small genres stay visible beside large ones</source>
            <translation>Titelzahlen auf logarithmischer Achse: kleine Genres bleiben neben großen sichtbar</translation>
        </message>
        <message>
            <source>Songs (log scale)</source>
            <translation>Titel (logarithmische Skala)</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ClassifyPanel</name>
        <message>
            <source>Audio files (%1);;All files (*)</source>
            <translation>Audiodateien (%1);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Classify Songs…</source>
            <translation>Titel klassifizieren…</translation>
        </message>
        <message>
            <source>Choose audio files to classify with the current model (or drop them here)</source>
            <translation>Audiodateien wählen, die mit dem aktuellen Modell klassifiziert werden (oder hier ablegen)</translation>
        </message>
        <message>
            <source>Open Model…</source>
            <translation>Modell öffnen…</translation>
        </message>
        <message>
            <source>Save Model…</source>
            <translation>Modell speichern…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>Remove every classified song from the list</source>
            <translation>Alle klassifizierten Titel aus der Liste entfernen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
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
            <source>Confidence</source>
            <translation>Konfidenz</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Genre probabilities</source>
            <translation>Genre-Wahrscheinlichkeiten</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>%1 konnte nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>%v of %m · %1 left</source>
            <translation>%v von %m · noch %1</translation>
        </message>
        <message>
            <source>%v of %m</source>
            <translation>%v von %m</translation>
        </message>
        <message>
            <source>Classification cancelled.</source>
            <translation>Klassifizierung abgebrochen.</translation>
        </message>
        <message>
            <source>Waveform — analysed clips marked</source>
            <translation>Wellenform — analysierte Ausschnitte markiert</translation>
        </message>
        <message>
            <source>Genre over time — probabilities of each analysed clip</source>
            <translation>Genre im Zeitverlauf — Wahrscheinlichkeiten jedes analysierten Ausschnitts</translation>
        </message>
        <message>
            <source>analysing…</source>
            <translation>wird analysiert…</translation>
        </message>
        <message numerus="yes">
            <source>%n clip(s) analysed</source>
            <translation>
                <numerusform>%n Ausschnitt analysiert</numerusform>
                <numerusform>%n Ausschnitte analysiert</numerusform>
            </translation>
        </message>
        <message>
            <source>Classify songs to see their genres: &lt;b&gt;Classify Songs…&lt;/b&gt; above.</source>
            <translation>Titel klassifizieren, um ihre Genres zu sehen: oben &lt;b&gt;Titel klassifizieren…&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Select a song in the list.</source>
            <translation>Einen Titel in der Liste auswählen.</translation>
        </message>
        <message numerus="yes">
            <source> — %1 (%2) · %n clip(s) of %3</source>
            <translation>
                <numerusform> — %1 (%2) · %n Ausschnitt von %3</numerusform>
                <numerusform> — %1 (%2) · %n Ausschnitte von %3</numerusform>
            </translation>
        </message>
        <message>
            <source> — analysing…</source>
            <translation> — wird analysiert…</translation>
        </message>
        <message>
            <source>clip %1: %2 %3</source>
            <translation>Ausschnitt %1: %2 %3</translation>
        </message>
        <message>
            <source>Not classified yet</source>
            <translation>Noch nicht klassifiziert</translation>
        </message>
        <message>
            <source>Not classified</source>
            <translation>Nicht klassifiziert</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>wird geladen…</translation>
        </message>
        <message>
            <source>The genres of the selected song appear here</source>
            <translation>Hier erscheinen die Genres des ausgewählten Titels</translation>
        </message>
        <message>
            <source>Probability (%) — mean over the analysed clips</source>
            <translation>Wahrscheinlichkeit (%) — Mittel über die analysierten Ausschnitte</translation>
        </message>
        <message>
            <source>Classify songs</source>
            <translation>Titel klassifizieren</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>Modell öffnen</translation>
        </message>
        <message>
            <source>Genrescope model (*.gsm);;All files (*)</source>
            <translation>Genrescope-Modell (*.gsm);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Save model</source>
            <translation>Modell speichern</translation>
        </message>
        <message>
            <source>Genrescope model (*.gsm)</source>
            <translation>Genrescope-Modell (*.gsm)</translation>
        </message>
        <message>
            <source>Model saved to %1</source>
            <translation>Modell in %1 gespeichert</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Save the waveform envelope shown (min/max per pixel column) as CSV</source>
            <translation>Die gezeigte Hüllkurve der Wellenform (Min./Max. je Pixelspalte) als CSV speichern</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ClassifySession</name>
        <message>
            <source>%1 % ± %2 (%3-fold CV)</source>
            <translation>%1 % ± %2 (%3-fache KV)</translation>
        </message>
        <message>
            <source>Final model</source>
            <translation>Endgültiges Modell</translation>
        </message>
        <message>
            <source>no song is analysed and labelled yet: wait for the analysis to finish, or open a folder whose sub-folders are genres</source>
            <translation>noch kein Titel ist analysiert und einem Genre zugeordnet: das Ende der Analyse abwarten oder einen Ordner öffnen, dessen Unterordner Genres sind</translation>
        </message>
        <message>
            <source>Cross-validation</source>
            <translation>Kreuzvalidierung</translation>
        </message>
        <message>
            <source>Learning curve</source>
            <translation>Lernkurve</translation>
        </message>
        <message>
            <source>learning curve skipped: %1</source>
            <translation>Lernkurve übersprungen: %1</translation>
        </message>
        <message>
            <source>waiting for a model: train one on a folder of songs (Train &amp; Compare) or open one with File → Open Model…</source>
            <translation>wartet auf ein Modell: eines auf einem Ordner mit Titeln trainieren (Trainieren und vergleichen) oder eines mit Datei → Modell öffnen… laden</translation>
        </message>
        <message>
            <source>open a folder of songs first: the models learn from its analysed songs</source>
            <translation>zuerst einen Ordner mit Titeln öffnen: die Modelle lernen aus seinen analysierten Titeln</translation>
        </message>
        <message>
            <source>the final model must be one of the compared models</source>
            <translation>das endgültige Modell muss eines der verglichenen Modelle sein</translation>
        </message>
        <message>
            <source>there is no comparison run %1</source>
            <translation>es gibt keinen Vergleichslauf %1</translation>
        </message>
        <message>
            <source>run %1 did not compare %2</source>
            <translation>Lauf %1 hat %2 nicht verglichen</translation>
        </message>
        <message>
            <source>the file holds no model</source>
            <translation>die Datei enthält kein Modell</translation>
        </message>
        <message>
            <source>there is no model to save yet: train one or open a model file</source>
            <translation>noch kein Modell zum Speichern: eines trainieren oder eine Modelldatei öffnen</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1: not classified, cancelled</source>
            <translation>%1: nicht klassifiziert, abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ComparePanel</name>
        <message>
            <source>Export CSV…</source>
            <translation>CSV exportieren…</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelle</translation>
        </message>
        <message>
            <source>Per genre</source>
            <translation>Je Genre</translation>
        </message>
        <message>
            <source>Significance</source>
            <translation>Signifikanz</translation>
        </message>
        <message>
            <source>Learning curve</source>
            <translation>Lernkurve</translation>
        </message>
        <message>
            <source>Finished comparisons of this session, newest first</source>
            <translation>Abgeschlossene Vergleiche dieser Sitzung, neueste zuerst</translation>
        </message>
        <message>
            <source>Show a second run's numbers beside the first one's (bars side by side, rows in the table)</source>
            <translation>Die Zahlen eines zweiten Laufs neben denen des ersten zeigen (Balken nebeneinander, Zeilen in der Tabelle)</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Forget the shown run</source>
            <translation>Den angezeigten Lauf verwerfen</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>beside</source>
            <translation>daneben</translation>
        </message>
        <message>
            <source>Scores come from the fold models of cross-validation; the model used to classify new songs and exported is refit on all songs.</source>
            <translation>Die Werte stammen von den Fold-Modellen der Kreuzvalidierung; das Modell, das neue Titel klassifiziert und exportiert wird, ist auf allen Titeln neu trainiert.</translation>
        </message>
        <message>
            <source>Use this model</source>
            <translation>Dieses Modell verwenden</translation>
        </message>
        <message>
            <source>Refit the selected model on all songs of its run; it then classifies new songs and is what File → Save Model writes</source>
            <translation>Das ausgewählte Modell auf allen Titeln seines Laufs neu trainieren; es klassifiziert dann neue Titel und wird von Datei → Modell speichern geschrieben</translation>
        </message>
        <message>
            <source>Save this table as CSV</source>
            <translation>Diese Tabelle als CSV speichern</translation>
        </message>
        <message>
            <source>metrics</source>
            <translation>Kennzahlen</translation>
        </message>
        <message>
            <source>Save the selected model's per-genre scores as CSV</source>
            <translation>Die Werte je Genre des ausgewählten Modells als CSV speichern</translation>
        </message>
        <message>
            <source>per-genre scores</source>
            <translation>Werte je Genre</translation>
        </message>
        <message>
            <source>&lt;b&gt;Is one model really better?&lt;/b&gt; The &lt;b&gt;corrected resampled t-test&lt;/b&gt; (Nadeau &amp;amp; Bengio, 2003) compares the two models' accuracies fold by fold over the same folds, corrected for the folds sharing training songs: it asks whether the recipe would do better on new songs, and is the one to trust. &lt;b&gt;McNemar's test&lt;/b&gt; only compares these pooled predictions (songs only A got right against songs only B got right), ignoring how much the result depends on the training songs. Green cells: p &amp;lt; %1.</source>
            <translation>&lt;b&gt;Ist ein Modell wirklich besser?&lt;/b&gt; Der &lt;b&gt;korrigierte Resampling-t-Test&lt;/b&gt; (Nadeau &amp;amp; Bengio, 2003) vergleicht die Genauigkeiten der beiden Modelle Fold für Fold über dieselben Folds, korrigiert dafür, dass sich die Folds Trainingstitel teilen: Er fragt, ob das Verfahren bei neuen Titeln besser abschneiden würde, und ist der maßgebliche Test. &lt;b&gt;McNemars Test&lt;/b&gt; vergleicht nur diese zusammengefassten Vorhersagen (Titel, die nur A richtig hatte, gegen Titel, die nur B richtig hatte) und übergeht, wie stark das Ergebnis von den Trainingstiteln abhängt. Grüne Zellen: p &amp;lt; %1.</translation>
        </message>
        <message>
            <source>Save the pairwise tests as CSV</source>
            <translation>Die paarweisen Tests als CSV speichern</translation>
        </message>
        <message>
            <source>significance tests</source>
            <translation>Signifikanztests</translation>
        </message>
        <message>
            <source> · best %1 %2</source>
            <translation> · bestes %1 %2</translation>
        </message>
        <message>
            <source>(stale: data changed)</source>
            <translation>(veraltet: Daten geändert)</translation>
        </message>
        <message>
            <source>(stale: settings changed)</source>
            <translation>(veraltet: Einstellungen geändert)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>related songs kept together (grouping %1)</source>
            <translation>verwandte Titel zusammengehalten (Gruppierung %1)</translation>
        </message>
        <message>
            <source>grouping %1 found no related songs</source>
            <translation>Gruppierung %1 fand keine verwandten Titel</translation>
        </message>
        <message>
            <source> · parameters tuned by a nested %1-fold search</source>
            <translation> · Parameter durch verschachtelte %1-fache Suche abgestimmt</translation>
        </message>
        <message>
            <source> · took %1 s</source>
            <translation> · dauerte %1 s</translation>
        </message>
        <message>
            <source>No comparison yet: choose models on the left and press Train and compare.</source>
            <translation>Noch kein Vergleich: links Modelle auswählen und „Trainieren und vergleichen“ drücken.</translation>
        </message>
        <message>
            <source>the songs changed since it was trained (added, removed, relabelled or re-analysed)</source>
            <translation>die Titel haben sich seit dem Training geändert (hinzugefügt, entfernt, umbenannt oder neu analysiert)</translation>
        </message>
        <message>
            <source>the training settings on the left differ from the ones it used</source>
            <translation>die Trainingseinstellungen links weichen von den verwendeten ab</translation>
        </message>
        <message>
            <source>Run %1 is stale: %2. Train again for up-to-date numbers.</source>
            <translation>Lauf %1 ist veraltet: %2. Für aktuelle Zahlen erneut trainieren.</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>No model in use yet: train, or open a model file.</source>
            <translation>Noch kein Modell in Gebrauch: trainieren oder eine Modelldatei öffnen.</translation>
        </message>
        <message>
            <source>Model in use: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Verwendetes Modell: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>, from %1</source>
            <translation>, aus %1</translation>
        </message>
        <message>
            <source>Per-genre scores of %1 (run %2, pooled over the test folds)</source>
            <translation>Werte je Genre von %1 (Lauf %2, über die Test-Folds zusammengefasst)</translation>
        </message>
        <message>
            <source>Select a model in the Models table</source>
            <translation>Ein Modell in der Tabelle „Modelle“ auswählen</translation>
        </message>
        <message>
            <source>Use %1 (refit on all songs)</source>
            <translation>%1 verwenden (auf allen Titeln neu trainiert)</translation>
        </message>
        <message>
            <source>No run to export</source>
            <translation>Kein Lauf zum Exportieren</translation>
        </message>
        <message>
            <source>No model selected</source>
            <translation>Kein Modell ausgewählt</translation>
        </message>
        <message>
            <source>Export %1</source>
            <translation>%1 exportieren</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV-Tabelle (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message numerus="yes">
            <source>Run %1 · %2 · %n models</source>
            <translation>
                <numerusform>Lauf %1 · %2 · %n Modell</numerusform>
                <numerusform>Lauf %1 · %2 · %n Modelle</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1-fold cross-validation, %2 · %n songs · %3 features · seed %4</source>
            <translation>
                <numerusform>%1-fache Kreuzvalidierung, %2 · %n Titel · %3 Merkmale · Startwert %4</numerusform>
                <numerusform>%1-fache Kreuzvalidierung, %2 · %n Titel · %3 Merkmale · Startwert %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, refit on all %n songs of run %1</source>
            <translation>
                <numerusform>, neu trainiert auf %n Titel von Lauf %1</numerusform>
                <numerusform>, neu trainiert auf allen %n Titeln von Lauf %1</numerusform>
            </translation>
        </message>
        <message>
            <source> · the genres are imbalanced (largest ≥ 1.5 × smallest): balanced accuracy and macro-F1 come first, because plain accuracy mostly rewards the large genres</source>
            <translation> · die Genres sind unausgewogen (größtes ≥ 1,5 × kleinstes): balancierte Genauigkeit und Makro-F1 stehen vorn, weil die einfache Genauigkeit vor allem die großen Genres belohnt</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ConfusionMatrixView</name>
        <message>
            <source>Counts</source>
            <translation>Anzahlen</translation>
        </message>
        <message>
            <source>By true genre (row %)</source>
            <translation>Nach wahrem Genre (Zeilen-%)</translation>
        </message>
        <message>
            <source>By predicted genre (column %)</source>
            <translation>Nach vorhergesagtem Genre (Spalten-%)</translation>
        </message>
        <message>
            <source>Share of all songs</source>
            <translation>Anteil an allen Titeln</translation>
        </message>
        <message>
            <source>No cross-validation results yet.</source>
            <translation>Noch keine Ergebnisse der Kreuzvalidierung.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;True %1 · predicted %2&lt;/b&gt;&lt;br&gt;%n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;Wahr %1 · vorhergesagt %2&lt;/b&gt;&lt;br&gt;%n Titel</numerusform>
                <numerusform>&lt;b&gt;Wahr %1 · vorhergesagt %2&lt;/b&gt;&lt;br&gt;%n Titel</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to list the songs</source>
            <translation>Klicken, um die Titel aufzulisten</translation>
        </message>
        <message>
            <source>total</source>
            <translation>gesamt</translation>
        </message>
        <message>
            <source>predicted genre</source>
            <translation>vorhergesagtes Genre</translation>
        </message>
        <message>
            <source>true genre</source>
            <translation>wahres Genre</translation>
        </message>
        <message>
            <source>correct, 0–100 % of the true genre</source>
            <translation>richtig, 0–100 % des wahren Genres</translation>
        </message>
        <message>
            <source>confused with the column's genre, 0–100 %</source>
            <translation>mit dem Genre der Spalte verwechselt, 0–100 %</translation>
        </message>
        <message>
            <source>Confusion matrix</source>
            <translation>Konfusionsmatrix</translation>
        </message>
        <message numerus="yes">
            <source>%1 % of the %n %2 songs (row share, recall)</source>
            <translation>
                <numerusform>%1 % des %n Titels aus %2 (Zeilenanteil, Trefferquote)</numerusform>
                <numerusform>%1 % der %n Titel aus %2 (Zeilenanteil, Trefferquote)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 % of the %n songs predicted %2 (column share, precision)</source>
            <translation>
                <numerusform>%1 % des %n als %2 vorhergesagten Titels (Spaltenanteil, Präzision)</numerusform>
                <numerusform>%1 % der %n als %2 vorhergesagten Titel (Spaltenanteil, Präzision)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 % of all %n songs</source>
            <translation>
                <numerusform>%1 % von %n Titel</numerusform>
                <numerusform>%1 % aller %n Titel</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ConfusionPanel</name>
        <message>
            <source>The comparison run whose cross-validation is shown</source>
            <translation>Der Vergleichslauf, dessen Kreuzvalidierung gezeigt wird</translation>
        </message>
        <message>
            <source>Models of the run, best first (mean accuracy over the folds)</source>
            <translation>Modelle des Laufs, bestes zuerst (mittlere Genauigkeit über die Folds)</translation>
        </message>
        <message>
            <source>What the numbers in the cells show; colours always show the share of the true genre</source>
            <translation>Was die Zahlen in den Zellen zeigen; die Farben zeigen immer den Anteil am wahren Genre</translation>
        </message>
        <message>
            <source>All Misclassified</source>
            <translation>Alle Fehlklassifizierten</translation>
        </message>
        <message>
            <source>List every song predicted as another genre than its own</source>
            <translation>Jeden Titel auflisten, der einem anderen als seinem eigenen Genre zugeordnet wurde</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Matrix and Scores as CSV…</source>
            <translation>Matrix und Werte als CSV…</translation>
        </message>
        <message>
            <source>Matrix and Scores as JSON…</source>
            <translation>Matrix und Werte als JSON…</translation>
        </message>
        <message>
            <source>Matrix as Image (PNG, SVG, PDF)…</source>
            <translation>Matrix als Bild (PNG, SVG, PDF)…</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Präzision</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Trefferquote</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Counted from the matrix: precision = diagonal / column total, recall = diagonal / row total</source>
            <translation>Aus der Matrix gezählt: Präzision = Diagonale / Spaltensumme, Trefferquote = Diagonale / Zeilensumme</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>True genre</source>
            <translation>Wahres Genre</translation>
        </message>
        <message>
            <source>Predicted</source>
            <translation>Vorhergesagt</translation>
        </message>
        <message>
            <source>P(predicted)</source>
            <translation>P(vorhergesagt)</translation>
        </message>
        <message>
            <source>P(true)</source>
            <translation>P(wahr)</translation>
        </message>
        <message>
            <source>Fold</source>
            <translation>Fold</translation>
        </message>
        <message numerus="yes">
            <source>Run %1 · %2 · %3-fold · %n song(s)</source>
            <translation>
                <numerusform>Lauf %1 · %2 · %3-fach · %n Titel</numerusform>
                <numerusform>Lauf %1 · %2 · %3-fach · %n Titel</numerusform>
            </translation>
        </message>
        <message>
            <source> · data changed</source>
            <translation> · Daten geändert</translation>
        </message>
        <message>
            <source>Train and compare models on the &lt;b&gt;Compare&lt;/b&gt; page: their cross-validated confusion matrices appear here.</source>
            <translation>Modelle auf der Seite &lt;b&gt;Vergleichen&lt;/b&gt; trainieren und vergleichen: Ihre kreuzvalidierten Konfusionsmatrizen erscheinen hier.</translation>
        </message>
        <message>
            <source>No cross-validation results yet.</source>
            <translation>Noch keine Ergebnisse der Kreuzvalidierung.</translation>
        </message>
        <message>
            <source>%1 (%2 %)</source>
            <translation>%1 (%2 %)</translation>
        </message>
        <message numerus="yes">
            <source>&lt;span style='color:#555'&gt;These are &lt;b&gt;cross-validation predictions&lt;/b&gt;: every song was predicted by the model of the fold that held it out (%1 fold models, none of which saw the song while learning) — not by the final model refit on all %n song(s).&lt;/span&gt;</source>
            <translation>
                <numerusform>&lt;span style='color:#555'&gt;Dies sind &lt;b&gt;Vorhersagen der Kreuzvalidierung&lt;/b&gt;: Jeder Titel wurde vom Modell des Folds vorhergesagt, der ihn zurückhielt (%1 Fold-Modelle, von denen keines den Titel beim Lernen sah) — nicht vom endgültigen Modell, das auf %n Titel neu trainiert wurde.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#555'&gt;Dies sind &lt;b&gt;Vorhersagen der Kreuzvalidierung&lt;/b&gt;: Jeder Titel wurde vom Modell des Folds vorhergesagt, der ihn zurückhielt (%1 Fold-Modelle, von denen keines den Titel beim Lernen sah) — nicht vom endgültigen Modell, das auf allen %n Titeln neu trainiert wurde.&lt;/span&gt;</numerusform>
            </translation>
        </message>
        <message>
            <source> &lt;span style='color:#a33'&gt;The dataset changed since this run: train again to see the current songs.&lt;/span&gt;</source>
            <translation> &lt;span style='color:#a33'&gt;Der Datensatz hat sich seit diesem Lauf geändert: erneut trainieren, um die aktuellen Titel zu sehen.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Accuracy %1 %&lt;/b&gt; (%2 of %3 songs on the diagonal) · &lt;b&gt;balanced accuracy %4 %&lt;/b&gt; · &lt;b&gt;macro-F1 %5&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;Pooled over all test folds. Mean accuracy over the folds: %6 % ± %7; log loss %8.&lt;/span&gt;</source>
            <translation>&lt;b&gt;Genauigkeit %1 %&lt;/b&gt; (%2 von %3 Titeln auf der Diagonale) · &lt;b&gt;balancierte Genauigkeit %4 %&lt;/b&gt; · &lt;b&gt;Makro-F1 %5&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;Über alle Test-Folds zusammengefasst. Mittlere Genauigkeit über die Folds: %6 % ± %7; Log-Loss %8.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>macro avg</source>
            <translation>Makro-Mittel</translation>
        </message>
        <message>
            <source>weighted avg</source>
            <translation>gewichtetes Mittel</translation>
        </message>
        <message>
            <source>Click a cell to list its songs, or show all misclassified songs.</source>
            <translation>Eine Zelle anklicken, um ihre Titel aufzulisten, oder alle fehlklassifizierten Titel zeigen.</translation>
        </message>
        <message>
            <source>This report has no per-song predictions.</source>
            <translation>Dieser Bericht enthält keine Vorhersagen je Titel.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt; recognised as %1: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; als %1 erkannt: %n Titel</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; als %1 erkannt: %n Titel</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt; predicted as &lt;b&gt;%2&lt;/b&gt;: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; als &lt;b&gt;%2&lt;/b&gt; vorhergesagt: %n Titel</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; als &lt;b&gt;%2&lt;/b&gt; vorhergesagt: %n Titel</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;All misclassified songs&lt;/b&gt;: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;Alle fehlklassifizierten Titel&lt;/b&gt;: %n Titel</numerusform>
                <numerusform>&lt;b&gt;Alle fehlklassifizierten Titel&lt;/b&gt;: %n Titel</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>no confusion matrix is shown</source>
            <translation>es wird keine Konfusionsmatrix angezeigt</translation>
        </message>
        <message>
            <source>confusion-%1</source>
            <translation>konfusion-%1</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV-Tabelle (*.csv)</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
            <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
        </message>
        <message>
            <source>Export confusion matrix</source>
            <translation>Konfusionsmatrix exportieren</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <source>Double-click a song to open it in the Songs view · Space: play / pause the selected song</source>
            <translation>Doppelklick auf einen Titel öffnet ihn in der Ansicht „Titel“ · Leertaste: ausgewählten Titel abspielen / anhalten</translation>
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
        <message>
            <source>internal error while opening: %1</source>
            <translation>interner Fehler beim Öffnen: %1</translation>
        </message>
        <message>
            <source>labelled in %1, but no such audio file in the folder</source>
            <translation>in %1 beschriftet, aber keine solche Audiodatei im Ordner</translation>
        </message>
        <message>
            <source>no label in %1; left out</source>
            <translation>kein Label in %1; ausgelassen</translation>
        </message>
        <message>
            <source>row of the labels file not used</source>
            <translation>Zeile der Label-Datei nicht verwendet</translation>
        </message>
        <message numerus="yes">
            <source>%n tracks have no %1 and are left out</source>
            <translation>
                <numerusform>%n Titel hat kein %1 und wird ausgelassen</numerusform>
                <numerusform>%n Titel haben kein %1 und werden ausgelassen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tracks are outside subset %1 and are left out</source>
            <translation>
                <numerusform>%n Titel liegt außerhalb der Teilmenge %1 und wird ausgelassen</numerusform>
                <numerusform>%n Titel liegen außerhalb der Teilmenge %1 und werden ausgelassen</numerusform>
            </translation>
        </message>
        <message>
            <source>feature cache could not be updated, nothing more will be remembered: %1</source>
            <translation>Merkmal-Cache konnte nicht aktualisiert werden, nichts weiteres wird gespeichert: %1</translation>
        </message>
        <message>
            <source>audio lasts %1 s, much shorter than FMA's 30 s clips (one of FMA's known bad files)</source>
            <translation>Audio dauert %1 s, viel kürzer als die 30-s-Ausschnitte von FMA (eine der bekannten fehlerhaften FMA-Dateien)</translation>
        </message>
        <message>
            <source>genre hierarchy not shown: %1</source>
            <translation>Genre-Hierarchie nicht angezeigt: %1</translation>
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
            <translation>
                <numerusform>%n Titel, genreübergreifend</numerusform>
                <numerusform>%n Titel, genreübergreifend</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n song(s), same genre</source>
            <translation>
                <numerusform>%n Titel, gleiches Genre</numerusform>
                <numerusform>%n Titel, gleiches Genre</numerusform>
            </translation>
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
            <translation>
                <numerusform>%n Gruppe von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester Ausrichtung; fremde Musik liegt nahe 0,5). </numerusform>
                <numerusform>%n Gruppen von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester Ausrichtung; fremde Musik liegt nahe 0,5). </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n group(s) span more than one genre folder.</source>
            <translation>
                <numerusform>%n Gruppe umfasst mehr als einen Genre-Ordner.</numerusform>
                <numerusform>%n Gruppen umfassen mehr als einen Genre-Ordner.</numerusform>
            </translation>
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
            <translation>
                <numerusform>%1
Median %2
Quartile %3 – %4
Whisker %5 – %6
%n Ausreißer</numerusform>
                <numerusform>%1
Median %2
Quartile %3 – %4
Whisker %5 – %6
%n Ausreißer</numerusform>
            </translation>
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
        <message>
            <source>fitted on a stratified sample of %1 of %2 songs, all shown</source>
            <translation>angepasst an eine geschichtete Stichprobe von %1 aus %2 Songs, alle angezeigt</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::GenreHierarchyPanel</name>
        <message>
            <source>Genre</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Songs</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Songs incl. sub-genres</source>
            <translation>Titel inkl. Subgenres</translation>
        </message>
        <message>
            <source>No genres yet. Open a folder whose sub-folders are genres; nest them (for example Rock/Punk) to see a hierarchy here.</source>
            <translation>Noch keine Genres. Öffnen Sie einen Ordner, dessen Unterordner Genres sind; verschachteln Sie sie (zum Beispiel Rock/Punk), um hier eine Hierarchie zu sehen.</translation>
        </message>
        <message numerus="yes">
            <source>%n genre(s), none nested: no hierarchy to show. Nest genre folders (for example Rock/Punk) to group sub-genres under their parent.</source>
            <translation>
                <numerusform>%n Genre, keines verschachtelt: keine Hierarchie. Verschachteln Sie Genre-Ordner (zum Beispiel Rock/Punk), um Subgenres unter ihrem Obergenre zu gruppieren.</numerusform>
                <numerusform>%n Genres, keines verschachtelt: keine Hierarchie. Verschachteln Sie Genre-Ordner (zum Beispiel Rock/Punk), um Subgenres unter ihrem Obergenre zu gruppieren.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n genre(s) and sub-genre(s), %1 song(s). A parent's total counts the songs of all genres below it.</source>
            <translation>
                <numerusform>%n Genre bzw. Subgenre, %1 Titel. Die Summe eines übergeordneten Genres zählt die Titel aller Genres darunter.</numerusform>
                <numerusform>%n Genres und Subgenres, %1 Titel. Die Summe eines übergeordneten Genres zählt die Titel aller Genres darunter.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::GenreTimelineView</name>
        <message>
            <source>Classify a song to see its genre over time</source>
            <translation>Einen Titel klassifizieren, um sein Genre im Zeitverlauf zu sehen</translation>
        </message>
        <message>
            <source>&lt;b&gt;Clip %1&lt;/b&gt;: %2 – %3</source>
            <translation>&lt;b&gt;Ausschnitt %1&lt;/b&gt;: %2 – %3</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::LearningCurveChart</name>
        <message>
            <source>Learning curve</source>
            <translation>Lernkurve</translation>
        </message>
        <message>
            <source>%1
%2 % of the training songs: %3 %</source>
            <translation>%1
%2 % der Trainingstitel: %3 %</translation>
        </message>
        <message>
            <source>Train with “Learning curve” on to see whether more songs would help</source>
            <translation>Mit eingeschalteter „Lernkurve“ trainieren, um zu sehen, ob mehr Titel helfen würden</translation>
        </message>
        <message>
            <source>No learning curve in this run: turn on “Learning curve” and train again</source>
            <translation>Keine Lernkurve in diesem Lauf: „Lernkurve“ einschalten und erneut trainieren</translation>
        </message>
        <message>
            <source> (run %1)</source>
            <translation> (Lauf %1)</translation>
        </message>
        <message>
            <source>%1: ± std over folds</source>
            <translation>%1: ± Standardabweichung über die Folds</translation>
        </message>
        <message>
            <source>%1: accuracy on held-out songs</source>
            <translation>%1: Genauigkeit auf zurückgehaltenen Titeln</translation>
        </message>
        <message>
            <source>%1: accuracy on training songs</source>
            <translation>%1: Genauigkeit auf Trainingstiteln</translation>
        </message>
        <message>
            <source>Share of each training fold used (%)</source>
            <translation>Genutzter Anteil jedes Trainings-Folds (%)</translation>
        </message>
        <message>
            <source>Accuracy (%)</source>
            <translation>Genauigkeit (%)</translation>
        </message>
        <message>
            <source>Mean training songs</source>
            <translation>Mittlere Zahl der Trainingstitel</translation>
        </message>
        <message>
            <source>Learning curve — %1</source>
            <translation>Lernkurve — %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::MainWindow</name>
        <message>
            <source>Genrescope</source>
            <translation>Genrescope</translation>
        </message>
        <message>
            <source>%1 — Genrescope</source>
            <translation>%1 — Genrescope</translation>
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
            <translation>
                <numerusform>%n Titel in %1 Genre(s)</numerusform>
                <numerusform>%n Titel in %1 Genre(s)</numerusform>
            </translation>
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
        <message>
            <source>&amp;Compare Models</source>
            <translation>Modelle &amp;vergleichen</translation>
        </message>
        <message>
            <source>Con&amp;fusion Matrix</source>
            <translation>&amp;Konfusionsmatrix</translation>
        </message>
        <message>
            <source>C&amp;lassify Songs</source>
            <translation>Titel k&amp;lassifizieren</translation>
        </message>
        <message>
            <source>Cannot use the model %1: %2</source>
            <translation>Das Modell %1 kann nicht verwendet werden: %2</translation>
        </message>
        <message>
            <source>Cannot use this model</source>
            <translation>Dieses Modell kann nicht verwendet werden</translation>
        </message>
        <message>
            <source>%1

%2</source>
            <translation>%1

%2</translation>
        </message>
        <message>
            <source>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Explore a music collection by genre. Open a folder whose sub-folders are genres (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): every song is decoded, analysed and shown with its waveform, mel spectrogram and per-genre statistics. Then compare classifiers on it by cross-validation, see where they go wrong, and drop new songs on the window to classify them.&lt;/p&gt;</source>
            <translation>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Eine Musiksammlung nach Genres erkunden. Einen Ordner öffnen, dessen Unterordner Genres sind (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): Jeder Titel wird dekodiert, analysiert und mit Wellenform, Mel-Spektrogramm und Statistiken je Genre gezeigt. Dann Klassifikatoren darauf per Kreuzvalidierung vergleichen, sehen, wo sie sich irren, und neue Titel auf das Fenster ziehen, um sie zu klassifizieren.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Classify songs with a saved model…</source>
            <translation>Titel mit einem gespeicherten Modell klassifizieren…</translation>
        </message>
        <message>
            <source>Open a model file (.gsm), then drop songs onto this window.</source>
            <translation>Eine Modelldatei (.gsm) öffnen, dann Titel auf dieses Fenster ziehen.</translation>
        </message>
        <message>
            <source>Classify &amp;Songs…</source>
            <translation>&amp;Titel klassifizieren…</translation>
        </message>
        <message>
            <source>Open &amp;Model…</source>
            <translation>&amp;Modell öffnen…</translation>
        </message>
        <message>
            <source>Sa&amp;ve Model…</source>
            <translation>Modell &amp;speichern…</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <source>&amp;Report (HTML)…</source>
            <translation>&amp;Bericht (HTML)…</translation>
        </message>
        <message>
            <source>&amp;Features (CSV)…</source>
            <translation>&amp;Merkmale (CSV)…</translation>
        </message>
        <message>
            <source>Features (&amp;Kaggle GTZAN CSV layout)…</source>
            <translation>Merkmale (&amp;Kaggle-GTZAN-CSV-Format)…</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>Abbre&amp;chen</translation>
        </message>
        <message>
            <source>Stop the analysis, training or classification running now</source>
            <translation>Die laufende Analyse, das Training oder die Klassifizierung anhalten</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Export Report</source>
            <translation>Bericht exportieren</translation>
        </message>
        <message>
            <source>There is no comparison to report yet. Train and compare models on the Compare Models page first.</source>
            <translation>Es gibt noch keinen Vergleich für einen Bericht. Zuerst Modelle auf der Seite „Modelle vergleichen“ trainieren und vergleichen.</translation>
        </message>
        <message>
            <source>HTML report (*.html);;JSON report (*.json)</source>
            <translation>HTML-Bericht (*.html);;JSON-Bericht (*.json)</translation>
        </message>
        <message>
            <source>Report written to %1</source>
            <translation>Bericht in %1 geschrieben</translation>
        </message>
        <message>
            <source>Could not write the report:
%1</source>
            <translation>Der Bericht konnte nicht geschrieben werden:
%1</translation>
        </message>
        <message>
            <source>Export Features</source>
            <translation>Merkmale exportieren</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n song(s) written to %1</source>
            <translation>
                <numerusform>%n Titel in %1 geschrieben</numerusform>
                <numerusform>%n Titel in %1 geschrieben</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not write the table:
%1</source>
            <translation>Die Tabelle konnte nicht geschrieben werden:
%1</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Verklei&amp;nern</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>Voll&amp;bild</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Find Songs…</source>
            <translation>Titel &amp;suchen…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>Under the mouse in the waveform (time, amplitude) or the spectrogram (time, frequency, level)</source>
            <translation>Unter der Maus in der Wellenform (Zeit, Amplitude) oder im Spektrogramm (Zeit, Frequenz, Pegel)</translation>
        </message>
        <message>
            <source>&amp;Genre Hierarchy</source>
            <translation>Genre-&amp;Hierarchie</translation>
        </message>
        <message>
            <source>Open Folder &amp;with Labels…</source>
            <translation>Ordner mit &amp;Labels öffnen…</translation>
        </message>
        <message>
            <source>Genres from a metadata file (FMA's tracks.csv or a CSV of path,genre) instead of genre folders</source>
            <translation>Genres aus einer Metadatendatei (tracks.csv von FMA oder eine CSV mit Pfad,Genre) statt aus Genre-Ordnern</translation>
        </message>
        <message>
            <source>Opening %1 with the labels of %2…</source>
            <translation>%1 wird mit den Labels aus %2 geöffnet…</translation>
        </message>
        <message>
            <source>Labels for %1</source>
            <translation>Labels für %1</translation>
        </message>
        <message>
            <source>Labels (*.csv);;All files (*)</source>
            <translation>Labels (*.csv);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>genre_top: one top-level genre (tracks without one are left out)</source>
            <translation>genre_top: ein Hauptgenre (Titel ohne eines werden ausgelassen)</translation>
        </message>
        <message>
            <source>genres_all: every genre (models learn genre_top, else the first top-level genre)</source>
            <translation>genres_all: alle Genres (Modelle lernen genre_top, sonst das erste Hauptgenre)</translation>
        </message>
        <message>
            <source>FMA labels</source>
            <translation>FMA-Labels</translation>
        </message>
        <message>
            <source>Genre field:</source>
            <translation>Genre-Feld:</translation>
        </message>
        <message>
            <source>all tracks</source>
            <translation>alle Titel</translation>
        </message>
        <message>
            <source>Subset (nested: medium includes small):</source>
            <translation>Teilmenge (verschachtelt: medium enthält small):</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::MetricsTableModel</name>
        <message>
            <source>#%1</source>
            <translation>#%1</translation>
        </message>
        <message>
            <source>&lt; 0.01</source>
            <translation>&lt; 0,01</translation>
        </message>
        <message>
            <source>&lt; 0.1</source>
            <translation>&lt; 0,1</translation>
        </message>
        <message numerus="yes">
            <source>Mean and standard deviation of the accuracy over the %n test fold(s)</source>
            <translation>
                <numerusform>Mittelwert und Standardabweichung der Genauigkeit über %n Test-Fold</numerusform>
                <numerusform>Mittelwert und Standardabweichung der Genauigkeit über die %n Test-Folds</numerusform>
            </translation>
        </message>
        <message>
            <source>Mean −ln p(true genre) over all songs: lower means better probabilities</source>
            <translation>Mittelwert von −ln p(wahres Genre) über alle Titel: niedriger heißt bessere Wahrscheinlichkeiten</translation>
        </message>
        <message>
            <source>Mean wall-clock seconds to fit one fold's model (CPU time %1 s)</source>
            <translation>Mittlere Laufzeit in Sekunden, um das Modell eines Folds zu trainieren (CPU-Zeit %1 s)</translation>
        </message>
        <message>
            <source>Mean milliseconds to predict one whole test fold</source>
            <translation>Mittlere Millisekunden für die Vorhersage eines ganzen Test-Folds</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>Genauigkeit</translation>
        </message>
        <message>
            <source>± std</source>
            <translation>± Std.-Abw.</translation>
        </message>
        <message>
            <source>Balanced acc.</source>
            <translation>Balanc. Genauigk.</translation>
        </message>
        <message>
            <source>Macro-F1</source>
            <translation>Makro-F1</translation>
        </message>
        <message>
            <source>Log-loss</source>
            <translation>Log-Loss</translation>
        </message>
        <message>
            <source>Fit s</source>
            <translation>Training s</translation>
        </message>
        <message>
            <source>Predict ms</source>
            <translation>Vorhersage ms</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ModelInfo</name>
        <message>
            <source>%1 % ± %2 (%3-fold CV)</source>
            <translation>%1 % ± %2 (%3-fache KV)</translation>
        </message>
        <message>
            <source>defaults</source>
            <translation>Standardwerte</translation>
        </message>
        <message>
            <source>not cross-validated (no report in the model)</source>
            <translation>nicht kreuzvalidiert (kein Bericht im Modell)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <source>trained in this session</source>
            <translation>in dieser Sitzung trainiert</translation>
        </message>
        <message>
            <source>Genres</source>
            <translation>Genres</translation>
        </message>
        <message>
            <source>Trained on</source>
            <translation>Trainiert mit</translation>
        </message>
        <message>
            <source>Features</source>
            <translation>Merkmale</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>Genauigkeit</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Herkunft</translation>
        </message>
        <message>
            <source>&lt;b&gt;No model yet.&lt;/b&gt; To classify songs you need one:&lt;ul style='margin-left:-20px'&gt;&lt;li&gt;train and compare models on the &lt;a href='compare'&gt;Compare&lt;/a&gt; page — the best one is refit on all songs and used here;&lt;/li&gt;&lt;li&gt;or open a saved model (.gsm) with &lt;a href='open'&gt;File → Open Model…&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;Songs added before then wait and are classified as soon as a model is there.</source>
            <translation>&lt;b&gt;Noch kein Modell.&lt;/b&gt; Zum Klassifizieren von Titeln wird eines gebraucht:&lt;ul style='margin-left:-20px'&gt;&lt;li&gt;Modelle auf der Seite &lt;a href='compare'&gt;Vergleichen&lt;/a&gt; trainieren und vergleichen — das beste wird auf allen Titeln neu trainiert und hier verwendet;&lt;/li&gt;&lt;li&gt;oder ein gespeichertes Modell (.gsm) mit &lt;a href='open'&gt;Datei → Modell öffnen…&lt;/a&gt; laden.&lt;/li&gt;&lt;/ul&gt;Vorher hinzugefügte Titel warten und werden klassifiziert, sobald ein Modell vorhanden ist.</translation>
        </message>
        <message numerus="yes">
            <source>%n songs</source>
            <translation>
                <numerusform>%n Titel</numerusform>
                <numerusform>%n Titel</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::NullAudioOutput</name>
        <message>
            <source>no audio device</source>
            <translation>kein Audiogerät</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PairwiseTableModel</name>
        <message>
            <source>%1 points</source>
            <translation>%1 Prozentpunkte</translation>
        </message>
        <message>
            <source>Corrected resampled t-test (t = %1) over the same folds: does %2's recipe do better on new songs?</source>
            <translation>Korrigierter Resampling-t-Test (t = %1) über dieselben Folds: Schneidet das Verfahren von %2 bei neuen Titeln besser ab?</translation>
        </message>
        <message>
            <source>Better model (A)</source>
            <translation>Besseres Modell (A)</translation>
        </message>
        <message>
            <source>Model B</source>
            <translation>Modell B</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>t-test p</source>
            <translation>t-Test p</translation>
        </message>
        <message>
            <source>Only A right</source>
            <translation>Nur A richtig</translation>
        </message>
        <message>
            <source>Only B right</source>
            <translation>Nur B richtig</translation>
        </message>
        <message>
            <source>McNemar p</source>
            <translation>McNemar p</translation>
        </message>
        <message>
            <source>McNemar's exact test on the pooled predictions: songs only %2 got right: %1; songs only %4 got right: %3</source>
            <translation>Exakter McNemar-Test auf den zusammengefassten Vorhersagen: Titel, die nur %2 richtig hatte: %1; Titel, die nur %4 richtig hatte: %3</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PerClassF1Map</name>
        <message>
            <source>F1 per genre and model</source>
            <translation>F1 je Genre und Modell</translation>
        </message>
        <message>
            <source>Train to compare models</source>
            <translation>Trainieren, um Modelle zu vergleichen</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>F1 per genre and model — run %1</source>
            <translation>F1 je Genre und Modell — Lauf %1</translation>
        </message>
        <message numerus="yes">
            <source>%1 on %2
F1 %3 · precision %4 · recall %5 · %n songs</source>
            <translation>
                <numerusform>%1 bei %2
F1 %3 · Präzision %4 · Trefferquote %5 · %n Titel</numerusform>
                <numerusform>%1 bei %2
F1 %3 · Präzision %4 · Trefferquote %5 · %n Titel</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PerClassTableModel</name>
        <message>
            <source>Unweighted mean over the genres that occur</source>
            <translation>Ungewichteter Mittelwert über die vorkommenden Genres</translation>
        </message>
        <message>
            <source>Mean over the genres weighted by their number of songs (support)</source>
            <translation>Mittelwert über die Genres, gewichtet nach ihrer Titelzahl (Support)</translation>
        </message>
        <message>
            <source>macro avg</source>
            <translation>Makro-Mittel</translation>
        </message>
        <message>
            <source>weighted avg</source>
            <translation>gewichtetes Mittel</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Genre</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Präzision</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Trefferquote</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Songs</source>
            <translation>Titel</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PlaybackController</name>
        <message>
            <source>Cannot play %1: %2</source>
            <translation>%1 kann nicht wiedergegeben werden: %2</translation>
        </message>
        <message>
            <source>Playback stopped: %1</source>
            <translation>Wiedergabe gestoppt: %1</translation>
        </message>
        <message>
            <source>%1 plays in part: %2</source>
            <translation>%1 wird nur teilweise wiedergegeben: %2</translation>
        </message>
        <message>
            <source>Cannot play: %1. Everything else works.</source>
            <translation>Wiedergabe nicht möglich: %1. Alles andere funktioniert.</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PlayerBar</name>
        <message>
            <source>Play / pause the selected song (Space)</source>
            <translation>Ausgewählten Titel abspielen / anhalten (Leertaste)</translation>
        </message>
        <message>
            <source>Position in the song; click the waveform or spectrogram to jump there</source>
            <translation>Position im Titel; in die Wellenform oder das Spektrogramm klicken, um dorthin zu springen</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PreferencesDialog</name>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>&amp;Appearance:</source>
            <translation>&amp;Erscheinungsbild:</translation>
        </message>
        <message>
            <source>Language and appearance change the next time Genrescope starts.</source>
            <translation>Sprache und Erscheinungsbild ändern sich beim nächsten Start von Genrescope.</translation>
        </message>
        <message>
            <source>&amp;Clear Recent Folders</source>
            <translation>Zuletzt geöffnete Ordner &amp;leeren</translation>
        </message>
        <message>
            <source>Recent folders:</source>
            <translation>Zuletzt geöffnete Ordner:</translation>
        </message>
        <message>
            <source>Spectrogram defaults</source>
            <translation>Spektrogramm-Standardwerte</translation>
        </message>
        <message>
            <source>&amp;FFT size:</source>
            <translation>&amp;FFT-Größe:</translation>
        </message>
        <message>
            <source>&amp;Hop:</source>
            <translation>&amp;Hop:</translation>
        </message>
        <message>
            <source>&amp;Mel bands:</source>
            <translation>&amp;Mel-Bänder:</translation>
        </message>
        <message>
            <source> dB</source>
            <translation> dB</translation>
        </message>
        <message>
            <source>&amp;dB range:</source>
            <translation>&amp;dB-Bereich:</translation>
        </message>
        <message>
            <source>C&amp;olour map:</source>
            <translation>Fa&amp;rbskala:</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelle</translation>
        </message>
        <message>
            <source>&amp;Re-open the last model file on start</source>
            <translation>Letzte Modelldatei beim Start erneut &amp;öffnen</translation>
        </message>
        <message>
            <source>Cross-validation folds the Compare Models page starts with</source>
            <translation>Zahl der Folds der Kreuzvalidierung, mit der die Seite „Modelle vergleichen“ beginnt</translation>
        </message>
        <message>
            <source>Default f&amp;olds:</source>
            <translation>Standardzahl der F&amp;olds:</translation>
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
            <translation>
                <numerusform>%n Datei konnte nicht analysiert werden. Die übrigen Titel sind nicht betroffen.</numerusform>
                <numerusform>%n Dateien konnten nicht analysiert werden. Die übrigen Titel sind nicht betroffen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ReportExport</name>
        <message>
            <source>Songs per genre in the open folder.</source>
            <translation>Titel je Genre im geöffneten Ordner.</translation>
        </message>
        <message>
            <source>Song length per genre.</source>
            <translation>Titellänge je Genre.</translation>
        </message>
        <message>
            <source>Distribution of the feature chosen on the Explore page.</source>
            <translation>Verteilung des auf der Seite „Erkunden“ gewählten Merkmals.</translation>
        </message>
        <message>
            <source>Scatter (or PCA) as shown on the Explore page.</source>
            <translation>Streudiagramm (oder PCA) wie auf der Seite „Erkunden“.</translation>
        </message>
        <message>
            <source>Pearson correlation between the features.</source>
            <translation>Pearson-Korrelation zwischen den Merkmalen.</translation>
        </message>
        <message>
            <source>Cross-validation scores come from the models of each fold, trained without the songs they were scored on.</source>
            <translation>Die Werte der Kreuzvalidierung stammen von den Modellen der einzelnen Folds, trainiert ohne die Titel, auf denen sie bewertet wurden.</translation>
        </message>
        <message>
            <source>No model was refit on all songs yet.</source>
            <translation>Noch kein Modell wurde auf allen Titeln neu trainiert.</translation>
        </message>
        <message>
            <source>The model that classifies new songs (%1) was opened from %2.</source>
            <translation>Das Modell, das neue Titel klassifiziert (%1), wurde aus %2 geöffnet.</translation>
        </message>
        <message numerus="yes">
            <source>The model that classifies new songs and is exported (%1) was refit on all %n songs of this run.</source>
            <translation>
                <numerusform>Das Modell, das neue Titel klassifiziert und exportiert wird (%1), wurde auf dem %n Titel dieses Laufs neu trainiert.</numerusform>
                <numerusform>Das Modell, das neue Titel klassifiziert und exportiert wird (%1), wurde auf allen %n Titeln dieses Laufs neu trainiert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The model that classifies new songs (%1) was refit on all %n songs of run %2.</source>
            <translation>
                <numerusform>Das Modell, das neue Titel klassifiziert (%1), wurde auf dem %n Titel von Lauf %2 neu trainiert.</numerusform>
                <numerusform>Das Modell, das neue Titel klassifiziert (%1), wurde auf allen %n Titeln von Lauf %2 neu trainiert.</numerusform>
            </translation>
        </message>
        <message>
            <source>Genrescope report — %1</source>
            <translation>Genrescope-Bericht — %1</translation>
        </message>
        <message numerus="yes">
            <source>Folder %1: %n songs learnt from.</source>
            <translation>
                <numerusform>Ordner %1: aus %n Titel gelernt.</numerusform>
                <numerusform>Ordner %1: aus %n Titeln gelernt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n songs left out (not analysed, failed or without a genre).</source>
            <translation>
                <numerusform>%n Titel ausgelassen (nicht analysiert, fehlgeschlagen oder ohne Genre).</numerusform>
                <numerusform>%n Titel ausgelassen (nicht analysiert, fehlgeschlagen oder ohne Genre).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n groups of duplicate recordings kept on one side of every fold.</source>
            <translation>
                <numerusform>%n Gruppe doppelter Aufnahmen blieb in jedem Fold auf einer Seite.</numerusform>
                <numerusform>%n Gruppen doppelter Aufnahmen blieben in jedem Fold auf einer Seite.</numerusform>
            </translation>
        </message>
        <message>
            <source>Comparison finished %1 in %2 s.</source>
            <translation>Vergleich am %1 in %2 s abgeschlossen.</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SinkAudioOutput</name>
        <message>
            <source>no audio device</source>
            <translation>kein Audiogerät</translation>
        </message>
        <message>
            <source>the audio device stopped (error %1)</source>
            <translation>das Audiogerät wurde angehalten (Fehler %1)</translation>
        </message>
        <message>
            <source>cannot open the audio device %1</source>
            <translation>Audiogerät %1 kann nicht geöffnet werden</translation>
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
            <translation>
                <numerusform>%n Kanal</numerusform>
                <numerusform>%n Kanäle</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · %2 kHz %3</source>
            <translation>%1 · %2 kHz %3</translation>
        </message>
        <message numerus="yes">
            <source>%1 in a %2 container, %3 Hz, %n channel(s)</source>
            <translation>
                <numerusform>%1 in einem %2-Container, %3 Hz, %n Kanal</numerusform>
                <numerusform>%1 in einem %2-Container, %3 Hz, %n Kanäle</numerusform>
            </translation>
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
        <name>gs::ui::SongView</name>
        <message>
            <source>the song has not been decoded</source>
            <translation>der Titel wurde nicht dekodiert</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongViewDisplay</name>
        <message>
            <source>Cannot decode: %1</source>
            <translation>Dekodieren nicht möglich: %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongsPage</name>
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
            <source>All genres</source>
            <translation>Alle Genres</translation>
        </message>
        <message>
            <source>(no genre)</source>
            <translation>(kein Genre)</translation>
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
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Save the waveform envelope shown (min/max per pixel column) as CSV</source>
            <translation>Die gezeigte Hüllkurve der Wellenform (Min./Max. je Pixelspalte) als CSV speichern</translation>
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
        <message>
            <source>Image (PNG, SVG, PDF)…</source>
            <translation>Bild (PNG, SVG, PDF)…</translation>
        </message>
        <message>
            <source>Mel Spectrogram as CSV…</source>
            <translation>Mel-Spektrogramm als CSV…</translation>
        </message>
        <message>
            <source>Mel Spectrogram as NumPy NPY…</source>
            <translation>Mel-Spektrogramm als NumPy-NPY…</translation>
        </message>
        <message>
            <source>Save this chart as an image, or its data as CSV or NPY</source>
            <translation>Dieses Diagramm als Bild oder seine Daten als CSV oder NPY speichern</translation>
        </message>
        <message>
            <source>Cannot write %1: no spectrogram is shown</source>
            <translation>%1 kann nicht geschrieben werden: es wird kein Spektrogramm angezeigt</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Export mel spectrogram</source>
            <translation>Mel-Spektrogramm exportieren</translation>
        </message>
        <message>
            <source>mel-spectrogram.npy</source>
            <translation>mel-spektrogramm.npy</translation>
        </message>
        <message>
            <source>mel-spectrogram.csv</source>
            <translation>mel-spektrogramm.csv</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>NumPy-Array (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV-Tabelle (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::TrainPanel</name>
        <message>
            <source>Duplicates and clips of one song (recommended)</source>
            <translation>Duplikate und Ausschnitte eines Titels (empfohlen)</translation>
        </message>
        <message>
            <source>Songs whose audio is the same recording (found by their fingerprints, see Duplicates) and clips cut from one song ("name.00012.3.wav") always stay on the same side of a fold, so no model is tested on a recording it has already heard.</source>
            <translation>Titel, deren Audio dieselbe Aufnahme ist (anhand ihrer Fingerabdrücke gefunden, siehe Duplikate), und Ausschnitte aus einem Titel („name.00012.3.wav“) bleiben immer auf derselben Seite eines Folds, sodass kein Modell mit einer Aufnahme getestet wird, die es schon gehört hat.</translation>
        </message>
        <message>
            <source>None: every song on its own</source>
            <translation>Keine: jeder Titel für sich</translation>
        </message>
        <message>
            <source>Every file is independent. Scores come out too optimistic when the collection holds duplicate recordings or several clips of one song.</source>
            <translation>Jede Datei ist unabhängig. Die Werte fallen zu optimistisch aus, wenn die Sammlung doppelte Aufnahmen oder mehrere Ausschnitte eines Titels enthält.</translation>
        </message>
        <message>
            <source>Clips of one song</source>
            <translation>Ausschnitte eines Titels</translation>
        </message>
        <message>
            <source>Files whose names differ only by a trailing segment number ("name.00012.3.wav") are kept together; duplicate recordings are not.</source>
            <translation>Dateien, deren Namen sich nur durch eine angehängte Segmentnummer unterscheiden („name.00012.3.wav“), bleiben zusammen; doppelte Aufnahmen nicht.</translation>
        </message>
        <message>
            <source>Duplicate recordings only</source>
            <translation>Nur doppelte Aufnahmen</translation>
        </message>
        <message>
            <source>Songs found to be the same recording by their audio fingerprints are kept together; clips are not grouped by name.</source>
            <translation>Titel, die laut Audio-Fingerabdruck dieselbe Aufnahme sind, bleiben zusammen; Ausschnitte werden nicht nach Namen gruppiert.</translation>
        </message>
        <message>
            <source>Training…</source>
            <translation>Training läuft…</translation>
        </message>
        <message>
            <source>Training failed: %1</source>
            <translation>Training fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Training cancelled.</source>
            <translation>Training abgebrochen.</translation>
        </message>
        <message>
            <source>Run %1 finished in %2: best %3 with %4 % accuracy.</source>
            <translation>Lauf %1 in %2 abgeschlossen: bestes Modell %3 mit %4 % Genauigkeit.</translation>
        </message>
        <message>
            <source>Choose models and press Train.</source>
            <translation>Modelle auswählen und „Trainieren und vergleichen“ drücken.</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelle</translation>
        </message>
        <message>
            <source>Checked models are cross-validated on the same folds</source>
            <translation>Die angehakten Modelle werden auf denselben Folds kreuzvalidiert</translation>
        </message>
        <message>
            <source>%1 — needs the songs, takes long</source>
            <translation>%1 — braucht die Titel, dauert lange</translation>
        </message>
        <message>
            <source>Learns from the audio itself, so it decodes every song again and trains a network per fold: expect minutes to hours.</source>
            <translation>Lernt aus dem Audio selbst, dekodiert daher jeden Titel erneut und trainiert ein Netz je Fold: Minuten bis Stunden sind zu erwarten.</translation>
        </message>
        <message>
            <source>Parameters of %1</source>
            <translation>Parameter von %1</translation>
        </message>
        <message>
            <source>%1
Default %2, range %3 – %4</source>
            <translation>%1
Standard %2, Bereich %3 – %4</translation>
        </message>
        <message>
            <source>Defaults</source>
            <translation>Standardwerte</translation>
        </message>
        <message>
            <source>Reset this model's parameters to their defaults</source>
            <translation>Die Parameter dieses Modells auf die Standardwerte zurücksetzen</translation>
        </message>
        <message>
            <source>No parameters.</source>
            <translation>Keine Parameter.</translation>
        </message>
        <message>
            <source>Cross-validation</source>
            <translation>Kreuzvalidierung</translation>
        </message>
        <message>
            <source>Songs are split into this many folds; each model is trained on all but one and tested on the one left out, in turn.</source>
            <translation>Die Titel werden in so viele Folds aufgeteilt; jedes Modell wird reihum auf allen außer einem trainiert und auf dem ausgelassenen getestet.</translation>
        </message>
        <message>
            <source>Folds</source>
            <translation>Folds</translation>
        </message>
        <message>
            <source>Which songs must stay together in one fold</source>
            <translation>Welche Titel in einem Fold zusammenbleiben müssen</translation>
        </message>
        <message>
            <source>Keep together</source>
            <translation>Zusammenhalten</translation>
        </message>
        <message>
            <source>Tune parameters (nested search)</source>
            <translation>Parameter abstimmen (verschachtelte Suche)</translation>
        </message>
        <message>
            <source>Inside each training fold, try the model's parameter grid by an inner cross-validation and keep the best; the outer test fold stays unseen. Slower, honest.</source>
            <translation>In jedem Trainings-Fold das Parameterraster des Modells per innerer Kreuzvalidierung durchprobieren und das beste behalten; der äußere Test-Fold bleibt ungesehen. Langsamer, aber ehrlich.</translation>
        </message>
        <message>
            <source>Folds of the inner cross-validation that picks the parameters</source>
            <translation>Folds der inneren Kreuzvalidierung, die die Parameter wählt</translation>
        </message>
        <message>
            <source>inner folds</source>
            <translation>innere Folds</translation>
        </message>
        <message>
            <source>Same seed, same data: the same folds and the same numbers</source>
            <translation>Gleicher Startwert, gleiche Daten: dieselben Folds und dieselben Zahlen</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Startwert</translation>
        </message>
        <message>
            <source>Learning curve of the best model</source>
            <translation>Lernkurve des besten Modells</translation>
        </message>
        <message>
            <source>Trains the best model again on growing shares of each training fold: a curve still rising at 100 % says more songs would help.</source>
            <translation>Trainiert das beste Modell erneut auf wachsenden Anteilen jedes Trainings-Folds: Eine Kurve, die bei 100 % noch steigt, zeigt, dass mehr Titel helfen würden.</translation>
        </message>
        <message>
            <source>CNN epochs</source>
            <translation>CNN-Epochen</translation>
        </message>
        <message>
            <source>Train and compare</source>
            <translation>Trainieren und vergleichen</translation>
        </message>
        <message>
            <source>Cross-validate the checked models, then refit the best on all songs</source>
            <translation>Die angehakten Modelle kreuzvalidieren und das beste dann auf allen Titeln neu trainieren</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Stop training; the current run is discarded</source>
            <translation>Training anhalten; der aktuelle Lauf wird verworfen</translation>
        </message>
        <message>
            <source>Open a music folder first: the models learn from its analysed songs.</source>
            <translation>Zuerst einen Musikordner öffnen: Die Modelle lernen aus seinen analysierten Titeln.</translation>
        </message>
        <message>
            <source>No song is analysed yet: training starts once songs in genre folders have their features.</source>
            <translation>Noch kein Titel analysiert: Das Training beginnt, sobald Titel in Genre-Ordnern ihre Merkmale haben.</translation>
        </message>
        <message>
            <source>Check at least one model</source>
            <translation>Mindestens ein Modell anhaken</translation>
        </message>
        <message>
            <source>Check at least one model.</source>
            <translation>Mindestens ein Modell anhaken.</translation>
        </message>
        <message>
            <source>Preparing the songs…</source>
            <translation>Titel werden vorbereitet…</translation>
        </message>
        <message>
            <source>About %1 left · %2 elapsed</source>
            <translation>Noch etwa %1 · %2 vergangen</translation>
        </message>
        <message>
            <source>%1 elapsed</source>
            <translation>%1 vergangen</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::WaveformView</name>
        <message>
            <source>Select a song to see its waveform</source>
            <translation>Titel auswählen, um seine Wellenform zu sehen</translation>
        </message>
        <message>
            <source>Click: play from there · Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End · right-click: export</source>
            <translation>Klick: ab dort abspielen · Mausrad: zoomen · Umschalt+Mausrad oder Ziehen: scrollen · +/−, ←/→, Pos1/Ende · Rechtsklick: exportieren</translation>
        </message>
        <message>
            <source>%1 dBFS</source>
            <translation>%1 dBFS</translation>
        </message>
        <message>
            <source>silence</source>
            <translation>Stille</translation>
        </message>
        <message>
            <source>%1 · amplitude %2 · %3</source>
            <translation>%1 · Amplitude %2 · %3</translation>
        </message>
        <message>
            <source>%1 · amplitude %2 … %3 · peak %4</source>
            <translation>%1 · Amplitude %2 … %3 · Spitze %4</translation>
        </message>
        <message>
            <source>Cannot write %1: no waveform is shown</source>
            <translation>%1 kann nicht geschrieben werden: es wird keine Wellenform angezeigt</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Export waveform envelope</source>
            <translation>Hüllkurve der Wellenform exportieren</translation>
        </message>
        <message>
            <source>waveform-envelope.csv</source>
            <translation>wellenform-huellkurve.csv</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV-Tabelle (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export fehlgeschlagen</translation>
        </message>
        <message>
            <source>Export Envelope as CSV…</source>
            <translation>Hüllkurve als CSV exportieren…</translation>
        </message>
    </context>
</TS>
