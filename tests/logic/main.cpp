// The doctest runner of the scene-logic suite (presets, URL state, summaries, JS state).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>
