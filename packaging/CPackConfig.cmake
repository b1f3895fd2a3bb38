# Debian package: `scripts/package-deb.sh` (or `cpack -G DEB` in a build folder where the
# targets genrescope, genrescope-cli and genrescope_package_files are built; needs dpkg-dev,
# file and help2man) gives genrescope_<version>_<arch>.deb with both programs, their man
# pages, the desktop entry, the AppStream metainfo, the icons in hicolor and the Debian
# changelog and copyright files. tests/test_package.sh (CTest test_package) checks it.
include(GNUInstallDirs)
set(GENRESCOPE_APP_ID io.github.genrescope.Genrescope)
set(GENRESCOPE_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(GENRESCOPE_PACKAGE_BUILD_DIR ${CMAKE_BINARY_DIR}/packaging)
set(GENRESCOPE_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/genrescope)
find_program(GENRESCOPE_HELP2MAN help2man)
find_program(GENRESCOPE_GZIP gzip)
set(GENRESCOPE_PACKAGE_OUTPUTS "")

# --- Icons: the SVG, and PNGs rendered from it at build time by a tiny QtSvg tool --------------
# Rendered rather than committed so that the PNGs can never drift from the SVG.
set(GENRESCOPE_ICON_SIZES 16 24 32 48 64 128 256)
if(GENRESCOPE_BUILD_GUI)
  add_executable(genrescope_render_icon ${GENRESCOPE_PACKAGING_DIR}/tools/render_icon.cpp)
  set_target_properties(genrescope_render_icon PROPERTIES AUTOMOC OFF)
  target_link_libraries(genrescope_render_icon PRIVATE Qt6::Gui Qt6::Svg)
  set(icon_svg ${PROJECT_SOURCE_DIR}/resources/genrescope.svg)
  foreach(size ${GENRESCOPE_ICON_SIZES})
    set(png ${GENRESCOPE_PACKAGE_BUILD_DIR}/icons/${size}x${size}/${GENRESCOPE_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${GENRESCOPE_PACKAGE_BUILD_DIR}/icons/${size}x${size}
      COMMAND genrescope_render_icon ${icon_svg} ${png} ${size}
      DEPENDS genrescope_render_icon ${icon_svg}
      COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
    list(APPEND GENRESCOPE_PACKAGE_OUTPUTS ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
          RENAME ${GENRESCOPE_APP_ID}.svg)
  install(FILES ${GENRESCOPE_PACKAGING_DIR}/${GENRESCOPE_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
  install(FILES ${GENRESCOPE_PACKAGING_DIR}/${GENRESCOPE_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
endif()

# --- Man pages: help2man from --help/--version of the built programs ------------------------
# The CLI page gets a COMMANDS section with every command's full help (make_manpage.cmake).
function(genrescope_add_manpage target description include_file)
  set(page ${GENRESCOPE_PACKAGE_BUILD_DIR}/man/${target}.1.gz)
  add_custom_command(OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GENRESCOPE_PACKAGE_BUILD_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}> -DNAME=${description}
            -DINCLUDE=${include_file} -DOUTPUT=${page} ${ARGN}
            -P ${GENRESCOPE_PACKAGING_DIR}/make_manpage.cmake
    DEPENDS ${target} ${include_file} ${GENRESCOPE_PACKAGING_DIR}/make_manpage.cmake
    COMMENT "Writing the ${target}(1) man page with help2man" VERBATIM)
  set(GENRESCOPE_PACKAGE_OUTPUTS ${GENRESCOPE_PACKAGE_OUTPUTS} ${page} PARENT_SCOPE)
  install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
if(GENRESCOPE_HELP2MAN)
  genrescope_add_manpage(genrescope-cli "explore and classify music by genre"
                         ${GENRESCOPE_PACKAGING_DIR}/man/genrescope-cli.h2m -DCLI_COMMANDS=ON)
  if(GENRESCOPE_BUILD_GUI)
    genrescope_add_manpage(genrescope "explore a music collection by genre and classify songs"
                           ${GENRESCOPE_PACKAGING_DIR}/man/genrescope.h2m)
  endif()
else()
  message(WARNING "help2man not found: the package will have no man pages (scripts/install-deps.sh installs it)")
endif()

# --- /usr/share/doc/genrescope: Debian changelog (gzipped, native package) and copyright ------
file(STRINGS ${GENRESCOPE_PACKAGING_DIR}/changelog changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^genrescope \\(${PROJECT_VERSION}\\) ")
  message(WARNING "packaging/changelog does not start with version ${PROJECT_VERSION}: "
                  "add an entry for it (lintian and dpkg read the version from there)")
endif()
if(GENRESCOPE_GZIP)
  set(changelog_gz ${GENRESCOPE_PACKAGE_BUILD_DIR}/doc/changelog.gz)
  # -n: no file name or time in the gzip header, so the package is reproducible.
  add_custom_command(OUTPUT ${changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GENRESCOPE_PACKAGE_BUILD_DIR}/doc
    COMMAND ${GENRESCOPE_GZIP} -9n -c ${GENRESCOPE_PACKAGING_DIR}/changelog > ${changelog_gz}
    DEPENDS ${GENRESCOPE_PACKAGING_DIR}/changelog
    COMMENT "Compressing the Debian changelog")
  list(APPEND GENRESCOPE_PACKAGE_OUTPUTS ${changelog_gz})
  install(FILES ${changelog_gz} DESTINATION ${GENRESCOPE_DOC_DIR})
endif()
install(FILES ${GENRESCOPE_PACKAGING_DIR}/copyright DESTINATION ${GENRESCOPE_DOC_DIR})

# Everything above that is generated; part of ALL, and built by scripts/package-deb.sh.
add_custom_target(genrescope_package_files ALL DEPENDS ${GENRESCOPE_PACKAGE_OUTPUTS})

# --- The light CI check of the package (SKIPPED when a tool is missing) ------------------------
if(GENRESCOPE_BUILD_TESTS AND GENRESCOPE_BUILD_GUI)
  add_test(NAME test_package
           COMMAND ${PROJECT_SOURCE_DIR}/tests/test_package.sh ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties(test_package PROPERTIES TIMEOUT 300 SKIP_REGULAR_EXPRESSION "SKIPPED")
endif()

# cpack (and `make install`) would otherwise build ALL first (tests, benchmarks) through the
# preinstall target; on our shared 2-core machines one builds only the packaged targets, as
# scripts/package-deb.sh and tests/test_package.sh do.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# --- CPack: one binary package ------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME genrescope)
set(CPACK_PACKAGE_VENDOR "Genrescope")
set(CPACK_PACKAGE_CONTACT "Genrescope maintainers <genrescope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "explore a music collection by genre and classify songs")
# Debian wants extended description lines under 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Genrescope decodes a folder of genre-labelled songs, extracts\n"
    "librosa-compatible features, shows waveforms, mel spectrograms and per-genre\n"
    "statistics, finds duplicate recordings, compares genre classifiers by\n"
    "cross-validation with their confusion matrices and classifies new songs.\n"
    "Charts export to PNG, SVG and PDF.\n"
    "This package holds the desktop application and the command-line tool.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/genrescope/genrescope")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Release builds carry no debug information, but the symbol tables go too (lintian).
set(CPACK_STRIP_FILES ON)
# 0644 files, 0755 directories whatever the builder's umask (lintian non-standard-*-perm).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Shared libraries are found by dpkg-shlibdeps. Qt plugins are loaded at run time, which
# shlibdeps cannot see, so their packages are named here: the SQLite driver of the feature
# cache (libqt6sql6-sqlite) and Qt Multimedia for playback
# (libqt6multimedia6, which on Debian 12 holds its FFmpeg and GStreamer backend plugins).
# libqt6svg6 (also the SVG image format plugin) comes from shlibdeps: the UI links QtSvg.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6multimedia6")
# German Qt dialogs; Wayland and other platform plugins (xcb is in libqt6gui6).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-qpa-plugins")
include(CPack)
