// host.mjs: the page inside a host (an iframe in a course page or an LMS): what the URL
// says about the host, the embedded look, auto-height, posting to the parent, and the
// commands the host may send. Nothing here runs the quiz or the figure.
//   ?embed=1             no page chrome, fits the iframe's width
//   ?parentOrigin=ORIGIN where results go and the only origin whose commands are obeyed
//   ?lang=es             the edition (edition.mjs, run before this page loads)

//   cmi5's launch parameters   the page is a cmi5 AU: learner.js loads cmi5.js (cmi5.mjs)

// The query parameters a cmi5 LMS launches an AU with (cmi5 spec, 8.1).
export const CMI5_KEYS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
// URL keys that belong to the page, not to the figure (figure.mjs never passes them on).
export const PAGE_KEYS = ['embed', 'parentOrigin', 'lang', ...CMI5_KEYS];

export function readHost() {
  const params = new URLSearchParams(location.search);
  return {
    embed: params.get('embed') === '1',
    parentOrigin: params.get('parentOrigin'),
    inFrame: window.parent !== window,
    cmi5: CMI5_KEYS.every((k) => params.has(k)),
    registration: params.get('registration'),
  };
}

export function post(host, message, origin) {
  if (!host.inFrame) return;
  try {
    window.parent.postMessage(message, origin);
  } catch (e) {
    console.warn('lesson: could not post to the host page (' + e.message + ')');
  }
}

// Posts {type: "lesson:resize", height} and Canvas LMS's {subject: "lti.frameResize",
// height} to the parent whenever the page's height changes.
export function reportHeight(host) {
  if (!host.inFrame) return;
  let lastHeight = 0;
  function report() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    // A height reveals nothing, so without a named parent it goes to any parent.
    const origin = host.parentOrigin || '*';
    post(host, { type: 'lesson:resize', height: height }, origin);
    post(host, { subject: 'lti.frameResize', height: height }, origin);
  }
  if ('ResizeObserver' in window) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
  report();
}

// Commands from the host: {type: "lesson:showScene", scene, params} and {type:
// "lesson:reset"}, obeyed only from ?parentOrigin=; anything else is ignored with a warning.
// handlers: {showScene(scene, params), reset()}.
export function listenForCommands(host, handlers) {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('lesson:') !== 0) return;
    const origin = host.parentOrigin;
    if (!host.inFrame || event.source !== window.parent || !origin || (origin !== '*' && event.origin !== origin)) {
      console.warn('lesson: ignoring "' + String(data.type).slice(0, 40) + '" from ' + event.origin +
                   (origin ? ' (only ' + origin + ' may send commands)' : ' (no ?parentOrigin= given)'));
      return;
    }
    if (data.type === 'lesson:showScene') {
      handlers.showScene(String(data.scene), typeof data.params === 'string' ? data.params : '');
    } else if (data.type === 'lesson:reset') {
      handlers.reset();
    } else if (data.type !== 'lesson:resize' && data.type !== 'lesson:xapi') {
      console.warn('lesson: unknown command "' + String(data.type).slice(0, 40) + '"');
    }
  });
}
