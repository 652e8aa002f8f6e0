// The manual editor's live flowchart: while staff type the steps, the form
// is sent to the preview endpoint (nothing is saved) and the chart, the
// total time and any refused field are shown beside it. Without this
// script, saving the draft shows the same chart.
(function () {
  "use strict";
  var form = document.getElementById("manual-form");
  var chart = document.getElementById("preview-chart");
  var total = document.getElementById("preview-total");
  var problems = document.getElementById("preview-errors");
  if (!form || !chart || !total || !problems || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var sent = 0;
  function show(result) {
    problems.textContent = "";
    if (result.svg) {
      // The server builds this SVG from escaped text; it holds no script.
      chart.innerHTML = result.svg;
      total.textContent = result.total;
      return;
    }
    var list = document.createElement("ul");
    result.errors.forEach(function (e) {
      var item = document.createElement("li");
      item.textContent = e.label + ": " + e.message;
      list.appendChild(item);
    });
    problems.appendChild(list);
  }
  function refresh() {
    var mine = ++sent;
    fetch(form.getAttribute("data-preview"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString(),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) {
        if (result && mine === sent) { show(result); }
      })
      .catch(function () {});
  }
  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();
