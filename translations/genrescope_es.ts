<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
    <context>
        <name>DatasetSession</name>
        <message>
            <source>(labels)</source>
            <translation>(etiquetas)</translation>
        </message>
        <message numerus="yes">
            <source>%n more like the above: %1</source>
            <translation>
                <numerusform>%n más como el anterior: %1</numerusform>
                <numerusform>%n más como los anteriores: %1</numerusform>
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
            <translation>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Explore una colección de música por género: formas de onda, espectrogramas mel, estadísticas por género y detección de duplicados; compare clasificadores y clasifique canciones.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Built on</source>
            <translation>Basado en</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Biblioteca</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licencia</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::About</name>
        <message>
            <source>About Genrescope</source>
            <translation>Acerca de Genrescope</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::AccuracyChart</name>
        <message>
            <source>Accuracy per model</source>
            <translation>Exactitud por modelo</translation>
        </message>
        <message>
            <source>Train to compare models</source>
            <translation>Entrene para comparar modelos</translation>
        </message>
        <message>
            <source>dummy baseline
%1 %</source>
            <translation>referencia trivial (dummy)
%1 %</translation>
        </message>
        <message>
            <source>Model (solid: run %1, hatched: run %2)</source>
            <translation>Modelo (relleno: ejecución %1, rayado: ejecución %2)</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Accuracy %, mean ± std</source>
            <translation>Exactitud %, media ± desv. típ.</translation>
        </message>
        <message>
            <source>Accuracy per model — run %1, %2-fold cross-validation</source>
            <translation>Exactitud por modelo — ejecución %1, validación cruzada de %2 pliegues</translation>
        </message>
        <message numerus="yes">
            <source>%1 (run %2)
accuracy %3 % ± %4 over %n folds
balanced accuracy %5 %
macro-F1 %6</source>
            <translation>
                <numerusform>%1 (ejecución %2)
exactitud %3 % ± %4 en %n pliegue
exactitud equilibrada %5 %
F1 macro %6</numerusform>
                <numerusform>%1 (ejecución %2)
exactitud %3 % ± %4 en %n pliegues
exactitud equilibrada %5 %
F1 macro %6</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ChartWidget</name>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>Save this chart as PNG, SVG or PDF</source>
            <translation>Guardar este gráfico como PNG, SVG o PDF</translation>
        </message>
        <message>
            <source>Chart exported by Genrescope</source>
            <translation>Gráfico exportado por Genrescope</translation>
        </message>
        <message>
            <source>Export chart</source>
            <translation>Exportar gráfico</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
            <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Error al exportar</translation>
        </message>
        <message>
            <source>Could not write %1.</source>
            <translation>No se pudo escribir %1.</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ClassBalanceChart</name>
        <message>
            <source>Class balance</source>
            <translation>Equilibrio de clases</translation>
        </message>
        <message>
            <source>No songs yet</source>
            <translation>Aún no hay canciones</translation>
        </message>
        <message>
            <source>Songs</source>
            <translation>Canciones</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>Escala logarítmica</translation>
        </message>
        <message>
            <source>Song counts on a logarithmic axis: small genres stay visible beside large ones</source>
            <translation>Número de canciones en un eje logarítmico: los géneros pequeños siguen visibles junto a los grandes</translation>
        </message>
        <message>
            <source>Songs (log scale)</source>
            <translation>Canciones (escala logarítmica)</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ClassifyPanel</name>
        <message>
            <source>Audio files (%1);;All files (*)</source>
            <translation>Archivos de audio (%1);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Classify Songs…</source>
            <translation>Clasificar canciones…</translation>
        </message>
        <message>
            <source>Choose audio files to classify with the current model (or drop them here)</source>
            <translation>Elija archivos de audio para clasificarlos con el modelo actual (o suéltelos aquí)</translation>
        </message>
        <message>
            <source>Open Model…</source>
            <translation>Abrir modelo…</translation>
        </message>
        <message>
            <source>Save Model…</source>
            <translation>Guardar modelo…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Vaciar</translation>
        </message>
        <message>
            <source>Remove every classified song from the list</source>
            <translation>Quitar todas las canciones clasificadas de la lista</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Confianza</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Genre probabilities</source>
            <translation>Probabilidades de género</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>%v of %m · %1 left</source>
            <translation>%v de %m · quedan %1</translation>
        </message>
        <message>
            <source>%v of %m</source>
            <translation>%v de %m</translation>
        </message>
        <message>
            <source>Classification cancelled.</source>
            <translation>Clasificación cancelada.</translation>
        </message>
        <message>
            <source>Waveform — analysed clips marked</source>
            <translation>Forma de onda — fragmentos analizados marcados</translation>
        </message>
        <message>
            <source>Genre over time — probabilities of each analysed clip</source>
            <translation>Género a lo largo del tiempo — probabilidades de cada fragmento analizado</translation>
        </message>
        <message>
            <source>analysing…</source>
            <translation>analizando…</translation>
        </message>
        <message numerus="yes">
            <source>%n clip(s) analysed</source>
            <translation>
                <numerusform>%n fragmento analizado</numerusform>
                <numerusform>%n fragmentos analizados</numerusform>
            </translation>
        </message>
        <message>
            <source>Classify songs to see their genres: &lt;b&gt;Classify Songs…&lt;/b&gt; above.</source>
            <translation>Clasifique canciones para ver sus géneros: &lt;b&gt;Clasificar canciones…&lt;/b&gt; arriba.</translation>
        </message>
        <message>
            <source>Select a song in the list.</source>
            <translation>Seleccione una canción de la lista.</translation>
        </message>
        <message numerus="yes">
            <source> — %1 (%2) · %n clip(s) of %3</source>
            <translation>
                <numerusform> — %1 (%2) · %n fragmento de %3</numerusform>
                <numerusform> — %1 (%2) · %n fragmentos de %3</numerusform>
            </translation>
        </message>
        <message>
            <source> — analysing…</source>
            <translation> — analizando…</translation>
        </message>
        <message>
            <source>clip %1: %2 %3</source>
            <translation>fragmento %1: %2 %3</translation>
        </message>
        <message>
            <source>Not classified yet</source>
            <translation>Aún sin clasificar</translation>
        </message>
        <message>
            <source>Not classified</source>
            <translation>Sin clasificar</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>cargando…</translation>
        </message>
        <message>
            <source>The genres of the selected song appear here</source>
            <translation>Aquí aparecen los géneros de la canción seleccionada</translation>
        </message>
        <message>
            <source>Probability (%) — mean over the analysed clips</source>
            <translation>Probabilidad (%) — media de los fragmentos analizados</translation>
        </message>
        <message>
            <source>Classify songs</source>
            <translation>Clasificar canciones</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>Abrir modelo</translation>
        </message>
        <message>
            <source>Genrescope model (*.gsm);;All files (*)</source>
            <translation>Modelo de Genrescope (*.gsm);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Save model</source>
            <translation>Guardar modelo</translation>
        </message>
        <message>
            <source>Genrescope model (*.gsm)</source>
            <translation>Modelo de Genrescope (*.gsm)</translation>
        </message>
        <message>
            <source>Model saved to %1</source>
            <translation>Modelo guardado en %1</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>Save the waveform envelope shown (min/max per pixel column) as CSV</source>
            <translation>Guardar como CSV la envolvente de la forma de onda mostrada (mín./máx. por columna de píxeles)</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ClassifySession</name>
        <message>
            <source>%1 % ± %2 (%3-fold CV)</source>
            <translation>%1 % ± %2 (VC de %3 pliegues)</translation>
        </message>
        <message>
            <source>Final model</source>
            <translation>Modelo final</translation>
        </message>
        <message>
            <source>no song is analysed and labelled yet: wait for the analysis to finish, or open a folder whose sub-folders are genres</source>
            <translation>aún no hay ninguna canción analizada y etiquetada: espere a que termine el análisis o abra una carpeta cuyas subcarpetas sean géneros</translation>
        </message>
        <message>
            <source>Cross-validation</source>
            <translation>Validación cruzada</translation>
        </message>
        <message>
            <source>Learning curve</source>
            <translation>Curva de aprendizaje</translation>
        </message>
        <message>
            <source>learning curve skipped: %1</source>
            <translation>curva de aprendizaje omitida: %1</translation>
        </message>
        <message>
            <source>waiting for a model: train one on a folder of songs (Train &amp; Compare) or open one with File → Open Model…</source>
            <translation>esperando un modelo: entrene uno con una carpeta de canciones (Entrenar y comparar) o abra uno con Archivo → Abrir modelo…</translation>
        </message>
        <message>
            <source>open a folder of songs first: the models learn from its analysed songs</source>
            <translation>abra primero una carpeta de canciones: los modelos aprenden de sus canciones analizadas</translation>
        </message>
        <message>
            <source>the final model must be one of the compared models</source>
            <translation>el modelo final debe ser uno de los modelos comparados</translation>
        </message>
        <message>
            <source>there is no comparison run %1</source>
            <translation>no existe la ejecución de comparación %1</translation>
        </message>
        <message>
            <source>run %1 did not compare %2</source>
            <translation>la ejecución %1 no comparó %2</translation>
        </message>
        <message>
            <source>the file holds no model</source>
            <translation>el archivo no contiene ningún modelo</translation>
        </message>
        <message>
            <source>there is no model to save yet: train one or open a model file</source>
            <translation>aún no hay ningún modelo que guardar: entrene uno o abra un archivo de modelo</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1: not classified, cancelled</source>
            <translation>%1: sin clasificar, cancelado</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ComparePanel</name>
        <message>
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <source>Per genre</source>
            <translation>Por género</translation>
        </message>
        <message>
            <source>Significance</source>
            <translation>Significación</translation>
        </message>
        <message>
            <source>Learning curve</source>
            <translation>Curva de aprendizaje</translation>
        </message>
        <message>
            <source>Finished comparisons of this session, newest first</source>
            <translation>Comparaciones terminadas en esta sesión, la más reciente primero</translation>
        </message>
        <message>
            <source>Show a second run's numbers beside the first one's (bars side by side, rows in the table)</source>
            <translation>Mostrar las cifras de una segunda ejecución junto a las de la primera (barras lado a lado, filas en la tabla)</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Forget the shown run</source>
            <translation>Olvidar la ejecución mostrada</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Ejecución</translation>
        </message>
        <message>
            <source>beside</source>
            <translation>junto a</translation>
        </message>
        <message>
            <source>Scores come from the fold models of cross-validation; the model used to classify new songs and exported is refit on all songs.</source>
            <translation>Las puntuaciones provienen de los modelos de cada pliegue de la validación cruzada; el modelo que clasifica canciones nuevas y se exporta se reentrena con todas las canciones.</translation>
        </message>
        <message>
            <source>Use this model</source>
            <translation>Usar este modelo</translation>
        </message>
        <message>
            <source>Refit the selected model on all songs of its run; it then classifies new songs and is what File → Save Model writes</source>
            <translation>Reentrenar el modelo seleccionado con todas las canciones de su ejecución; después clasifica las canciones nuevas y es el que guarda Archivo → Guardar modelo</translation>
        </message>
        <message>
            <source>Save this table as CSV</source>
            <translation>Guardar esta tabla como CSV</translation>
        </message>
        <message>
            <source>metrics</source>
            <translation>métricas</translation>
        </message>
        <message>
            <source>Save the selected model's per-genre scores as CSV</source>
            <translation>Guardar como CSV las puntuaciones por género del modelo seleccionado</translation>
        </message>
        <message>
            <source>per-genre scores</source>
            <translation>puntuaciones por género</translation>
        </message>
        <message>
            <source>&lt;b&gt;Is one model really better?&lt;/b&gt; The &lt;b&gt;corrected resampled t-test&lt;/b&gt; (Nadeau &amp;amp; Bengio, 2003) compares the two models' accuracies fold by fold over the same folds, corrected for the folds sharing training songs: it asks whether the recipe would do better on new songs, and is the one to trust. &lt;b&gt;McNemar's test&lt;/b&gt; only compares these pooled predictions (songs only A got right against songs only B got right), ignoring how much the result depends on the training songs. Green cells: p &amp;lt; %1.</source>
            <translation>&lt;b&gt;¿Es un modelo realmente mejor?&lt;/b&gt; La &lt;b&gt;prueba t de remuestreo corregida&lt;/b&gt; (Nadeau &amp;amp; Bengio, 2003) compara la exactitud de los dos modelos pliegue a pliegue sobre los mismos pliegues, corrigiendo el hecho de que los pliegues comparten canciones de entrenamiento: pregunta si el método funcionaría mejor con canciones nuevas y es la prueba fiable. La &lt;b&gt;prueba de McNemar&lt;/b&gt; solo compara estas predicciones agrupadas (canciones que solo A acertó frente a canciones que solo B acertó) y no tiene en cuenta cuánto depende el resultado de las canciones de entrenamiento. Celdas verdes: p &amp;lt; %1.</translation>
        </message>
        <message>
            <source>Save the pairwise tests as CSV</source>
            <translation>Guardar las pruebas por pares como CSV</translation>
        </message>
        <message>
            <source>significance tests</source>
            <translation>pruebas de significación</translation>
        </message>
        <message>
            <source> · best %1 %2</source>
            <translation> · mejor %1 %2</translation>
        </message>
        <message>
            <source>(stale: data changed)</source>
            <translation>(desactualizada: datos cambiados)</translation>
        </message>
        <message>
            <source>(stale: settings changed)</source>
            <translation>(desactualizada: ajustes cambiados)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <source>related songs kept together (grouping %1)</source>
            <translation>canciones relacionadas agrupadas (agrupación %1)</translation>
        </message>
        <message>
            <source>grouping %1 found no related songs</source>
            <translation>la agrupación %1 no encontró canciones relacionadas</translation>
        </message>
        <message>
            <source> · parameters tuned by a nested %1-fold search</source>
            <translation> · parámetros ajustados con una búsqueda anidada de %1 pliegues</translation>
        </message>
        <message>
            <source> · took %1 s</source>
            <translation> · tardó %1 s</translation>
        </message>
        <message>
            <source>No comparison yet: choose models on the left and press Train and compare.</source>
            <translation>Aún no hay comparación: elija modelos a la izquierda y pulse «Entrenar y comparar».</translation>
        </message>
        <message>
            <source>the songs changed since it was trained (added, removed, relabelled or re-analysed)</source>
            <translation>las canciones cambiaron desde el entrenamiento (añadidas, quitadas, reetiquetadas o reanalizadas)</translation>
        </message>
        <message>
            <source>the training settings on the left differ from the ones it used</source>
            <translation>los ajustes de entrenamiento de la izquierda difieren de los que usó</translation>
        </message>
        <message>
            <source>Run %1 is stale: %2. Train again for up-to-date numbers.</source>
            <translation>La ejecución %1 está desactualizada: %2. Vuelva a entrenar para obtener cifras actuales.</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>No model in use yet: train, or open a model file.</source>
            <translation>Aún no hay ningún modelo en uso: entrene o abra un archivo de modelo.</translation>
        </message>
        <message>
            <source>Model in use: &lt;b&gt;%1&lt;/b&gt;</source>
            <translation>Modelo en uso: &lt;b&gt;%1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>, from %1</source>
            <translation>, de %1</translation>
        </message>
        <message>
            <source>Per-genre scores of %1 (run %2, pooled over the test folds)</source>
            <translation>Puntuaciones por género de %1 (ejecución %2, agrupadas sobre los pliegues de prueba)</translation>
        </message>
        <message>
            <source>Select a model in the Models table</source>
            <translation>Seleccione un modelo en la tabla «Modelos»</translation>
        </message>
        <message>
            <source>Use %1 (refit on all songs)</source>
            <translation>Usar %1 (reentrenado con todas las canciones)</translation>
        </message>
        <message>
            <source>No run to export</source>
            <translation>No hay ninguna ejecución que exportar</translation>
        </message>
        <message>
            <source>No model selected</source>
            <translation>Ningún modelo seleccionado</translation>
        </message>
        <message>
            <source>Export %1</source>
            <translation>Exportar %1</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Error al exportar</translation>
        </message>
        <message numerus="yes">
            <source>Run %1 · %2 · %n models</source>
            <translation>
                <numerusform>Ejecución %1 · %2 · %n modelo</numerusform>
                <numerusform>Ejecución %1 · %2 · %n modelos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1-fold cross-validation, %2 · %n songs · %3 features · seed %4</source>
            <translation>
                <numerusform>validación cruzada de %1 pliegues, %2 · %n canción · %3 características · semilla %4</numerusform>
                <numerusform>validación cruzada de %1 pliegues, %2 · %n canciones · %3 características · semilla %4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, refit on all %n songs of run %1</source>
            <translation>
                <numerusform>, reentrenado con %n canción de la ejecución %1</numerusform>
                <numerusform>, reentrenado con las %n canciones de la ejecución %1</numerusform>
            </translation>
        </message>
        <message>
            <source> · the genres are imbalanced (largest ≥ 1.5 × smallest): balanced accuracy and macro-F1 come first, because plain accuracy mostly rewards the large genres</source>
            <translation> · los géneros están desequilibrados (el mayor ≥ 1,5 × el menor): la exactitud equilibrada y el F1 macro van primero, porque la exactitud simple premia sobre todo a los géneros grandes</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ConfusionMatrixView</name>
        <message>
            <source>Counts</source>
            <translation>Recuentos</translation>
        </message>
        <message>
            <source>By true genre (row %)</source>
            <translation>Por género real (% de fila)</translation>
        </message>
        <message>
            <source>By predicted genre (column %)</source>
            <translation>Por género predicho (% de columna)</translation>
        </message>
        <message>
            <source>Share of all songs</source>
            <translation>Proporción de todas las canciones</translation>
        </message>
        <message>
            <source>No cross-validation results yet.</source>
            <translation>Aún no hay resultados de validación cruzada.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;True %1 · predicted %2&lt;/b&gt;&lt;br&gt;%n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;Real %1 · predicho %2&lt;/b&gt;&lt;br&gt;%n canción</numerusform>
                <numerusform>&lt;b&gt;Real %1 · predicho %2&lt;/b&gt;&lt;br&gt;%n canciones</numerusform>
            </translation>
        </message>
        <message>
            <source>Click to list the songs</source>
            <translation>Haga clic para ver la lista de canciones</translation>
        </message>
        <message>
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <source>predicted genre</source>
            <translation>género predicho</translation>
        </message>
        <message>
            <source>true genre</source>
            <translation>género real</translation>
        </message>
        <message>
            <source>correct, 0–100 % of the true genre</source>
            <translation>acierto, 0–100 % del género real</translation>
        </message>
        <message>
            <source>confused with the column's genre, 0–100 %</source>
            <translation>confundido con el género de la columna, 0–100 %</translation>
        </message>
        <message>
            <source>Confusion matrix</source>
            <translation>Matriz de confusión</translation>
        </message>
        <message numerus="yes">
            <source>%1 % of the %n %2 songs (row share, recall)</source>
            <translation>
                <numerusform>%1 % de la %n canción de %2 (proporción de fila, exhaustividad)</numerusform>
                <numerusform>%1 % de las %n canciones de %2 (proporción de fila, exhaustividad)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 % of the %n songs predicted %2 (column share, precision)</source>
            <translation>
                <numerusform>%1 % de la %n canción predicha como %2 (proporción de columna, precisión)</numerusform>
                <numerusform>%1 % de las %n canciones predichas como %2 (proporción de columna, precisión)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 % of all %n songs</source>
            <translation>
                <numerusform>%1 % de %n canción</numerusform>
                <numerusform>%1 % de las %n canciones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ConfusionPanel</name>
        <message>
            <source>The comparison run whose cross-validation is shown</source>
            <translation>La ejecución de comparación cuya validación cruzada se muestra</translation>
        </message>
        <message>
            <source>Models of the run, best first (mean accuracy over the folds)</source>
            <translation>Modelos de la ejecución, el mejor primero (exactitud media en los pliegues)</translation>
        </message>
        <message>
            <source>What the numbers in the cells show; colours always show the share of the true genre</source>
            <translation>Qué muestran los números de las celdas; los colores siempre muestran la proporción del género real</translation>
        </message>
        <message>
            <source>All Misclassified</source>
            <translation>Todas las mal clasificadas</translation>
        </message>
        <message>
            <source>List every song predicted as another genre than its own</source>
            <translation>Mostrar todas las canciones predichas como un género distinto del suyo</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>Matrix and Scores as CSV…</source>
            <translation>Matriz y puntuaciones como CSV…</translation>
        </message>
        <message>
            <source>Matrix and Scores as JSON…</source>
            <translation>Matriz y puntuaciones como JSON…</translation>
        </message>
        <message>
            <source>Matrix as Image (PNG, SVG, PDF)…</source>
            <translation>Matriz como imagen (PNG, SVG, PDF)…</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Ejecución</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Precisión</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Exhaustividad</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>Soporte</translation>
        </message>
        <message>
            <source>Counted from the matrix: precision = diagonal / column total, recall = diagonal / row total</source>
            <translation>Contado a partir de la matriz: precisión = diagonal / total de la columna, exhaustividad = diagonal / total de la fila</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>True genre</source>
            <translation>Género real</translation>
        </message>
        <message>
            <source>Predicted</source>
            <translation>Predicho</translation>
        </message>
        <message>
            <source>P(predicted)</source>
            <translation>P(predicho)</translation>
        </message>
        <message>
            <source>P(true)</source>
            <translation>P(real)</translation>
        </message>
        <message>
            <source>Fold</source>
            <translation>Pliegue</translation>
        </message>
        <message numerus="yes">
            <source>Run %1 · %2 · %3-fold · %n song(s)</source>
            <translation>
                <numerusform>Ejecución %1 · %2 · %3 pliegues · %n canción</numerusform>
                <numerusform>Ejecución %1 · %2 · %3 pliegues · %n canciones</numerusform>
            </translation>
        </message>
        <message>
            <source> · data changed</source>
            <translation> · datos cambiados</translation>
        </message>
        <message>
            <source>Train and compare models on the &lt;b&gt;Compare&lt;/b&gt; page: their cross-validated confusion matrices appear here.</source>
            <translation>Entrene y compare modelos en la página &lt;b&gt;Comparar&lt;/b&gt;: sus matrices de confusión de validación cruzada aparecen aquí.</translation>
        </message>
        <message>
            <source>No cross-validation results yet.</source>
            <translation>Aún no hay resultados de validación cruzada.</translation>
        </message>
        <message>
            <source>%1 (%2 %)</source>
            <translation>%1 (%2 %)</translation>
        </message>
        <message numerus="yes">
            <source>&lt;span style='color:#555'&gt;These are &lt;b&gt;cross-validation predictions&lt;/b&gt;: every song was predicted by the model of the fold that held it out (%1 fold models, none of which saw the song while learning) — not by the final model refit on all %n song(s).&lt;/span&gt;</source>
            <translation>
                <numerusform>&lt;span style='color:#555'&gt;Son &lt;b&gt;predicciones de validación cruzada&lt;/b&gt;: cada canción la predijo el modelo del pliegue que la dejó fuera (%1 modelos de pliegue, ninguno de los cuales vio la canción al aprender), no el modelo final reentrenado con %n canción.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#555'&gt;Son &lt;b&gt;predicciones de validación cruzada&lt;/b&gt;: cada canción la predijo el modelo del pliegue que la dejó fuera (%1 modelos de pliegue, ninguno de los cuales vio la canción al aprender), no el modelo final reentrenado con las %n canciones.&lt;/span&gt;</numerusform>
            </translation>
        </message>
        <message>
            <source> &lt;span style='color:#a33'&gt;The dataset changed since this run: train again to see the current songs.&lt;/span&gt;</source>
            <translation> &lt;span style='color:#a33'&gt;El conjunto de datos cambió desde esta ejecución: vuelva a entrenar para ver las canciones actuales.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Accuracy %1 %&lt;/b&gt; (%2 of %3 songs on the diagonal) · &lt;b&gt;balanced accuracy %4 %&lt;/b&gt; · &lt;b&gt;macro-F1 %5&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;Pooled over all test folds. Mean accuracy over the folds: %6 % ± %7; log loss %8.&lt;/span&gt;</source>
            <translation>&lt;b&gt;Exactitud %1 %&lt;/b&gt; (%2 de %3 canciones en la diagonal) · &lt;b&gt;exactitud equilibrada %4 %&lt;/b&gt; · &lt;b&gt;F1 macro %5&lt;/b&gt;&lt;br&gt;&lt;span style='color:#555'&gt;Agrupado sobre todos los pliegues de prueba. Exactitud media en los pliegues: %6 % ± %7; pérdida logarítmica %8.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>macro avg</source>
            <translation>media macro</translation>
        </message>
        <message>
            <source>weighted avg</source>
            <translation>media ponderada</translation>
        </message>
        <message>
            <source>Click a cell to list its songs, or show all misclassified songs.</source>
            <translation>Haga clic en una celda para ver sus canciones, o muestre todas las canciones mal clasificadas.</translation>
        </message>
        <message>
            <source>This report has no per-song predictions.</source>
            <translation>Este informe no contiene predicciones por canción.</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt; recognised as %1: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; reconocido como %1: %n canción</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; reconocido como %1: %n canciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt; predicted as &lt;b&gt;%2&lt;/b&gt;: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; predicho como &lt;b&gt;%2&lt;/b&gt;: %n canción</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; predicho como &lt;b&gt;%2&lt;/b&gt;: %n canciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;All misclassified songs&lt;/b&gt;: %n song(s)</source>
            <translation>
                <numerusform>&lt;b&gt;Todas las canciones mal clasificadas&lt;/b&gt;: %n canción</numerusform>
                <numerusform>&lt;b&gt;Todas las canciones mal clasificadas&lt;/b&gt;: %n canciones</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>No se puede escribir %1: %2</translation>
        </message>
        <message>
            <source>no confusion matrix is shown</source>
            <translation>no se muestra ninguna matriz de confusión</translation>
        </message>
        <message>
            <source>confusion-%1</source>
            <translation>confusion-%1</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
            <translation>Imagen PNG (*.png);;Dibujo SVG (*.svg);;Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export confusion matrix</source>
            <translation>Exportar matriz de confusión</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Error al exportar</translation>
        </message>
        <message>
            <source>Double-click a song to open it in the Songs view · Space: play / pause the selected song</source>
            <translation>Haga doble clic en una canción para abrirla en la vista «Canciones» · Espacio: reproducir / pausar la canción seleccionada</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::CorrelationChart</name>
        <message>
            <source>Feature correlation</source>
            <translation>Correlación de características</translation>
        </message>
        <message>
            <source>%1 × %2
r = %3</source>
            <translation>%1 × %2
r = %3</translation>
        </message>
        <message>
            <source>Need at least three analysed songs</source>
            <translation>Se necesitan al menos tres canciones analizadas</translation>
        </message>
        <message>
            <source>Pearson r</source>
            <translation>r de Pearson</translation>
        </message>
        <message>
            <source>Pearson correlation</source>
            <translation>Correlación de Pearson</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::DatasetSession</name>
        <message>
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Lista</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Con error</translation>
        </message>
        <message>
            <source>Not analysed</source>
            <translation>Sin analizar</translation>
        </message>
        <message>
            <source>not a folder</source>
            <translation>no es una carpeta</translation>
        </message>
        <message>
            <source>no such folder</source>
            <translation>la carpeta no existe</translation>
        </message>
        <message>
            <source>feature cache unavailable, nothing will be remembered: %1</source>
            <translation>caché de características no disponible, no se guardará nada: %1</translation>
        </message>
        <message>
            <source>(folder)</source>
            <translation>(carpeta)</translation>
        </message>
        <message>
            <source>internal error while opening: %1</source>
            <translation>error interno al abrir: %1</translation>
        </message>
        <message>
            <source>cannot create the demo dataset: %1</source>
            <translation>no se puede crear el conjunto de datos de demostración: %1</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>aviso: %1</translation>
        </message>
        <message>
            <source>labelled in %1, but no such audio file in the folder</source>
            <translation>etiquetado en %1, pero no existe ese archivo de audio en la carpeta</translation>
        </message>
        <message>
            <source>no label in %1; left out</source>
            <translation>sin etiqueta en %1; se omite</translation>
        </message>
        <message>
            <source>row of the labels file not used</source>
            <translation>fila del archivo de etiquetas no utilizada</translation>
        </message>
        <message numerus="yes">
            <source>%n tracks have no %1 and are left out</source>
            <translation>
                <numerusform>%n pista no tiene %1 y se omite</numerusform>
                <numerusform>%n pistas no tienen %1 y se omiten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tracks are outside subset %1 and are left out</source>
            <translation>
                <numerusform>%n pista está fuera del subconjunto %1 y se omite</numerusform>
                <numerusform>%n pistas están fuera del subconjunto %1 y se omiten</numerusform>
            </translation>
        </message>
        <message>
            <source>feature cache could not be updated, nothing more will be remembered: %1</source>
            <translation>no se pudo actualizar la caché de características; no se recordará nada más: %1</translation>
        </message>
        <message>
            <source>audio lasts %1 s, much shorter than FMA's 30 s clips (one of FMA's known bad files)</source>
            <translation>el audio dura %1 s, mucho menos que los fragmentos de 30 s de FMA (uno de los archivos defectuosos conocidos de FMA)</translation>
        </message>
        <message>
            <source>genre hierarchy not shown: %1</source>
            <translation>jerarquía de géneros no mostrada: %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::DuplicatesPanel</name>
        <message>
            <source>Song</source>
            <translation>Canción</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duración</translation>
        </message>
        <message>
            <source>Bit error rate</source>
            <translation>Tasa de error de bits</translation>
        </message>
        <message numerus="yes">
            <source>%n song(s), across genres</source>
            <translation>
                <numerusform>%n canción, de varios géneros</numerusform>
                <numerusform>%n canciones, de varios géneros</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n song(s), same genre</source>
            <translation>
                <numerusform>%n canción, mismo género</numerusform>
                <numerusform>%n canciones, mismo género</numerusform>
            </translation>
        </message>
        <message>
            <source>Duplicates are searched once every song is analysed.</source>
            <translation>Los duplicados se buscan cuando todas las canciones están analizadas.</translation>
        </message>
        <message>
            <source>No duplicates: no two songs share (near-)identical audio.</source>
            <translation>No hay duplicados: no hay dos canciones con audio (casi) idéntico.</translation>
        </message>
        <message numerus="yes">
            <source>%n group(s) of songs with (near-)identical audio, by Chromaprint fingerprint (bit error rate at the best alignment; unrelated music is near 0.5). </source>
            <translation>
                <numerusform>%n grupo de canciones con audio (casi) idéntico según la huella de Chromaprint (tasa de error de bits en la mejor alineación; la música no relacionada ronda 0,5). </numerusform>
                <numerusform>%n grupos de canciones con audio (casi) idéntico según la huella de Chromaprint (tasa de error de bits en la mejor alineación; la música no relacionada ronda 0,5). </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n group(s) span more than one genre folder.</source>
            <translation>
                <numerusform>%n grupo abarca más de una carpeta de género.</numerusform>
                <numerusform>%n grupos abarcan más de una carpeta de género.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::EdaChart</name>
        <message numerus="yes">
            <source>%1
median %2
quartiles %3 – %4
whiskers %5 – %6
%n outlier(s)</source>
            <translation>
                <numerusform>%1
mediana %2
cuartiles %3 – %4
bigotes %5 – %6
%n valor atípico</numerusform>
                <numerusform>%1
mediana %2
cuartiles %3 – %4
bigotes %5 – %6
%n valores atípicos</numerusform>
            </translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::EdaPanel</name>
        <message>
            <source>Class balance</source>
            <translation>Equilibrio de clases</translation>
        </message>
        <message>
            <source>Song length</source>
            <translation>Duración de las canciones</translation>
        </message>
        <message>
            <source>Feature distributions</source>
            <translation>Distribuciones de características</translation>
        </message>
        <message>
            <source>Scatter / PCA</source>
            <translation>Dispersión / PCA</translation>
        </message>
        <message>
            <source>Correlation</source>
            <translation>Correlación</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::FeatureDistributionChart</name>
        <message>
            <source>Feature distribution</source>
            <translation>Distribución de una característica</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>Característica</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Box plots</source>
            <translation>Diagramas de caja</translation>
        </message>
        <message>
            <source>Histograms</source>
            <translation>Histogramas</translation>
        </message>
        <message>
            <source>Density curves</source>
            <translation>Curvas de densidad</translation>
        </message>
        <message>
            <source>No analysed songs yet</source>
            <translation>Aún no hay canciones analizadas</translation>
        </message>
        <message>
            <source>Density (share per unit)</source>
            <translation>Densidad (proporción por unidad)</translation>
        </message>
        <message>
            <source>Estimated density</source>
            <translation>Densidad estimada</translation>
        </message>
        <message>
            <source>Feature distribution — %1</source>
            <translation>Distribución de la característica — %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::FeatureScatterChart</name>
        <message>
            <source>Feature scatter</source>
            <translation>Dispersión de características</translation>
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
            <translation>Componente principal 1</translation>
        </message>
        <message>
            <source>Principal component 2</source>
            <translation>Componente principal 2</translation>
        </message>
        <message>
            <source>Need at least two analysed songs</source>
            <translation>Se necesitan al menos dos canciones analizadas</translation>
        </message>
        <message>
            <source>PC%1 (%2 % of variance)</source>
            <translation>CP%1 (%2 % de la varianza)</translation>
        </message>
        <message>
            <source>Scatter — %1 vs %2</source>
            <translation>Dispersión — %1 frente a %2</translation>
        </message>
        <message>
            <source>Selected song</source>
            <translation>Canción seleccionada</translation>
        </message>
        <message>
            <source>fitted on a stratified sample of %1 of %2 songs, all shown</source>
            <translation>ajustado con una muestra estratificada de %1 de %2 canciones, todas mostradas</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::GenreHierarchyPanel</name>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Songs</source>
            <translation>Canciones</translation>
        </message>
        <message>
            <source>Songs incl. sub-genres</source>
            <translation>Canciones incl. subgéneros</translation>
        </message>
        <message>
            <source>No genres yet. Open a folder whose sub-folders are genres; nest them (for example Rock/Punk) to see a hierarchy here.</source>
            <translation>Aún no hay géneros. Abra una carpeta cuyas subcarpetas sean géneros; anídelas (por ejemplo Rock/Punk) para ver aquí una jerarquía.</translation>
        </message>
        <message numerus="yes">
            <source>%n genre(s), none nested: no hierarchy to show. Nest genre folders (for example Rock/Punk) to group sub-genres under their parent.</source>
            <translation>
                <numerusform>%n género, ninguno anidado: no hay jerarquía que mostrar. Anide carpetas de géneros (por ejemplo Rock/Punk) para agrupar los subgéneros bajo su género padre.</numerusform>
                <numerusform>%n géneros, ninguno anidado: no hay jerarquía que mostrar. Anide carpetas de géneros (por ejemplo Rock/Punk) para agrupar los subgéneros bajo su género padre.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n genre(s) and sub-genre(s), %1 song(s). A parent's total counts the songs of all genres below it.</source>
            <translation>
                <numerusform>%n género o subgénero, %1 canciones. El total de un género padre cuenta las canciones de todos los géneros que tiene debajo.</numerusform>
                <numerusform>%n géneros y subgéneros, %1 canciones. El total de un género padre cuenta las canciones de todos los géneros que tiene debajo.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::GenreTimelineView</name>
        <message>
            <source>Classify a song to see its genre over time</source>
            <translation>Clasifique una canción para ver su género a lo largo del tiempo</translation>
        </message>
        <message>
            <source>&lt;b&gt;Clip %1&lt;/b&gt;: %2 – %3</source>
            <translation>&lt;b&gt;Fragmento %1&lt;/b&gt;: %2 – %3</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::LearningCurveChart</name>
        <message>
            <source>Learning curve</source>
            <translation>Curva de aprendizaje</translation>
        </message>
        <message>
            <source>%1
%2 % of the training songs: %3 %</source>
            <translation>%1
%2 % de las canciones de entrenamiento: %3 %</translation>
        </message>
        <message>
            <source>Train with “Learning curve” on to see whether more songs would help</source>
            <translation>Entrene con «Curva de aprendizaje» activada para ver si más canciones ayudarían</translation>
        </message>
        <message>
            <source>No learning curve in this run: turn on “Learning curve” and train again</source>
            <translation>Esta ejecución no tiene curva de aprendizaje: active «Curva de aprendizaje» y vuelva a entrenar</translation>
        </message>
        <message>
            <source> (run %1)</source>
            <translation> (ejecución %1)</translation>
        </message>
        <message>
            <source>%1: ± std over folds</source>
            <translation>%1: ± desv. típ. entre pliegues</translation>
        </message>
        <message>
            <source>%1: accuracy on held-out songs</source>
            <translation>%1: exactitud en canciones reservadas</translation>
        </message>
        <message>
            <source>%1: accuracy on training songs</source>
            <translation>%1: exactitud en canciones de entrenamiento</translation>
        </message>
        <message>
            <source>Share of each training fold used (%)</source>
            <translation>Parte usada de cada pliegue de entrenamiento (%)</translation>
        </message>
        <message>
            <source>Accuracy (%)</source>
            <translation>Exactitud (%)</translation>
        </message>
        <message>
            <source>Mean training songs</source>
            <translation>Media de canciones de entrenamiento</translation>
        </message>
        <message>
            <source>Learning curve — %1</source>
            <translation>Curva de aprendizaje — %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::MainWindow</name>
        <message>
            <source>Genrescope</source>
            <translation>Genrescope</translation>
        </message>
        <message>
            <source>&amp;Songs</source>
            <translation>&amp;Canciones</translation>
        </message>
        <message>
            <source>&amp;Explore</source>
            <translation>&amp;Explorar</translation>
        </message>
        <message>
            <source>&amp;Duplicates</source>
            <translation>&amp;Duplicados</translation>
        </message>
        <message>
            <source>&amp;Problems</source>
            <translation>&amp;Problemas</translation>
        </message>
        <message>
            <source>&amp;Compare Models</source>
            <translation>Co&amp;mparar modelos</translation>
        </message>
        <message>
            <source>Con&amp;fusion Matrix</source>
            <translation>Matriz de con&amp;fusión</translation>
        </message>
        <message>
            <source>C&amp;lassify Songs</source>
            <translation>C&amp;lasificar canciones</translation>
        </message>
        <message>
            <source>Cannot open %1: %2</source>
            <translation>No se puede abrir %1: %2</translation>
        </message>
        <message>
            <source>Cannot open folder</source>
            <translation>No se puede abrir la carpeta</translation>
        </message>
        <message>
            <source>Cannot open %1:
%2</source>
            <translation>No se puede abrir %1:
%2</translation>
        </message>
        <message>
            <source>Cannot use the model %1: %2</source>
            <translation>No se puede usar el modelo %1: %2</translation>
        </message>
        <message>
            <source>Cannot use this model</source>
            <translation>No se puede usar este modelo</translation>
        </message>
        <message>
            <source>%1

%2</source>
            <translation>%1

%2</translation>
        </message>
        <message>
            <source>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Explore a music collection by genre. Open a folder whose sub-folders are genres (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): every song is decoded, analysed and shown with its waveform, mel spectrogram and per-genre statistics. Then compare classifiers on it by cross-validation, see where they go wrong, and drop new songs on the window to classify them.&lt;/p&gt;</source>
            <translation>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Explore una colección de música por género. Abra una carpeta cuyas subcarpetas sean géneros (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): cada canción se decodifica, se analiza y se muestra con su forma de onda, su espectrograma mel y estadísticas por género. Después compare clasificadores con validación cruzada, vea dónde se equivocan y arrastre canciones nuevas a la ventana para clasificarlas.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Open a music folder…</source>
            <translation>Abrir una carpeta de música…</translation>
        </message>
        <message>
            <source>Or drop a folder onto this window.</source>
            <translation>O arrastre una carpeta a esta ventana.</translation>
        </message>
        <message>
            <source>Explore the demo dataset</source>
            <translation>Explorar el conjunto de datos de demostración</translation>
        </message>
        <message>
            <source>Short synthetic songs in a few genres, generated on first use.</source>
            <translation>Canciones sintéticas cortas de unos pocos géneros, generadas la primera vez.</translation>
        </message>
        <message>
            <source>Classify songs with a saved model…</source>
            <translation>Clasificar canciones con un modelo guardado…</translation>
        </message>
        <message>
            <source>Open a model file (.gsm), then drop songs onto this window.</source>
            <translation>Abra un archivo de modelo (.gsm) y luego arrastre canciones a esta ventana.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Open Folder…</source>
            <translation>&amp;Abrir carpeta…</translation>
        </message>
        <message>
            <source>Open &amp;Demo Dataset</source>
            <translation>Abrir datos de &amp;demostración</translation>
        </message>
        <message>
            <source>&amp;Recent Folders</source>
            <translation>Carpetas &amp;recientes</translation>
        </message>
        <message>
            <source>Classify &amp;Songs…</source>
            <translation>C&amp;lasificar canciones…</translation>
        </message>
        <message>
            <source>Open &amp;Model…</source>
            <translation>Abrir &amp;modelo…</translation>
        </message>
        <message>
            <source>Sa&amp;ve Model…</source>
            <translation>&amp;Guardar modelo…</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>E&amp;xportar</translation>
        </message>
        <message>
            <source>&amp;Report (HTML)…</source>
            <translation>&amp;Informe (HTML)…</translation>
        </message>
        <message>
            <source>&amp;Features (CSV)…</source>
            <translation>&amp;Características (CSV)…</translation>
        </message>
        <message>
            <source>Features (&amp;Kaggle GTZAN CSV layout)…</source>
            <translation>Características (formato CSV de &amp;Kaggle GTZAN)…</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancelar</translation>
        </message>
        <message>
            <source>Stop the analysis, training or classification running now</source>
            <translation>Detener el análisis, el entrenamiento o la clasificación en curso</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;About Genrescope</source>
            <translation>&amp;Acerca de Genrescope</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Acerca de &amp;Qt</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Stop the analysis; songs done so far are kept (Esc)</source>
            <translation>Detener el análisis; se conservan las canciones ya analizadas (Esc)</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>Abriendo %1…</translation>
        </message>
        <message>
            <source>Preparing the demo dataset…</source>
            <translation>Preparando el conjunto de datos de demostración…</translation>
        </message>
        <message>
            <source>Open a music folder</source>
            <translation>Abrir una carpeta de música</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>%1 — Genrescope</source>
            <translation>%1 — Genrescope</translation>
        </message>
        <message>
            <source>%1 / %2 songs · %3 left</source>
            <translation>%1 / %2 canciones · quedan %3</translation>
        </message>
        <message>
            <source>%1 / %2 songs</source>
            <translation>%1 / %2 canciones</translation>
        </message>
        <message>
            <source>Analysis cancelled; songs analysed so far are kept.</source>
            <translation>Análisis cancelado; se conservan las canciones ya analizadas.</translation>
        </message>
        <message>
            <source>Opened %1 in %2 s.</source>
            <translation>%1 abierta en %2 s.</translation>
        </message>
        <message numerus="yes">
            <source>%n song(s) in %1 genre(s)</source>
            <translation>
                <numerusform>%n canción en %1 género(s)</numerusform>
                <numerusform>%n canciones en %1 género(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 analysed</source>
            <translation>%1 analizadas</translation>
        </message>
        <message>
            <source>%1 failed</source>
            <translation>%1 con error</translation>
        </message>
        <message>
            <source>%1 shown</source>
            <translation>%1 mostradas</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Recent folders&lt;/b&gt;</source>
            <translation>&lt;b&gt;Carpetas recientes&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Export Report</source>
            <translation>Exportar informe</translation>
        </message>
        <message>
            <source>There is no comparison to report yet. Train and compare models on the Compare Models page first.</source>
            <translation>Aún no hay ninguna comparación para el informe. Entrene y compare primero modelos en la página «Comparar modelos».</translation>
        </message>
        <message>
            <source>HTML report (*.html);;JSON report (*.json)</source>
            <translation>Informe HTML (*.html);;Informe JSON (*.json)</translation>
        </message>
        <message>
            <source>Report written to %1</source>
            <translation>Informe guardado en %1</translation>
        </message>
        <message>
            <source>Could not write the report:
%1</source>
            <translation>No se pudo escribir el informe:
%1</translation>
        </message>
        <message>
            <source>Export Features</source>
            <translation>Exportar características</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n song(s) written to %1</source>
            <translation>
                <numerusform>%n canción guardada en %1</numerusform>
                <numerusform>%n canciones guardadas en %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not write the table:
%1</source>
            <translation>No se pudo escribir la tabla:
%1</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Ale&amp;jar</translation>
        </message>
        <message>
            <source>&amp;Full Screen</source>
            <translation>Pantalla c&amp;ompleta</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;Find Songs…</source>
            <translation>&amp;Buscar canciones…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferencias…</translation>
        </message>
        <message>
            <source>Under the mouse in the waveform (time, amplitude) or the spectrogram (time, frequency, level)</source>
            <translation>Bajo el ratón en la forma de onda (tiempo, amplitud) o en el espectrograma (tiempo, frecuencia, nivel)</translation>
        </message>
        <message>
            <source>&amp;Genre Hierarchy</source>
            <translation>Jerarquía de &amp;géneros</translation>
        </message>
        <message>
            <source>Open Folder &amp;with Labels…</source>
            <translation>Abrir carpeta con e&amp;tiquetas…</translation>
        </message>
        <message>
            <source>Genres from a metadata file (FMA's tracks.csv or a CSV of path,genre) instead of genre folders</source>
            <translation>Géneros de un archivo de metadatos (tracks.csv de FMA o un CSV de ruta,género) en lugar de carpetas de géneros</translation>
        </message>
        <message>
            <source>Opening %1 with the labels of %2…</source>
            <translation>Abriendo %1 con las etiquetas de %2…</translation>
        </message>
        <message>
            <source>Labels for %1</source>
            <translation>Etiquetas para %1</translation>
        </message>
        <message>
            <source>Labels (*.csv);;All files (*)</source>
            <translation>Etiquetas (*.csv);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>genre_top: one top-level genre (tracks without one are left out)</source>
            <translation>genre_top: un género principal (las pistas sin él se omiten)</translation>
        </message>
        <message>
            <source>genres_all: every genre (models learn genre_top, else the first top-level genre)</source>
            <translation>genres_all: todos los géneros (los modelos aprenden genre_top o, si falta, el primer género principal)</translation>
        </message>
        <message>
            <source>FMA labels</source>
            <translation>Etiquetas de FMA</translation>
        </message>
        <message>
            <source>Genre field:</source>
            <translation>Campo de género:</translation>
        </message>
        <message>
            <source>all tracks</source>
            <translation>todas las pistas</translation>
        </message>
        <message>
            <source>Subset (nested: medium includes small):</source>
            <translation>Subconjunto (anidado: medium incluye small):</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::MetricsTableModel</name>
        <message>
            <source>#%1</source>
            <translation>n.º %1</translation>
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
                <numerusform>Media y desviación típica de la exactitud en %n pliegue de prueba</numerusform>
                <numerusform>Media y desviación típica de la exactitud en los %n pliegues de prueba</numerusform>
            </translation>
        </message>
        <message>
            <source>Mean −ln p(true genre) over all songs: lower means better probabilities</source>
            <translation>Media de −ln p(género real) sobre todas las canciones: cuanto menor, mejores probabilidades</translation>
        </message>
        <message>
            <source>Mean wall-clock seconds to fit one fold's model (CPU time %1 s)</source>
            <translation>Segundos reales medios para entrenar el modelo de un pliegue (tiempo de CPU %1 s)</translation>
        </message>
        <message>
            <source>Mean milliseconds to predict one whole test fold</source>
            <translation>Milisegundos medios para predecir un pliegue de prueba completo</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Ejecución</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>Exactitud</translation>
        </message>
        <message>
            <source>± std</source>
            <translation>± desv. típ.</translation>
        </message>
        <message>
            <source>Balanced acc.</source>
            <translation>Exactitud equil.</translation>
        </message>
        <message>
            <source>Macro-F1</source>
            <translation>F1 macro</translation>
        </message>
        <message>
            <source>Log-loss</source>
            <translation>Pérdida log.</translation>
        </message>
        <message>
            <source>Fit s</source>
            <translation>Entren. s</translation>
        </message>
        <message>
            <source>Predict ms</source>
            <translation>Predicción ms</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parámetros</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ModelInfo</name>
        <message>
            <source>%1 % ± %2 (%3-fold CV)</source>
            <translation>%1 % ± %2 (VC de %3 pliegues)</translation>
        </message>
        <message>
            <source>defaults</source>
            <translation>valores predeterminados</translation>
        </message>
        <message>
            <source>not cross-validated (no report in the model)</source>
            <translation>sin validación cruzada (el modelo no incluye informe)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>desconocido</translation>
        </message>
        <message>
            <source>trained in this session</source>
            <translation>entrenado en esta sesión</translation>
        </message>
        <message>
            <source>Genres</source>
            <translation>Géneros</translation>
        </message>
        <message>
            <source>Trained on</source>
            <translation>Entrenado con</translation>
        </message>
        <message>
            <source>Features</source>
            <translation>Características</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>Exactitud</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Origen</translation>
        </message>
        <message>
            <source>&lt;b&gt;No model yet.&lt;/b&gt; To classify songs you need one:&lt;ul style='margin-left:-20px'&gt;&lt;li&gt;train and compare models on the &lt;a href='compare'&gt;Compare&lt;/a&gt; page — the best one is refit on all songs and used here;&lt;/li&gt;&lt;li&gt;or open a saved model (.gsm) with &lt;a href='open'&gt;File → Open Model…&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;Songs added before then wait and are classified as soon as a model is there.</source>
            <translation>&lt;b&gt;Aún no hay modelo.&lt;/b&gt; Para clasificar canciones se necesita uno:&lt;ul style='margin-left:-20px'&gt;&lt;li&gt;entrene y compare modelos en la página &lt;a href='compare'&gt;Comparar&lt;/a&gt;: el mejor se reentrena con todas las canciones y se usa aquí;&lt;/li&gt;&lt;li&gt;o abra un modelo guardado (.gsm) con &lt;a href='open'&gt;Archivo → Abrir modelo…&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;Las canciones añadidas antes esperan y se clasifican en cuanto haya un modelo.</translation>
        </message>
        <message numerus="yes">
            <source>%n songs</source>
            <translation>
                <numerusform>%n canción</numerusform>
                <numerusform>%n canciones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::NullAudioOutput</name>
        <message>
            <source>no audio device</source>
            <translation>no hay dispositivo de audio</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PairwiseTableModel</name>
        <message>
            <source>%1 points</source>
            <translation>%1 puntos</translation>
        </message>
        <message>
            <source>Corrected resampled t-test (t = %1) over the same folds: does %2's recipe do better on new songs?</source>
            <translation>Prueba t de remuestreo corregida (t = %1) sobre los mismos pliegues: ¿funciona mejor el método de %2 con canciones nuevas?</translation>
        </message>
        <message>
            <source>Better model (A)</source>
            <translation>Mejor modelo (A)</translation>
        </message>
        <message>
            <source>Model B</source>
            <translation>Modelo B</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>t-test p</source>
            <translation>p prueba t</translation>
        </message>
        <message>
            <source>Only A right</source>
            <translation>Solo A acierta</translation>
        </message>
        <message>
            <source>Only B right</source>
            <translation>Solo B acierta</translation>
        </message>
        <message>
            <source>McNemar p</source>
            <translation>p McNemar</translation>
        </message>
        <message>
            <source>McNemar's exact test on the pooled predictions: songs only %2 got right: %1; songs only %4 got right: %3</source>
            <translation>Prueba exacta de McNemar sobre las predicciones agrupadas: canciones que solo %2 acertó: %1; canciones que solo %4 acertó: %3</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PerClassF1Map</name>
        <message>
            <source>F1 per genre and model</source>
            <translation>F1 por género y modelo</translation>
        </message>
        <message>
            <source>Train to compare models</source>
            <translation>Entrene para comparar modelos</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>F1 per genre and model — run %1</source>
            <translation>F1 por género y modelo — ejecución %1</translation>
        </message>
        <message numerus="yes">
            <source>%1 on %2
F1 %3 · precision %4 · recall %5 · %n songs</source>
            <translation>
                <numerusform>%1 en %2
F1 %3 · precisión %4 · exhaustividad %5 · %n canción</numerusform>
                <numerusform>%1 en %2
F1 %3 · precisión %4 · exhaustividad %5 · %n canciones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PerClassTableModel</name>
        <message>
            <source>Unweighted mean over the genres that occur</source>
            <translation>Media sin ponderar de los géneros presentes</translation>
        </message>
        <message>
            <source>Mean over the genres weighted by their number of songs (support)</source>
            <translation>Media de los géneros ponderada por su número de canciones (soporte)</translation>
        </message>
        <message>
            <source>macro avg</source>
            <translation>media macro</translation>
        </message>
        <message>
            <source>weighted avg</source>
            <translation>media ponderada</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Precisión</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>Exhaustividad</translation>
        </message>
        <message>
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <source>Songs</source>
            <translation>Canciones</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PlaybackController</name>
        <message>
            <source>Cannot play %1: %2</source>
            <translation>No se puede reproducir %1: %2</translation>
        </message>
        <message>
            <source>Playback stopped: %1</source>
            <translation>Reproducción detenida: %1</translation>
        </message>
        <message>
            <source>%1 plays in part: %2</source>
            <translation>%1 se reproduce solo en parte: %2</translation>
        </message>
        <message>
            <source>Cannot play: %1. Everything else works.</source>
            <translation>No se puede reproducir: %1. Todo lo demás funciona.</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::PlayerBar</name>
        <message>
            <source>Play / pause the selected song (Space)</source>
            <translation>Reproducir / pausar la canción seleccionada (Espacio)</translation>
        </message>
        <message>
            <source>Position in the song; click the waveform or spectrogram to jump there</source>
            <translation>Posición en la canción; haga clic en la forma de onda o el espectrograma para saltar allí</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Reproducir</translation>
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
            <translation>Sistema</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Preferencias</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Idioma:</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <source>&amp;Appearance:</source>
            <translation>&amp;Apariencia:</translation>
        </message>
        <message>
            <source>Language and appearance change the next time Genrescope starts.</source>
            <translation>El idioma y la apariencia cambian la próxima vez que se inicie Genrescope.</translation>
        </message>
        <message>
            <source>&amp;Clear Recent Folders</source>
            <translation>&amp;Borrar carpetas recientes</translation>
        </message>
        <message>
            <source>Recent folders:</source>
            <translation>Carpetas recientes:</translation>
        </message>
        <message>
            <source>Spectrogram defaults</source>
            <translation>Valores predeterminados del espectrograma</translation>
        </message>
        <message>
            <source>&amp;FFT size:</source>
            <translation>Tamaño de la &amp;FFT:</translation>
        </message>
        <message>
            <source>&amp;Hop:</source>
            <translation>&amp;Salto:</translation>
        </message>
        <message>
            <source>&amp;Mel bands:</source>
            <translation>Bandas &amp;mel:</translation>
        </message>
        <message>
            <source> dB</source>
            <translation> dB</translation>
        </message>
        <message>
            <source>&amp;dB range:</source>
            <translation>Rango en &amp;dB:</translation>
        </message>
        <message>
            <source>C&amp;olour map:</source>
            <translation>Mapa de &amp;colores:</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <source>&amp;Re-open the last model file on start</source>
            <translation>&amp;Reabrir el último archivo de modelo al iniciar</translation>
        </message>
        <message>
            <source>Cross-validation folds the Compare Models page starts with</source>
            <translation>Pliegues de validación cruzada con los que empieza la página «Comparar modelos»</translation>
        </message>
        <message>
            <source>Default f&amp;olds:</source>
            <translation>&amp;Pliegues por defecto:</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ProblemsPanel</name>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>No problems: every file found so far could be read.</source>
            <translation>Sin problemas: todos los archivos encontrados hasta ahora se pudieron leer.</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be analysed. The other songs are not affected.</source>
            <translation>
                <numerusform>%n archivo no se pudo analizar. Las demás canciones no se ven afectadas.</numerusform>
                <numerusform>%n archivos no se pudieron analizar. Las demás canciones no se ven afectadas.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gs::ui::ReportExport</name>
        <message>
            <source>Songs per genre in the open folder.</source>
            <translation>Canciones por género en la carpeta abierta.</translation>
        </message>
        <message>
            <source>Song length per genre.</source>
            <translation>Duración de las canciones por género.</translation>
        </message>
        <message>
            <source>Distribution of the feature chosen on the Explore page.</source>
            <translation>Distribución de la característica elegida en la página «Explorar».</translation>
        </message>
        <message>
            <source>Scatter (or PCA) as shown on the Explore page.</source>
            <translation>Dispersión (o PCA) tal como se muestra en la página «Explorar».</translation>
        </message>
        <message>
            <source>Pearson correlation between the features.</source>
            <translation>Correlación de Pearson entre las características.</translation>
        </message>
        <message>
            <source>Cross-validation scores come from the models of each fold, trained without the songs they were scored on.</source>
            <translation>Las puntuaciones de validación cruzada provienen de los modelos de cada pliegue, entrenados sin las canciones con las que se evaluaron.</translation>
        </message>
        <message>
            <source>No model was refit on all songs yet.</source>
            <translation>Aún no se ha reentrenado ningún modelo con todas las canciones.</translation>
        </message>
        <message>
            <source>The model that classifies new songs (%1) was opened from %2.</source>
            <translation>El modelo que clasifica las canciones nuevas (%1) se abrió desde %2.</translation>
        </message>
        <message numerus="yes">
            <source>The model that classifies new songs and is exported (%1) was refit on all %n songs of this run.</source>
            <translation>
                <numerusform>El modelo que clasifica las canciones nuevas y se exporta (%1) se reentrenó con la %n canción de esta ejecución.</numerusform>
                <numerusform>El modelo que clasifica las canciones nuevas y se exporta (%1) se reentrenó con las %n canciones de esta ejecución.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The model that classifies new songs (%1) was refit on all %n songs of run %2.</source>
            <translation>
                <numerusform>El modelo que clasifica las canciones nuevas (%1) se reentrenó con la %n canción de la ejecución %2.</numerusform>
                <numerusform>El modelo que clasifica las canciones nuevas (%1) se reentrenó con las %n canciones de la ejecución %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Genrescope report — %1</source>
            <translation>Informe de Genrescope — %1</translation>
        </message>
        <message numerus="yes">
            <source>Folder %1: %n songs learnt from.</source>
            <translation>
                <numerusform>Carpeta %1: se aprendió de %n canción.</numerusform>
                <numerusform>Carpeta %1: se aprendió de %n canciones.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n songs left out (not analysed, failed or without a genre).</source>
            <translation>
                <numerusform>%n canción excluida (sin analizar, con error o sin género).</numerusform>
                <numerusform>%n canciones excluidas (sin analizar, con error o sin género).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n groups of duplicate recordings kept on one side of every fold.</source>
            <translation>
                <numerusform>%n grupo de grabaciones duplicadas se mantuvo en un mismo lado de cada pliegue.</numerusform>
                <numerusform>%n grupos de grabaciones duplicadas se mantuvieron en un mismo lado de cada pliegue.</numerusform>
            </translation>
        </message>
        <message>
            <source>Comparison finished %1 in %2 s.</source>
            <translation>Comparación terminada el %1 en %2 s.</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SinkAudioOutput</name>
        <message>
            <source>no audio device</source>
            <translation>no hay dispositivo de audio</translation>
        </message>
        <message>
            <source>the audio device stopped (error %1)</source>
            <translation>el dispositivo de audio se detuvo (error %1)</translation>
        </message>
        <message>
            <source>cannot open the audio device %1</source>
            <translation>no se puede abrir el dispositivo de audio %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongLengthChart</name>
        <message>
            <source>Song length per genre</source>
            <translation>Duración de las canciones por género</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Box plot</source>
            <translation>Diagrama de caja</translation>
        </message>
        <message>
            <source>Average length</source>
            <translation>Duración media</translation>
        </message>
        <message>
            <source>No analysed songs yet</source>
            <translation>Aún no hay canciones analizadas</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>Media</translation>
        </message>
        <message>
            <source>Average length (s)</source>
            <translation>Duración media (s)</translation>
        </message>
        <message>
            <source>Length (s)</source>
            <translation>Duración (s)</translation>
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
            <translation>estéreo</translation>
        </message>
        <message numerus="yes">
            <source>%n channel(s)</source>
            <translation>
                <numerusform>%n canal</numerusform>
                <numerusform>%n canales</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · %2 kHz %3</source>
            <translation>%1 · %2 kHz %3</translation>
        </message>
        <message numerus="yes">
            <source>%1 in a %2 container, %3 Hz, %n channel(s)</source>
            <translation>
                <numerusform>%1 en un contenedor %2, %3 Hz, %n canal</numerusform>
                <numerusform>%1 en un contenedor %2, %3 Hz, %n canales</numerusform>
            </translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>Genre</source>
            <translation>Género</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duración</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongView</name>
        <message>
            <source>the song has not been decoded</source>
            <translation>la canción no se ha decodificado</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongViewDisplay</name>
        <message>
            <source>Cannot decode: %1</source>
            <translation>No se puede decodificar: %1</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SongsPage</name>
        <message>
            <source>Show one genre only</source>
            <translation>Mostrar un solo género</translation>
        </message>
        <message>
            <source>Filter songs…</source>
            <translation>Filtrar canciones…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Waveform&lt;/b&gt;</source>
            <translation>&lt;b&gt;Forma de onda&lt;/b&gt;</translation>
        </message>
        <message>
            <source>All genres</source>
            <translation>Todos los géneros</translation>
        </message>
        <message>
            <source>(no genre)</source>
            <translation>(sin género)</translation>
        </message>
        <message>
            <source>Decoding %1…</source>
            <translation>Decodificando %1…</translation>
        </message>
        <message>
            <source>computing…</source>
            <translation>calculando…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>Save the waveform envelope shown (min/max per pixel column) as CSV</source>
            <translation>Guardar como CSV la envolvente de la forma de onda mostrada (mín./máx. por columna de píxeles)</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::SpectrogramView</name>
        <message>
            <source>Mel spectrogram</source>
            <translation>Espectrograma mel</translation>
        </message>
        <message>
            <source>FFT</source>
            <translation>FFT</translation>
        </message>
        <message>
            <source>Hop</source>
            <translation>Salto</translation>
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
            <translation>Rango</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Colores</translation>
        </message>
        <message>
            <source>Time (m:ss)</source>
            <translation>Tiempo (m:ss)</translation>
        </message>
        <message>
            <source>Frequency (Hz, mel scale)</source>
            <translation>Frecuencia (Hz, escala mel)</translation>
        </message>
        <message>
            <source>Power (dB)</source>
            <translation>Potencia (dB)</translation>
        </message>
        <message>
            <source>Mel spectrogram — %1</source>
            <translation>Espectrograma mel — %1</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>sin datos</translation>
        </message>
        <message>
            <source>Mel spectrogram (%1 × %2)</source>
            <translation>Espectrograma mel (%1 × %2)</translation>
        </message>
        <message>
            <source>%1 · %2 Hz · %3 dB</source>
            <translation>%1 · %2 Hz · %3 dB</translation>
        </message>
        <message>
            <source>Image (PNG, SVG, PDF)…</source>
            <translation>Imagen (PNG, SVG, PDF)…</translation>
        </message>
        <message>
            <source>Mel Spectrogram as CSV…</source>
            <translation>Espectrograma mel como CSV…</translation>
        </message>
        <message>
            <source>Mel Spectrogram as NumPy NPY…</source>
            <translation>Espectrograma mel como NumPy NPY…</translation>
        </message>
        <message>
            <source>Save this chart as an image, or its data as CSV or NPY</source>
            <translation>Guardar este gráfico como imagen, o sus datos como CSV o NPY</translation>
        </message>
        <message>
            <source>Cannot write %1: no spectrogram is shown</source>
            <translation>No se puede escribir %1: no se muestra ningún espectrograma</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>No se puede escribir %1: %2</translation>
        </message>
        <message>
            <source>Export mel spectrogram</source>
            <translation>Exportar espectrograma mel</translation>
        </message>
        <message>
            <source>mel-spectrogram.npy</source>
            <translation>espectrograma-mel.npy</translation>
        </message>
        <message>
            <source>mel-spectrogram.csv</source>
            <translation>espectrograma-mel.csv</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>Matriz NumPy (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Error al exportar</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::TrainPanel</name>
        <message>
            <source>Duplicates and clips of one song (recommended)</source>
            <translation>Duplicados y fragmentos de una misma canción (recomendado)</translation>
        </message>
        <message>
            <source>Songs whose audio is the same recording (found by their fingerprints, see Duplicates) and clips cut from one song ("name.00012.3.wav") always stay on the same side of a fold, so no model is tested on a recording it has already heard.</source>
            <translation>Las canciones cuyo audio es la misma grabación (halladas por su huella, véase Duplicados) y los fragmentos cortados de una misma canción («name.00012.3.wav») quedan siempre en el mismo lado de un pliegue, de modo que ningún modelo se evalúa con una grabación que ya ha oído.</translation>
        </message>
        <message>
            <source>None: every song on its own</source>
            <translation>Ninguna: cada canción por separado</translation>
        </message>
        <message>
            <source>Every file is independent. Scores come out too optimistic when the collection holds duplicate recordings or several clips of one song.</source>
            <translation>Cada archivo es independiente. Las puntuaciones salen demasiado optimistas si la colección contiene grabaciones duplicadas o varios fragmentos de una misma canción.</translation>
        </message>
        <message>
            <source>Clips of one song</source>
            <translation>Fragmentos de una misma canción</translation>
        </message>
        <message>
            <source>Files whose names differ only by a trailing segment number ("name.00012.3.wav") are kept together; duplicate recordings are not.</source>
            <translation>Los archivos cuyos nombres solo difieren en un número de segmento final («name.00012.3.wav») se mantienen juntos; las grabaciones duplicadas no.</translation>
        </message>
        <message>
            <source>Duplicate recordings only</source>
            <translation>Solo grabaciones duplicadas</translation>
        </message>
        <message>
            <source>Songs found to be the same recording by their audio fingerprints are kept together; clips are not grouped by name.</source>
            <translation>Las canciones que según su huella de audio son la misma grabación se mantienen juntas; los fragmentos no se agrupan por nombre.</translation>
        </message>
        <message>
            <source>Training…</source>
            <translation>Entrenando…</translation>
        </message>
        <message>
            <source>Training failed: %1</source>
            <translation>Error en el entrenamiento: %1</translation>
        </message>
        <message>
            <source>Training cancelled.</source>
            <translation>Entrenamiento cancelado.</translation>
        </message>
        <message>
            <source>Run %1 finished in %2: best %3 with %4 % accuracy.</source>
            <translation>Ejecución %1 terminada en %2: el mejor es %3 con un %4 % de exactitud.</translation>
        </message>
        <message>
            <source>Choose models and press Train.</source>
            <translation>Elija modelos y pulse «Entrenar y comparar».</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <source>Checked models are cross-validated on the same folds</source>
            <translation>Los modelos marcados se validan de forma cruzada sobre los mismos pliegues</translation>
        </message>
        <message>
            <source>%1 — needs the songs, takes long</source>
            <translation>%1 — necesita las canciones, tarda mucho</translation>
        </message>
        <message>
            <source>Learns from the audio itself, so it decodes every song again and trains a network per fold: expect minutes to hours.</source>
            <translation>Aprende del propio audio, así que vuelve a decodificar cada canción y entrena una red por pliegue: cuente con entre minutos y horas.</translation>
        </message>
        <message>
            <source>Parameters of %1</source>
            <translation>Parámetros de %1</translation>
        </message>
        <message>
            <source>%1
Default %2, range %3 – %4</source>
            <translation>%1
Predeterminado %2, rango %3 – %4</translation>
        </message>
        <message>
            <source>Defaults</source>
            <translation>Predeterminados</translation>
        </message>
        <message>
            <source>Reset this model's parameters to their defaults</source>
            <translation>Restablecer los parámetros de este modelo a sus valores predeterminados</translation>
        </message>
        <message>
            <source>No parameters.</source>
            <translation>Sin parámetros.</translation>
        </message>
        <message>
            <source>Cross-validation</source>
            <translation>Validación cruzada</translation>
        </message>
        <message>
            <source>Songs are split into this many folds; each model is trained on all but one and tested on the one left out, in turn.</source>
            <translation>Las canciones se dividen en este número de pliegues; cada modelo se entrena, por turnos, con todos menos uno y se evalúa con el que queda fuera.</translation>
        </message>
        <message>
            <source>Folds</source>
            <translation>Pliegues</translation>
        </message>
        <message>
            <source>Which songs must stay together in one fold</source>
            <translation>Qué canciones deben permanecer juntas en un pliegue</translation>
        </message>
        <message>
            <source>Keep together</source>
            <translation>Mantener juntas</translation>
        </message>
        <message>
            <source>Tune parameters (nested search)</source>
            <translation>Ajustar parámetros (búsqueda anidada)</translation>
        </message>
        <message>
            <source>Inside each training fold, try the model's parameter grid by an inner cross-validation and keep the best; the outer test fold stays unseen. Slower, honest.</source>
            <translation>Dentro de cada pliegue de entrenamiento, probar la rejilla de parámetros del modelo con una validación cruzada interna y quedarse con la mejor; el pliegue de prueba externo no se ve. Más lento, pero honesto.</translation>
        </message>
        <message>
            <source>Folds of the inner cross-validation that picks the parameters</source>
            <translation>Pliegues de la validación cruzada interna que elige los parámetros</translation>
        </message>
        <message>
            <source>inner folds</source>
            <translation>pliegues internos</translation>
        </message>
        <message>
            <source>Same seed, same data: the same folds and the same numbers</source>
            <translation>Misma semilla, mismos datos: los mismos pliegues y las mismas cifras</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Semilla</translation>
        </message>
        <message>
            <source>Learning curve of the best model</source>
            <translation>Curva de aprendizaje del mejor modelo</translation>
        </message>
        <message>
            <source>Trains the best model again on growing shares of each training fold: a curve still rising at 100 % says more songs would help.</source>
            <translation>Vuelve a entrenar el mejor modelo con partes crecientes de cada pliegue de entrenamiento: una curva que sigue subiendo al 100 % indica que más canciones ayudarían.</translation>
        </message>
        <message>
            <source>CNN epochs</source>
            <translation>Épocas de la CNN</translation>
        </message>
        <message>
            <source>Train and compare</source>
            <translation>Entrenar y comparar</translation>
        </message>
        <message>
            <source>Cross-validate the checked models, then refit the best on all songs</source>
            <translation>Validar de forma cruzada los modelos marcados y reentrenar el mejor con todas las canciones</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Stop training; the current run is discarded</source>
            <translation>Detener el entrenamiento; la ejecución actual se descarta</translation>
        </message>
        <message>
            <source>Open a music folder first: the models learn from its analysed songs.</source>
            <translation>Abra primero una carpeta de música: los modelos aprenden de sus canciones analizadas.</translation>
        </message>
        <message>
            <source>No song is analysed yet: training starts once songs in genre folders have their features.</source>
            <translation>Aún no hay canciones analizadas: el entrenamiento empieza cuando las canciones de las carpetas de género tengan sus características.</translation>
        </message>
        <message>
            <source>Check at least one model</source>
            <translation>Marque al menos un modelo</translation>
        </message>
        <message>
            <source>Check at least one model.</source>
            <translation>Marque al menos un modelo.</translation>
        </message>
        <message>
            <source>Preparing the songs…</source>
            <translation>Preparando las canciones…</translation>
        </message>
        <message>
            <source>About %1 left · %2 elapsed</source>
            <translation>Quedan unos %1 · %2 transcurridos</translation>
        </message>
        <message>
            <source>%1 elapsed</source>
            <translation>%1 transcurridos</translation>
        </message>
    </context>
    <context>
        <name>gs::ui::WaveformView</name>
        <message>
            <source>Select a song to see its waveform</source>
            <translation>Seleccione una canción para ver su forma de onda</translation>
        </message>
        <message>
            <source>Click: play from there · Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End · right-click: export</source>
            <translation>Clic: reproducir desde ahí · Rueda: zoom · Mayús+rueda o arrastrar: desplazar · +/−, ←/→, Inicio/Fin · clic derecho: exportar</translation>
        </message>
        <message>
            <source>%1 dBFS</source>
            <translation>%1 dBFS</translation>
        </message>
        <message>
            <source>silence</source>
            <translation>silencio</translation>
        </message>
        <message>
            <source>%1 · amplitude %2 · %3</source>
            <translation>%1 · amplitud %2 · %3</translation>
        </message>
        <message>
            <source>%1 · amplitude %2 … %3 · peak %4</source>
            <translation>%1 · amplitud %2 … %3 · pico %4</translation>
        </message>
        <message>
            <source>Cannot write %1: no waveform is shown</source>
            <translation>No se puede escribir %1: no se muestra ninguna forma de onda</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>No se puede escribir %1: %2</translation>
        </message>
        <message>
            <source>Export waveform envelope</source>
            <translation>Exportar envolvente de la forma de onda</translation>
        </message>
        <message>
            <source>waveform-envelope.csv</source>
            <translation>envolvente-forma-de-onda.csv</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Error al exportar</translation>
        </message>
        <message>
            <source>Export Envelope as CSV…</source>
            <translation>Exportar envolvente como CSV…</translation>
        </message>
    </context>
</TS>
