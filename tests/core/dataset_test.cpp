// Data sets: logic gates and seeded random point clouds.
#include <doctest.h>

#include <set>
#include <string_view>

#include <cmath>

#include "dataset.h"

using namespace neuron;

TEST_SUITE("dataset") {
  TEST_CASE("logic gates have their truth tables") {
    const Dataset x = make_dataset(DataKind::Xor);
    REQUIRE(x.points.size() == 4);
    for (const Point& p : x.points) CHECK(p.label == double((p.x1 > 0.5) != (p.x2 > 0.5)));
    for (const Point& p : make_dataset(DataKind::And).points)
      CHECK(p.label == double(p.x1 > 0.5 && p.x2 > 0.5));
    for (const Point& p : make_dataset(DataKind::Or).points)
      CHECK(p.label == double(p.x1 > 0.5 || p.x2 > 0.5));
  }

  TEST_CASE("same seed, same points; another seed, other points") {
    const DataOptions a{100, 0.15, 7}, b{100, 0.15, 8};
    const Dataset first = make_dataset(DataKind::Blobs, a), again = make_dataset(DataKind::Blobs, a);
    const Dataset other = make_dataset(DataKind::Blobs, b);
    REQUIRE(first.points.size() == 100);
    CHECK(first.points[17].x1 == again.points[17].x1);
    CHECK(first.points[17].x1 != other.points[17].x1);
  }

  TEST_CASE("circles: class 1 inside, class 0 outside") {
    const Dataset c = make_dataset(DataKind::Circles, {400, 0.0, 3});
    for (const Point& p : c.points) {
      const double r = std::hypot(p.x1, p.x2);
      if (p.label > 0.5) CHECK(r <= 0.5);
      else CHECK(r >= 0.9);
    }
  }

  TEST_CASE("matrices hold one column per point") {
    const Dataset d = make_dataset(DataKind::Or);
    CHECK(d.inputs().rows() == 2);
    CHECK(d.inputs().cols() == 4);
    CHECK(d.labels().cols() == 4);
    CHECK(d.labels()(0, 3) == d.points[3].label);
  }

  TEST_CASE("every data set has its own name") {
    std::set<std::string_view> names;
    for (DataKind k : kAllDataKinds) CHECK(names.insert(name(k)).second);
  }
}
