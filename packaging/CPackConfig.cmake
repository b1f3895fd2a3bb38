# Debian package: `cpack -G DEB` in the build folder (needs dpkg-dev and file) gives
# genrescope_<version>_<arch>.deb with both programs, the desktop entry, the AppStream
# metainfo and the icon.
set(GENRESCOPE_APP_ID io.github.genrescope.Genrescope)
if(GENRESCOPE_BUILD_GUI)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/${GENRESCOPE_APP_ID}.desktop DESTINATION share/applications)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/${GENRESCOPE_APP_ID}.metainfo.xml DESTINATION share/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/genrescope.svg
          DESTINATION share/icons/hicolor/scalable/apps RENAME ${GENRESCOPE_APP_ID}.svg)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME genrescope)
set(CPACK_PACKAGE_VENDOR "Genrescope")
set(CPACK_PACKAGE_CONTACT "Genrescope maintainers <genrescope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Explore a music collection by genre and classify songs")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Genrescope decodes a folder of genre-labelled songs, extracts librosa-compatible features,\n"
    "shows waveforms, mel spectrograms and per-genre statistics, finds duplicate recordings\n"
    "and trains and compares genre classifiers. Desktop application and command-line tool.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries are found by dpkg-shlibdeps; the SQLite driver is a Qt plugin loaded at
# run time, which shlibdeps cannot see, so it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
include(CPack)
