// stills.mjs: owns the pictures for printing. Draws the scene a Try it sets up (items:
// {scene, params, predict}), run as far as it goes in 120 frames, into a new 2D canvas (a
// picture that prints, unlike the WebGL canvas, whose image is gone once the task ends);
// then puts the figure back as it was.
import { prefersDark } from './watch.mjs';
import { t } from './words.mjs';

export function printStills(wasm, canvas, list) {
  const before = wasm.url();
  wasm.setTheme(0);  // paper is white
  const pictures = list.map((item) => {
    const setup = item.predict ? wasm.predictionSetup(item.predict) : '';
    wasm.applyUrl(setup || 'scene=' + encodeURIComponent(item.scene) + (item.params ? '&' + item.params : ''));
    for (let i = 0; i < 120 && wasm.drawNow(); i++) { /* run it forward */ }
    wasm.drawNow();
    wasm.drawNow();  // ImGui settles its layout over a couple of frames
    const picture = document.createElement('canvas');
    picture.width = canvas.width;
    picture.height = canvas.height;
    picture.getContext('2d').drawImage(canvas, 0, 0);
    picture.setAttribute('role', 'img');
    picture.setAttribute('aria-label', t('figure.still', { summary: JSON.parse(wasm.stateJson()).summary }));
    return picture;
  });
  wasm.setTheme(prefersDark() ? 1 : 0);
  wasm.applyUrl(before);
  wasm.drawNow();
  return pictures;
}
