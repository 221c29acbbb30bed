// Live updates for server-rendered pages: a section marked data-live-refresh="ms" is fetched again from the same URL
// on that period and swapped in place, so new jobs and state changes appear without a reload.
(function () {
  "use strict";
  var sections = document.querySelectorAll("[data-live-refresh]");
  sections.forEach(function (section) {
    var period = parseInt(section.getAttribute("data-live-refresh"), 10) || 2000;
    function refresh() {
      fetch(window.location.href, { headers: { "Accept": "text/html" }, cache: "no-store" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(section.id);
          if (fresh) { section.innerHTML = fresh.innerHTML; }
        })
        .catch(function () { /* offline for a moment: the next tick tries again */ })
        .finally(function () { window.setTimeout(refresh, period); });
    }
    window.setTimeout(refresh, period);
  });
})();
