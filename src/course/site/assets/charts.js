/*
 * Interactive charts. Each <figure class="chart"> carries a static SVG (drawn at build
 * time, shown without JavaScript and in print) and its vega-lite spec as JSON. Where
 * JavaScript runs, this draws the spec with the locally shipped vega and vega-lite
 * (no network) and swaps it in once drawn, so a failure leaves the static chart showing.
 * A what-if chart (vega-lite params bound to range inputs) gets its sliders in a labelled
 * group next to the drawing: not inside the role="img" wrapper, whose content assistive
 * technology would treat as a picture.
 */
(function () {
  "use strict";
  var vega = window.vega;
  var vegaLite = window.vegaLite;
  if (!vega || !vegaLite) return;

  /** The chart's smallest text stays at least this big [px] when a narrow page shrinks it (as chart.ts does for the static SVG). */
  var MIN_TEXT_PX = 9;

  function hasSliders(spec) {
    return (spec.params || []).some(function (p) { return p.bind && p.bind.input; });
  }

  /** The slider group, after the drawing; vega puts one <label> per parameter in it. */
  function controlsFor(figure, live) {
    var controls = document.createElement("div");
    controls.className = "chart-controls";
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", "What-if sliders: each one redraws the chart above");
    controls.hidden = true;
    live.insertAdjacentElement("afterend", controls);
    return controls;
  }

  /** Names each slider after its label text alone (vega's label also holds the value). */
  function labelInputs(controls) {
    controls.querySelectorAll("label").forEach(function (label) {
      var name = label.querySelector(".vega-bind-name");
      var input = label.querySelector("input");
      if (name && input) input.setAttribute("aria-label", name.textContent.trim());
      var value = input && input.nextElementSibling;
      if (value && value.tagName === "SPAN") {
        value.className = "chart-control-value";
        value.setAttribute("aria-hidden", "true");
      }
    });
  }

  /** Lets the drawing shrink with the page only as far as its smallest text stays legible. */
  function keepTextLegible(svg) {
    var width = parseFloat(svg.getAttribute("width"));
    var smallest = Infinity;
    svg.querySelectorAll("text").forEach(function (t) {
      var size = parseFloat(window.getComputedStyle(t).fontSize);
      if (size > 0 && size < smallest) smallest = size;
    });
    if (width > 0 && smallest < Infinity) svg.style.minWidth = Math.ceil(width * Math.min(1, MIN_TEXT_PX / smallest)) + "px";
  }

  function draw(figure) {
    var specEl = figure.querySelector("script.chart-spec");
    var live = figure.querySelector(".chart-live");
    if (!specEl || !live) return Promise.resolve();
    var alt = figure.getAttribute("data-alt") || "Chart";
    var spec = JSON.parse(specEl.textContent);
    var runtime = vega.parse(vegaLite.compile(spec).spec);
    var controls = hasSliders(spec) ? controlsFor(figure, live) : null;
    var options = { renderer: "svg", container: live, hover: true };
    if (controls) options.bind = controls;
    var view = new vega.View(runtime, options);
    return view.runAsync().then(function () {
      // the wrapper carries role="img" and the text alternative; vega's own per-mark
      // ARIA roles would make screen readers walk the drawing mark by mark
      var svg = live.querySelector("svg");
      if (svg) {
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
        keepTextLegible(svg);
      }
      if (controls) {
        labelInputs(controls);
        controls.hidden = false;
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
