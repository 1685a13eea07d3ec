// fuzz_url_state: libFuzzer target for the only outside input the C++ reads: the query
// string of the page URL (and of "Try it" buttons, the JS API and host commands, which all
// arrive as the same string). Whatever the bytes, parsing must not crash, trip a sanitizer
// or let a non-finite number into the state the page reads.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  // One lesson for all inputs, as in the page, where URLs, "Try it" buttons and host
  // commands keep arriving at the same figure.
  static lesson::Lesson lesson;
  static lesson::Lesson again;
  lesson.apply_url(query);
  // A frame or two of whatever the URL set running.
  for (int i = 0; i < 3; ++i) lesson.current().advance();
  const std::string json = lesson.state_json();
  if (json.find("nan") != std::string::npos || json.find("inf") != std::string::npos) std::abort();
  for (const lesson::Figure& f : lesson.current().figures())
    if (!std::isfinite(f.value) && !std::isnan(f.value)) std::abort();
  // The URL the page writes back must parse to the same URL.
  if (!again.apply_url(lesson.url()).empty() || again.url() != lesson.url()) std::abort();
  return 0;
}
