// Search as you type: when the search box changes, fetch the same search page the form would open and swap
// in its results. Without this script the form still works (GET /search). No other origin is ever contacted.
"use strict";
(function () {
  var box = document.getElementById("q");
  if (!box || !box.form || !window.fetch || !window.DOMParser) return;
  var action = box.form.getAttribute("action");  // the share's own /search, under its classroom code
  var timer = null;
  var latest = 0;
  function show(query) {
    var ticket = ++latest;
    var address = action + "?q=" + encodeURIComponent(query);
    fetch(address, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        if (text === null || ticket !== latest) return;  // an older answer arriving late is dropped
        var page = new DOMParser().parseFromString(text, "text/html");
        var fresh = page.getElementById("main");
        var main = document.getElementById("main");
        if (!fresh || !main) return;
        main.replaceChildren.apply(main, Array.prototype.slice.call(fresh.childNodes));
        document.title = page.title;
        history.replaceState(null, "", address);
      })
      .catch(function () { /* the form still works */ });
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    var query = box.value;
    if (query.trim().length < 2) return;
    timer = setTimeout(function () { show(query); }, 180);
  });
})();
