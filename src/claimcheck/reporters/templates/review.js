"use strict";
(function () {
  var current = null;
  function marksOf(ref) {
    return document.querySelectorAll('mark[data-ref="' + ref + '"]');
  }
  function highlight(ref) {
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    if (ref) { marksOf(ref).forEach(function (m) { m.classList.add("selected"); }); }
  }
  function select(ref, fromText) {
    var item = document.getElementById(ref);
    if (!item) { return; }
    var list = item.closest("ul");
    if (list) {
      list.querySelectorAll("details.claim[open]").forEach(function (d) {
        if (d !== item) { d.open = false; }
      });
    }
    var li = item.closest("li");
    if (li && li.hidden) { li.hidden = false; }
    current = ref;
    item.dataset.quiet = fromText ? "1" : "";
    item.open = true;
    highlight(ref);
    if (fromText) {
      item.scrollIntoView({ block: "nearest" });
      var summary = item.querySelector("summary");
      if (summary) { summary.focus({ preventScroll: true }); }
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var mark = target.closest("mark[data-ref]");
    if (!mark) { return; }
    event.preventDefault();
    select(mark.getAttribute("data-ref"), true);
  });
  document.querySelectorAll("details.claim").forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (d.open) {
        if (current !== d.id || !d.dataset.quiet) {
          current = d.id;
          highlight(d.id);
          var first = marksOf(d.id)[0];
          if (first) { first.scrollIntoView({ block: "center" }); }
        }
        d.dataset.quiet = "";
      } else if (current === d.id) {
        current = null;
        highlight(null);
      }
    });
  });
  var boxes = document.querySelectorAll("input[data-filter]");
  var shown = document.getElementById("shown");
  function applyFilters() {
    var want = { verdict: {}, severity: {} };
    boxes.forEach(function (b) { want[b.getAttribute("data-filter")][b.value] = b.checked; });
    var total = 0;
    var visible = 0;
    document.querySelectorAll("li.claim-item").forEach(function (li) {
      var ok = want.verdict[li.getAttribute("data-verdict")] !== false &&
        want.severity[li.getAttribute("data-severity")] !== false;
      li.hidden = !ok;
      total += 1;
      if (ok) { visible += 1; }
    });
    if (shown) { shown.textContent = visible + " of " + total + " claims listed"; }
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  document.querySelectorAll(".js-only").forEach(function (e) { e.hidden = false; });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details.claim").forEach(function (d) {
      if (!d.open) { opened.push(d); d.open = true; }
    });
    document.querySelectorAll("li.claim-item[hidden]").forEach(function (li) { li.hidden = false; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    applyFilters();
  });
})();
