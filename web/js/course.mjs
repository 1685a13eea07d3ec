// course.js: how the lesson behaves inside a course. It runs the quiz (questions from
// quiz.json), keeps progress, and talks to whatever hosts the page:
//   - ?embed=1: no page chrome, fits the iframe's width;
//   - auto-height: posts {type: "lesson:resize", height} and Canvas LMS's
//     {subject: "lti.frameResize", height} to the parent whenever the height changes;
//   - results: xAPI-shaped statements {type: "lesson:xapi", statement} (answered, completed)
//     to the origin named by ?parentOrigin= (never "*" unless that is what it says);
//   - commands {type: "lesson:showScene", scene, params} and {type: "lesson:reset"},
//     obeyed only from that origin;
//   - SCORM 1.2: inside an LMS it finds the API, reports score and status and keeps progress
//     in suspend_data; with no LMS nothing changes.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var parentOrigin = params.get('parentOrigin');
  var inFrame = window.parent !== window;
  if (params.get('embed') === '1') document.documentElement.classList.add('embed');

  // ---- talking to the parent window --------------------------------------------
  function post(message, origin) {
    if (!inFrame) return;
    try {
      window.parent.postMessage(message, origin);
    } catch (e) {
      console.warn('lesson: could not post to the host page (' + e.message + ')');
    }
  }

  var lastHeight = 0;
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!inFrame || height === lastHeight) return;
    lastHeight = height;
    // A height reveals nothing, so without a named parent it goes to any parent.
    var origin = parentOrigin || '*';
    post({ type: 'lesson:resize', height: height }, origin);
    post({ subject: 'lti.frameResize', height: height }, origin);
  }
  if (inFrame) {
    if ('ResizeObserver' in window) new ResizeObserver(reportHeight).observe(document.documentElement);
    window.addEventListener('load', reportHeight);
    reportHeight();
  }

  var warnedNoOrigin = false;
  function sendStatement(statement) {
    if (!inFrame) return;
    if (!parentOrigin) {
      if (!warnedNoOrigin) console.info('lesson: results are not posted: the page was not given ?parentOrigin=');
      warnedNoOrigin = true;
      return;
    }
    post({ type: 'lesson:xapi', statement: statement }, parentOrigin);
  }

  function isoDuration(ms) {
    return 'PT' + Math.max(0, Math.round(ms / 100) / 10) + 'S';
  }

  var VERBS = {
    answered: 'http://adlnet.gov/expapi/verbs/answered',
    completed: 'http://adlnet.gov/expapi/verbs/completed'
  };

  function statement(verb, object, result) {
    return {
      verb: { id: VERBS[verb], display: { 'en-US': verb } },
      object: object,
      result: result,
      timestamp: new Date().toISOString()
    };
  }

  // ---- SCORM 1.2 ---------------------------------------------------------------
  // The LMS puts an object called API in a parent (or opener) window; the usual search
  // climbs at most a few levels. Cross-origin parents throw on access: no LMS then.
  function findScormApi() {
    function search(win) {
      for (var depth = 0; win && depth < 8; depth++) {
        try {
          if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
        } catch (e) {
          return null;
        }
        if (!win.parent || win.parent === win) break;
        win = win.parent;
      }
      return null;
    }
    return search(window.parent !== window ? window.parent : null) || (window.opener ? search(window.opener) : null);
  }

  var scorm = findScormApi();
  var scormOk = false;
  function scormSet(key, value) {
    if (scormOk) scorm.LMSSetValue(key, String(value));
  }
  if (scorm) {
    try {
      scormOk = String(scorm.LMSInitialize('')) === 'true';
      if (scormOk && scorm.LMSGetValue('cmi.core.lesson_status') === 'not attempted') scormSet('cmi.core.lesson_status', 'incomplete');
    } catch (e) {
      console.warn('lesson: the LMS API failed to start (' + e.message + '); continuing without it');
      scormOk = false;
    }
    window.addEventListener('pagehide', function () {
      if (!scormOk) return;
      scorm.LMSCommit('');
      scorm.LMSFinish('');
      scormOk = false;
    });
  }
  function scormSaved() {
    if (!scormOk) return null;
    try {
      var text = scorm.LMSGetValue('cmi.suspend_data');
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }

  // ---- the quiz ----------------------------------------------------------------
  var container = document.getElementById('quiz-questions');
  var summary = document.getElementById('quiz-summary');
  var message = document.getElementById('quiz-message');
  var resetButton = document.getElementById('quiz-reset');
  var quiz = null;

  function brokenQuiz(why) {
    console.warn('lesson: quiz unavailable: ' + why);
    message.textContent = 'The quiz could not be loaded (' + why + '). You can still read the questions; checking answers is unavailable.';
    message.hidden = false;
    resetButton.hidden = true;
    Array.prototype.forEach.call(container.querySelectorAll('input'), function (input) { input.disabled = true; });
  }

  function loadQuizData() {
    if (window.LESSON_INLINE && window.LESSON_INLINE.quiz) return Promise.resolve(window.LESSON_INLINE.quiz);
    return fetch('quiz.json').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json().catch(function () { throw new Error('quiz.json is not valid JSON'); });
    });
  }

  function startQuiz(data) {
    var lessonIri = 'urn:lesson:' + data.lessonId;
    var handlers = {
      quiz: data,
      container: container,
      summary: summary,
      saved: scormSaved(),
      onProgress: function (progress) {
        scormSet('cmi.suspend_data', JSON.stringify(progress).slice(0, 4000));
        if (scormOk) scorm.LMSCommit('');
      },
      onAnswer: function (d) {
        sendStatement(statement('answered', {
          objectType: 'Activity',
          id: lessonIri + ':' + d.question.id,
          definition: {
            name: { 'en-US': d.question.prompt },
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'choice',
            correctResponsesPattern: [d.question.answer],
            choices: d.question.options.map(function (o) { return { id: o.id, description: { 'en-US': o.text } }; })
          }
        }, {
          success: d.correct,
          response: d.chosen,
          score: { raw: d.correct ? 1 : 0, min: 0, max: 1, scaled: d.correct ? 1 : 0 },
          duration: isoDuration(d.durationMs)
        }));
        scormSet('cmi.core.score.raw', d.score.raw);
        scormSet('cmi.core.score.min', d.score.min);
        scormSet('cmi.core.score.max', d.score.max);
        if (d.complete) scormSet('cmi.core.lesson_status', d.passed ? 'passed' : 'failed');
        if (scormOk) scorm.LMSCommit('');
      },
      onComplete: function (d) {
        sendStatement(statement('completed', {
          objectType: 'Activity',
          id: lessonIri,
          definition: { name: { 'en-US': document.title }, type: 'http://adlnet.gov/expapi/activities/lesson' }
        }, {
          completion: true,
          success: d.passed,
          score: d.score,
          duration: isoDuration(d.durationMs)
        }));
      }
    };
    quiz = window.LessonQuiz.start(handlers);
    resetButton.hidden = false;
  }

  if (container && window.LessonQuiz) {
    loadQuizData().then(function (data) {
      var problems = window.LessonQuiz.validate(data);
      if (problems.length) throw new Error(problems[0] + (problems.length > 1 ? ' (and ' + (problems.length - 1) + ' more)' : ''));
      startQuiz(data);
    }).catch(function (error) { brokenQuiz(error.message || String(error)); });
    resetButton.addEventListener('click', function () {
      if (quiz) quiz = quiz.reset();
      if (scormOk) scormSet('cmi.core.lesson_status', 'incomplete');
    });
  }

  // ---- commands from the host --------------------------------------------------
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('lesson:') !== 0) return;
    if (!inFrame || event.source !== window.parent || !parentOrigin ||
        (parentOrigin !== '*' && event.origin !== parentOrigin)) {
      console.warn('lesson: ignoring "' + String(data.type).slice(0, 40) + '" from ' + event.origin +
                   (parentOrigin ? ' (only ' + parentOrigin + ' may send commands)' : ' (no ?parentOrigin= given)'));
      return;
    }
    if (data.type === 'lesson:showScene') {
      window.lesson.ready.then(function () {
        window.lesson.showScene(String(data.scene), typeof data.params === 'string' ? data.params : '');
      }, function () {});
    } else if (data.type === 'lesson:reset') {
      if (quiz) quiz = quiz.reset();
      window.lesson.ready.then(function () { window.lesson.showScene('biological'); }, function () {});
    } else if (data.type !== 'lesson:resize' && data.type !== 'lesson:xapi') {
      console.warn('lesson: unknown command "' + String(data.type).slice(0, 40) + '"');
    }
  });

  window.lessonCourse = {
    quiz: function () { return quiz; },
    scorm: function () { return scormOk; }
  };
})();
