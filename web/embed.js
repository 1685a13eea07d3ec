// embed.js: for course pages that embed the lesson in an iframe. It sizes each lesson
// iframe to its content (the lesson posts {type: "lesson:resize", height}) and re-posts the
// lesson's results as a DOM event on the iframe:
//   iframe.addEventListener('lesson:xapi', (e) => console.log(e.detail))
// Mark lesson iframes with data-lesson. Messages are accepted only from the iframe's own
// window and origin. An iframe sandboxed without allow-same-origin has no origin: its
// messages come from "null", accepted from that iframe's window only.
(function () {
  'use strict';
  function originOf(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox)) return 'null';
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    var frames = document.querySelectorAll('iframe[data-lesson]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
      if (data.type === 'lesson:resize' && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
        frame.style.height = Math.ceil(data.height) + 'px';
      } else if (data.type === 'lesson:xapi' && data.statement) {
        frame.dispatchEvent(new CustomEvent('lesson:xapi', { detail: data.statement }));
      }
    }
  });
})();
