# Writes a gzipped man page for one of our programs with help2man, from its --help and
# --version output (cmake -P script, run at build time by packaging/CPackConfig.cmake).
#
#   cmake -DPROGRAM=path/to/genrescope-cli -DNAME="one-line description"
#         -DINCLUDE=packaging/man/genrescope-cli.h2m -DOUTPUT=build/man/genrescope-cli.1.gz
#         [-DCLI_COMMANDS=ON] -P make_manpage.cmake
#
# With CLI_COMMANDS, the COMMANDS section lists the full `PROGRAM help CMD` text of every
# command that `PROGRAM --help` names, so the page stays in step with the program.
# The GUI needs QT_QPA_PLATFORM=offscreen to print its help without a display; it is set
# for every program (the CLI ignores it).
foreach(var PROGRAM NAME INCLUDE OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_manpage.cmake: -D${var}=... is required")
  endif()
endforeach()
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)

get_filename_component(out_dir "${OUTPUT}" DIRECTORY)
get_filename_component(program_name "${PROGRAM}" NAME)
set(page "${out_dir}/${program_name}.1")
set(generated_include "${out_dir}/${program_name}.commands.h2m")
set(ENV{QT_QPA_PLATFORM} offscreen)
# A fixed locale: the page is English and must not depend on who builds it.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")

# roff-escapes one line of plain text shown verbatim (.nf): backslashes, a leading dot or
# quote (would be read as a request) and hyphens (\- is a real minus/hyphen in options).
function(roff_escape line out)
  string(REPLACE "\\" "\\e" line "${line}")
  string(REPLACE "-" "\\-" line "${line}")
  if(line MATCHES "^[.']")
    set(line "\\&${line}")
  endif()
  set(${out} "${line}" PARENT_SCOPE)
endfunction()

# Collects the command names from the "commands:" list of `PROGRAM --help`
# ("  name   synopsis" lines) and writes one sub-section per command with its full help.
function(write_commands_include program file)
  execute_process(COMMAND "${program}" --help OUTPUT_VARIABLE overview RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${program} --help failed (exit code ${rc})")
  endif()
  string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*  " entries "${overview}")
  if(NOT entries)
    message(FATAL_ERROR "${program} --help lists no commands; cannot write the COMMANDS section")
  endif()
  set(text "[COMMANDS]\n")
  foreach(entry ${entries})
    string(STRIP "${entry}" command)
    execute_process(COMMAND "${program}" help "${command}" OUTPUT_VARIABLE usage RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${program} help ${command} failed (exit code ${rc})")
    endif()
    string(STRIP "${usage}" usage)
    string(APPEND text ".SS ${command}\n.nf\n")
    # One list item per line; a ';' in the help text must survive CMake's list splitting.
    string(REPLACE ";" "\\;" usage "${usage}")
    string(REPLACE "\n" ";" lines "${usage}")
    foreach(line IN LISTS lines)
      roff_escape("${line}" line)
      string(APPEND text "${line}\n")
    endforeach()
    string(APPEND text ".fi\n")
  endforeach()
  file(WRITE "${file}" "${text}")
endfunction()

set(includes --include "${INCLUDE}")
if(CLI_COMMANDS)
  write_commands_include("${PROGRAM}" "${generated_include}")
  list(APPEND includes --include "${generated_include}")
endif()
execute_process(COMMAND "${HELP2MAN}" --no-info --locale C.UTF-8 --section 1 --name "${NAME}" ${includes}
                        --output "${page}" "${PROGRAM}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed on ${PROGRAM} (exit code ${rc}): ${err}")
endif()
# -n: no name or time stamp in the gzip header, so the package is reproducible (lintian).
execute_process(COMMAND "${GZIP}" -9nf "${page}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${page}")
endif()
if(NOT "${page}.gz" STREQUAL "${OUTPUT}")
  file(RENAME "${page}.gz" "${OUTPUT}")
endif()
