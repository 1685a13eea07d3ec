// pitfalls_model.cpp: the pitfalls scene: which pitfall is shown, broken or fixed, its
// parameters, and what every pitfall shares (Run, Reset, the frame's work, the figures).
#include "pitfalls_model.h"

#include "training_setup.h"

#include <utility>

namespace lesson {

using neuron::Activation;

// Opens on the first preset, running: the scene shows its point without a click.
PitfallsModel::PitfallsModel() { select(Pitfall::RateTooHigh, false); }

// The one place that asks which pitfall is shown.
const PitfallUnit& PitfallsModel::current() const {
  const PitfallUnit* const units[] = {&rate_too_high_, &mismatched_loss_, &vanishing_gradients_, &depth_race_};
  for (const PitfallUnit* unit : units)
    if (unit->pitfall() == pitfall_) return *unit;
  return rate_too_high_;
}

PitfallUnit& PitfallsModel::current() { return const_cast<PitfallUnit&>(std::as_const(*this).current()); }

void PitfallsModel::select(Pitfall pitfall, bool fixed) {
  pitfall_ = pitfall;
  fixed_ = fixed;
  current().preset(fixed);
  rebuild();
  running = true;
}

void PitfallsModel::set_learning_rate(double rate) {
  rate_too_high_.set_learning_rate(rate);
  fixed_ = rate_too_high_.below_critical_rate();
  rebuild();
}

void PitfallsModel::set_depth(int hidden_layers) { depth_race_.set_depth(hidden_layers); }

void PitfallsModel::set_race_activation(Activation f) {
  depth_race_.set_activation(f);
  rebuild();
  running = true;
}

void PitfallsModel::reset() { rebuild(); }

bool PitfallsModel::can_train() const { return current().can_train(); }

void PitfallsModel::rebuild() {
  running = false;
  current().rebuild(fixed_);
  last_frame_work_ = 0;
}

void PitfallsModel::advance() {
  if (!running) return;
  const FrameTrained frame = current().train_frame();
  last_frame_work_ = frame.weight_steps;
  if (!frame.goes_on) running = false;
}

const ParamTable& PitfallsModel::param_table() const {
  using M = PitfallsModel;
  static constexpr Activation kRaceActivations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu};
  static constexpr Pitfall kPitfalls[] = {Pitfall::RateTooHigh, Pitfall::MismatchedLoss,
                                          Pitfall::VanishingGradients, Pitfall::Depth};
  static const ParamTable table = with_defaults<M>([] {
    std::vector<std::string> buttons;
    for (Pitfall p : kPitfalls) buttons.emplace_back(word(info(p).button));
    return ParamTable{
        choice_param("pitfall", word(Word::pitfall_pitfall), kPitfalls, buttons,
                     [](const SceneModel& s) { return index_of(kPitfalls, as<M>(s).pitfall()); },
                     // Another pitfall opens broken (one click shows the failure); the same keeps its fix.
                     [](SceneModel& s, double i) {
                       M& m = as<M>(s);
                       m.select(kPitfalls[int(i)], kPitfalls[int(i)] == m.pitfall() && m.fixed());
                     })
            .described(LESSON_URL_DOC("which failure mode is shown"))
            .drawn_as_buttons(),
        toggle_param("fixed", word(Word::pitfall_fixed), [](const SceneModel& s) { return as<M>(s).fixed() ? 1.0 : 0.0; },
                     [](SceneModel& s, double on) { as<M>(s).select(as<M>(s).pitfall(), on > 0.5); })
            .described(LESSON_URL_DOC("0: broken, 1: with its fix applied"))
            .drawn_as_buttons({word(Word::pitfall_break), word(Word::pitfall_fix)}),
        toggle_button_param("run", word(Word::control_run), word(Word::control_pause), [](const SceneModel& s) { return as<M>(s).running ? 1.0 : 0.0; },
                            [](SceneModel& s, double v) { as<M>(s).running = v > 0.5 && as<M>(s).can_train(); })
            .described(LESSON_URL_DOC("run (1) or pause (0) training"))
            .enabled_when([](const SceneModel& s) { return as<M>(s).running || as<M>(s).can_train(); },
                          word(Word::pitfall_stopped)),
        button_param("reset", word(Word::control_reset), [](SceneModel& s, double) { as<M>(s).reset(); })
            .described(word(Word::control_reset_weights_help)),
        number_param("lr", word(Word::control_learning_rate), 0.01, 10.0, "%.3g",
                     [](const SceneModel& s) { return as<M>(s).rate_too_high().learning_rate(); },
                     [](SceneModel& s, double v) { as<M>(s).set_learning_rate(v); })
            .logarithmic()
            // 1% apart: the largest rate that still converges is findable (2/λ here is 0.92).
            .finely(200)
            .described(LESSON_URL_DOC("learning rate η (with pitfall=lr)"))
            .only_when([](const SceneModel& s) { return as<M>(s).shows(Pitfall::RateTooHigh); }),
        choice_param("act", word(Word::pitfall_activation), kRaceActivations,
                     {activation_word(Activation::Sigmoid), activation_word(Activation::Tanh),
                      activation_word(Activation::Relu)},
                     [](const SceneModel& s) { return index_of(kRaceActivations, as<M>(s).depth_race().activation()); },
                     [](SceneModel& s, double i) { as<M>(s).set_race_activation(kRaceActivations[int(i)]); })
            .described(LESSON_URL_DOC("hidden activation of every racer (with pitfall=depth)"))
            .only_when([](const SceneModel& s) { return as<M>(s).shows(Pitfall::Depth); }),
        number_param("depth", word(Word::pitfall_depth), 0, DepthRacePitfall::kMaxDepth, "%.0f",
                     [](const SceneModel& s) { return double(as<M>(s).depth_race().depth()); },
                     [](SceneModel& s, double v) { as<M>(s).set_depth(int(v)); })
            .whole_numbers()
            .described(LESSON_URL_DOC("the racer shown in detail: its hidden layers (with pitfall=depth)"))
            .only_when([](const SceneModel& s) { return as<M>(s).shows(Pitfall::Depth); }),
    };
  }());
  return table;
}

std::string PitfallsModel::summary() const { return current().summary(); }

std::vector<Figure> PitfallsModel::figures() const {
  const neuron::Trainer& t = trainer();
  std::vector<Figure> out{{"fixed", fixed_ ? 1.0 : 0.0},
                          {"epoch", double(t.epoch())},
                          {"loss", t.loss()},
                          {"accuracy", t.accuracy()},
                          {"diverged", t.status() == neuron::TrainStatus::Diverged ? 1.0 : 0.0},
                          {"frameWork", double(last_frame_work_)}};
  current().add_figures(out);
  return out;
}

}  // namespace lesson
