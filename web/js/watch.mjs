// watch.mjs: owns what the browser says about the reader's situation and tells the figure:
// whether it can be seen (a hidden tab, scrolled away: it then draws nothing), the colour
// scheme, and whether the reader asked for less motion.

// Draw only while the figure can be seen.
export function watchVisibility(canvas, wasm) {
  let onScreen = true;
  function update() { wasm.setVisible(onScreen && !document.hidden ? 1 : 0); }
  document.addEventListener('visibilitychange', update);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver((entries) => {
      onScreen = entries[entries.length - 1].isIntersecting;
      update();
    }).observe(canvas);
  }
}

export function prefersDark() {
  return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
}

export function watchTheme(wasm) {
  const query = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)');
  function update() { wasm.setTheme(query && query.matches ? 1 : 0); }
  if (query && query.addEventListener) query.addEventListener('change', update);
  update();
}

// With "reduce motion" asked for, nothing starts moving by itself (a link or a Try it sets
// its scene up paused; the figure decides how: lesson.h, Lesson::open), and what a Try it
// would animate happens at once.
export function watchMotion(wasm) {
  const query = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)');
  if (!query) return;
  function update() { wasm.setReducedMotion(query.matches ? 1 : 0); }
  if (query.addEventListener) query.addEventListener('change', update);
  update();
}
