// The doctest runner of the core suite; the tests live one concept per file beside it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest.h>
