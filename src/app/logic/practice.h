// practice.h: predict, then see; and "your turn" challenges. The model's half of both.
//  - Each Try it asks the reader to predict what is about to happen (the question and its
//    options are prose: assets/practice.json). Pressing it arms the prediction here. The
//    figure settles it when its scene reaches the moment that answers the question (600 ms
//    after the rise, the loss stopped changing, the race finished): a condition on the
//    scene's state, checked every frame. The outcome names the option that the figure's own
//    numbers bear out, which wording of assets/practice.json tells what happened, and the
//    numbers that wording quotes; no number in the box is typed by hand, and every word is
//    in the page (translatable). The scene pauses there: the box and the figure agree.
//  - A challenge is a goal reached with the figure's controls (fire 220 spikes in one +2 s;
//    solve XOR), detected from the scene's state whenever a frame is drawn.
#pragma once
#include <string>
#include <vector>

#include "scene_model.h"

namespace lesson {

class Lesson;

// How a prediction came out, by the figure's numbers.
struct Outcome {
  bool settled = false;
  std::string answer;           // the option the numbers bear out ("b"); empty: none of them
  std::string wording = "*";    // which of the prediction's outcome texts tells it
  std::vector<Figure> quoted;   // numbers it quotes, under their keys in lesson.state()
  std::vector<Figure> derived;  // and numbers worked out from them or from the start (ratios)
};

// `start`: the scene's figures when the prediction was armed (its Try it).
using PredictionCheck = Outcome (*)(const Lesson& lesson, const std::vector<Figure>& start);
struct PredictionRule {
  const char* id;     // as in assets/practice.json: "spike-size"
  const char* scene;  // the scene its Try it shows
  const char* setup;  // how its Try it sets the scene up, as URL parameters
  const char* plot;     // the plot that settles it (its id in the scene's drawing)
  const char* control;  // the control its Try it asks the learner to move afterwards
  PredictionCheck check;
};
// In the page's order.
const std::vector<PredictionRule>& prediction_rules();

using ChallengeCheck = bool (*)(const Lesson& lesson);
struct ChallengeRule {
  const char* id;     // as in assets/practice.json: "fire-fast"
  const char* scene;  // checked while this scene is shown
  ChallengeCheck done;
};
const std::vector<ChallengeRule>& challenge_rules();

// The value of `key` among figures (NAN if absent).
double figure(const std::vector<Figure>& figures, std::string_view key);

}  // namespace lesson
