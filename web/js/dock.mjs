// dock.mjs: on a phone, a Try it brings the figure to the reader instead of sending the reader
// up to the figure. The figure docks along the bottom of the screen, the text the reader was
// at (the Try it just pressed, its prediction and outcome) stays in view above it, and the
// dock shows the plot that Try it is about and the control it asks the reader to move. One
// button, "Back to the text", puts the figure back in its place and the reader at the Try it.
// Wider screens keep the figure beside or above the text; an embedded lesson (an auto-height
// frame, where "the bottom of the screen" is the bottom of the whole lesson) does not dock.

const kPhone = '(max-width: 600px)';

// figure: the <figure>; back: its "Back to the text" button; lesson: figure.mjs's API.
export function figureDock(figure, back, lesson) {
  const phone = window.matchMedia ? window.matchMedia(kPhone) : { matches: false };
  let from = null;  // the Try it that docked the figure
  let waiting = 0;  // the animation frame that waits for the figure to draw its scene

  // The outcome stays where the reader sees it while the page around it changes: its own
  // text arriving (which the browser's scroll anchoring would answer by moving it up), and
  // sections above it laid out for the first time (content-visibility).
  const pinned = keepInView();

  function docked() { return figure.classList.contains('docked'); }

  function undock() {
    cancelAnimationFrame(waiting);
    pinned.release();
    figure.classList.remove('docked');
    document.body.classList.remove('figure-docked');
    back.hidden = true;
  }

  // The Try it stays where this puts it while the page changes around it (the figure taking
  // its place again at its own height, the outcome's text arriving if the reader came back
  // before it did), until the reader scrolls.
  back.addEventListener('click', () => {
    const button = from;
    undock();
    if (button) {
      button.scrollIntoView({ block: 'center' });
      button.focus({ preventScroll: true });
      pinned.keep(button, button.getBoundingClientRect().top);
    }
  });
  // Turned to a wider screen: the figure goes back to its place.
  if (phone.addEventListener) phone.addEventListener('change', () => { if (!phone.matches && docked()) undock(); });

  // The dock scrolled to the plot the Try it is about and its control, once the figure has
  // drawn the scene at its fitted height (the canvas's rectangles are from the last frame).
  function showPlot(plotKey, controlKey) {
    cancelAnimationFrame(waiting);
    const start = lesson.frames();
    let tries = 0;
    const look = () => {
      const rects = lesson.controlRects();
      const canvas = figure.querySelector('canvas');
      const fitted = !lesson.fit();
      if ((!rects[plotKey] || !fitted || lesson.frames() - start < 2) && ++tries < 240) {
        waiting = requestAnimationFrame(look);
        return;
      }
      const plot = rects[plotKey];
      if (!plot) return;
      const control = rects[controlKey] || plot;
      const top = Math.min(plot[1], control[1]);
      const bottom = Math.max(plot[1] + plot[3], control[1] + control[3]);
      const offset = canvas.getBoundingClientRect().top - figure.getBoundingClientRect().top + figure.scrollTop;
      const room = figure.clientHeight - back.offsetHeight;
      figure.scrollTop = offset + (bottom - top <= room ? top - 8 : plot[1] - 8) - back.offsetHeight;
    };
    waiting = requestAnimationFrame(look);
  }

  return {
    // After a Try it has set the figure up: docks it on a phone (and returns true), with the
    // Try it's outcome (where the figure's verdict will appear) at the top of the screen, or
    // the pressed button just above the dock if it has none; elsewhere does nothing (returns
    // false).
    bring(button, prediction) {
      if (!phone.matches || document.documentElement.classList.contains('embed')) {
        if (docked()) undock();
        return false;
      }
      from = button;
      if (!docked()) {
        figure.classList.add('docked');
        document.body.classList.add('figure-docked');
        back.hidden = false;
      }
      const box = button.closest('.try');
      const outcome = box && box.querySelector('.predict-outcome');
      if (outcome) {
        pinned.keep(outcome, 8);  // (keeping one thing releases the last)
      } else {
        pinned.release();
        window.scrollBy(0, button.getBoundingClientRect().bottom - (window.innerHeight - figure.offsetHeight) + 8);
      }
      if (prediction) showPlot('plot:' + prediction.plot, prediction.control);
      return true;
    },
  };
}

// Keeps one element at `top` px from the top of the screen while the page changes around it
// (text arriving, the figure taking its height, sections laid out), until the reader scrolls
// (wheel, touch, keys) or release() is called. Only a change of size moves it back: the
// element itself, or the page's <main>, which holds everything above it.
export function keepInView() {
  let element = null;
  let top = 0;
  const follow = () => { if (element) window.scrollBy(0, element.getBoundingClientRect().top - top); };
  const resized = 'ResizeObserver' in window ? new ResizeObserver(follow) : null;
  const release = () => {
    element = null;
    if (resized) resized.disconnect();
  };
  ['wheel', 'touchstart', 'keydown'].forEach((type) => window.addEventListener(type, release, { passive: true }));
  return {
    keep(what, offset) {
      release();
      element = what;
      top = offset;
      follow();
      if (resized) [what, document.querySelector('main') || document.body].forEach((e) => resized.observe(e));
    },
    release,
  };
}
