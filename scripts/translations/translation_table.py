# German and Spanish UI texts of Genrescope, keyed by the English source text.
# TABLE[source] = (german, spanish); plural (%n) messages give a list of forms: [one, other].
# CONTEXT_TABLE[(context, source)] overrides TABLE where one English word needs two translations.
# Terms: song = DE Titel / ES canción; genre = Genre / género; feature = Merkmal / característica;
# model = Modell / modelo; run = Lauf / ejecución; fold = Fold / pliegue; clip = Ausschnitt / fragmento;
# cross-validation = Kreuzvalidierung / validación cruzada; confusion matrix = Konfusionsmatrix /
# matriz de confusión; accuracy = Genauigkeit / exactitud; precision = Präzision / precisión;
# recall = Trefferquote / exhaustividad; refit = neu trainiert / reentrenado.

TABLE = {
    # --- QObject (durations)
    "%n s": (["%n s", "%n s"], ["%n s", "%n s"]),
    "%1 min %2 s": ("%1 min %2 s", "%1 min %2 s"),
    "%1 h %2 min": ("%1 h %2 min", "%1 h %2 min"),

    # --- AccuracyChart / PerClassF1Map / LearningCurveChart
    "Accuracy per model": ("Genauigkeit je Modell", "Exactitud por modelo"),
    "%1 (run %2)\naccuracy %3 % ± %4 over %n folds\nbalanced accuracy %5 %\nmacro-F1 %6": (
        ["%1 (Lauf %2)\nGenauigkeit %3 % ± %4 über %n Fold\nbalancierte Genauigkeit %5 %\nMakro-F1 %6",
         "%1 (Lauf %2)\nGenauigkeit %3 % ± %4 über %n Folds\nbalancierte Genauigkeit %5 %\nMakro-F1 %6"],
        ["%1 (ejecución %2)\nexactitud %3 % ± %4 en %n pliegue\nexactitud equilibrada %5 %\nF1 macro %6",
         "%1 (ejecución %2)\nexactitud %3 % ± %4 en %n pliegues\nexactitud equilibrada %5 %\nF1 macro %6"]),
    "Train to compare models": ("Trainieren, um Modelle zu vergleichen", "Entrene para comparar modelos"),
    "dummy baseline\n%1 %": ("Dummy-Basislinie\n%1 %", "referencia trivial (dummy)\n%1 %"),
    "Model (solid: run %1, hatched: run %2)": ("Modell (gefüllt: Lauf %1, schraffiert: Lauf %2)",
                                               "Modelo (relleno: ejecución %1, rayado: ejecución %2)"),
    "Model": ("Modell", "Modelo"),
    "Accuracy %, mean ± std": ("Genauigkeit in %, Mittelwert ± Standardabweichung", "Exactitud %, media ± desv. típ."),
    "Accuracy per model — run %1, %2-fold cross-validation": (
        "Genauigkeit je Modell — Lauf %1, %2-fache Kreuzvalidierung",
        "Exactitud por modelo — ejecución %1, validación cruzada de %2 pliegues"),
    "F1 per genre and model": ("F1 je Genre und Modell", "F1 por género y modelo"),
    "%1 on %2\nF1 %3 · precision %4 · recall %5 · %n songs": (
        ["%1 bei %2\nF1 %3 · Präzision %4 · Trefferquote %5 · %n Titel",
         "%1 bei %2\nF1 %3 · Präzision %4 · Trefferquote %5 · %n Titel"],
        ["%1 en %2\nF1 %3 · precisión %4 · exhaustividad %5 · %n canción",
         "%1 en %2\nF1 %3 · precisión %4 · exhaustividad %5 · %n canciones"]),
    "F1": ("F1", "F1"),
    "Genre": ("Genre", "Género"),
    "F1 per genre and model — run %1": ("F1 je Genre und Modell — Lauf %1", "F1 por género y modelo — ejecución %1"),
    "Learning curve": ("Lernkurve", "Curva de aprendizaje"),
    "%1\n%2 % of the training songs: %3 %": ("%1\n%2 % der Trainingstitel: %3 %",
                                              "%1\n%2 % de las canciones de entrenamiento: %3 %"),
    "Train with “Learning curve” on to see whether more songs would help": (
        "Mit eingeschalteter „Lernkurve“ trainieren, um zu sehen, ob mehr Titel helfen würden",
        "Entrene con «Curva de aprendizaje» activada para ver si más canciones ayudarían"),
    "No learning curve in this run: turn on “Learning curve” and train again": (
        "Keine Lernkurve in diesem Lauf: „Lernkurve“ einschalten und erneut trainieren",
        "Esta ejecución no tiene curva de aprendizaje: active «Curva de aprendizaje» y vuelva a entrenar"),
    " (run %1)": (" (Lauf %1)", " (ejecución %1)"),
    "%1: ± std over folds": ("%1: ± Standardabweichung über die Folds", "%1: ± desv. típ. entre pliegues"),
    "%1: accuracy on held-out songs": ("%1: Genauigkeit auf zurückgehaltenen Titeln",
                                       "%1: exactitud en canciones reservadas"),
    "%1: accuracy on training songs": ("%1: Genauigkeit auf Trainingstiteln",
                                       "%1: exactitud en canciones de entrenamiento"),
    "Share of each training fold used (%)": ("Genutzter Anteil jedes Trainings-Folds (%)",
                                             "Parte usada de cada pliegue de entrenamiento (%)"),
    "Accuracy (%)": ("Genauigkeit (%)", "Exactitud (%)"),
    "Mean training songs": ("Mittlere Zahl der Trainingstitel", "Media de canciones de entrenamiento"),
    "Learning curve — %1": ("Lernkurve — %1", "Curva de aprendizaje — %1"),

    # --- ChartWidget and EDA charts
    "Export…": ("Exportieren…", "Exportar…"),
    "Save this chart as PNG, SVG or PDF": ("Diagramm als PNG, SVG oder PDF speichern",
                                           "Guardar este gráfico como PNG, SVG o PDF"),
    "Chart exported by Genrescope": ("Mit Genrescope exportiertes Diagramm", "Gráfico exportado por Genrescope"),
    "Export chart": ("Diagramm exportieren", "Exportar gráfico"),
    "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)": (
        "PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)",
        "Imagen PNG (*.png);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)"),
    "Export failed": ("Export fehlgeschlagen", "Error al exportar"),
    "Could not write %1.": ("%1 konnte nicht geschrieben werden.", "No se pudo escribir %1."),
    "Class balance": ("Klassenverteilung", "Equilibrio de clases"),
    "No songs yet": ("Noch keine Titel", "Aún no hay canciones"),
    "Songs": ("Titel", "Canciones"),
    "Feature correlation": ("Merkmalskorrelation", "Correlación de características"),
    "%1 × %2\nr = %3": ("%1 × %2\nr = %3", "%1 × %2\nr = %3"),
    "Need at least three analysed songs": ("Mindestens drei analysierte Titel nötig",
                                           "Se necesitan al menos tres canciones analizadas"),
    "Pearson r": ("Pearson-r", "r de Pearson"),
    "Pearson correlation": ("Pearson-Korrelation", "Correlación de Pearson"),
    "(none)": ("(keine)", "(ninguna)"),
    "%1\nmedian %2\nquartiles %3 – %4\nwhiskers %5 – %6\n%n outlier(s)": (
        ["%1\nMedian %2\nQuartile %3 – %4\nWhisker %5 – %6\n%n Ausreißer",
         "%1\nMedian %2\nQuartile %3 – %4\nWhisker %5 – %6\n%n Ausreißer"],
        ["%1\nmediana %2\ncuartiles %3 – %4\nbigotes %5 – %6\n%n valor atípico",
         "%1\nmediana %2\ncuartiles %3 – %4\nbigotes %5 – %6\n%n valores atípicos"]),
    "Song length": ("Titellänge", "Duración de las canciones"),
    "Feature distributions": ("Merkmalsverteilungen", "Distribuciones de características"),
    "Scatter / PCA": ("Streudiagramm / PCA", "Dispersión / PCA"),
    "Correlation": ("Korrelation", "Correlación"),
    "Feature distribution": ("Merkmalsverteilung", "Distribución de una característica"),
    "Feature": ("Merkmal", "Característica"),
    "Show": ("Anzeigen", "Mostrar"),
    "Box plots": ("Boxplots", "Diagramas de caja"),
    "Histograms": ("Histogramme", "Histogramas"),
    "Density curves": ("Dichtekurven", "Curvas de densidad"),
    "No analysed songs yet": ("Noch keine analysierten Titel", "Aún no hay canciones analizadas"),
    "Density (share per unit)": ("Dichte (Anteil je Einheit)", "Densidad (proporción por unidad)"),
    "Estimated density": ("Geschätzte Dichte", "Densidad estimada"),
    "Feature distribution — %1": ("Merkmalsverteilung — %1", "Distribución de la característica — %1"),
    "Feature scatter": ("Merkmals-Streudiagramm", "Dispersión de características"),
    "X": ("X", "X"),
    "Y": ("Y", "Y"),
    "%1\n%2\n%3 = %4\n%5 = %6": ("%1\n%2\n%3 = %4\n%5 = %6", "%1\n%2\n%3 = %4\n%5 = %6"),
    "Principal component 1": ("Hauptkomponente 1", "Componente principal 1"),
    "Principal component 2": ("Hauptkomponente 2", "Componente principal 2"),
    "Need at least two analysed songs": ("Mindestens zwei analysierte Titel nötig",
                                         "Se necesitan al menos dos canciones analizadas"),
    "PC%1 (%2 % of variance)": ("HK%1 (%2 % der Varianz)", "CP%1 (%2 % de la varianza)"),
    "Scatter — %1 vs %2": ("Streudiagramm — %1 gegen %2", "Dispersión — %1 frente a %2"),
    "Selected song": ("Ausgewählter Titel", "Canción seleccionada"),
    "Song length per genre": ("Titellänge je Genre", "Duración de las canciones por género"),
    "Box plot": ("Boxplot", "Diagrama de caja"),
    "Average length": ("Mittlere Länge", "Duración media"),
    "Mean": ("Mittelwert", "Media"),
    "Average length (s)": ("Mittlere Länge (s)", "Duración media (s)"),
    "Length (s)": ("Länge (s)", "Duración (s)"),

    # --- ClassifyPanel
    "Audio files (%1);;All files (*)": ("Audiodateien (%1);;Alle Dateien (*)",
                                         "Archivos de audio (%1);;Todos los archivos (*)"),
    "Classify Songs…": ("Titel klassifizieren…", "Clasificar canciones…"),
    "Choose audio files to classify with the current model (or drop them here)": (
        "Audiodateien wählen, die mit dem aktuellen Modell klassifiziert werden (oder hier ablegen)",
        "Elija archivos de audio para clasificarlos con el modelo actual (o suéltelos aquí)"),
    "Open Model…": ("Modell öffnen…", "Abrir modelo…"),
    "Save Model…": ("Modell speichern…", "Guardar modelo…"),
    "Clear": ("Leeren", "Vaciar"),
    "Remove every classified song from the list": ("Alle klassifizierten Titel aus der Liste entfernen",
                                                   "Quitar todas las canciones clasificadas de la lista"),
    "Cancel": ("Abbrechen", "Cancelar"),
    "File": ("Datei", "Archivo"),
    "Confidence": ("Konfidenz", "Confianza"),
    "Status": ("Status", "Estado"),
    "Genre probabilities": ("Genre-Wahrscheinlichkeiten", "Probabilidades de género"),
    "Could not open %1: %2": ("%1 konnte nicht geöffnet werden: %2", "No se pudo abrir %1: %2"),
    "%v of %m · %1 left": ("%v von %m · noch %1", "%v de %m · quedan %1"),
    "%v of %m": ("%v von %m", "%v de %m"),
    "Classification cancelled.": ("Klassifizierung abgebrochen.", "Clasificación cancelada."),
    "Waveform — analysed clips marked": ("Wellenform — analysierte Ausschnitte markiert",
                                         "Forma de onda — fragmentos analizados marcados"),
    "Genre over time — probabilities of each analysed clip": (
        "Genre im Zeitverlauf — Wahrscheinlichkeiten jedes analysierten Ausschnitts",
        "Género a lo largo del tiempo — probabilidades de cada fragmento analizado"),
    "analysing…": ("wird analysiert…", "analizando…"),
    "%n clip(s) analysed": (["%n Ausschnitt analysiert", "%n Ausschnitte analysiert"],
                            ["%n fragmento analizado", "%n fragmentos analizados"]),
    "Classify songs to see their genres: <b>Classify Songs…</b> above.": (
        "Titel klassifizieren, um ihre Genres zu sehen: oben <b>Titel klassifizieren…</b>.",
        "Clasifique canciones para ver sus géneros: <b>Clasificar canciones…</b> arriba."),
    "Select a song in the list.": ("Einen Titel in der Liste auswählen.", "Seleccione una canción de la lista."),
    " — %1 (%2) · %n clip(s) of %3": ([" — %1 (%2) · %n Ausschnitt von %3", " — %1 (%2) · %n Ausschnitte von %3"],
                                      [" — %1 (%2) · %n fragmento de %3", " — %1 (%2) · %n fragmentos de %3"]),
    " — analysing…": (" — wird analysiert…", " — analizando…"),
    "clip %1: %2 %3": ("Ausschnitt %1: %2 %3", "fragmento %1: %2 %3"),
    "Not classified yet": ("Noch nicht klassifiziert", "Aún sin clasificar"),
    "Not classified": ("Nicht klassifiziert", "Sin clasificar"),
    "Loading…": ("Wird geladen…", "Cargando…"),
    "loading…": ("wird geladen…", "cargando…"),
    "The genres of the selected song appear here": ("Hier erscheinen die Genres des ausgewählten Titels",
                                                    "Aquí aparecen los géneros de la canción seleccionada"),
    "Probability (%) — mean over the analysed clips": (
        "Wahrscheinlichkeit (%) — Mittel über die analysierten Ausschnitte",
        "Probabilidad (%) — media de los fragmentos analizados"),
    "Cannot decode: %1": ("Dekodieren nicht möglich: %1", "No se puede decodificar: %1"),
    "Classify songs": ("Titel klassifizieren", "Clasificar canciones"),
    "Open model": ("Modell öffnen", "Abrir modelo"),
    "Genrescope model (*.gsm);;All files (*)": ("Genrescope-Modell (*.gsm);;Alle Dateien (*)",
                                                 "Modelo de Genrescope (*.gsm);;Todos los archivos (*)"),
    "Save model": ("Modell speichern", "Guardar modelo"),
    "Genrescope model (*.gsm)": ("Genrescope-Modell (*.gsm)", "Modelo de Genrescope (*.gsm)"),
    "Model saved to %1": ("Modell in %1 gespeichert", "Modelo guardado en %1"),

    # --- ClassifySession / ModelInfo
    "%1 % ± %2 (%3-fold CV)": ("%1 % ± %2 (%3-fache KV)", "%1 % ± %2 (VC de %3 pliegues)"),
    "Final model": ("Endgültiges Modell", "Modelo final"),
    "no song is analysed and labelled yet: wait for the analysis to finish, or open a folder whose sub-folders are genres": (
        "noch kein Titel ist analysiert und einem Genre zugeordnet: das Ende der Analyse abwarten oder einen Ordner "
        "öffnen, dessen Unterordner Genres sind",
        "aún no hay ninguna canción analizada y etiquetada: espere a que termine el análisis o abra una carpeta "
        "cuyas subcarpetas sean géneros"),
    "Cross-validation": ("Kreuzvalidierung", "Validación cruzada"),
    "learning curve skipped: %1": ("Lernkurve übersprungen: %1", "curva de aprendizaje omitida: %1"),
    "waiting for a model: train one on a folder of songs (Train & Compare) or open one with File → Open Model…": (
        "wartet auf ein Modell: eines auf einem Ordner mit Titeln trainieren (Trainieren und vergleichen) oder "
        "eines mit Datei → Modell öffnen… laden",
        "esperando un modelo: entrene uno con una carpeta de canciones (Entrenar y comparar) o abra uno con "
        "Archivo → Abrir modelo…"),
    "open a folder of songs first: the models learn from its analysed songs": (
        "zuerst einen Ordner mit Titeln öffnen: die Modelle lernen aus seinen analysierten Titeln",
        "abra primero una carpeta de canciones: los modelos aprenden de sus canciones analizadas"),
    "the final model must be one of the compared models": (
        "das endgültige Modell muss eines der verglichenen Modelle sein",
        "el modelo final debe ser uno de los modelos comparados"),
    "there is no comparison run %1": ("es gibt keinen Vergleichslauf %1", "no existe la ejecución de comparación %1"),
    "run %1 did not compare %2": ("Lauf %1 hat %2 nicht verglichen", "la ejecución %1 no comparó %2"),
    "the file holds no model": ("die Datei enthält kein Modell", "el archivo no contiene ningún modelo"),
    "there is no model to save yet: train one or open a model file": (
        "noch kein Modell zum Speichern: eines trainieren oder eine Modelldatei öffnen",
        "aún no hay ningún modelo que guardar: entrene uno o abra un archivo de modelo"),
    "%1: %2": ("%1: %2", "%1: %2"),
    "%1: not classified, cancelled": ("%1: nicht klassifiziert, abgebrochen", "%1: sin clasificar, cancelado"),
    "defaults": ("Standardwerte", "valores predeterminados"),
    "not cross-validated (no report in the model)": ("nicht kreuzvalidiert (kein Bericht im Modell)",
                                                     "sin validación cruzada (el modelo no incluye informe)"),
    "unknown": ("unbekannt", "desconocido"),
    "trained in this session": ("in dieser Sitzung trainiert", "entrenado en esta sesión"),
    "Genres": ("Genres", "Géneros"),
    "Trained on": ("Trainiert mit", "Entrenado con"),
    "%n songs": (["%n Titel", "%n Titel"], ["%n canción", "%n canciones"]),
    "Features": ("Merkmale", "Características"),
    "Accuracy": ("Genauigkeit", "Exactitud"),
    "Created": ("Erstellt", "Creado"),
    "From": ("Aus", "Origen"),
    "<b>No model yet.</b> To classify songs you need one:<ul style='margin-left:-20px'><li>train and compare models on the <a href='compare'>Compare</a> page — the best one is refit on all songs and used here;</li><li>or open a saved model (.gsm) with <a href='open'>File → Open Model…</a>.</li></ul>Songs added before then wait and are classified as soon as a model is there.": (
        "<b>Noch kein Modell.</b> Zum Klassifizieren von Titeln wird eines gebraucht:<ul style='margin-left:-20px'>"
        "<li>Modelle auf der Seite <a href='compare'>Vergleichen</a> trainieren und vergleichen — das beste wird auf "
        "allen Titeln neu trainiert und hier verwendet;</li><li>oder ein gespeichertes Modell (.gsm) mit "
        "<a href='open'>Datei → Modell öffnen…</a> laden.</li></ul>Vorher hinzugefügte Titel warten und werden "
        "klassifiziert, sobald ein Modell vorhanden ist.",
        "<b>Aún no hay modelo.</b> Para clasificar canciones se necesita uno:<ul style='margin-left:-20px'>"
        "<li>entrene y compare modelos en la página <a href='compare'>Comparar</a>: el mejor se reentrena con todas "
        "las canciones y se usa aquí;</li><li>o abra un modelo guardado (.gsm) con <a href='open'>Archivo → Abrir "
        "modelo…</a>.</li></ul>Las canciones añadidas antes esperan y se clasifican en cuanto haya un modelo."),

    # --- ComparePanel and its tables
    "Export CSV…": ("CSV exportieren…", "Exportar CSV…"),
    "Models": ("Modelle", "Modelos"),
    "Per genre": ("Je Genre", "Por género"),
    "Significance": ("Signifikanz", "Significación"),
    "Finished comparisons of this session, newest first": (
        "Abgeschlossene Vergleiche dieser Sitzung, neueste zuerst",
        "Comparaciones terminadas en esta sesión, la más reciente primero"),
    "Show a second run's numbers beside the first one's (bars side by side, rows in the table)": (
        "Die Zahlen eines zweiten Laufs neben denen des ersten zeigen (Balken nebeneinander, Zeilen in der Tabelle)",
        "Mostrar las cifras de una segunda ejecución junto a las de la primera (barras lado a lado, filas en la tabla)"),
    "Remove": ("Entfernen", "Quitar"),
    "Forget the shown run": ("Den angezeigten Lauf verwerfen", "Olvidar la ejecución mostrada"),
    "Run": ("Lauf", "Ejecución"),
    "beside": ("daneben", "junto a"),
    "Scores come from the fold models of cross-validation; the model used to classify new songs and exported is refit on all songs.": (
        "Die Werte stammen von den Fold-Modellen der Kreuzvalidierung; das Modell, das neue Titel klassifiziert "
        "und exportiert wird, ist auf allen Titeln neu trainiert.",
        "Las puntuaciones provienen de los modelos de cada pliegue de la validación cruzada; el modelo que "
        "clasifica canciones nuevas y se exporta se reentrena con todas las canciones."),
    "Use this model": ("Dieses Modell verwenden", "Usar este modelo"),
    "Refit the selected model on all songs of its run; it then classifies new songs and is what File → Save Model writes": (
        "Das ausgewählte Modell auf allen Titeln seines Laufs neu trainieren; es klassifiziert dann neue Titel "
        "und wird von Datei → Modell speichern geschrieben",
        "Reentrenar el modelo seleccionado con todas las canciones de su ejecución; después clasifica las "
        "canciones nuevas y es el que guarda Archivo → Guardar modelo"),
    "Save this table as CSV": ("Diese Tabelle als CSV speichern", "Guardar esta tabla como CSV"),
    "metrics": ("Kennzahlen", "métricas"),
    "Save the selected model's per-genre scores as CSV": (
        "Die Werte je Genre des ausgewählten Modells als CSV speichern",
        "Guardar como CSV las puntuaciones por género del modelo seleccionado"),
    "per-genre scores": ("Werte je Genre", "puntuaciones por género"),
    "<b>Is one model really better?</b> The <b>corrected resampled t-test</b> (Nadeau &amp; Bengio, 2003) compares the two models' accuracies fold by fold over the same folds, corrected for the folds sharing training songs: it asks whether the recipe would do better on new songs, and is the one to trust. <b>McNemar's test</b> only compares these pooled predictions (songs only A got right against songs only B got right), ignoring how much the result depends on the training songs. Green cells: p &lt; %1.": (
        "<b>Ist ein Modell wirklich besser?</b> Der <b>korrigierte Resampling-t-Test</b> (Nadeau &amp; Bengio, 2003) "
        "vergleicht die Genauigkeiten der beiden Modelle Fold für Fold über dieselben Folds, korrigiert dafür, dass "
        "sich die Folds Trainingstitel teilen: Er fragt, ob das Verfahren bei neuen Titeln besser abschneiden würde, "
        "und ist der maßgebliche Test. <b>McNemars Test</b> vergleicht nur diese zusammengefassten Vorhersagen "
        "(Titel, die nur A richtig hatte, gegen Titel, die nur B richtig hatte) und übergeht, wie stark das Ergebnis "
        "von den Trainingstiteln abhängt. Grüne Zellen: p &lt; %1.",
        "<b>¿Es un modelo realmente mejor?</b> La <b>prueba t de remuestreo corregida</b> (Nadeau &amp; Bengio, 2003) "
        "compara la exactitud de los dos modelos pliegue a pliegue sobre los mismos pliegues, corrigiendo el hecho "
        "de que los pliegues comparten canciones de entrenamiento: pregunta si el método funcionaría mejor con "
        "canciones nuevas y es la prueba fiable. La <b>prueba de McNemar</b> solo compara estas predicciones agrupadas "
        "(canciones que solo A acertó frente a canciones que solo B acertó) y no tiene en cuenta cuánto depende el "
        "resultado de las canciones de entrenamiento. Celdas verdes: p &lt; %1."),
    "Save the pairwise tests as CSV": ("Die paarweisen Tests als CSV speichern", "Guardar las pruebas por pares como CSV"),
    "significance tests": ("Signifikanztests", "pruebas de significación"),
    "Run %1 · %2 · %n models": (["Lauf %1 · %2 · %n Modell", "Lauf %1 · %2 · %n Modelle"],
                                ["Ejecución %1 · %2 · %n modelo", "Ejecución %1 · %2 · %n modelos"]),
    " · best %1 %2": (" · bestes %1 %2", " · mejor %1 %2"),
    "(stale: data changed)": ("(veraltet: Daten geändert)", "(desactualizada: datos cambiados)"),
    "(stale: settings changed)": ("(veraltet: Einstellungen geändert)", "(desactualizada: ajustes cambiados)"),
    "%1-fold cross-validation, %2 · %n songs · %3 features · seed %4": (
        ["%1-fache Kreuzvalidierung, %2 · %n Titel · %3 Merkmale · Startwert %4",
         "%1-fache Kreuzvalidierung, %2 · %n Titel · %3 Merkmale · Startwert %4"],
        ["validación cruzada de %1 pliegues, %2 · %n canción · %3 características · semilla %4",
         "validación cruzada de %1 pliegues, %2 · %n canciones · %3 características · semilla %4"]),
    "related songs kept together (grouping %1)": ("verwandte Titel zusammengehalten (Gruppierung %1)",
                                                  "canciones relacionadas agrupadas (agrupación %1)"),
    "grouping %1 found no related songs": ("Gruppierung %1 fand keine verwandten Titel",
                                           "la agrupación %1 no encontró canciones relacionadas"),
    " · parameters tuned by a nested %1-fold search": (" · Parameter durch verschachtelte %1-fache Suche abgestimmt",
                                                       " · parámetros ajustados con una búsqueda anidada de %1 pliegues"),
    " · took %1 s": (" · dauerte %1 s", " · tardó %1 s"),
    "No comparison yet: choose models on the left and press Train and compare.": (
        "Noch kein Vergleich: links Modelle auswählen und „Trainieren und vergleichen“ drücken.",
        "Aún no hay comparación: elija modelos a la izquierda y pulse «Entrenar y comparar»."),
    "the songs changed since it was trained (added, removed, relabelled or re-analysed)": (
        "die Titel haben sich seit dem Training geändert (hinzugefügt, entfernt, umbenannt oder neu analysiert)",
        "las canciones cambiaron desde el entrenamiento (añadidas, quitadas, reetiquetadas o reanalizadas)"),
    "the training settings on the left differ from the ones it used": (
        "die Trainingseinstellungen links weichen von den verwendeten ab",
        "los ajustes de entrenamiento de la izquierda difieren de los que usó"),
    "Run %1 is stale: %2. Train again for up-to-date numbers.": (
        "Lauf %1 ist veraltet: %2. Für aktuelle Zahlen erneut trainieren.",
        "La ejecución %1 está desactualizada: %2. Vuelva a entrenar para obtener cifras actuales."),
    "; ": ("; ", "; "),
    "No model in use yet: train, or open a model file.": (
        "Noch kein Modell in Gebrauch: trainieren oder eine Modelldatei öffnen.",
        "Aún no hay ningún modelo en uso: entrene o abra un archivo de modelo."),
    "Model in use: <b>%1</b>": ("Verwendetes Modell: <b>%1</b>", "Modelo en uso: <b>%1</b>"),
    ", refit on all %n songs of run %1": (
        [", neu trainiert auf %n Titel von Lauf %1", ", neu trainiert auf allen %n Titeln von Lauf %1"],
        [", reentrenado con %n canción de la ejecución %1",
         ", reentrenado con las %n canciones de la ejecución %1"]),
    ", from %1": (", aus %1", ", de %1"),
    "Per-genre scores of %1 (run %2, pooled over the test folds)": (
        "Werte je Genre von %1 (Lauf %2, über die Test-Folds zusammengefasst)",
        "Puntuaciones por género de %1 (ejecución %2, agrupadas sobre los pliegues de prueba)"),
    "Select a model in the Models table": ("Ein Modell in der Tabelle „Modelle“ auswählen",
                                           "Seleccione un modelo en la tabla «Modelos»"),
    "Use %1 (refit on all songs)": ("%1 verwenden (auf allen Titeln neu trainiert)",
                                    "Usar %1 (reentrenado con todas las canciones)"),
    "No run to export": ("Kein Lauf zum Exportieren", "No hay ninguna ejecución que exportar"),
    "No model selected": ("Kein Modell ausgewählt", "Ningún modelo seleccionado"),
    "Export %1": ("%1 exportieren", "Exportar %1"),
    "CSV table (*.csv)": ("CSV-Tabelle (*.csv)", "Tabla CSV (*.csv)"),
    "#%1": ("#%1", "n.º %1"),
    "< 0.01": ("< 0,01", "< 0,01"),
    "< 0.1": ("< 0,1", "< 0,1"),
    "Mean and standard deviation of the accuracy over the %n test fold(s)": (
        ["Mittelwert und Standardabweichung der Genauigkeit über %n Test-Fold",
         "Mittelwert und Standardabweichung der Genauigkeit über die %n Test-Folds"],
        ["Media y desviación típica de la exactitud en %n pliegue de prueba",
         "Media y desviación típica de la exactitud en los %n pliegues de prueba"]),
    "Mean −ln p(true genre) over all songs: lower means better probabilities": (
        "Mittelwert von −ln p(wahres Genre) über alle Titel: niedriger heißt bessere Wahrscheinlichkeiten",
        "Media de −ln p(género real) sobre todas las canciones: cuanto menor, mejores probabilidades"),
    "Mean wall-clock seconds to fit one fold's model (CPU time %1 s)": (
        "Mittlere Laufzeit in Sekunden, um das Modell eines Folds zu trainieren (CPU-Zeit %1 s)",
        "Segundos reales medios para entrenar el modelo de un pliegue (tiempo de CPU %1 s)"),
    "Mean milliseconds to predict one whole test fold": (
        "Mittlere Millisekunden für die Vorhersage eines ganzen Test-Folds",
        "Milisegundos medios para predecir un pliegue de prueba completo"),
    "± std": ("± Std.-Abw.", "± desv. típ."),
    "Balanced acc.": ("Balanc. Genauigk.", "Exactitud equil."),
    "Macro-F1": ("Makro-F1", "F1 macro"),
    "Log-loss": ("Log-Loss", "Pérdida log."),
    "Fit s": ("Training s", "Entren. s"),
    "Predict ms": ("Vorhersage ms", "Predicción ms"),
    "Parameters": ("Parameter", "Parámetros"),
    "%1 points": ("%1 Prozentpunkte", "%1 puntos"),
    "Corrected resampled t-test (t = %1) over the same folds: does %2's recipe do better on new songs?": (
        "Korrigierter Resampling-t-Test (t = %1) über dieselben Folds: Schneidet das Verfahren von %2 bei neuen "
        "Titeln besser ab?",
        "Prueba t de remuestreo corregida (t = %1) sobre los mismos pliegues: ¿funciona mejor el método de %2 con "
        "canciones nuevas?"),
    "McNemar's exact test on the pooled predictions: songs only %2 got right: %1; songs only %4 got right: %3": (
        "Exakter McNemar-Test auf den zusammengefassten Vorhersagen: Titel, die nur %2 richtig hatte: %1; Titel, "
        "die nur %4 richtig hatte: %3",
        "Prueba exacta de McNemar sobre las predicciones agrupadas: canciones que solo %2 acertó: %1; canciones "
        "que solo %4 acertó: %3"),
    "Better model (A)": ("Besseres Modell (A)", "Mejor modelo (A)"),
    "Model B": ("Modell B", "Modelo B"),
    "A − B": ("A − B", "A − B"),
    "t-test p": ("t-Test p", "p prueba t"),
    "Only A right": ("Nur A richtig", "Solo A acierta"),
    "Only B right": ("Nur B richtig", "Solo B acierta"),
    "McNemar p": ("McNemar p", "p McNemar"),
    "Unweighted mean over the genres that occur": ("Ungewichteter Mittelwert über die vorkommenden Genres",
                                                   "Media sin ponderar de los géneros presentes"),
    "Mean over the genres weighted by their number of songs (support)": (
        "Mittelwert über die Genres, gewichtet nach ihrer Titelzahl (Support)",
        "Media de los géneros ponderada por su número de canciones (soporte)"),
    "macro avg": ("Makro-Mittel", "media macro"),
    "weighted avg": ("gewichtetes Mittel", "media ponderada"),
    "Precision": ("Präzision", "Precisión"),
    "Recall": ("Trefferquote", "Exhaustividad"),

    # --- ConfusionMatrixView / ConfusionPanel
    "Counts": ("Anzahlen", "Recuentos"),
    "By true genre (row %)": ("Nach wahrem Genre (Zeilen-%)", "Por género real (% de fila)"),
    "By predicted genre (column %)": ("Nach vorhergesagtem Genre (Spalten-%)", "Por género predicho (% de columna)"),
    "Share of all songs": ("Anteil an allen Titeln", "Proporción de todas las canciones"),
    "No cross-validation results yet.": ("Noch keine Ergebnisse der Kreuzvalidierung.",
                                         "Aún no hay resultados de validación cruzada."),
    "<b>True %1 · predicted %2</b><br>%n song(s)": (
        ["<b>Wahr %1 · vorhergesagt %2</b><br>%n Titel", "<b>Wahr %1 · vorhergesagt %2</b><br>%n Titel"],
        ["<b>Real %1 · predicho %2</b><br>%n canción", "<b>Real %1 · predicho %2</b><br>%n canciones"]),
    "%1 % of the %n %2 songs (row share, recall)": (
        ["%1 % des %n Titels aus %2 (Zeilenanteil, Trefferquote)",
         "%1 % der %n Titel aus %2 (Zeilenanteil, Trefferquote)"],
        ["%1 % de la %n canción de %2 (proporción de fila, exhaustividad)",
         "%1 % de las %n canciones de %2 (proporción de fila, exhaustividad)"]),
    "%1 % of the %n songs predicted %2 (column share, precision)": (
        ["%1 % des %n als %2 vorhergesagten Titels (Spaltenanteil, Präzision)",
         "%1 % der %n als %2 vorhergesagten Titel (Spaltenanteil, Präzision)"],
        ["%1 % de la %n canción predicha como %2 (proporción de columna, precisión)",
         "%1 % de las %n canciones predichas como %2 (proporción de columna, precisión)"]),
    "%1 % of all %n songs": (["%1 % von %n Titel", "%1 % aller %n Titel"],
                             ["%1 % de %n canción", "%1 % de las %n canciones"]),
    "Click to list the songs": ("Klicken, um die Titel aufzulisten", "Haga clic para ver la lista de canciones"),
    "total": ("gesamt", "total"),
    "predicted genre": ("vorhergesagtes Genre", "género predicho"),
    "true genre": ("wahres Genre", "género real"),
    "correct, 0–100 % of the true genre": ("richtig, 0–100 % des wahren Genres", "acierto, 0–100 % del género real"),
    "confused with the column's genre, 0–100 %": ("mit dem Genre der Spalte verwechselt, 0–100 %",
                                                   "confundido con el género de la columna, 0–100 %"),
    "Confusion matrix": ("Konfusionsmatrix", "Matriz de confusión"),
    "The comparison run whose cross-validation is shown": ("Der Vergleichslauf, dessen Kreuzvalidierung gezeigt wird",
                                                           "La ejecución de comparación cuya validación cruzada se muestra"),
    "Models of the run, best first (mean accuracy over the folds)": (
        "Modelle des Laufs, bestes zuerst (mittlere Genauigkeit über die Folds)",
        "Modelos de la ejecución, el mejor primero (exactitud media en los pliegues)"),
    "What the numbers in the cells show; colours always show the share of the true genre": (
        "Was die Zahlen in den Zellen zeigen; die Farben zeigen immer den Anteil am wahren Genre",
        "Qué muestran los números de las celdas; los colores siempre muestran la proporción del género real"),
    "All Misclassified": ("Alle Fehlklassifizierten", "Todas las mal clasificadas"),
    "List every song predicted as another genre than its own": (
        "Jeden Titel auflisten, der einem anderen als seinem eigenen Genre zugeordnet wurde",
        "Mostrar todas las canciones predichas como un género distinto del suyo"),
    "Matrix and Scores as CSV…": ("Matrix und Werte als CSV…", "Matriz y puntuaciones como CSV…"),
    "Matrix and Scores as JSON…": ("Matrix und Werte als JSON…", "Matriz y puntuaciones como JSON…"),
    "Matrix as Image (PNG, SVG, PDF)…": ("Matrix als Bild (PNG, SVG, PDF)…", "Matriz como imagen (PNG, SVG, PDF)…"),
    "Support": ("Support", "Soporte"),
    "Counted from the matrix: precision = diagonal / column total, recall = diagonal / row total": (
        "Aus der Matrix gezählt: Präzision = Diagonale / Spaltensumme, Trefferquote = Diagonale / Zeilensumme",
        "Contado a partir de la matriz: precisión = diagonal / total de la columna, exhaustividad = diagonal / total de la fila"),
    "True genre": ("Wahres Genre", "Género real"),
    "Predicted": ("Vorhergesagt", "Predicho"),
    "P(predicted)": ("P(vorhergesagt)", "P(predicho)"),
    "P(true)": ("P(wahr)", "P(real)"),
    "Fold": ("Fold", "Pliegue"),
    "Double-click a song to open it in the Songs view": (
        "Doppelklick auf einen Titel öffnet ihn in der Ansicht „Titel“",
        "Haga doble clic en una canción para abrirla en la vista «Canciones»"),
    "Run %1 · %2 · %3-fold · %n song(s)": (["Lauf %1 · %2 · %3-fach · %n Titel", "Lauf %1 · %2 · %3-fach · %n Titel"],
                                           ["Ejecución %1 · %2 · %3 pliegues · %n canción",
                                            "Ejecución %1 · %2 · %3 pliegues · %n canciones"]),
    " · data changed": (" · Daten geändert", " · datos cambiados"),
    "Train and compare models on the <b>Compare</b> page: their cross-validated confusion matrices appear here.": (
        "Modelle auf der Seite <b>Vergleichen</b> trainieren und vergleichen: Ihre kreuzvalidierten "
        "Konfusionsmatrizen erscheinen hier.",
        "Entrene y compare modelos en la página <b>Comparar</b>: sus matrices de confusión de validación cruzada "
        "aparecen aquí."),
    "%1 (%2 %)": ("%1 (%2 %)", "%1 (%2 %)"),
    "<span style='color:#555'>These are <b>cross-validation predictions</b>: every song was predicted by the model of the fold that held it out (%1 fold models, none of which saw the song while learning) — not by the final model refit on all %n song(s).</span>": (
        ["<span style='color:#555'>Dies sind <b>Vorhersagen der Kreuzvalidierung</b>: Jeder Titel wurde vom Modell "
         "des Folds vorhergesagt, der ihn zurückhielt (%1 Fold-Modelle, von denen keines den Titel beim Lernen sah) — "
         "nicht vom endgültigen Modell, das auf %n Titel neu trainiert wurde.</span>",
         "<span style='color:#555'>Dies sind <b>Vorhersagen der Kreuzvalidierung</b>: Jeder Titel wurde vom Modell "
         "des Folds vorhergesagt, der ihn zurückhielt (%1 Fold-Modelle, von denen keines den Titel beim Lernen sah) — "
         "nicht vom endgültigen Modell, das auf allen %n Titeln neu trainiert wurde.</span>"],
        ["<span style='color:#555'>Son <b>predicciones de validación cruzada</b>: cada canción la predijo el modelo "
         "del pliegue que la dejó fuera (%1 modelos de pliegue, ninguno de los cuales vio la canción al aprender), "
         "no el modelo final reentrenado con %n canción.</span>",
         "<span style='color:#555'>Son <b>predicciones de validación cruzada</b>: cada canción la predijo el modelo "
         "del pliegue que la dejó fuera (%1 modelos de pliegue, ninguno de los cuales vio la canción al aprender), "
         "no el modelo final reentrenado con las %n canciones.</span>"]),
    " <span style='color:#a33'>The dataset changed since this run: train again to see the current songs.</span>": (
        " <span style='color:#a33'>Der Datensatz hat sich seit diesem Lauf geändert: erneut trainieren, um die "
        "aktuellen Titel zu sehen.</span>",
        " <span style='color:#a33'>El conjunto de datos cambió desde esta ejecución: vuelva a entrenar para ver las "
        "canciones actuales.</span>"),
    "<b>Accuracy %1 %</b> (%2 of %3 songs on the diagonal) · <b>balanced accuracy %4 %</b> · <b>macro-F1 %5</b><br><span style='color:#555'>Pooled over all test folds. Mean accuracy over the folds: %6 % ± %7; log loss %8.</span>": (
        "<b>Genauigkeit %1 %</b> (%2 von %3 Titeln auf der Diagonale) · <b>balancierte Genauigkeit %4 %</b> · "
        "<b>Makro-F1 %5</b><br><span style='color:#555'>Über alle Test-Folds zusammengefasst. Mittlere Genauigkeit "
        "über die Folds: %6 % ± %7; Log-Loss %8.</span>",
        "<b>Exactitud %1 %</b> (%2 de %3 canciones en la diagonal) · <b>exactitud equilibrada %4 %</b> · "
        "<b>F1 macro %5</b><br><span style='color:#555'>Agrupado sobre todos los pliegues de prueba. Exactitud media "
        "en los pliegues: %6 % ± %7; pérdida logarítmica %8.</span>"),
    "Click a cell to list its songs, or show all misclassified songs.": (
        "Eine Zelle anklicken, um ihre Titel aufzulisten, oder alle fehlklassifizierten Titel zeigen.",
        "Haga clic en una celda para ver sus canciones, o muestre todas las canciones mal clasificadas."),
    "This report has no per-song predictions.": ("Dieser Bericht enthält keine Vorhersagen je Titel.",
                                                 "Este informe no contiene predicciones por canción."),
    "<b>%1</b> recognised as %1: %n song(s)": (["<b>%1</b> als %1 erkannt: %n Titel", "<b>%1</b> als %1 erkannt: %n Titel"],
                                               ["<b>%1</b> reconocido como %1: %n canción",
                                                "<b>%1</b> reconocido como %1: %n canciones"]),
    "<b>%1</b> predicted as <b>%2</b>: %n song(s)": (
        ["<b>%1</b> als <b>%2</b> vorhergesagt: %n Titel", "<b>%1</b> als <b>%2</b> vorhergesagt: %n Titel"],
        ["<b>%1</b> predicho como <b>%2</b>: %n canción", "<b>%1</b> predicho como <b>%2</b>: %n canciones"]),
    "<b>All misclassified songs</b>: %n song(s)": (
        ["<b>Alle fehlklassifizierten Titel</b>: %n Titel", "<b>Alle fehlklassifizierten Titel</b>: %n Titel"],
        ["<b>Todas las canciones mal clasificadas</b>: %n canción",
         "<b>Todas las canciones mal clasificadas</b>: %n canciones"]),
    "Cannot write %1: %2": ("%1 kann nicht geschrieben werden: %2", "No se puede escribir %1: %2"),
    "no confusion matrix is shown": ("es wird keine Konfusionsmatrix angezeigt", "no se muestra ninguna matriz de confusión"),
    "confusion-%1": ("konfusion-%1", "confusion-%1"),
    "JSON (*.json)": ("JSON (*.json)", "JSON (*.json)"),
    "Export confusion matrix": ("Konfusionsmatrix exportieren", "Exportar matriz de confusión"),

    # --- DatasetSession / DuplicatesPanel / ProblemsPanel / SongTableModel
    "Waiting": ("Wartet", "En espera"),
    "Ready": ("Fertig", "Lista"),
    "Failed": ("Fehlgeschlagen", "Error"),
    "Not analysed": ("Nicht analysiert", "Sin analizar"),
    "cannot create the demo dataset: %1": ("Demo-Datensatz kann nicht erstellt werden: %1",
                                           "no se puede crear el conjunto de datos de demostración: %1"),
    "not a folder": ("kein Ordner", "no es una carpeta"),
    "no such folder": ("Ordner existiert nicht", "la carpeta no existe"),
    "feature cache unavailable, nothing will be remembered: %1": (
        "Merkmals-Cache nicht verfügbar, nichts wird gespeichert: %1",
        "caché de características no disponible, no se guardará nada: %1"),
    "(folder)": ("(Ordner)", "(carpeta)"),
    "warning: %1": ("Warnung: %1", "aviso: %1"),
    "internal error while opening: %1": ("interner Fehler beim Öffnen: %1", "error interno al abrir: %1"),
    "Song": ("Titel", "Canción"),
    "Duration": ("Dauer", "Duración"),
    "Bit error rate": ("Bitfehlerrate", "Tasa de error de bits"),
    "%n song(s), across genres": (["%n Titel, genreübergreifend", "%n Titel, genreübergreifend"],
                                  ["%n canción, de varios géneros", "%n canciones, de varios géneros"]),
    "%n song(s), same genre": (["%n Titel, gleiches Genre", "%n Titel, gleiches Genre"],
                               ["%n canción, mismo género", "%n canciones, mismo género"]),
    "Duplicates are searched once every song is analysed.": (
        "Duplikate werden gesucht, sobald alle Titel analysiert sind.",
        "Los duplicados se buscan cuando todas las canciones están analizadas."),
    "No duplicates: no two songs share (near-)identical audio.": (
        "Keine Duplikate: keine zwei Titel haben (nahezu) identisches Audio.",
        "No hay duplicados: no hay dos canciones con audio (casi) idéntico."),
    "%n group(s) of songs with (near-)identical audio, by Chromaprint fingerprint (bit error rate at the best alignment; unrelated music is near 0.5). ": (
        ["%n Gruppe von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester "
         "Ausrichtung; fremde Musik liegt nahe 0,5). ",
         "%n Gruppen von Titeln mit (nahezu) identischem Audio laut Chromaprint-Fingerabdruck (Bitfehlerrate bei bester "
         "Ausrichtung; fremde Musik liegt nahe 0,5). "],
        ["%n grupo de canciones con audio (casi) idéntico según la huella de Chromaprint (tasa de error de bits en la "
         "mejor alineación; la música no relacionada ronda 0,5). ",
         "%n grupos de canciones con audio (casi) idéntico según la huella de Chromaprint (tasa de error de bits en la "
         "mejor alineación; la música no relacionada ronda 0,5). "]),
    "%n group(s) span more than one genre folder.": (
        ["%n Gruppe umfasst mehr als einen Genre-Ordner.", "%n Gruppen umfassen mehr als einen Genre-Ordner."],
        ["%n grupo abarca más de una carpeta de género.", "%n grupos abarcan más de una carpeta de género."]),
    "Reason": ("Grund", "Motivo"),
    "No problems: every file found so far could be read.": (
        "Keine Probleme: Alle bisher gefundenen Dateien waren lesbar.",
        "Sin problemas: todos los archivos encontrados hasta ahora se pudieron leer."),
    "%n file(s) could not be analysed. The other songs are not affected.": (
        ["%n Datei konnte nicht analysiert werden. Die übrigen Titel sind nicht betroffen.",
         "%n Dateien konnten nicht analysiert werden. Die übrigen Titel sind nicht betroffen."],
        ["%n archivo no se pudo analizar. Las demás canciones no se ven afectadas.",
         "%n archivos no se pudieron analizar. Las demás canciones no se ven afectadas."]),
    "mono": ("mono", "mono"),
    "stereo": ("stereo", "estéreo"),
    "%n channel(s)": (["%n Kanal", "%n Kanäle"], ["%n canal", "%n canales"]),
    "%1 · %2 kHz %3": ("%1 · %2 kHz %3", "%1 · %2 kHz %3"),
    "%1 in a %2 container, %3 Hz, %n channel(s)": (
        ["%1 in einem %2-Container, %3 Hz, %n Kanal", "%1 in einem %2-Container, %3 Hz, %n Kanäle"],
        ["%1 en un contenedor %2, %3 Hz, %n canal", "%1 en un contenedor %2, %3 Hz, %n canales"]),
    "Format": ("Format", "Formato"),

    # --- GenreTimelineView
    "Classify a song to see its genre over time": ("Einen Titel klassifizieren, um sein Genre im Zeitverlauf zu sehen",
                                                   "Clasifique una canción para ver su género a lo largo del tiempo"),
    "<b>Clip %1</b>: %2 – %3": ("<b>Ausschnitt %1</b>: %2 – %3", "<b>Fragmento %1</b>: %2 – %3"),

    # --- MainWindow
    "Genrescope": ("Genrescope", "Genrescope"),
    "%1 — Genrescope": ("%1 — Genrescope", "%1 — Genrescope"),
    "Cannot open %1: %2": ("%1 kann nicht geöffnet werden: %2", "No se puede abrir %1: %2"),
    "Cannot open folder": ("Ordner kann nicht geöffnet werden", "No se puede abrir la carpeta"),
    "Cannot open %1:\n%2": ("%1 kann nicht geöffnet werden:\n%2", "No se puede abrir %1:\n%2"),
    "Open a music folder…": ("Musikordner öffnen…", "Abrir una carpeta de música…"),
    "Or drop a folder onto this window.": ("Oder einen Ordner auf dieses Fenster ziehen.",
                                           "O arrastre una carpeta a esta ventana."),
    "Explore the demo dataset": ("Demo-Datensatz erkunden", "Explorar el conjunto de datos de demostración"),
    "Short synthetic songs in a few genres, generated on first use.": (
        "Kurze synthetische Titel in einigen Genres, beim ersten Mal erzeugt.",
        "Canciones sintéticas cortas de unos pocos géneros, generadas la primera vez."),
    "&File": ("&Datei", "&Archivo"),
    "&Open Folder…": ("Ordner ö&ffnen…", "&Abrir carpeta…"),
    "Open &Demo Dataset": ("&Demo-Datensatz öffnen", "Abrir datos de &demostración"),
    "&Recent Folders": ("&Zuletzt geöffnete Ordner", "Carpetas &recientes"),
    "&Quit": ("&Beenden", "&Salir"),
    "&View": ("&Ansicht", "&Ver"),
    "&Songs": ("&Titel", "&Canciones"),
    "&Explore": ("&Erkunden", "&Explorar"),
    "&Duplicates": ("D&uplikate", "&Duplicados"),
    "&Problems": ("&Probleme", "&Problemas"),
    "&Help": ("&Hilfe", "Ay&uda"),
    "&About Genrescope": ("Ü&ber Genrescope", "&Acerca de Genrescope"),
    "About Genrescope": ("Über Genrescope", "Acerca de Genrescope"),
    "<h3>Genrescope %1</h3><p>Explore a music collection by genre: waveforms, mel spectrograms, per-genre statistics and duplicate detection.</p>": (
        "<h3>Genrescope %1</h3><p>Eine Musiksammlung nach Genres erkunden: Wellenformen, Mel-Spektrogramme, "
        "Statistiken je Genre und Duplikatsuche.</p>",
        "<h3>Genrescope %1</h3><p>Explore una colección de música por género: formas de onda, espectrogramas mel, "
        "estadísticas por género y detección de duplicados.</p>"),
    "About &Qt": ("Über &Qt", "Acerca de &Qt"),
    "Stop the analysis; songs done so far are kept (Esc)": (
        "Analyse anhalten; bereits analysierte Titel bleiben erhalten (Esc)",
        "Detener el análisis; se conservan las canciones ya analizadas (Esc)"),
    "Opening %1…": ("%1 wird geöffnet…", "Abriendo %1…"),
    "Preparing the demo dataset…": ("Demo-Datensatz wird vorbereitet…", "Preparando el conjunto de datos de demostración…"),
    "Open a music folder": ("Musikordner öffnen", "Abrir una carpeta de música"),
    "%1 / %2 songs · %3 left": ("%1 / %2 Titel · noch %3", "%1 / %2 canciones · quedan %3"),
    "%1 / %2 songs": ("%1 / %2 Titel", "%1 / %2 canciones"),
    "Analysis cancelled; songs analysed so far are kept.": (
        "Analyse abgebrochen; bereits analysierte Titel bleiben erhalten.",
        "Análisis cancelado; se conservan las canciones ya analizadas."),
    "Opened %1 in %2 s.": ("%1 in %2 s geöffnet.", "%1 abierta en %2 s."),
    "%n song(s) in %1 genre(s)": (["%n Titel in %1 Genre(s)", "%n Titel in %1 Genre(s)"],
                                  ["%n canción en %1 género(s)", "%n canciones en %1 género(s)"]),
    "%1 analysed": ("%1 analysiert", "%1 analizadas"),
    "%1 failed": ("%1 fehlgeschlagen", "%1 con error"),
    "%1 shown": ("%1 angezeigt", "%1 mostradas"),
    "<b>Recent folders</b>": ("<b>Zuletzt geöffnete Ordner</b>", "<b>Carpetas recientes</b>"),
    "&Compare Models": ("Modelle &vergleichen", "Co&mparar modelos"),
    "Con&fusion Matrix": ("&Konfusionsmatrix", "Matriz de con&fusión"),
    "C&lassify Songs": ("Titel k&lassifizieren", "C&lasificar canciones"),
    "Cannot use the model %1: %2": ("Das Modell %1 kann nicht verwendet werden: %2", "No se puede usar el modelo %1: %2"),
    "Cannot use this model": ("Dieses Modell kann nicht verwendet werden", "No se puede usar este modelo"),
    "%1\n\n%2": ("%1\n\n%2", "%1\n\n%2"),
    "<h1>Genrescope</h1><p>Explore a music collection by genre. Open a folder whose sub-folders are genres (<i>Rock/…</i>, <i>Jazz/…</i>): every song is decoded, analysed and shown with its waveform, mel spectrogram and per-genre statistics. Then compare classifiers on it by cross-validation, see where they go wrong, and drop new songs on the window to classify them.</p>": (
        "<h1>Genrescope</h1><p>Eine Musiksammlung nach Genres erkunden. Einen Ordner öffnen, dessen Unterordner Genres "
        "sind (<i>Rock/…</i>, <i>Jazz/…</i>): Jeder Titel wird dekodiert, analysiert und mit Wellenform, "
        "Mel-Spektrogramm und Statistiken je Genre gezeigt. Dann Klassifikatoren darauf per Kreuzvalidierung "
        "vergleichen, sehen, wo sie sich irren, und neue Titel auf das Fenster ziehen, um sie zu klassifizieren.</p>",
        "<h1>Genrescope</h1><p>Explore una colección de música por género. Abra una carpeta cuyas subcarpetas sean "
        "géneros (<i>Rock/…</i>, <i>Jazz/…</i>): cada canción se decodifica, se analiza y se muestra con su forma de "
        "onda, su espectrograma mel y estadísticas por género. Después compare clasificadores con validación cruzada, "
        "vea dónde se equivocan y arrastre canciones nuevas a la ventana para clasificarlas.</p>"),
    "Classify songs with a saved model…": ("Titel mit einem gespeicherten Modell klassifizieren…",
                                           "Clasificar canciones con un modelo guardado…"),
    "Open a model file (.gsm), then drop songs onto this window.": (
        "Eine Modelldatei (.gsm) öffnen, dann Titel auf dieses Fenster ziehen.",
        "Abra un archivo de modelo (.gsm) y luego arrastre canciones a esta ventana."),
    "Classify &Songs…": ("&Titel klassifizieren…", "C&lasificar canciones…"),
    "Open &Model…": ("&Modell öffnen…", "Abrir &modelo…"),
    "Sa&ve Model…": ("Modell &speichern…", "&Guardar modelo…"),
    "&Export": ("&Exportieren", "E&xportar"),
    "&Report (HTML)…": ("&Bericht (HTML)…", "&Informe (HTML)…"),
    "&Features (CSV)…": ("&Merkmale (CSV)…", "&Características (CSV)…"),
    "Features (&Kaggle GTZAN CSV layout)…": ("Merkmale (&Kaggle-GTZAN-CSV-Format)…",
                                             "Características (formato CSV de &Kaggle GTZAN)…"),
    "&Cancel": ("Abbre&chen", "&Cancelar"),
    "Stop the analysis, training or classification running now": (
        "Die laufende Analyse, das Training oder die Klassifizierung anhalten",
        "Detener el análisis, el entrenamiento o la clasificación en curso"),
    "%1 (%2)": ("%1 (%2)", "%1 (%2)"),
    "Export Report": ("Bericht exportieren", "Exportar informe"),
    "There is no comparison to report yet. Train and compare models on the Compare Models page first.": (
        "Es gibt noch keinen Vergleich für einen Bericht. Zuerst Modelle auf der Seite „Modelle vergleichen“ "
        "trainieren und vergleichen.",
        "Aún no hay ninguna comparación para el informe. Entrene y compare primero modelos en la página "
        "«Comparar modelos»."),
    "HTML report (*.html);;JSON report (*.json)": ("HTML-Bericht (*.html);;JSON-Bericht (*.json)",
                                                   "Informe HTML (*.html);;Informe JSON (*.json)"),
    "Report written to %1": ("Bericht in %1 geschrieben", "Informe guardado en %1"),
    "Could not write the report:\n%1": ("Der Bericht konnte nicht geschrieben werden:\n%1",
                                        "No se pudo escribir el informe:\n%1"),
    "Export Features": ("Merkmale exportieren", "Exportar características"),
    "CSV (*.csv)": ("CSV (*.csv)", "CSV (*.csv)"),
    "%n song(s) written to %1": (["%n Titel in %1 geschrieben", "%n Titel in %1 geschrieben"],
                                 ["%n canción guardada en %1", "%n canciones guardadas en %1"]),
    "Could not write the table:\n%1": ("Die Tabelle konnte nicht geschrieben werden:\n%1",
                                       "No se pudo escribir la tabla:\n%1"),

    # --- ReportExport
    "Songs per genre in the open folder.": ("Titel je Genre im geöffneten Ordner.",
                                            "Canciones por género en la carpeta abierta."),
    "Song length per genre.": ("Titellänge je Genre.", "Duración de las canciones por género."),
    "Distribution of the feature chosen on the Explore page.": (
        "Verteilung des auf der Seite „Erkunden“ gewählten Merkmals.",
        "Distribución de la característica elegida en la página «Explorar»."),
    "Scatter (or PCA) as shown on the Explore page.": (
        "Streudiagramm (oder PCA) wie auf der Seite „Erkunden“.",
        "Dispersión (o PCA) tal como se muestra en la página «Explorar»."),
    "Pearson correlation between the features.": ("Pearson-Korrelation zwischen den Merkmalen.",
                                                  "Correlación de Pearson entre las características."),
    "Cross-validation scores come from the models of each fold, trained without the songs they were scored on.": (
        "Die Werte der Kreuzvalidierung stammen von den Modellen der einzelnen Folds, trainiert ohne die Titel, "
        "auf denen sie bewertet wurden.",
        "Las puntuaciones de validación cruzada provienen de los modelos de cada pliegue, entrenados sin las "
        "canciones con las que se evaluaron."),
    "No model was refit on all songs yet.": ("Noch kein Modell wurde auf allen Titeln neu trainiert.",
                                             "Aún no se ha reentrenado ningún modelo con todas las canciones."),
    "The model that classifies new songs (%1) was opened from %2.": (
        "Das Modell, das neue Titel klassifiziert (%1), wurde aus %2 geöffnet.",
        "El modelo que clasifica las canciones nuevas (%1) se abrió desde %2."),
    "The model that classifies new songs and is exported (%1) was refit on all %n songs of this run.": (
        ["Das Modell, das neue Titel klassifiziert und exportiert wird (%1), wurde auf dem %n Titel dieses Laufs "
         "neu trainiert.",
         "Das Modell, das neue Titel klassifiziert und exportiert wird (%1), wurde auf allen %n Titeln dieses Laufs "
         "neu trainiert."],
        ["El modelo que clasifica las canciones nuevas y se exporta (%1) se reentrenó con la %n canción de esta "
         "ejecución.",
         "El modelo que clasifica las canciones nuevas y se exporta (%1) se reentrenó con las %n canciones de esta "
         "ejecución."]),
    "The model that classifies new songs (%1) was refit on all %n songs of run %2.": (
        ["Das Modell, das neue Titel klassifiziert (%1), wurde auf dem %n Titel von Lauf %2 neu trainiert.",
         "Das Modell, das neue Titel klassifiziert (%1), wurde auf allen %n Titeln von Lauf %2 neu trainiert."],
        ["El modelo que clasifica las canciones nuevas (%1) se reentrenó con la %n canción de la ejecución %2.",
         "El modelo que clasifica las canciones nuevas (%1) se reentrenó con las %n canciones de la ejecución %2."]),
    "Genrescope report — %1": ("Genrescope-Bericht — %1", "Informe de Genrescope — %1"),
    "Folder %1: %n songs learnt from.": (["Ordner %1: aus %n Titel gelernt.", "Ordner %1: aus %n Titeln gelernt."],
                                         ["Carpeta %1: se aprendió de %n canción.",
                                          "Carpeta %1: se aprendió de %n canciones."]),
    "%n songs left out (not analysed, failed or without a genre).": (
        ["%n Titel ausgelassen (nicht analysiert, fehlgeschlagen oder ohne Genre).",
         "%n Titel ausgelassen (nicht analysiert, fehlgeschlagen oder ohne Genre)."],
        ["%n canción excluida (sin analizar, con error o sin género).",
         "%n canciones excluidas (sin analizar, con error o sin género)."]),
    "%n groups of duplicate recordings kept on one side of every fold.": (
        ["%n Gruppe doppelter Aufnahmen blieb in jedem Fold auf einer Seite.",
         "%n Gruppen doppelter Aufnahmen blieben in jedem Fold auf einer Seite."],
        ["%n grupo de grabaciones duplicadas se mantuvo en un mismo lado de cada pliegue.",
         "%n grupos de grabaciones duplicadas se mantuvieron en un mismo lado de cada pliegue."]),
    "Comparison finished %1 in %2 s.": ("Vergleich am %1 in %2 s abgeschlossen.", "Comparación terminada el %1 en %2 s."),

    # --- SongView / SongsPage / SpectrogramView / WaveformView
    "the song has not been decoded": ("der Titel wurde nicht dekodiert", "la canción no se ha decodificado"),
    "Show one genre only": ("Nur ein Genre anzeigen", "Mostrar un solo género"),
    "Filter songs…": ("Titel filtern…", "Filtrar canciones…"),
    "<b>Waveform</b>": ("<b>Wellenform</b>", "<b>Forma de onda</b>"),
    "All genres": ("Alle Genres", "Todos los géneros"),
    "(no genre)": ("(kein Genre)", "(sin género)"),
    "Decoding %1…": ("%1 wird dekodiert…", "Decodificando %1…"),
    "computing…": ("wird berechnet…", "calculando…"),
    "Mel spectrogram": ("Mel-Spektrogramm", "Espectrograma mel"),
    "FFT": ("FFT", "FFT"),
    "Hop": ("Hop", "Salto"),
    "Mels": ("Mels", "Mels"),
    " dB": (" dB", " dB"),
    "Range": ("Bereich", "Rango"),
    "Colours": ("Farben", "Colores"),
    "Time (m:ss)": ("Zeit (m:ss)", "Tiempo (m:ss)"),
    "Frequency (Hz, mel scale)": ("Frequenz (Hz, Mel-Skala)", "Frecuencia (Hz, escala mel)"),
    "Power (dB)": ("Leistung (dB)", "Potencia (dB)"),
    "Mel spectrogram — %1": ("Mel-Spektrogramm — %1", "Espectrograma mel — %1"),
    "no data": ("keine Daten", "sin datos"),
    "Mel spectrogram (%1 × %2)": ("Mel-Spektrogramm (%1 × %2)", "Espectrograma mel (%1 × %2)"),
    "%1 · %2 Hz · %3 dB": ("%1 · %2 Hz · %3 dB", "%1 · %2 Hz · %3 dB"),
    "Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End": (
        "Mausrad: zoomen · Umschalt+Mausrad oder Ziehen: scrollen · +/−, ←/→, Pos1/Ende",
        "Rueda: zoom · Mayús+rueda o arrastrar: desplazar · +/−, ←/→, Inicio/Fin"),
    "Select a song to see its waveform": ("Titel auswählen, um seine Wellenform zu sehen",
                                          "Seleccione una canción para ver su forma de onda"),

    # --- TrainPanel
    "Duplicates and clips of one song (recommended)": ("Duplikate und Ausschnitte eines Titels (empfohlen)",
                                                       "Duplicados y fragmentos de una misma canción (recomendado)"),
    'Songs whose audio is the same recording (found by their fingerprints, see Duplicates) and clips cut from one song ("name.00012.3.wav") always stay on the same side of a fold, so no model is tested on a recording it has already heard.': (
        'Titel, deren Audio dieselbe Aufnahme ist (anhand ihrer Fingerabdrücke gefunden, siehe Duplikate), und '
        'Ausschnitte aus einem Titel („name.00012.3.wav“) bleiben immer auf derselben Seite eines Folds, sodass kein '
        'Modell mit einer Aufnahme getestet wird, die es schon gehört hat.',
        'Las canciones cuyo audio es la misma grabación (halladas por su huella, véase Duplicados) y los fragmentos '
        'cortados de una misma canción («name.00012.3.wav») quedan siempre en el mismo lado de un pliegue, de modo '
        'que ningún modelo se evalúa con una grabación que ya ha oído.'),
    "None: every song on its own": ("Keine: jeder Titel für sich", "Ninguna: cada canción por separado"),
    "Every file is independent. Scores come out too optimistic when the collection holds duplicate recordings or several clips of one song.": (
        "Jede Datei ist unabhängig. Die Werte fallen zu optimistisch aus, wenn die Sammlung doppelte Aufnahmen oder "
        "mehrere Ausschnitte eines Titels enthält.",
        "Cada archivo es independiente. Las puntuaciones salen demasiado optimistas si la colección contiene "
        "grabaciones duplicadas o varios fragmentos de una misma canción."),
    "Clips of one song": ("Ausschnitte eines Titels", "Fragmentos de una misma canción"),
    'Files whose names differ only by a trailing segment number ("name.00012.3.wav") are kept together; duplicate recordings are not.': (
        'Dateien, deren Namen sich nur durch eine angehängte Segmentnummer unterscheiden („name.00012.3.wav“), '
        'bleiben zusammen; doppelte Aufnahmen nicht.',
        'Los archivos cuyos nombres solo difieren en un número de segmento final («name.00012.3.wav») se mantienen '
        'juntos; las grabaciones duplicadas no.'),
    "Duplicate recordings only": ("Nur doppelte Aufnahmen", "Solo grabaciones duplicadas"),
    "Songs found to be the same recording by their audio fingerprints are kept together; clips are not grouped by name.": (
        "Titel, die laut Audio-Fingerabdruck dieselbe Aufnahme sind, bleiben zusammen; Ausschnitte werden nicht nach "
        "Namen gruppiert.",
        "Las canciones que según su huella de audio son la misma grabación se mantienen juntas; los fragmentos no se "
        "agrupan por nombre."),
    "Training…": ("Training läuft…", "Entrenando…"),
    "Training failed: %1": ("Training fehlgeschlagen: %1", "Error en el entrenamiento: %1"),
    "Training cancelled.": ("Training abgebrochen.", "Entrenamiento cancelado."),
    "Run %1 finished in %2: best %3 with %4 % accuracy.": (
        "Lauf %1 in %2 abgeschlossen: bestes Modell %3 mit %4 % Genauigkeit.",
        "Ejecución %1 terminada en %2: el mejor es %3 con un %4 % de exactitud."),
    "Choose models and press Train.": ("Modelle auswählen und „Trainieren und vergleichen“ drücken.",
                                       "Elija modelos y pulse «Entrenar y comparar»."),
    "Checked models are cross-validated on the same folds": (
        "Die angehakten Modelle werden auf denselben Folds kreuzvalidiert",
        "Los modelos marcados se validan de forma cruzada sobre los mismos pliegues"),
    "%1 — needs the songs, takes long": ("%1 — braucht die Titel, dauert lange",
                                         "%1 — necesita las canciones, tarda mucho"),
    "Learns from the audio itself, so it decodes every song again and trains a network per fold: expect minutes to hours.": (
        "Lernt aus dem Audio selbst, dekodiert daher jeden Titel erneut und trainiert ein Netz je Fold: Minuten bis "
        "Stunden sind zu erwarten.",
        "Aprende del propio audio, así que vuelve a decodificar cada canción y entrena una red por pliegue: cuente con "
        "entre minutos y horas."),
    "Parameters of %1": ("Parameter von %1", "Parámetros de %1"),
    "%1\nDefault %2, range %3 – %4": ("%1\nStandard %2, Bereich %3 – %4",
                                       "%1\nPredeterminado %2, rango %3 – %4"),
    "Defaults": ("Standardwerte", "Predeterminados"),
    "Reset this model's parameters to their defaults": ("Die Parameter dieses Modells auf die Standardwerte zurücksetzen",
                                                        "Restablecer los parámetros de este modelo a sus valores predeterminados"),
    "No parameters.": ("Keine Parameter.", "Sin parámetros."),
    "Songs are split into this many folds; each model is trained on all but one and tested on the one left out, in turn.": (
        "Die Titel werden in so viele Folds aufgeteilt; jedes Modell wird reihum auf allen außer einem trainiert "
        "und auf dem ausgelassenen getestet.",
        "Las canciones se dividen en este número de pliegues; cada modelo se entrena, por turnos, con todos menos uno "
        "y se evalúa con el que queda fuera."),
    "Folds": ("Folds", "Pliegues"),
    "Which songs must stay together in one fold": ("Welche Titel in einem Fold zusammenbleiben müssen",
                                                   "Qué canciones deben permanecer juntas en un pliegue"),
    "Keep together": ("Zusammenhalten", "Mantener juntas"),
    "Tune parameters (nested search)": ("Parameter abstimmen (verschachtelte Suche)",
                                        "Ajustar parámetros (búsqueda anidada)"),
    "Inside each training fold, try the model's parameter grid by an inner cross-validation and keep the best; the outer test fold stays unseen. Slower, honest.": (
        "In jedem Trainings-Fold das Parameterraster des Modells per innerer Kreuzvalidierung durchprobieren und das "
        "beste behalten; der äußere Test-Fold bleibt ungesehen. Langsamer, aber ehrlich.",
        "Dentro de cada pliegue de entrenamiento, probar la rejilla de parámetros del modelo con una validación "
        "cruzada interna y quedarse con la mejor; el pliegue de prueba externo no se ve. Más lento, pero honesto."),
    "Folds of the inner cross-validation that picks the parameters": (
        "Folds der inneren Kreuzvalidierung, die die Parameter wählt",
        "Pliegues de la validación cruzada interna que elige los parámetros"),
    "inner folds": ("innere Folds", "pliegues internos"),
    "Same seed, same data: the same folds and the same numbers": (
        "Gleicher Startwert, gleiche Daten: dieselben Folds und dieselben Zahlen",
        "Misma semilla, mismos datos: los mismos pliegues y las mismas cifras"),
    "Seed": ("Startwert", "Semilla"),
    "Learning curve of the best model": ("Lernkurve des besten Modells", "Curva de aprendizaje del mejor modelo"),
    "Trains the best model again on growing shares of each training fold: a curve still rising at 100 % says more songs would help.": (
        "Trainiert das beste Modell erneut auf wachsenden Anteilen jedes Trainings-Folds: Eine Kurve, die bei 100 % "
        "noch steigt, zeigt, dass mehr Titel helfen würden.",
        "Vuelve a entrenar el mejor modelo con partes crecientes de cada pliegue de entrenamiento: una curva que sigue "
        "subiendo al 100 % indica que más canciones ayudarían."),
    "CNN epochs": ("CNN-Epochen", "Épocas de la CNN"),
    "Train and compare": ("Trainieren und vergleichen", "Entrenar y comparar"),
    "Cross-validate the checked models, then refit the best on all songs": (
        "Die angehakten Modelle kreuzvalidieren und das beste dann auf allen Titeln neu trainieren",
        "Validar de forma cruzada los modelos marcados y reentrenar el mejor con todas las canciones"),
    "Stop training; the current run is discarded": ("Training anhalten; der aktuelle Lauf wird verworfen",
                                                    "Detener el entrenamiento; la ejecución actual se descarta"),
    "Open a music folder first: the models learn from its analysed songs.": (
        "Zuerst einen Musikordner öffnen: Die Modelle lernen aus seinen analysierten Titeln.",
        "Abra primero una carpeta de música: los modelos aprenden de sus canciones analizadas."),
    "No song is analysed yet: training starts once songs in genre folders have their features.": (
        "Noch kein Titel analysiert: Das Training beginnt, sobald Titel in Genre-Ordnern ihre Merkmale haben.",
        "Aún no hay canciones analizadas: el entrenamiento empieza cuando las canciones de las carpetas de género "
        "tengan sus características."),
    "Check at least one model": ("Mindestens ein Modell anhaken", "Marque al menos un modelo"),
    "Check at least one model.": ("Mindestens ein Modell anhaken.", "Marque al menos un modelo."),
    "Preparing the songs…": ("Titel werden vorbereitet…", "Preparando las canciones…"),
    "About %1 left · %2 elapsed": ("Noch etwa %1 · %2 vergangen", "Quedan unos %1 · %2 transcurridos"),
    "%1 elapsed": ("%1 vergangen", "%1 transcurridos"),

    # --- About / PlaybackController / PlayerBar / audio outputs / PreferencesDialog / chart exports
    # About
    "<h3>Genrescope %1</h3><p>Explore a music collection by genre: waveforms, mel spectrograms, per-genre statistics and duplicate detection; compare classifiers and classify songs.</p>": (
        "<h3>Genrescope %1</h3><p>Eine Musiksammlung nach Genres erkunden: Wellenformen, Mel-Spektrogramme, "
        "Statistiken je Genre und Duplikatsuche; Klassifikatoren vergleichen und Titel klassifizieren.</p>",
        "<h3>Genrescope %1</h3><p>Explore una colección de música por género: formas de onda, espectrogramas mel, "
        "estadísticas por género y detección de duplicados; compare clasificadores y clasifique canciones.</p>"),
    "Built on": ("Basiert auf", "Basado en"),
    "Library": ("Bibliothek", "Biblioteca"),
    "Version": ("Version", "Versión"),
    "Licence": ("Lizenz", "Licencia"),
    # Waveform export on the Songs and Classify pages
    "Save the waveform envelope shown (min/max per pixel column) as CSV": (
        "Die gezeigte Hüllkurve der Wellenform (Min./Max. je Pixelspalte) als CSV speichern",
        "Guardar como CSV la envolvente de la forma de onda mostrada (mín./máx. por columna de píxeles)"),
    "Double-click a song to open it in the Songs view · Space: play / pause the selected song": (
        "Doppelklick auf einen Titel öffnet ihn in der Ansicht „Titel“ · Leertaste: ausgewählten Titel abspielen / anhalten",
        "Haga doble clic en una canción para abrirla en la vista «Canciones» · Espacio: reproducir / pausar la canción "
        "seleccionada"),
    # MainWindow: View menu (DE pages use t e u p v k l; ES c e d p m f l) and Edit menu
    "Zoom &In": ("Ver&größern", "&Acercar"),
    "Zoom &Out": ("Verklei&nern", "Ale&jar"),
    "&Full Screen": ("Voll&bild", "Pantalla c&ompleta"),
    "&Edit": ("&Bearbeiten", "&Editar"),
    "&Find Songs…": ("Titel &suchen…", "&Buscar canciones…"),
    "&Preferences…": ("&Einstellungen…", "&Preferencias…"),
    "Under the mouse in the waveform (time, amplitude) or the spectrogram (time, frequency, level)": (
        "Unter der Maus in der Wellenform (Zeit, Amplitude) oder im Spektrogramm (Zeit, Frequenz, Pegel)",
        "Bajo el ratón en la forma de onda (tiempo, amplitud) o en el espectrograma (tiempo, frecuencia, nivel)"),
    # Playback
    "no audio device": ("kein Audiogerät", "no hay dispositivo de audio"),
    "the audio device stopped (error %1)": ("das Audiogerät wurde angehalten (Fehler %1)",
                                            "el dispositivo de audio se detuvo (error %1)"),
    "cannot open the audio device %1": ("Audiogerät %1 kann nicht geöffnet werden",
                                        "no se puede abrir el dispositivo de audio %1"),
    "Cannot play %1: %2": ("%1 kann nicht wiedergegeben werden: %2", "No se puede reproducir %1: %2"),
    "Playback stopped: %1": ("Wiedergabe gestoppt: %1", "Reproducción detenida: %1"),
    "%1 plays in part: %2": ("%1 wird nur teilweise wiedergegeben: %2", "%1 se reproduce solo en parte: %2"),
    "Cannot play: %1. Everything else works.": ("Wiedergabe nicht möglich: %1. Alles andere funktioniert.",
                                                "No se puede reproducir: %1. Todo lo demás funciona."),
    "Play / pause the selected song (Space)": ("Ausgewählten Titel abspielen / anhalten (Leertaste)",
                                               "Reproducir / pausar la canción seleccionada (Espacio)"),
    "Position in the song; click the waveform or spectrogram to jump there": (
        "Position im Titel; in die Wellenform oder das Spektrogramm klicken, um dorthin zu springen",
        "Posición en la canción; haga clic en la forma de onda o el espectrograma para saltar allí"),
    "Pause": ("Pause", "Pausa"),
    "Play": ("Abspielen", "Reproducir"),
    "%1 / %2": ("%1 / %2", "%1 / %2"),
    # PreferencesDialog (accelerators unique in the dialog: DE s e l f h m d r ö o; ES i a b f s m d c r p)
    "System": ("System", "Sistema"),
    "Preferences": ("Einstellungen", "Preferencias"),
    "General": ("Allgemein", "General"),
    "&Language:": ("&Sprache:", "&Idioma:"),
    "Light": ("Hell", "Claro"),
    "Dark": ("Dunkel", "Oscuro"),
    "&Appearance:": ("&Erscheinungsbild:", "&Apariencia:"),
    "Language and appearance change the next time Genrescope starts.": (
        "Sprache und Erscheinungsbild ändern sich beim nächsten Start von Genrescope.",
        "El idioma y la apariencia cambian la próxima vez que se inicie Genrescope."),
    "&Clear Recent Folders": ("Zuletzt geöffnete Ordner &leeren", "&Borrar carpetas recientes"),
    "Recent folders:": ("Zuletzt geöffnete Ordner:", "Carpetas recientes:"),
    "Spectrogram defaults": ("Spektrogramm-Standardwerte", "Valores predeterminados del espectrograma"),
    "&FFT size:": ("&FFT-Größe:", "Tamaño de la &FFT:"),
    "&Hop:": ("&Hop:", "&Salto:"),
    "&Mel bands:": ("&Mel-Bänder:", "Bandas &mel:"),
    "&dB range:": ("&dB-Bereich:", "Rango en &dB:"),
    "C&olour map:": ("Fa&rbskala:", "Mapa de &colores:"),
    "&Re-open the last model file on start": ("Letzte Modelldatei beim Start erneut &öffnen",
                                              "&Reabrir el último archivo de modelo al iniciar"),
    "Cross-validation folds the Compare Models page starts with": (
        "Zahl der Folds der Kreuzvalidierung, mit der die Seite „Modelle vergleichen“ beginnt",
        "Pliegues de validación cruzada con los que empieza la página «Comparar modelos»"),
    "Default f&olds:": ("Standardzahl der F&olds:", "&Pliegues por defecto:"),
    # SpectrogramView export
    "Image (PNG, SVG, PDF)…": ("Bild (PNG, SVG, PDF)…", "Imagen (PNG, SVG, PDF)…"),
    "Mel Spectrogram as CSV…": ("Mel-Spektrogramm als CSV…", "Espectrograma mel como CSV…"),
    "Mel Spectrogram as NumPy NPY…": ("Mel-Spektrogramm als NumPy-NPY…", "Espectrograma mel como NumPy NPY…"),
    "Save this chart as an image, or its data as CSV or NPY": (
        "Dieses Diagramm als Bild oder seine Daten als CSV oder NPY speichern",
        "Guardar este gráfico como imagen, o sus datos como CSV o NPY"),
    "Cannot write %1: no spectrogram is shown": ("%1 kann nicht geschrieben werden: es wird kein Spektrogramm angezeigt",
                                                 "No se puede escribir %1: no se muestra ningún espectrograma"),
    "Export mel spectrogram": ("Mel-Spektrogramm exportieren", "Exportar espectrograma mel"),
    "mel-spectrogram.npy": ("mel-spektrogramm.npy", "espectrograma-mel.npy"),
    "mel-spectrogram.csv": ("mel-spektrogramm.csv", "espectrograma-mel.csv"),
    "NumPy array (*.npy)": ("NumPy-Array (*.npy)", "Matriz NumPy (*.npy)"),
    # WaveformView export and readout
    "Click: play from there · Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End · right-click: export": (
        "Klick: ab dort abspielen · Mausrad: zoomen · Umschalt+Mausrad oder Ziehen: scrollen · +/−, ←/→, Pos1/Ende · "
        "Rechtsklick: exportieren",
        "Clic: reproducir desde ahí · Rueda: zoom · Mayús+rueda o arrastrar: desplazar · +/−, ←/→, Inicio/Fin · "
        "clic derecho: exportar"),
    "%1 dBFS": ("%1 dBFS", "%1 dBFS"),
    "silence": ("Stille", "silencio"),
    "%1 · amplitude %2 · %3": ("%1 · Amplitude %2 · %3", "%1 · amplitud %2 · %3"),
    "%1 · amplitude %2 … %3 · peak %4": ("%1 · Amplitude %2 … %3 · Spitze %4", "%1 · amplitud %2 … %3 · pico %4"),
    "Cannot write %1: no waveform is shown": ("%1 kann nicht geschrieben werden: es wird keine Wellenform angezeigt",
                                              "No se puede escribir %1: no se muestra ninguna forma de onda"),
    "Export waveform envelope": ("Hüllkurve der Wellenform exportieren", "Exportar envolvente de la forma de onda"),
    "waveform-envelope.csv": ("wellenform-huellkurve.csv", "envolvente-forma-de-onda.csv"),
    "Export Envelope as CSV…": ("Hüllkurve als CSV exportieren…", "Exportar envolvente como CSV…"),
    # --- session 4: labels files, genre hierarchy, class balance, imbalance note
    "%n more like the above: %1": (["%n weiterer wie oben: %1", "%n weitere wie oben: %1"],
                                   ["%n más como el anterior: %1", "%n más como los anteriores: %1"]),
    "(labels)": ("(Labels)", "(etiquetas)"),
    "genre hierarchy not shown: %1": ("Genre-Hierarchie nicht angezeigt: %1", "jerarquía de géneros no mostrada: %1"),
    "Log scale": ("Logarithmische Skala", "Escala logarítmica"),
    "Song counts on a logarithmic axis: small genres stay visible beside large ones": (
        "Titelzahlen auf logarithmischer Achse: kleine Genres bleiben neben großen sichtbar",
        "Número de canciones en un eje logarítmico: los géneros pequeños siguen visibles junto a los grandes"),
    "Songs (log scale)": ("Titel (logarithmische Skala)", "Canciones (escala logarítmica)"),
    " · the genres are imbalanced (largest ≥ 1.5 × smallest): balanced accuracy and macro-F1 come first, because plain accuracy mostly rewards the large genres": (
        " · die Genres sind unausgewogen (größtes ≥ 1,5 × kleinstes): balancierte Genauigkeit und Makro-F1 stehen vorn, weil die einfache Genauigkeit vor allem die großen Genres belohnt",
        " · los géneros están desequilibrados (el mayor ≥ 1,5 × el menor): la exactitud equilibrada y el F1 macro van primero, porque la exactitud simple premia sobre todo a los géneros grandes"),
    "audio lasts %1 s, much shorter than FMA's 30 s clips (one of FMA's known bad files)": (
        "Audio dauert %1 s, viel kürzer als die 30-s-Ausschnitte von FMA (eine der bekannten fehlerhaften FMA-Dateien)",
        "el audio dura %1 s, mucho menos que los fragmentos de 30 s de FMA (uno de los archivos defectuosos conocidos de FMA)"),
    "%n tracks are outside subset %1 and are left out": (
        ["%n Titel liegt außerhalb der Teilmenge %1 und wird ausgelassen", "%n Titel liegen außerhalb der Teilmenge %1 und werden ausgelassen"],
        ["%n pista está fuera del subconjunto %1 y se omite", "%n pistas están fuera del subconjunto %1 y se omiten"]),
    "%n tracks have no %1 and are left out": (
        ["%n Titel hat kein %1 und wird ausgelassen", "%n Titel haben kein %1 und werden ausgelassen"],
        ["%n pista no tiene %1 y se omite", "%n pistas no tienen %1 y se omiten"]),
    "feature cache could not be updated, nothing more will be remembered: %1": (
        "Merkmal-Cache konnte nicht aktualisiert werden, nichts weiteres wird gespeichert: %1",
        "no se pudo actualizar la caché de características; no se recordará nada más: %1"),
    "labelled in %1, but no such audio file in the folder": (
        "in %1 beschriftet, aber keine solche Audiodatei im Ordner",
        "etiquetado en %1, pero no existe ese archivo de audio en la carpeta"),
    "no label in %1; left out": ("kein Label in %1; ausgelassen", "sin etiqueta en %1; se omite"),
    "row of the labels file not used": ("Zeile der Label-Datei nicht verwendet", "fila del archivo de etiquetas no utilizada"),
    "%n genre(s) and sub-genre(s), %1 song(s). A parent's total counts the songs of all genres below it.": (
        ["%n Genre bzw. Subgenre, %1 Titel. Die Summe eines übergeordneten Genres zählt die Titel aller Genres darunter.",
         "%n Genres und Subgenres, %1 Titel. Die Summe eines übergeordneten Genres zählt die Titel aller Genres darunter."],
        ["%n género o subgénero, %1 canciones. El total de un género padre cuenta las canciones de todos los géneros que tiene debajo.",
         "%n géneros y subgéneros, %1 canciones. El total de un género padre cuenta las canciones de todos los géneros que tiene debajo."]),
    "%n genre(s), none nested: no hierarchy to show. Nest genre folders (for example Rock/Punk) to group sub-genres under their parent.": (
        ["%n Genre, keines verschachtelt: keine Hierarchie. Verschachteln Sie Genre-Ordner (zum Beispiel Rock/Punk), um Subgenres unter ihrem Obergenre zu gruppieren.",
         "%n Genres, keines verschachtelt: keine Hierarchie. Verschachteln Sie Genre-Ordner (zum Beispiel Rock/Punk), um Subgenres unter ihrem Obergenre zu gruppieren."],
        ["%n género, ninguno anidado: no hay jerarquía que mostrar. Anide carpetas de géneros (por ejemplo Rock/Punk) para agrupar los subgéneros bajo su género padre.",
         "%n géneros, ninguno anidado: no hay jerarquía que mostrar. Anide carpetas de géneros (por ejemplo Rock/Punk) para agrupar los subgéneros bajo su género padre."]),
    "No genres yet. Open a folder whose sub-folders are genres; nest them (for example Rock/Punk) to see a hierarchy here.": (
        "Noch keine Genres. Öffnen Sie einen Ordner, dessen Unterordner Genres sind; verschachteln Sie sie (zum Beispiel Rock/Punk), um hier eine Hierarchie zu sehen.",
        "Aún no hay géneros. Abra una carpeta cuyas subcarpetas sean géneros; anídelas (por ejemplo Rock/Punk) para ver aquí una jerarquía."),
    "Songs incl. sub-genres": ("Titel inkl. Subgenres", "Canciones incl. subgéneros"),
    "Genres from a metadata file (FMA's tracks.csv or a CSV of path,genre) instead of genre folders": (
        "Genres aus einer Metadatendatei (tracks.csv von FMA oder eine CSV mit Pfad,Genre) statt aus Genre-Ordnern",
        "Géneros de un archivo de metadatos (tracks.csv de FMA o un CSV de ruta,género) en lugar de carpetas de géneros"),
    "&Genre Hierarchy": ("Genre-&Hierarchie", "Jerarquía de &géneros"),
    "FMA labels": ("FMA-Labels", "Etiquetas de FMA"),
    "Genre field:": ("Genre-Feld:", "Campo de género:"),
    "Labels (*.csv);;All files (*)": ("Labels (*.csv);;Alle Dateien (*)", "Etiquetas (*.csv);;Todos los archivos (*)"),
    "Labels for %1": ("Labels für %1", "Etiquetas para %1"),
    "Open Folder &with Labels…": ("Ordner mit &Labels öffnen…", "Abrir carpeta con e&tiquetas…"),
    "Opening %1 with the labels of %2…": ("%1 wird mit den Labels aus %2 geöffnet…", "Abriendo %1 con las etiquetas de %2…"),
    "Subset (nested: medium includes small):": ("Teilmenge (verschachtelt: medium enthält small):",
                                                "Subconjunto (anidado: medium incluye small):"),
    "all tracks": ("alle Titel", "todas las pistas"),
    "genre_top: one top-level genre (tracks without one are left out)": (
        "genre_top: ein Hauptgenre (Titel ohne eines werden ausgelassen)",
        "genre_top: un género principal (las pistas sin él se omiten)"),
    "genres_all: every genre (models learn genre_top, else the first top-level genre)": (
        "genres_all: alle Genres (Modelle lernen genre_top, sonst das erste Hauptgenre)",
        "genres_all: todos los géneros (los modelos aprenden genre_top o, si falta, el primer género principal)"),
    "fitted on a stratified sample of %1 of %2 songs, all shown": (
        "angepasst an eine geschichtete Stichprobe von %1 aus %2 Songs, alle angezeigt",
        "ajustado con una muestra estratificada de %1 de %2 canciones, todas mostradas"),
}

CONTEXT_TABLE = {
    # The model-info row naming where a model came from
    ("gs::ui::ModelInfo", "From"): ("Herkunft", "Origen"),
    # The song list's status column: DE "Fertig" is fine, ES needs the feminine (canción)
    ("gs::ui::DatasetSession", "Failed"): ("Fehlgeschlagen", "Con error"),
}
