// Labels from metadata (core/dataset/metadata.h): FMA's tracks.csv and genres.csv, plain path,genre CSVs, and matching labels to the files of a folder.
// Expected FMA figures come from the sample's README and from Python's csv module
// (/usr/bin/python3, csv.reader + ast.literal_eval over the same file), an independent reader.
#include "core/common/error.h"
#include "core/dataset/metadata.h"
#include "tests/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::map<std::string, long> countLabels(const gs::LabelTable& table)
{
    std::map<std::string, long> counts;
    for (const auto& s : table.songs)
        ++counts[s.label];
    return counts;
}

// A small tracks.csv in FMA's layout, with what makes the real one hard to read: HTML, commas,
// doubled quotes and newlines (CRLF too) inside quoted fields.
const char* const kSyntheticTracks =
    ",album,artist,artist,set,set,track,track,track,track\n"
    ",title,bio,id,split,subset,genre_top,genres,genres_all,title\n"
    "track_id,,,,,,,,,\n"
    "2,AWOL,\"<p>A Way Of Life, A Collective\nof \"\"Hip-Hop\"\"</p>\",1,training,small,Hip-Hop,[21],[21],Food\n"
    "3,AWOL,\"<p>line one\r\nline two</p>\",1,training,medium,Hip-Hop,[21],[21],Electric Ave\n"
    "5,Other,,7,test,small,,\"[10, 76]\",\"[10, 76, 12]\",\"Two, genres\"\n"
    "10,Kurt,,9,validation,large,Pop,[10],[10],\"Freeway\"\n"
    "20,Kurt,,9,test,large,Rock,[25],\"[12, 25]\",Spiritual\n";

const char* const kSyntheticGenres =
    "genre_id,#tracks,parent,title,top_level\n"
    "10,13845,0,Pop,10\n"
    "12,32923,0,Rock,12\n"
    "21,8389,0,Hip-Hop,21\n"
    "25,9261,12,Punk,12\n"
    "76,2000,10,\"Experimental Pop\",10\n";

} // namespace

class TestMetadataLabels : public QObject {
    Q_OBJECT

private slots:
    void fmaPathsAndGenreLists()
    {
        QCOMPARE(gs::fmaAudioPath(2), std::string("000/000002.mp3"));
        QCOMPARE(gs::fmaAudioPath(155066), std::string("155/155066.mp3"));
        QCOMPARE(gs::parseFmaGenreList("[17, 10, 76, 103]"), (std::vector<int>{17, 10, 76, 103}));
        QCOMPARE(gs::parseFmaGenreList("[]"), std::vector<int>{});
        QCOMPARE(gs::parseFmaGenreList(""), std::vector<int>{});
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::parseFmaGenreList("17, 10"));
        QCOMPARE(gs::labelKey("fma", "000/000002.mp3"), std::string("#2"));
        QCOMPARE(gs::labelKey("fma", "elsewhere/2.wav"), std::string("#2"));
        QCOMPARE(gs::labelKey("csv", "./rock/../rock/a.wav"), std::string("rock/a.wav"));
    }

    // Hand-counted: Rock > Punk > Hardcore, Electronic > Techno, and a loop (A <-> B) that must
    // not hang. Songs list FMA genres_all style (every genre up to the root).
    void fmaGenreTreeCountsEachSongOnce()
    {
        gs::FmaGenres genres;
        auto add = [&](int id, int parent, const char* title) {
            gs::FmaGenre g;
            g.id = id;
            g.parent = parent;
            g.title = title;
            genres[id] = g;
        };
        add(12, 0, "Rock");
        add(25, 12, "Punk");
        add(31, 25, "Hardcore");
        add(15, 0, "Electronic");
        add(40, 15, "Techno");
        add(50, 0, "Unused");
        add(60, 61, "A");
        add(61, 60, "B");
        const std::vector<std::vector<std::string>> songs{
            {"Rock", "Punk"},                       // own: Punk
            {"Rock", "Punk", "Hardcore"},           // own: Hardcore
            {"Electronic"},                         // own: Electronic
            {"Rock", "Punk", "Electronic", "Techno"}, // own: Punk and Techno
            {"Punk", "Hardcore", "Nowhere"},         // genres.csv does not know "Nowhere"; own: Hardcore
            {"A"},                                   // a parent loop: counted at A and B, no hang
        };
        const gs::GenreTree tree = gs::fmaGenreTree(genres, songs);
        const std::map<std::string, int> own{{"Punk", 2}, {"Hardcore", 2}, {"Electronic", 1}, {"Techno", 1}, {"A", 1}};
        const std::map<std::string, int> total{{"Rock", 4}, {"Punk", 4}, {"Hardcore", 2}, {"Electronic", 2},
                                               {"Techno", 1}, {"A", 1}, {"B", 1}};
        QCOMPARE(tree.ownSongs, own);
        QCOMPARE(tree.totalSongs, total);
        const std::map<std::string, std::string> parents{{"Rock", ""}, {"Punk", "Rock"}, {"Hardcore", "Punk"},
                                                         {"Electronic", ""}, {"Techno", "Electronic"},
                                                         {"A", "B"}, {"B", "A"}};
        QCOMPARE(tree.parentOf, parents);
        QCOMPARE(tree.songs, 6);
        QVERIFY(gs::fmaGenreTree(genres, {}).parentOf.empty());
    }

    void syntheticFmaTracksGenreTop()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeText(dir / "tracks.csv", kSyntheticTracks);
        writeText(dir / "genres.csv", kSyntheticGenres);
        const auto table = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, ""});
        QCOMPARE(table.format, std::string("fma"));
        QCOMPARE(table.songs.size(), std::size_t(4));
        QCOMPARE(table.withoutGenre, std::size_t(1)); // track 5: several top genres, no genre_top
        QVERIFY(table.problems.empty());
        const auto& first = table.songs[0];
        QCOMPARE(first.trackId, 2L);
        QCOMPARE(first.relativePath, std::string("000/000002.mp3"));
        QCOMPARE(first.label, std::string("Hip-Hop"));
        QCOMPARE(first.split, std::string("training"));
        QCOMPARE(first.subset, std::string("small"));
        QCOMPARE(first.group, std::string("artist 1"));
        QCOMPARE(table.songs[1].group, first.group); // same artist: kept on one side of a split
        QCOMPARE(table.songs[3].label, std::string("Rock"));
        QCOMPARE(table.songs[3].relativePath, std::string("000/000020.mp3"));
        QVERIFY(table.leftOut.count("#5"));
    }

    void syntheticFmaTracksGenresAllAndSubsets()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeText(dir / "tracks.csv", kSyntheticTracks);
        writeText(dir / "genres.csv", kSyntheticGenres);
        const auto all = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenresAll, ""});
        QCOMPARE(all.songs.size(), std::size_t(5));
        QCOMPARE(all.withoutGenre, std::size_t(0));
        // track 5: no genre_top; roots among [10, 76, 12] are Pop (10) and Rock (12): the lowest id
        QCOMPARE(all.songs[2].trackId, 5L);
        QCOMPARE(all.songs[2].label, std::string("Pop"));
        QCOMPARE(all.songs[2].genres, (std::vector<std::string>{"Pop", "Experimental Pop", "Rock"}));
        QCOMPARE(all.songs[4].genres, (std::vector<std::string>{"Rock", "Punk"}));
        QCOMPARE(all.songs[4].label, std::string("Rock"));

        // FMA's subsets are nested: small within medium within large
        const auto small = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "small"});
        QCOMPARE(small.songs.size(), std::size_t(1)); // track 2 (track 5 is small but has no genre_top)
        QCOMPARE(small.outsideSubset, std::size_t(3));
        QCOMPARE(small.withoutGenre, std::size_t(1));
        const auto medium = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "medium"});
        QCOMPARE(medium.songs.size(), std::size_t(2));
        QCOMPARE(medium.outsideSubset, std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "tiny"}));
    }

    void genresAllNeedsGenresCsv()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeText(dir / "tracks.csv", kSyntheticTracks);
        try {
            gs::readLabels({dir / "tracks.csv", gs::LabelField::GenresAll, ""});
            QFAIL("genres_all without genres.csv must throw");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::NotFound);
            QVERIFY(e.subject().find("genres.csv") != std::string::npos);
        }
        // genre_top needs no genres.csv
        QCOMPARE(gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, ""}).songs.size(), std::size_t(4));
    }

    void fmaSampleMatchesItsReadme()
    {
        GS_REQUIRE_SHARED(dir, "reference/fma-metadata");
        const auto table = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, ""});
        QVERIFY(table.problems.empty());
        const std::map<std::string, long> expected{{"Rock", 269}, {"Experimental", 83}, {"Folk", 80},  {"Electronic", 65},
                                                   {"Soul-RnB", 42}, {"Hip-Hop", 32},    {"Spoken", 30}, {"Jazz", 15},
                                                   {"International", 9}, {"Pop", 6}};
        QCOMPARE(countLabels(table), expected);
        QCOMPARE(table.withoutGenre, std::size_t(51));
        QCOMPARE(table.songs.front().relativePath, std::string("000/000002.mp3"));
        QCOMPARE(table.songs.front().label, std::string("Hip-Hop"));
        QCOMPARE(table.songs.front().group, std::string("artist 1"));
        std::map<std::string, long> splits;
        for (const auto& s : table.songs)
            ++splits[s.split];
        // Python csv: tracks with a genre_top per split
        QCOMPARE(splits, (std::map<std::string, long>{{"training", 513}, {"validation", 48}, {"test", 70}}));

        const auto small = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "small"});
        QCOMPARE(small.songs.size() + small.withoutGenre, std::size_t(58));
        QCOMPARE(small.outsideSubset, std::size_t(682 - 58));
        QCOMPARE(countLabels(small), (std::map<std::string, long>{{"Folk", 27}, {"Rock", 9}, {"International", 9},
                                                                   {"Hip-Hop", 5}, {"Pop", 4}, {"Experimental", 4}}));
        const auto medium = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "medium"});
        QCOMPARE(medium.songs.size() + medium.withoutGenre, std::size_t(58 + 136));
        const auto large = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenreTop, "large"});
        QCOMPARE(large.songs.size() + large.withoutGenre, std::size_t(58 + 136 + 488));
        QCOMPARE(large.outsideSubset, std::size_t(0));

        const auto genres = gs::readFmaGenres(dir / "genres.csv");
        QCOMPARE(genres.size(), std::size_t(163));
        long roots = 0;
        for (const auto& [id, g] : genres)
            roots += g.parent == 0;
        QCOMPARE(roots, 16L);

        // genres_all: genre_top, else the lowest-id root (Python, same rule): one track has no genre at all
        const auto all = gs::readLabels({dir / "tracks.csv", gs::LabelField::GenresAll, ""});
        QCOMPARE(all.withoutGenre, std::size_t(1));
        QCOMPARE(countLabels(all), (std::map<std::string, long>{{"Rock", 269}, {"Experimental", 91}, {"Folk", 83},
                                                                 {"Electronic", 65}, {"Soul-RnB", 42}, {"Hip-Hop", 32},
                                                                 {"Spoken", 30}, {"Jazz", 28}, {"Pop", 26},
                                                                 {"International", 10}, {"Blues", 5}}));
    }

    void plainCsvListsMissingAndUnlabelledFiles()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path audio = dir / "music";
        for (const char* f : {"a.wav", "sub/b.mp3", "c.flac", "d.ogg"})
            writeText(audio / f, "not really audio: matched by extension");
        writeText(dir / "labels.csv", "Path,Genre,Split,Artist\n"
                                      "a.wav,rock,Training,x\n"
                                      "\"sub/b.mp3\",\"jazz, modal\",test,y\n"
                                      "gone.wav,rock,test,z\n"
                                      "a.wav,pop,test,x\n"
                                      "d.ogg,,training,w\n");
        const auto labelled = gs::scanWithLabels(audio, {dir / "labels.csv", gs::LabelField::GenreTop, ""});
        QCOMPARE(labelled.format, std::string("csv"));
        QCOMPARE(labelled.scan.songs.size(), std::size_t(2));
        QCOMPARE(labelled.scan.songs[0].relativePath, std::string("a.wav"));
        QCOMPARE(labelled.scan.songs[0].label, std::string("rock"));
        QCOMPARE(labelled.scan.songs[0].split, std::string("training"));
        QCOMPARE(labelled.scan.songs[0].group, std::string("x"));
        QCOMPARE(labelled.scan.songs[1].label, std::string("jazz, modal"));
        QCOMPARE(labelled.scan.genres, (std::vector<std::string>{"jazz, modal", "rock"}));
        QCOMPARE(labelled.labelsWithoutFile, std::vector<std::string>{"gone.wav"});
        QCOMPARE(labelled.filesWithoutLabel, std::vector<std::string>{"c.flac"}); // d.ogg: empty genre, counted
        QCOMPARE(labelled.withoutGenre, std::size_t(1));
        QCOMPARE(labelled.labelProblems.size(), std::size_t(1)); // a.wav listed twice
        QVERIFY(labelled.labelProblems[0].find("line 5") != std::string::npos);
    }

    void plainCsvWithoutHeader()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeText(dir / "labels.csv", "x/1.wav,blues\r\nx/2.wav,metal\r\n");
        const auto table = gs::readLabels({dir / "labels.csv", gs::LabelField::GenreTop, ""});
        QCOMPARE(table.songs.size(), std::size_t(2));
        QCOMPARE(table.songs[1].relativePath, std::string("x/2.wav"));
        QCOMPARE(table.songs[1].label, std::string("metal"));
        QVERIFY(table.songs[1].split.empty());

        // another table (FMA's raw_tracks.csv layout): not read as nonsense labels
        writeText(dir / "raw_tracks.csv", "track_id,album_id,album_title\n2,1,AWOL\n");
        try {
            gs::readLabels({dir / "raw_tracks.csv", gs::LabelField::GenreTop, ""});
            QFAIL("a table without path and genre columns must throw");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Format);
        }
    }

    void fmaFilesFoundByTrackId()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        writeText(dir / "meta" / "tracks.csv", kSyntheticTracks);
        writeText(dir / "meta" / "genres.csv", kSyntheticGenres);
        const fs::path audio = dir / "fma_small";
        for (const char* f : {"000/000002.mp3", "000/000005.mp3", "000/000010.mp3", "000/000099.mp3"})
            writeText(audio / f, "x");
        const auto labelled = gs::scanWithLabels(audio, {dir / "meta" / "tracks.csv", gs::LabelField::GenreTop, ""});
        QCOMPARE(labelled.scan.songs.size(), std::size_t(2));
        QCOMPARE(labelled.scan.songs[0].relativePath, std::string("000/000002.mp3"));
        QCOMPARE(labelled.scan.songs[1].label, std::string("Pop"));
        QCOMPARE(labelled.scan.songs[1].split, std::string("validation"));
        // 000005 has no genre_top: counted, not "without label"; 000099 is not in the metadata
        QCOMPARE(labelled.withoutGenre, std::size_t(1));
        QCOMPARE(labelled.filesWithoutLabel, std::vector<std::string>{"000/000099.mp3"});
        QCOMPARE(labelled.labelsWithoutFile, (std::vector<std::string>{"000/000003.mp3", "000/000020.mp3"}));
    }
};

QTEST_GUILESS_MAIN(TestMetadataLabels)
#include "test_metadata_labels.moc"
