// Appends what arrives while the page is open (an officer's claim, reply or resolution).
// Without JavaScript the page still works: reloading it shows the same messages.
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  if (!chat || !window.fetch) { return; }
  function lastId() {
    var all = chat.querySelectorAll(".msg[data-id]");
    return all.length ? all[all.length - 1].getAttribute("data-id") : "0";
  }
  function poll() {
    fetch("/updates?after=" + encodeURIComponent(lastId()), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        if (!html.trim()) { return; }
        var box = document.createElement("div");
        box.innerHTML = html;
        var first = null;
        while (box.firstElementChild) {
          var el = box.firstElementChild;
          if (!first) { first = el; }
          chat.appendChild(el);
        }
        if (first) { first.scrollIntoView({ block: "start" }); }
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ })
      .then(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
