/*
 * Interactive charts: the one chart drawer of the site and of the live pages. Each
 * <figure class="chart"> carries a static SVG (drawn at build time, shown without
 * JavaScript and in print) and its vega-lite spec as JSON. Where JavaScript runs, a chart
 * is drawn with the locally shipped vega and vega-lite (no network) when it comes near the
 * viewport, and swapped in once drawn, so a failure leaves the static chart showing.
 * vega and vega-lite (≈ 770 KB) load with the first chart drawn, from assets/vega/ next to
 * this script: a page costs nothing for its charts until the reader reaches one, and on a
 * live page the kernel starts without them competing for the processor.
 * A what-if chart (vega-lite params bound to range inputs) gets its sliders in a labelled
 * group next to the drawing: not inside the role="img" wrapper, whose content assistive
 * technology would treat as a picture.
 * The live page (assets/live/page.js) hands the charts of the outputs it renders to
 * window.mdwCharts.observe(figure); window.mdwCharts.draw(figure) draws one at once.
 */
(function () {
  "use strict";
  if (window.mdwCharts) return;
  var script = document.currentScript;
  var vegaBase = new URL("vega/", script && script.src ? script.src : new URL("assets/", document.baseURI).href);

  /** The chart's smallest text stays at least this big [px] when a narrow page shrinks it (as chart.ts does for the static SVG). */
  var MIN_TEXT_PX = 9;
  /** How far outside the viewport a chart starts drawing, so it is live by the time it is seen. */
  var AHEAD = "400px 0px";

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = function () {
        resolve();
      };
      tag.onerror = function () {
        reject(new Error("cannot load " + src));
      };
      document.head.appendChild(tag);
    });
  }

  var vegaLoading = null;
  /** vega, then vega-lite (which needs it), once per page. */
  function loadVega() {
    if (window.vega && window.vegaLite) return Promise.resolve();
    if (!vegaLoading) {
      vegaLoading = (window.vega ? Promise.resolve() : loadScript(new URL("vega.min.js", vegaBase).href)).then(
        function () {
          return window.vegaLite ? undefined : loadScript(new URL("vega-lite.min.js", vegaBase).href);
        },
      );
      vegaLoading.catch(function () {
        vegaLoading = null;
      });
    }
    return vegaLoading;
  }

  function hasSliders(spec) {
    return (spec.params || []).some(function (p) {
      return p.bind && p.bind.input;
    });
  }

  /** The slider group, after the drawing; vega puts one <label> per parameter in it. */
  function controlsFor(live) {
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
    if (width > 0 && smallest < Infinity)
      svg.style.minWidth = Math.ceil(width * Math.min(1, MIN_TEXT_PX / smallest)) + "px";
  }

  /** Draws one figure's spec and swaps it in for the static part; resolves once drawn. */
  function draw(figure) {
    var specEl = figure.querySelector("script.chart-spec");
    var live = figure.querySelector(".chart-live");
    if (!specEl || !live) return Promise.resolve();
    return loadVega().then(function () {
      if (!figure.isConnected) return undefined; // a live cell re-ran meanwhile
      var vega = window.vega;
      var alt = figure.getAttribute("data-alt") || "Chart";
      var spec = JSON.parse(specEl.textContent);
      var runtime = vega.parse(window.vegaLite.compile(spec).spec);
      var controls = hasSliders(spec) ? controlsFor(live) : null;
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
        var still = figure.querySelector(".chart-static, .chart-fallback");
        if (still) still.hidden = true;
        figure.classList.add("chart-is-live");
      });
    });
  }

  function start(figure) {
    var report = function (error) {
      console.error("chart " + figure.id + " could not be drawn: " + error.message);
    };
    try {
      draw(figure).catch(report);
    } catch (error) {
      report(error);
    }
  }

  var observer =
    "IntersectionObserver" in window
      ? new IntersectionObserver(
          function (entries) {
            entries.forEach(function (entry) {
              if (!entry.isIntersecting) return;
              observer.unobserve(entry.target);
              start(entry.target);
            });
          },
          { rootMargin: AHEAD },
        )
      : null;

  var observed = new WeakSet();
  /** Draws the figure when it comes near the viewport (at once where that cannot be watched). */
  function observe(figure) {
    if (observed.has(figure)) return;
    observed.add(figure);
    if (observer) observer.observe(figure);
    else start(figure);
  }

  window.mdwCharts = { observe: observe, draw: draw };
  document.querySelectorAll("figure.chart").forEach(observe);
})();
