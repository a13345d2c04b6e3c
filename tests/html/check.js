// The in-page half of the HTML edition's browser test (tests/build/html.sh):
// the test loads a copy of each page with this script first in its <head>,
// in headless Chromium, and reads back the verdict this script appends to the
// page as <pre id="book-check">{JSON}</pre>:
//   problems  console errors, uncaught exceptions, resources that failed to
//             load, formulas MathJax did not typeset (or typeset as an error,
//             or to nothing), MathML left untypeset, images that did not load,
//             and TeX commands (\name) in the visible text outside code;
//   formulas  how many formulas the page has; rendered: how many were drawn;
//   images    how many images the page has.
(function () {
  'use strict';
  var problems = [];
  var text = function (args) { return Array.prototype.map.call(args, String).join(' '); };
  var consoleError = console.error;
  console.error = function () {
    problems.push('console error: ' + text(arguments));
    consoleError.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) problems.push('failed to load: ' + (t.src || t.href));
    else problems.push('uncaught: ' + (e.message || String(e)));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    problems.push('unhandled rejection: ' + String(e.reason));
  });

  function check() {
    var r = {problems: problems, formulas: 0, rendered: 0, images: 0};
    document.querySelectorAll('script[type^="math/mml"]').forEach(function (s) {
      r.formulas++;
      var frame = document.getElementById(s.id + '-Frame');
      var box = frame ? frame.getBoundingClientRect() : null;
      if (!frame) problems.push('formula not typeset: ' + s.textContent.slice(0, 120));
      else if (frame.querySelector('.mjx-merror, .MathJax_Error'))
        problems.push('formula typeset as an error: ' + frame.textContent.slice(0, 120));
      else if (!(box.width > 0 && box.height > 0))
        problems.push('formula drawn empty: ' + s.textContent.slice(0, 120));
      else r.rendered++;
    });
    // (MathJax keeps a hidden copy of each formula's MathML for screen readers.)
    var left = Array.prototype.filter.call(document.querySelectorAll('math'), function (m) {
      return !m.closest('.MJX_Assistive_MathML'); }).length;
    if (left) problems.push(left + ' MathML formulas left untypeset');
    document.querySelectorAll('.MathJax_Error, .mjx-merror').forEach(function (e) {
      problems.push('MathJax error: ' + e.textContent.slice(0, 120));
    });
    document.querySelectorAll('img').forEach(function (img) {
      r.images++;
      if (!img.complete || img.naturalWidth === 0) problems.push('image not loaded: ' + img.getAttribute('src'));
      if (!img.getAttribute('alt')) problems.push('image without alternative text: ' + img.getAttribute('src'));
    });
    // Raw TeX: a backslash command in text a reader sees, outside code (a
    // chunk, or a [[quoted]] identifier, may hold a C escape such as \n).
    var skip = 'script, style, div.obeylines-v, [class^="ectt"], code, pre, .MathJax_CHTML, .MJX_Assistive_MathML';
    var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement && n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }});
    for (var n = walk.nextNode(); n; n = walk.nextNode()) {
      var m = /\\[A-Za-z@]+/.exec(n.nodeValue);
      if (m) problems.push('raw TeX in the text: "' + n.nodeValue.trim().slice(0, 120) + '"');
    }
    var pre = document.createElement('pre');
    pre.id = 'book-check';
    pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
  }
  window.addEventListener('load', function () {
    if (window.MathJax && MathJax.Hub) MathJax.Hub.Register.StartupHook('End', check);
    else { problems.push('MathJax did not load'); check(); }
  });
})();
