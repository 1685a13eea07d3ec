// practice.cpp: when each Try it's prediction is settled and what the figure's numbers say;
// when each challenge is met. The misconception each prediction aims at is in
// assets/practice.json beside its question.
#include "practice.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "lesson.h"

namespace lesson {

double figure(const std::vector<Figure>& figures, std::string_view key) {
  for (const Figure& f : figures)
    if (f.key == key) return f.value;
  return NAN;
}

namespace {

using neuron::PlasticityRule;

// The figures a text quotes, read from the scene's own figures() by key: the numbers in
// the box are lesson.state()'s numbers.
std::vector<Figure> quote(const SceneModel& scene, std::initializer_list<const char*> keys) {
  const std::vector<Figure> all = scene.figures();
  std::vector<Figure> out;
  for (const char* key : keys) out.push_back({key, figure(all, key)});
  return out;
}

// The outcome's words, printf-style: one call per text keeps the wasm small (each chain of
// std::string + costs code). Numbers are finite here: the checks run on settled states.
std::string say(const char* format, ...) {
  char text[640];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  return text;
}

// ---- 1. Biological: a stronger input gives more spikes, not bigger ones -------------------
Outcome spike_size(const Lesson& l, const std::vector<Figure>&) {
  const BiologicalModel& m = l.biological;
  const BiologicalModel::Rise& rise = m.rise();
  Outcome o;
  if (rise.at_ms < 0 || m.circuit().time_ms() < rise.at_ms + BiologicalModel::kRisePhaseMs - 1e-6) return o;
  o.settled = true;
  o.quoted = quote(m, {"spikePeakMv", "riseFromNa", "riseToNa", "spikesBeforeRise", "spikesAfterRise"});
  const double before = figure(o.quoted, "spikesBeforeRise"), after = figure(o.quoted, "spikesAfterRise");
  const double seconds = BiologicalModel::kRisePhaseMs / 1000.0;
  o.answer = after > before ? "b" : "";
  o.text = say("Every spike peaked at %.0f mV, the same height before and after. At %.1f nA the neuron fired %.0f "
               "times in %.1f s (%.0f a second); at %.1f nA, %.0f times (%.0f a second)",
               m.circuit().params().spike_peak_mV, rise.from_nA, before, seconds, before / seconds, rise.to_nA, after,
               after / seconds) +
           (before > 0 ? say(": %.1f times the input, %.1f times the rate.", rise.to_nA / rise.from_nA, after / before)
                       : ".");
  return o;
}

// ---- 2. Biological: STDP strengthens the inputs that come just before the spike ------------
constexpr double kStdpWatchMs = 4000.0;
Outcome stdp(const Lesson& l, const std::vector<Figure>& start) {
  const BiologicalModel& m = l.biological;
  Outcome o;
  if (m.plasticity() != PlasticityRule::Stdp || m.circuit().time_ms() < figure(start, "timeMs") + kStdpWatchMs - 1e-6)
    return o;
  o.settled = true;
  o.quoted = quote(m, {"w1", "w2", "w3", "w4", "w5", "inputRateHz1", "inputRateHz4"});
  const std::vector<double>& w = m.circuit().weights();
  const double began = figure(start, "w1");
  const double pattern_low = std::min({w[0], w[1], w[2]}), pattern_high = std::max({w[0], w[1], w[2]});
  const double random_low = std::min(w[3], w[4]), random_high = std::max(w[3], w[4]);
  if (pattern_low > began && random_high < began) o.answer = "b";
  else if (pattern_low > began && random_low > began) o.answer = "a";
  else if (random_low > pattern_high) o.answer = "c";
  o.text = say("After %.0f s of STDP the pattern's synapses 1-3 are at %.2f, %.2f and %.2f nA, the random synapses 4 "
               "and 5 at %.2f and %.2f nA; all began at %.2f. Every input fired %.0f times a second on average, "
               "pattern or not.",
               kStdpWatchMs / 1000.0, w[0], w[1], w[2], w[3], w[4], began, figure(o.quoted, "inputRateHz1"));
  return o;
}

// ---- 3. Time matters: only the spiking neuron notices when the inputs arrive ---------------
Outcome timing(const Lesson& l, const std::vector<Figure>&) {
  const CompareModel& m = l.compare;
  Outcome o;
  if (!m.seen_all() || m.touring()) return o;
  o.settled = true;
  o.quoted = quote(m, {"spikesTogether", "spikesInOrder", "spikesReversed", "spikesSpread", "artificialOutput"});
  const int together = m.spikes_under(Timing::Together), in_order = m.spikes_under(Timing::InOrder),
            reversed = m.spikes_under(Timing::Reversed), spread = m.spikes_under(Timing::Spread);
  const bool same = together == in_order && in_order == reversed && reversed == spread;
  o.answer = same ? "d" : "b";  // the artificial output is one number for every timing
  o.text = say("The spiking neuron fired %d, %d, %d and %d times (all together, in order 1, 2, 3, reversed, spread "
               "apart); the artificial neuron's output was %.2f every time.",
               together, in_order, reversed, spread, m.artificial_output());
  return o;
}

// ---- 4. Artificial: doubling an input doubles one term, not the output ---------------------
Outcome double_input(const Lesson& l, const std::vector<Figure>& start) {
  const ArtificialModel& m = l.artificial;
  Outcome o;
  const double x_before = figure(start, "x1");
  if (m.gliding() || !(std::abs(m.inputs[0] - x_before) > 1e-9)) return o;
  o.settled = true;
  o.quoted = quote(m, {"x1", "term1", "z", "output"});
  const double a_before = figure(start, "output"), a_after = m.pass().a;
  const double ratio = a_after / a_before;
  o.answer = std::abs(ratio - m.inputs[0] / x_before) < 0.02 ? "a" : ratio > 1.0 ? "b" : "c";
  o.text = say("Input x1 went from %.2f to %.2f. The term w1·x1 went with it, from %.2f to %.2f, while z went from "
               "%.2f to %.2f and the output from %.2f to %.2f: %.2f times as much.",
               x_before, m.inputs[0], figure(start, "term1"), m.cell.weights[0] * m.inputs[0], figure(start, "z"),
               m.pass().z, a_before, a_after, ratio);
  return o;
}

// ---- 5. Training: one neuron cannot learn XOR, however long it trains ----------------------
Outcome xor_one_neuron(const Lesson& l, const std::vector<Figure>&) {
  const TrainingModel& m = l.training;
  Outcome o;
  if (m.data() != neuron::DataKind::Xor || m.hidden_layers() != 0 || !m.loss_flat()) return o;
  o.settled = true;
  o.quoted = quote(m, {"epoch", "loss", "outputMin", "outputMax", "accuracy"});
  const auto [lo, hi] = m.output_range();
  o.answer = hi - lo < 0.02 ? "c" : m.reported_accuracy() == 1.0 ? "a" : "b";
  o.text = say("By epoch %d the loss had stopped falling, at %.3f (ln 2 is %.3f). The neuron answers %.2f to %.2f on "
               "every point, so its accuracy reads %.0f%%.",
               m.trainer().epoch(), m.trainer().loss(), std::log(2.0), lo, hi, 100 * m.reported_accuracy());
  return o;
}

// ---- 6-9. Pitfalls ---------------------------------------------------------------------------
Outcome rate_too_high(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls;
  Outcome o;
  if (m.pitfall() != Pitfall::LearningRate || m.running) return o;
  const neuron::Trainer& t = m.trainer();
  const bool diverged = t.status() == neuron::TrainStatus::Diverged;
  if (!diverged && t.epoch() < m.max_epochs()) return o;
  o.settled = true;
  o.quoted = quote(m, {"learningRate", "criticalRate", "startLoss", "loss", "epoch"});
  o.answer = diverged ? "b" : t.loss() < t.loss_history().front() ? "c" : "";
  o.text = say("At η = %.2f, %s this data's critical rate %.2f (2/λ), the loss went from %.3f at the start to %.3f "
               "at epoch %d%s",
               m.learning_rate(), m.learning_rate() > m.critical_rate() ? "above" : "below", m.critical_rate(),
               t.loss_history().front(), t.loss(), t.epoch(),
               diverged ? ", growing with every step, and training stopped: it diverged." : ".");
  return o;
}

Outcome loss_mismatch(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls;
  Outcome o;
  if (m.pitfall() != Pitfall::MismatchedLoss) return o;
  const int ce = m.cross_entropy_solved_epoch(), se = m.squared_solved_epoch();
  if (!(ce >= 0 && se >= 0) && m.trainer().epoch() < m.max_epochs()) return o;
  o.settled = true;
  o.quoted = quote(m, {"solvedCrossEntropy", "solvedSquared", "epoch"});
  auto when = [&](int epoch) { return epoch >= 0 ? say("at epoch %d", epoch) : say("not within %d epochs", m.max_epochs()); };
  const bool ce_first = ce >= 0 && (se < 0 || ce < se);
  o.answer = ce_first ? "b" : ce == se ? "a" : "c";
  o.text = "From the same confidently wrong start, the cross-entropy neuron got every point right " + when(ce) +
           "; the squared-error neuron " + when(se) + ".";
  return o;
}

constexpr int kVanishingWatchEpochs = 20;
Outcome vanishing(const Lesson& l, const std::vector<Figure>& start) {
  const PitfallsModel& m = l.pitfalls;
  Outcome o;
  if (m.pitfall() != Pitfall::VanishingGradients || m.layer_gradients().empty() ||
      m.trainer().epoch() < figure(start, "epoch") + kVanishingWatchEpochs)
    return o;
  o.settled = true;
  o.quoted = quote(m, {"gradientFirst", "gradientLast", "gradientRatio", "epoch"});
  const double first = m.layer_gradients().front(), last = m.layer_gradients().back();
  o.answer = last / first >= 1000 ? "c" : first > last ? "b" : "a";
  o.text = say("At epoch %d the first layer's gradient is %s and the last layer's %s: the first is %s times smaller%s",
               m.trainer().epoch(), format_significant(first).c_str(), format_significant(last).c_str(),
               format_significant(last / first).c_str(), m.fixed() ? " (with ReLU)." : ", so the first layers hardly move.");
  return o;
}

Outcome depth(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls;
  Outcome o;
  if (m.pitfall() != Pitfall::Depth || m.race().empty() || !m.race_done()) return o;
  o.settled = true;
  std::string accuracies;
  const double single = m.race().front().accuracy();
  double best_deeper = 0, worst_deeper = 1;
  for (std::size_t i = 0; i < m.race().size(); ++i) {
    const double a = m.race()[i].accuracy();
    o.quoted.push_back({"accuracyDepth" + std::to_string(i), a});
    accuracies += say(i ? ", %.0f%%" : "%.0f%%", 100 * a);
    if (i > 0) best_deeper = std::max(best_deeper, a), worst_deeper = std::min(worst_deeper, a);
  }
  o.answer = best_deeper <= single ? "c" : m.race().back().accuracy() >= best_deeper ? "a" : "b";
  o.text = say("After %d epochs the accuracy by depth, from 0 to %d hidden layers, is %s. ", m.max_epochs(),
               PitfallsModel::kMaxDepth, accuracies.c_str()) +
           (best_deeper > single ? std::string("A deeper network did better here.")
            : worst_deeper < single
                ? say("No deeper network beat the single neuron's %.0f%%, and the worst fell to %.0f%%.", 100 * single,
                      100 * worst_deeper)
                : say("No deeper network beat the single neuron's %.0f%%.", 100 * single));
  return o;
}

// ---- 10. The maths: a large step bounces across the valley ---------------------------------
Outcome big_step(const Lesson& l, const std::vector<Figure>&) {
  const MathsModel& m = l.maths;
  Outcome o;
  if (m.animating()) return o;
  o.settled = true;
  o.quoted = quote(m, {"learningRate", "startLoss", "endLoss", "lowestLoss", "steps"});
  const auto& path = m.path();
  const neuron::WeightPoint& end = path.back();
  const neuron::WeightPoint& before = path[path.size() - 2];
  // Bouncing: the last two steps go back and forth between the same two points.
  const neuron::WeightPoint& two_back = path[path.size() - 3];
  auto far = [](const neuron::WeightPoint& a, const neuron::WeightPoint& b, double d) {
    return (a.w1 - b.w1) * (a.w1 - b.w1) + (a.w2 - b.w2) * (a.w2 - b.w2) > d * d;
  };
  const bool bouncing = path.size() > 3 && far(end, before, 0.5) && !far(end, two_back, 0.05);
  o.answer = bouncing || end.loss > m.grid().lowest + 0.05 ? "b" : "a";
  o.text = say("With η = %.0f the %d steps took the loss from %.3f to %.3f, while the lowest point on this map has %.3f.",
               m.learning_rate(), m.shown_steps(), path.front().loss, end.loss, m.grid().lowest) +
           (bouncing ? say(" The last steps jump back and forth between (%.1f, %.1f) and (%.1f, %.1f), across the valley.",
                           before.w1, before.w2, end.w1, end.w2)
                     : std::string());
  return o;
}

}  // namespace

const std::vector<PredictionRule>& prediction_rules() {
  // Each setup starts its scene afresh (rate=4 rebuilds the circuit; a pitfall preset its
  // trainer) so that the outcome does not depend on what the reader did before.
  static const std::vector<PredictionRule> rules = {
      {"spike-size", "biological", "plasticity=off&rate=4&drive=1.2&zoom=100&speed=2&rise=2.4&run=1", spike_size},
      {"stdp", "biological", "plasticity=stdp&rate=4&drive=0&zoom=400&speed=12&run=1", stdp},
      {"timing", "compare", "in1=1&in2=1&in3=1&run=1", timing},
      {"double-input", "artificial", "x1=1&x2=0.5&x3=-1&w1=0.8&w2=-0.5&w3=0.3&b=0.1&act=sigmoid&glide=2", double_input},
      {"xor", "training", "data=xor&lr=1&loss=cross-entropy&layers=0&run=1", xor_one_neuron},
      {"rate-too-high", "pitfalls", "pitfall=lr&fixed=0", rate_too_high},
      {"loss-mismatch", "pitfalls", "pitfall=loss&fixed=0", loss_mismatch},
      {"vanishing", "pitfalls", "pitfall=vanishing&fixed=0", vanishing},
      {"depth", "pitfalls", "pitfall=depth&act=sigmoid&fixed=0", depth},
      {"big-step", "maths", "data=and&b=-3&w1=-4&w2=5&lr=20&replay=1", big_step},
  };
  return rules;
}

// ---- Challenges -------------------------------------------------------------------------
namespace {
constexpr int kFastSpikes = 220;
constexpr double kStdpLead_nA = 1.0;

bool fire_fast(const Lesson& l) { return l.biological.last_jump_spikes() >= kFastSpikes; }

bool stdp_lead(const Lesson& l) {
  const std::vector<double>& w = l.biological.circuit().weights();
  return l.biological.plasticity() == PlasticityRule::Stdp &&
         std::min({w[0], w[1], w[2]}) >= std::max(w[3], w[4]) + kStdpLead_nA;
}

bool spikes_but_not_artificial(const Lesson& l) {
  return l.compare.spikes_under(l.compare.timing()) > 0 && l.compare.artificial_output() < 0.5;
}

// The inputs, the bias and the activation as the scene starts; only the weights changed.
bool weights_only(const Lesson& l) {
  const ArtificialModel fresh;
  const ArtificialModel& m = l.artificial;
  return std::equal(m.inputs, m.inputs + ArtificialModel::kInputs, fresh.inputs) && m.cell.bias == fresh.cell.bias &&
         m.cell.activation == fresh.cell.activation && m.pass().a >= 0.9;
}

bool xor_solved(const Lesson& l) {
  const neuron::Trainer& t = l.training.trainer();
  return l.training.data() == neuron::DataKind::Xor && t.status() == neuron::TrainStatus::Ready && t.epoch() > 0 &&
         t.loss() < 0.05;
}

// Within 5% below the critical rate, and the whole run converged (the loss fell).
bool edge_of_stability(const Lesson& l) {
  const PitfallsModel& m = l.pitfalls;
  const neuron::Trainer& t = m.trainer();
  return m.pitfall() == Pitfall::LearningRate && m.learning_rate() < m.critical_rate() &&
         m.learning_rate() >= 0.95 * m.critical_rate() && t.status() == neuron::TrainStatus::Ready &&
         t.epoch() >= m.max_epochs() && t.loss() < t.loss_history().front();
}

bool worse_than_start(const Lesson& l) {
  const MathsModel& m = l.maths;
  return !m.animating() && m.path().back().loss > m.path().front().loss;
}
}  // namespace

const std::vector<ChallengeRule>& challenge_rules() {
  static const std::vector<ChallengeRule> rules = {
      {"fire-fast", "biological", fire_fast},
      {"stdp-lead", "biological", stdp_lead},
      {"spike-not-sum", "compare", spikes_but_not_artificial},
      {"weights-only", "artificial", weights_only},
      {"solve-xor", "training", xor_solved},
      {"edge-of-stability", "pitfalls", edge_of_stability},
      {"worse-than-start", "maths", worse_than_start},
  };
  return rules;
}

}  // namespace lesson
