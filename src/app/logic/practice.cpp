// practice.cpp: when each Try it's prediction is settled and what the figure's numbers say;
// when each challenge is met. The misconception each prediction aims at is in
// assets/practice.json beside its question.
#include "practice.h"

#include <algorithm>
#include <cmath>

#include "lesson.h"

namespace lesson {

double figure(const std::vector<Figure>& figures, std::string_view key) {
  for (const Figure& f : figures)
    if (key == f.key) return f.value;
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

// ---- 1. Biological: a stronger input gives more spikes, not bigger ones -------------------
Outcome spike_size(const Lesson& l, const std::vector<Figure>&) {
  const BiologicalModel& m = l.biological();
  const BiologicalModel::Rise& rise = m.rise();
  Outcome o;
  if (rise.at_ms < 0 || m.circuit().time_ms() < rise.at_ms + BiologicalModel::kRisePhaseMs - 1e-6) return o;
  o.settled = true;
  o.quoted = quote(m, {"spikePeakMv", "riseFromNa", "riseToNa", "spikesBeforeRise", "spikesAfterRise"});
  const double before = figure(o.quoted, "spikesBeforeRise"), after = figure(o.quoted, "spikesAfterRise");
  const double seconds = BiologicalModel::kRisePhaseMs / 1000.0;
  o.answer = after > before ? "b" : "";
  o.derived = {{"seconds", seconds}, {"rateBefore", before / seconds}, {"rateAfter", after / seconds},
               {"inputRatio", rise.to_nA / rise.from_nA}, {"rateRatio", before > 0 ? after / before : 0.0}};
  return o;
}

// ---- 2. Biological: STDP strengthens the inputs that come just before the spike ------------
constexpr double kStdpWatchMs = 4000.0;
Outcome stdp(const Lesson& l, const std::vector<Figure>& start) {
  const BiologicalModel& m = l.biological();
  Outcome o;
  if (m.plasticity() != PlasticityRule::Stdp || m.circuit().time_ms() < figure(start, "timeMs") + kStdpWatchMs - 1e-6)
    return o;
  o.settled = true;
  o.quoted = quote(m, {"w1", "w2", "w3", "w4", "w5", "inputRateHz1", "inputRateHz4"});
  const std::vector<double>& w = m.circuit().weights();
  const double began = figure(start, "w1");
  const double pattern_low = std::min({w[0], w[1], w[2]}), pattern_high = std::max({w[0], w[1], w[2]});
  const double random_low = std::min(w[3], w[4]), random_high = std::max(w[3], w[4]);
  // b: the pattern's synapses grow and the random ones fall behind them (clearly, by
  // kBehind_nA); a: all five grow alike; c: the random ones get ahead.
  constexpr double kBehind_nA = 0.3;
  if (pattern_low > began && random_high < pattern_low - kBehind_nA) o.answer = "b";
  else if (random_low > pattern_high) o.answer = "c";
  else if (pattern_low > began && random_low > began) o.answer = "a";
  o.derived = {{"seconds", kStdpWatchMs / 1000.0}, {"began", began}};
  return o;
}

// ---- 3. Time matters: only the spiking neuron notices when the inputs arrive ---------------
Outcome timing(const Lesson& l, const std::vector<Figure>&) {
  const CompareModel& m = l.compare();
  Outcome o;
  if (!m.seen_all() || m.touring()) return o;
  o.settled = true;
  o.quoted = quote(m, {"spikesTogether", "spikesInOrder", "spikesReversed", "spikesSpread", "artificialOutput"});
  int lowest = 1 << 30, highest = -1;
  for (Timing t : kAllTimings) lowest = std::min(lowest, m.spikes_under(t)), highest = std::max(highest, m.spikes_under(t));
  o.answer = lowest == highest ? "d" : "b";  // the artificial output is one number for every timing
  return o;
}

// ---- 4. Artificial: doubling an input doubles one term, not the output ---------------------
Outcome double_input(const Lesson& l, const std::vector<Figure>& start) {
  const ArtificialModel& m = l.artificial();
  Outcome o;
  const double x_before = figure(start, "x1");
  if (m.gliding() || !(std::abs(m.inputs[0] - x_before) > 1e-9)) return o;
  o.settled = true;
  o.quoted = quote(m, {"x1", "term1", "z", "output"});
  const double ratio = figure(o.quoted, "output") / figure(start, "output");
  o.answer = std::abs(ratio - m.inputs[0] / x_before) < 0.02 ? "a" : ratio > 1.0 ? "b" : "c";
  o.derived = {{"x1Before", x_before}, {"term1Before", figure(start, "term1")}, {"zBefore", figure(start, "z")},
               {"outputBefore", figure(start, "output")}, {"ratio", ratio}};
  return o;
}

// ---- 5. Training: one neuron cannot learn XOR, however long it trains ----------------------
Outcome xor_one_neuron(const Lesson& l, const std::vector<Figure>&) {
  const TrainingModel& m = l.training();
  Outcome o;
  if (m.data() != neuron::DataKind::Xor || m.hidden_layers() != 0 || !m.loss_flat()) return o;
  o.settled = true;
  o.quoted = quote(m, {"epoch", "loss", "outputMin", "outputMax", "accuracy"});
  const double spread = figure(o.quoted, "outputMax") - figure(o.quoted, "outputMin");
  o.answer = spread < 0.02 ? "c" : figure(o.quoted, "accuracy") == 1.0 ? "a" : "b";
  // One number where both ends read the same: "0.50 on every point", not "between 0.50 and 0.50".
  o.wording = m.output_reads_flat() ? "flat" : "*";
  o.derived = {{"ln2", std::log(2.0)}};
  return o;
}

// ---- 6-9. Pitfalls ---------------------------------------------------------------------------
Outcome rate_too_high(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls();
  Outcome o;
  if (!m.shows(Pitfall::RateTooHigh) || m.running) return o;
  const neuron::Trainer& t = m.trainer();
  const bool diverged = t.status() == neuron::TrainStatus::Diverged;
  if (!diverged && t.epoch() < m.max_epochs()) return o;
  o.settled = true;
  o.quoted = quote(m, {"learningRate", "criticalRate", "startLoss", "loss", "epoch"});
  o.answer = diverged ? "b" : t.loss() < t.loss_history().front() ? "c" : "";
  o.wording = diverged ? "diverged" : "*";
  return o;
}

Outcome loss_mismatch(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls();
  Outcome o;
  if (!m.shows(Pitfall::MismatchedLoss)) return o;
  const MismatchedLossPitfall& pitfall = m.mismatched_loss();
  const int ce = pitfall.cross_entropy_solved_epoch(), se = pitfall.squared_solved_epoch();
  if (!(ce >= 0 && se >= 0) && m.trainer().epoch() < m.max_epochs()) return o;
  o.settled = true;
  o.quoted = quote(m, {"solvedCrossEntropy", "solvedSquared", "epoch"});
  o.answer = ce >= 0 && (se < 0 || ce < se) ? "b" : ce == se ? "a" : "c";
  o.wording = ce >= 0 && se >= 0 ? "*" : "unsolved";
  return o;
}

constexpr int kVanishingWatchEpochs = 20;
Outcome vanishing(const Lesson& l, const std::vector<Figure>& start) {
  const PitfallsModel& m = l.pitfalls();
  Outcome o;
  if (!m.shows(Pitfall::VanishingGradients) || m.vanishing_gradients().layer_gradients().empty() ||
      m.trainer().epoch() < figure(start, "epoch") + kVanishingWatchEpochs)
    return o;
  o.settled = true;
  o.quoted = quote(m, {"gradientFirst", "gradientLast", "gradientRatio", "epoch"});
  const double ratio = figure(o.quoted, "gradientRatio");
  o.answer = ratio >= 1000 ? "c" : ratio < 1 ? "b" : "a";
  o.wording = ratio >= 1 ? "*" : "larger";
  return o;
}

Outcome depth(const Lesson& l, const std::vector<Figure>&) {
  const PitfallsModel& m = l.pitfalls();
  Outcome o;
  const std::vector<neuron::Trainer>& race = m.depth_race().race();
  if (!m.shows(Pitfall::Depth) || race.empty() || !m.depth_race().race_done()) return o;
  o.settled = true;
  const double single = race.front().accuracy();
  double best_deeper = 0, worst_deeper = 1;
  for (std::size_t i = 0; i < race.size(); ++i) {
    const double a = race[i].accuracy();
    o.quoted.push_back({numbered_key("accuracyDepth", int(i)), a});
    if (i > 0) best_deeper = std::max(best_deeper, a), worst_deeper = std::min(worst_deeper, a);
  }
  // c: none beats the single neuron; a: the deepest is the best; b: some depth between wins.
  o.answer = best_deeper <= single ? "c" : race.back().accuracy() >= best_deeper ? "a" : "b";
  o.wording = best_deeper > single ? "deeper-better" : "*";
  o.derived = {{"epochs", double(m.max_epochs())}, {"worst", worst_deeper}};
  return o;
}

// ---- 10. The maths: a large step bounces across the valley ---------------------------------
Outcome big_step(const Lesson& l, const std::vector<Figure>&) {
  const MathsModel& m = l.maths();
  Outcome o;
  if (m.animating()) return o;
  o.settled = true;
  o.quoted = quote(m, {"learningRate", "startLoss", "endLoss", "lowestLoss", "steps"});
  const auto& path = m.path();
  const neuron::WeightPoint& end = path.back();
  const neuron::WeightPoint& before = path[path.size() - 2];
  const neuron::WeightPoint& two_back = path[path.size() - 3];
  auto far = [](const neuron::WeightPoint& a, const neuron::WeightPoint& b, double d) {
    return (a.w1 - b.w1) * (a.w1 - b.w1) + (a.w2 - b.w2) * (a.w2 - b.w2) > d * d;
  };
  // Bouncing: the last two steps go back and forth between the same two points.
  const bool bouncing = path.size() > 3 && far(end, before, 0.5) && !far(end, two_back, 0.05);
  o.answer = bouncing || end.loss > m.grid().lowest + 0.05 ? "b" : "a";
  o.wording = bouncing ? "bouncing" : "*";
  o.derived = {{"fromW1", before.w1}, {"fromW2", before.w2}, {"toW1", end.w1}, {"toW2", end.w2}};
  return o;
}

}  // namespace

const std::vector<PredictionRule>& prediction_rules() {
  // Each setup starts its scene afresh (rate=4 rebuilds the circuit; a pitfall preset its
  // trainer) so that the outcome does not depend on what the reader did before.
  static const std::vector<PredictionRule> rules = {
      {"spike-size", "biological", "plasticity=off&rate=4&drive=1.2&zoom=100&speed=2&rise=2.4&run=1", "membrane", "drive", spike_size},
      {"stdp", "biological", "plasticity=stdp&rate=4&drive=0&zoom=400&speed=12&run=1", "weights", "ff", stdp},
      {"timing", "compare", "in1=1&in2=1&in3=1&run=1", "compare-membrane", "timing", timing},
      {"double-input", "artificial", "x1=1&x2=0.5&x3=-1&w1=0.8&w2=-0.5&w3=0.3&b=0.1&act=sigmoid&glide=2", "activation", "x1", double_input},
      {"xor", "training", "data=xor&lr=1&loss=cross-entropy&layers=0&run=1", "decision", "layers", xor_one_neuron},
      {"rate-too-high", "pitfalls", "pitfall=lr&fixed=0", "lr-loss", "lr", rate_too_high},
      {"loss-mismatch", "pitfalls", "pitfall=loss&fixed=0", "mismatch", "fixed", loss_mismatch},
      {"vanishing", "pitfalls", "pitfall=vanishing&fixed=0", "gradients", "fixed", vanishing},
      {"depth", "pitfalls", "pitfall=depth&act=sigmoid&fixed=0", "race", "depth", depth},
      {"big-step", "maths", "data=and&b=-3&w1=-4&w2=5&lr=20&replay=1", "landscape", "lr", big_step},
  };
  return rules;
}

// ---- Challenges -------------------------------------------------------------------------
namespace {
constexpr int kFastSpikes = 220;
constexpr double kStdpLead_nA = 1.0;

bool fire_fast(const Lesson& l) { return l.biological().last_jump_spikes() >= kFastSpikes; }

bool stdp_lead(const Lesson& l) {
  const std::vector<double>& w = l.biological().circuit().weights();
  return l.biological().plasticity() == PlasticityRule::Stdp &&
         std::min({w[0], w[1], w[2]}) >= std::max(w[3], w[4]) + kStdpLead_nA;
}

bool spikes_but_not_artificial(const Lesson& l) {
  return l.compare().spikes_under(l.compare().timing()) > 0 && l.compare().artificial_output() < 0.5;
}

// The inputs, the bias and the activation as the scene starts; only the weights changed.
bool weights_only(const Lesson& l) {
  const ArtificialModel fresh;
  const ArtificialModel& m = l.artificial();
  return std::equal(m.inputs, m.inputs + ArtificialModel::kInputs, fresh.inputs) && m.cell.bias == fresh.cell.bias &&
         m.cell.activation == fresh.cell.activation && m.pass().a >= 0.9;
}

bool xor_solved(const Lesson& l) {
  const neuron::Trainer& t = l.training().trainer();
  return l.training().data() == neuron::DataKind::Xor && t.status() == neuron::TrainStatus::Ready && t.epoch() > 0 &&
         t.loss() < 0.05;
}

// Within 5% below the critical rate, and the whole run converged (the loss fell).
bool edge_of_stability(const Lesson& l) {
  const PitfallsModel& m = l.pitfalls();
  const neuron::Trainer& t = m.trainer();
  const double rate = m.rate_too_high().learning_rate(), critical = m.rate_too_high().critical_rate();
  return m.shows(Pitfall::RateTooHigh) && rate < critical && rate >= 0.95 * critical && t.status() == neuron::TrainStatus::Ready &&
         t.epoch() >= m.max_epochs() && t.loss() < t.loss_history().front();
}

bool worse_than_start(const Lesson& l) {
  const MathsModel& m = l.maths();
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
