<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::AccuracyChart</name>
    <message>
        <source>Accuracy per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train to compare models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dummy baseline
%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model (solid: run %1, hatched: run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy %, mean ± std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy per model — run %1, %2-fold cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (run %2)
accuracy %3 % ± %4 over %n folds
balanced accuracy %5 %
macro-F1 %6</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::ChartWidget</name>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart exported by Genrescope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ClassBalanceChart</name>
    <message>
        <source>Class balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No songs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ClassifyPanel</name>
    <message>
        <source>Audio files (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify Songs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose audio files to classify with the current model (or drop them here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every classified song from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m · %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waveform — analysed clips marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre over time — probabilities of each analysed clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) analysed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Classify songs to see their genres: &lt;b&gt;Classify Songs…&lt;/b&gt; above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a song in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %1 (%2) · %n clip(s) of %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> — analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The genres of the selected song appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability (%) — mean over the analysed clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genrescope model (*.gsm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genrescope model (*.gsm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ClassifySession</name>
    <message>
        <source>%1 % ± %2 (%3-fold CV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no song is analysed and labelled yet: wait for the analysis to finish, or open a folder whose sub-folders are genres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning curve skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a model: train one on a folder of songs (Train &amp; Compare) or open one with File → Open Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open a folder of songs first: the models learn from its analysed songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the final model must be one of the compared models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no comparison run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 did not compare %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file holds no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no model to save yet: train one or open a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not classified, cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ComparePanel</name>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished comparisons of this session, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a second run&apos;s numbers beside the first one&apos;s (bars side by side, rows in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores come from the fold models of cross-validation; the model used to classify new songs and exported is refit on all songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refit the selected model on all songs of its run; it then classifies new songs and is what File → Save Model writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected model&apos;s per-genre scores as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per-genre scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Is one model really better?&lt;/b&gt; The &lt;b&gt;corrected resampled t-test&lt;/b&gt; (Nadeau &amp;amp; Bengio, 2003) compares the two models&apos; accuracies fold by fold over the same folds, corrected for the folds sharing training songs: it asks whether the recipe would do better on new songs, and is the one to trust. &lt;b&gt;McNemar&apos;s test&lt;/b&gt; only compares these pooled predictions (songs only A got right against songs only B got right), ignoring how much the result depends on the training songs. Green cells: p &amp;lt; %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the pairwise tests as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>significance tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · best %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stale: data changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stale: settings changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>related songs kept together (grouping %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grouping %1 found no related songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · parameters tuned by a nested %1-fold search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · took %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison yet: choose models on the left and press Train and compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the songs changed since it was trained (added, removed, relabelled or re-analysed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training settings on the left differ from the ones it used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is stale: %2. Train again for up-to-date numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model in use yet: train, or open a model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model in use: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-genre scores of %1 (run %2, pooled over the test folds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model in the Models table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 (refit on all songs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · %n models</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1-fold cross-validation, %2 · %n songs · %3 features · seed %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, refit on all %n songs of run %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::ConfusionMatrixView</name>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By true genre (row %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By predicted genre (column %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of all songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cross-validation results yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;True %1 · predicted %2&lt;/b&gt;&lt;br&gt;%n song(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Click to list the songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct, 0–100 % of the true genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confused with the column&apos;s genre, 0–100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 % of the %n %2 songs (row share, recall)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of the %n songs predicted %2 (column share, precision)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of all %n songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::ConfusionPanel</name>
    <message>
        <source>The comparison run whose cross-validation is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models of the run, best first (mean accuracy over the folds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the numbers in the cells show; colours always show the share of the true genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every song predicted as another genre than its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix and Scores as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix and Scores as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix as Image (PNG, SVG, PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from the matrix: precision = diagonal / column total, recall = diagonal / row total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a song to open it in the Songs view</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · %3-fold · %n song(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · data changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train and compare models on the &lt;b&gt;Compare&lt;/b&gt; page: their cross-validated confusion matrices appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cross-validation results yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#555&apos;&gt;These are &lt;b&gt;cross-validation predictions&lt;/b&gt;: every song was predicted by the model of the fold that held it out (%1 fold models, none of which saw the song while learning) — not by the final model refit on all %n song(s).&lt;/span&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:#a33&apos;&gt;The dataset changed since this run: train again to see the current songs.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy %1 %&lt;/b&gt; (%2 of %3 songs on the diagonal) · &lt;b&gt;balanced accuracy %4 %&lt;/b&gt; · &lt;b&gt;macro-F1 %5&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;Pooled over all test folds. Mean accuracy over the folds: %6 % ± %7; log loss %8.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to list its songs, or show all misclassified songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report has no per-song predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; recognised as %1: %n song(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; predicted as &lt;b&gt;%2&lt;/b&gt;: %n song(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;All misclassified songs&lt;/b&gt;: %n song(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no confusion matrix is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confusion-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::CorrelationChart</name>
    <message>
        <source>Feature correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2
r = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need at least three analysed songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pearson correlation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::DatasetSession</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature cache unavailable, nothing will be remembered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error while opening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the demo dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::DuplicatesPanel</name>
    <message>
        <source>Song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bit error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s), across genres</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n song(s), same genre</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicates are searched once every song is analysed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No duplicates: no two songs share (near-)identical audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of songs with (near-)identical audio, by Chromaprint fingerprint (bit error rate at the best alignment; unrelated music is near 0.5). </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) span more than one genre folder.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::EdaPanel</name>
    <message>
        <source>Class balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature distributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter / PCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::FeatureDistributionChart</name>
    <message>
        <source>Feature distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Density curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysed songs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Density (share per unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature distribution — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::FeatureScatterChart</name>
    <message>
        <source>Feature scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
%3 = %4
%5 = %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal component 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal component 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need at least two analysed songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC%1 (%2 % of variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter — %1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected song</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::GenreTimelineView</name>
    <message>
        <source>Classify a song to see its genre over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Clip %1&lt;/b&gt;: %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::LearningCurveChart</name>
    <message>
        <source>Learning curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 % of the training songs: %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train with “Learning curve” on to see whether more songs would help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learning curve in this run: turn on “Learning curve” and train again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (run %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ± std over folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: accuracy on held-out songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: accuracy on training songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of each training fold used (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean training songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::MainWindow</name>
    <message>
        <source>Genrescope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;fusion Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lassify Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Genrescope&lt;/h1&gt;&lt;p&gt;Explore a music collection by genre. Open a folder whose sub-folders are genres (&lt;i&gt;Rock/…&lt;/i&gt;, &lt;i&gt;Jazz/…&lt;/i&gt;): every song is decoded, analysed and shown with its waveform, mel spectrogram and per-genre statistics. Then compare classifiers on it by cross-validation, see where they go wrong, and drop new songs on the window to classify them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a music folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or drop a folder onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the demo dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short synthetic songs in a few genres, generated on first use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify songs with a saved model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model file (.gsm), then drop songs onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify &amp;Songs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report (HTML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Features (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features (&amp;Kaggle GTZAN CSV layout)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the analysis, training or classification running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Genrescope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Genrescope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Genrescope %1&lt;/h3&gt;&lt;p&gt;Explore a music collection by genre: waveforms, mel spectrograms, per-genre statistics and duplicate detection.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the analysis; songs done so far are kept (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a music folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Genrescope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 songs · %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis cancelled; songs analysed so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) in %1 genre(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent folders&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no comparison to report yet. Train and compare models on the Compare Models page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html);;JSON report (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the report:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write the table:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::MetricsTableModel</name>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Mean and standard deviation of the accuracy over the %n test fold(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mean −ln p(true genre) over all songs: lower means better probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean wall-clock seconds to fit one fold&apos;s model (CPU time %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean milliseconds to predict one whole test fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>± std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ModelInfo</name>
    <message>
        <source>%1 % ± %2 (%3-fold CV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not cross-validated (no report in the model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No model yet.&lt;/b&gt; To classify songs you need one:&lt;ul style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;train and compare models on the &lt;a href=&apos;compare&apos;&gt;Compare&lt;/a&gt; page — the best one is refit on all songs and used here;&lt;/li&gt;&lt;li&gt;or open a saved model (.gsm) with &lt;a href=&apos;open&apos;&gt;File → Open Model…&lt;/a&gt;.&lt;/li&gt;&lt;/ul&gt;Songs added before then wait and are classified as soon as a model is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::PairwiseTableModel</name>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected resampled t-test (t = %1) over the same folds: does %2&apos;s recipe do better on new songs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better model (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A − B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-test p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only A right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only B right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>McNemar p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>McNemar&apos;s exact test on the pooled predictions: songs only %2 got right: %1; songs only %4 got right: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::PerClassF1Map</name>
    <message>
        <source>F1 per genre and model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train to compare models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 per genre and model — run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2
F1 %3 · precision %4 · recall %5 · %n songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::PerClassTableModel</name>
    <message>
        <source>Unweighted mean over the genres that occur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean over the genres weighted by their number of songs (support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::ProblemsPanel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: every file found so far could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be analysed. The other songs are not affected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::ui::ReportExport</name>
    <message>
        <source>Songs per genre in the open folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Song length per genre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution of the feature chosen on the Explore page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter (or PCA) as shown on the Explore page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pearson correlation between the features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validation scores come from the models of each fold, trained without the songs they were scored on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model was refit on all songs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that classifies new songs (%1) was opened from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model that classifies new songs and is exported (%1) was refit on all %n songs of this run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The model that classifies new songs (%1) was refit on all %n songs of run %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Genrescope report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Folder %1: %n songs learnt from.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n songs left out (not analysed, failed or without a genre).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n groups of duplicate recordings kept on one side of every fold.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Comparison finished %1 in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::SongLengthChart</name>
    <message>
        <source>Song length per genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No analysed songs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average length (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::SongTableModel</name>
    <message>
        <source>mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 kHz %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in a %2 container, %3 Hz, %n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::SongView</name>
    <message>
        <source>the song has not been decoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::SongsPage</name>
    <message>
        <source>Show one genre only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter songs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Waveform&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All genres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no genre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot decode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::SpectrogramView</name>
    <message>
        <source>Mel spectrogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (m:ss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency (Hz, mel scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mel spectrogram — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mel spectrogram (%1 × %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 Hz · %3 dB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::TrainPanel</name>
    <message>
        <source>Duplicates and clips of one song (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs whose audio is the same recording (found by their fingerprints, see Duplicates) and clips cut from one song (&quot;name.00012.3.wav&quot;) always stay on the same side of a fold, so no model is tested on a recording it has already heard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every song on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every file is independent. Scores come out too optimistic when the collection holds duplicate recordings or several clips of one song.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clips of one song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files whose names differ only by a trailing segment number (&quot;name.00012.3.wav&quot;) are kept together; duplicate recordings are not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate recordings only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs found to be the same recording by their audio fingerprints are kept together; clips are not grouped by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished in %2: best %3 with %4 % accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose models and press Train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked models are cross-validated on the same folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — needs the songs, takes long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learns from the audio itself, so it decodes every song again and trains a network per fold: expect minutes to hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Default %2, range %3 – %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset this model&apos;s parameters to their defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs are split into this many folds; each model is trained on all but one and tested on the one left out, in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which songs must stay together in one fold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune parameters (nested search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside each training fold, try the model&apos;s parameter grid by an inner cross-validation and keep the best; the outer test fold stays unseen. Slower, honest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folds of the inner cross-validation that picks the parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inner folds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed, same data: the same folds and the same numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curve of the best model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains the best model again on growing shares of each training fold: a curve still rising at 100 % says more songs would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNN epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train and compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validate the checked models, then refit the best on all songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training; the current run is discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a music folder first: the models learn from its analysed songs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No song is analysed yet: training starts once songs in genre folders have their features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the songs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 left · %2 elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gs::ui::WaveformView</name>
    <message>
        <source>Wheel: zoom · Shift+wheel or drag: scroll · +/−, ←/→, Home/End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a song to see its waveform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
