// scorm-api-double.js: a stand-in for an LMS's SCORM 1.2 runtime API. It keeps values in
// memory and records every call in window.scormCalls, so the example page and the browser
// tests can see what the lesson reports. A real LMS provides window.API itself.
(function () {
  'use strict';
  var values = { 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '' };
  var calls = [];
  function record(name, args, result) {
    calls.push({ name: name, args: Array.prototype.slice.call(args), result: result });
    document.dispatchEvent(new CustomEvent('scorm-call', { detail: calls[calls.length - 1] }));
    return result;
  }
  window.scormCalls = calls;
  window.scormValues = values;
  window.API = {
    LMSInitialize: function () { return record('LMSInitialize', arguments, 'true'); },
    LMSFinish: function () { return record('LMSFinish', arguments, 'true'); },
    LMSGetValue: function (key) { return record('LMSGetValue', arguments, values[key] || ''); },
    LMSSetValue: function (key, value) { values[key] = String(value); return record('LMSSetValue', arguments, 'true'); },
    LMSCommit: function () { return record('LMSCommit', arguments, 'true'); },
    LMSGetLastError: function () { return '0'; },
    LMSGetErrorString: function () { return 'No error'; },
    LMSGetDiagnostic: function () { return ''; }
  };
})();
