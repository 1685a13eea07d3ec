// embed-host.js: the example course page's side: it tells the lesson which origin it is
// (so results come back to it), lists the statements it receives, and sends commands.
(function () {
  'use strict';
  var frame = document.getElementById('lesson');
  // The lesson posts results only to the origin it is told; commands it obeys only from there.
  // ?lesson=<url> points the example at a lesson served elsewhere (another origin).
  var given = new URLSearchParams(location.search).get('lesson');
  var src = new URL(given || frame.getAttribute('data-src'), location.href);
  if (!src.searchParams.has('parentOrigin')) src.searchParams.set('parentOrigin', location.origin);
  frame.src = src.toString();
  var lessonOrigin = src.origin;

  window.received = [];
  frame.addEventListener('lesson:xapi', function (event) {
    var s = event.detail;
    window.received.push(s);
    var item = document.createElement('li');
    // Quiz answers, the quiz, Try it predictions (answered, or experienced when the learner
    // just watched) and challenges met: say what each one carries.
    var r = s.result || {};
    var parts = [];
    if (r.response !== undefined) parts.push('chose ' + r.response);
    if (r.success !== undefined) parts.push(r.success ? 'right' : 'wrong');
    if (r.score) parts.push('score ' + r.score.raw + '/' + r.score.max);
    if (r.duration) parts.push(r.duration);
    item.textContent = s.verb.display['en-US'] + ' ' + s.object.id + (parts.length ? ': ' + parts.join(', ') : '');
    document.getElementById('statements').appendChild(item);
  });

  document.addEventListener('scorm-call', function (event) {
    var item = document.createElement('li');
    item.textContent = event.detail.name + '(' + event.detail.args.map(function (a) { return JSON.stringify(a); }).join(', ') + ')';
    document.getElementById('scorm-calls').appendChild(item);
  });

  Array.prototype.forEach.call(document.querySelectorAll('button[data-command]'), function (button) {
    button.addEventListener('click', function () {
      var command = button.getAttribute('data-command');
      var message = command === 'reset' ? { type: 'lesson:reset' }
        : { type: 'lesson:showScene', scene: button.getAttribute('data-scene'), params: button.getAttribute('data-params') };
      // A frame sandboxed without allow-same-origin has no origin to name: only "*" reaches it.
      var sandbox = frame.getAttribute('sandbox');
      var opaque = sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox);
      frame.contentWindow.postMessage(message, opaque ? '*' : lessonOrigin);
    });
  });
})();
