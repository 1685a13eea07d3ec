// announce.mjs: owns when a screen reader hears the figure. The visible caption follows the
// figure on every check; the reader hears it through a separate live region (polite, so it
// never interrupts): at once when a Try it or the JS API changed the figure; after a pause
// when the reader works a native control, which speaks its own value (so the results follow
// it instead of talking over it); when a run stops; and while a scene runs, at most every
// few seconds and only while the keyboard is in the figure (a reader in the prose is not
// talked over by a neuron running beside it).
const kAnnounceEveryMs = 4000;
const kQuietAfterControlMs = 1500;

// region: the live region; figureBox: where the keyboard counts as "in the figure".
export function announcer(region, figureBox) {
  let said = '';
  let saidAt = 0;
  let quietUntil = 0;
  return {
    // A native control changed the figure: let its own announcement finish first.
    controlChanged() { quietUntil = Date.now() + kQuietAfterControlMs; },
    // The caption as it is now; urgent: say it at once (a Try it, the JS API).
    consider(summary, animating, urgent) {
      const now = Date.now();
      if (urgent) quietUntil = 0;
      const watching = figureBox.contains(document.activeElement);
      if (summary !== said && now >= quietUntil &&
          (urgent || !animating || (watching && now - saidAt >= kAnnounceEveryMs))) {
        said = summary;
        saidAt = now;
        region.textContent = summary;
      }
    },
  };
}
