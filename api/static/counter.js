// Characters left in an announcement, as the officer types (the form still works without it).
(function () {
  var box = document.querySelector("textarea[data-limit]");
  var shown = document.getElementById("counter");
  if (!box || !shown) return;
  var limit = parseInt(box.getAttribute("data-limit"), 10);
  function update() {
    shown.textContent = box.value.length + " / " + limit;
    shown.style.color = box.value.length > limit ? "#b91c1c" : "";
  }
  box.addEventListener("input", update);
  update();
})();
