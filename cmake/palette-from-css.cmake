# palette-from-css.cmake: the page's colours (web/lesson.css custom properties, light and
# dark) written into a C++ header for the canvas palette (src/app/plot.cpp), so each colour
# the page and the figure share is defined once, in the CSS. Included by src/app/CMakeLists.txt;
# reruns whenever lesson.css changes. A missing colour stops the configure step.
set(css_file ${CMAKE_SOURCE_DIR}/web/lesson.css)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${css_file})
file(READ ${css_file} css)
# The first :root block is the light scheme; the :root inside the dark media query the dark one.
string(REGEX MATCH ":root {[^}]*}" light_block "${css}")
string(REGEX MATCH "prefers-color-scheme: dark\\) {[ \n]*:root {[^}]*}" dark_block "${css}")
set(shared_colours bg fg muted accent rule panel good bad)
string(REPLACE ";" ", " members "${shared_colours}")
set(header "// Generated from web/lesson.css by cmake/palette-from-css.cmake: do not edit.\n")
string(APPEND header "#pragma once\nnamespace lesson::css {\n")
string(APPEND header "struct Colours { int ${members}; };  // 0xRRGGBB\n")
foreach(scheme light dark)
  set(values "")
  foreach(name ${shared_colours})
    if(NOT "${${scheme}_block}" MATCHES "--${name}: #([0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]);")
      message(FATAL_ERROR "web/lesson.css: no --${name}: #rrggbb; in the ${scheme} :root block")
    endif()
    list(APPEND values "0x${CMAKE_MATCH_1}")
  endforeach()
  string(REPLACE ";" ", " values "${values}")
  string(APPEND header "inline constexpr Colours k${scheme} = {${values}};\n")
endforeach()
string(APPEND header "}  // namespace lesson::css\n")
set(palette_header ${CMAKE_CURRENT_BINARY_DIR}/generated/palette_css.h)
file(CONFIGURE OUTPUT ${palette_header} CONTENT "${header}")
