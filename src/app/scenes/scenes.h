// scenes.h: one drawing function per scene (one file each), called inside the figure's
// window below the scene tabs. The numbers all come from the scene models in logic/.
#pragma once
#include "lesson.h"

namespace lesson {

void draw_scene(BiologicalModel& model);
void draw_scene(ArtificialModel& model);
void draw_scene(CompareModel& model);
void draw_scene(TrainingModel& model);
void draw_scene(PitfallsModel& model);
void draw_scene(MathsModel& model);

}  // namespace lesson
