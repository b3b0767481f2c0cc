/*
 * Interactive charts. Each <figure class="chart"> carries a static SVG (drawn at build
 * time, shown without JavaScript and in print) and its vega-lite spec as JSON. Where
 * JavaScript runs, this draws the spec with the locally shipped vega and vega-lite
 * (no network) and swaps it in once drawn, so a failure leaves the static chart showing.
 */
(function () {
  "use strict";
  var vega = window.vega;
  var vegaLite = window.vegaLite;
  if (!vega || !vegaLite) return;

  function draw(figure) {
    var specEl = figure.querySelector("script.chart-spec");
    var live = figure.querySelector(".chart-live");
    if (!specEl || !live) return Promise.resolve();
    var alt = figure.getAttribute("data-alt") || "Chart";
    var spec = JSON.parse(specEl.textContent);
    var runtime = vega.parse(vegaLite.compile(spec).spec);
    var view = new vega.View(runtime, { renderer: "svg", container: live, hover: true });
    return view.runAsync().then(function () {
      // the wrapper carries role="img" and the text alternative; vega's own per-mark
      // ARIA roles would make screen readers walk the drawing mark by mark
      var svg = live.querySelector("svg");
      if (svg) {
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
      }
      // vega marks its container role="graphics-document"; restore the figure's own role
      live.setAttribute("role", "img");
      live.removeAttribute("aria-roledescription");
      live.setAttribute("aria-label", alt);
      live.hidden = false;
      var still = figure.querySelector(".chart-static");
      if (still) still.hidden = true;
      figure.classList.add("chart-is-live");
    });
  }

  document.querySelectorAll("figure.chart").forEach(function (figure) {
    try {
      draw(figure).catch(function (error) {
        console.error("chart " + figure.id + " could not be drawn: " + error.message);
      });
    } catch (error) {
      console.error("chart " + figure.id + " could not be drawn: " + error.message);
    }
  });
})();
