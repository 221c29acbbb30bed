// The buildlog lens: a skipped group's links fetch those lines from /spyglass/buildlog and put them in its place
// (without this script the links open the lines on their own).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".log .skipped a.expand") : null;
    if (!link) { return; }
    event.preventDefault();
    var group = link.closest(".skipped");
    if (group.getAttribute("aria-busy") === "true") { return; }
    group.setAttribute("aria-busy", "true");
    fetch(link.getAttribute("href"), { headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        group.replaceWith(template.content);
      })
      .catch(function (error) {
        group.removeAttribute("aria-busy");
        group.setAttribute("data-error", "could not load these lines: " + error.message);
      });
  });
})();
