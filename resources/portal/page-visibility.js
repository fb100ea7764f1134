// Runs in the page's own world at document creation, only while the page is hidden (the sign-in
// page has no visible window). A hidden Chromium page gets no animation frames at all, so pages that
// enable a button in requestAnimationFrame would wait forever; this serves frames from timers
// (which the app un-throttles) and reports the page as visible, as it would be in a browser tab.
(function () {
  'use strict';
  if (document.visibilityState !== 'hidden') {
    return;
  }
  Object.defineProperty(Document.prototype, 'visibilityState', {get: function () { return 'visible'; }, configurable: true});
  Object.defineProperty(Document.prototype, 'hidden', {get: function () { return false; }, configurable: true});
  var timers = new Map();
  var nextId = 1;
  var frameMs = 1000 / 60;
  window.requestAnimationFrame = function (callback) {
    var id = nextId++;
    timers.set(id, setTimeout(function () {
      timers.delete(id);
      callback(performance.now());
    }, frameMs));
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };
})();
