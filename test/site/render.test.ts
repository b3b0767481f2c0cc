import { describe, expect, it } from "vitest";
import {
  chapterInfo,
  chartAltText,
  createPageEnv,
  inlineSvg,
  parseNotebook,
  renderChapterPage,
  renderIndexPage,
  renderOutputs,
  renderToc,
  stripAnsi,
  type ChapterInfo,
  type Edition,
} from "../../src/course/site";
import { executedFixture } from "./helpers";

function page(slug: string, edition: Edition): string {
  const notebook = executedFixture(slug);
  return renderChapterPage({
    notebook,
    chapter: chapterInfo(notebook, `${slug}.ipynb`),
    previous: null,
    next: null,
    courseTitle: "Course",
    edition,
    downloadHref: `notebooks/${slug}.ipynb`,
  }).html;
}

describe("renderOutputs(outputs, env)", () => {
  it("renderOutputs shows stdout as escaped preformatted text", () => {
    expect(renderOutputs([{ output_type: "stream", name: "stdout", text: "4\n" }], createPageEnv())).toBe(
      '<pre class="output output-stream output-stdout" tabindex="0">4\n</pre>',
    );
    expect(renderOutputs([{ output_type: "stream", name: "stdout", text: ["<b>", " & "] }], createPageEnv())).toContain(
      "&lt;b&gt; &amp; ",
    );
  });

  it("renderOutputs merges consecutive writes to the same stream, as Jupyter shows them", () => {
    const html = renderOutputs(
      [
        { output_type: "stream", name: "stdout", text: "a\n" },
        { output_type: "stream", name: "stdout", text: "b\n" },
        { output_type: "stream", name: "stderr", text: "warn\n" },
      ],
      createPageEnv(),
    );
    expect(html.match(/<pre/g)).toHaveLength(2);
    expect(html).toContain("a\nb\n</pre>");
    expect(html).toContain("output-stderr");
  });

  it("renderOutputs renders an error with its traceback and without terminal colour codes", () => {
    const html = renderOutputs(
      [
        {
          output_type: "error",
          ename: "InputError",
          evalue: "nca: time must be strictly increasing",
          traceback: ["\u001b[31mInputError: nca: time must be strictly increasing\u001b[0m", "    at nca"],
        },
      ],
      createPageEnv(),
    );
    expect(html).toContain('<div class="output output-error"><p class="output-label">Error</p>');
    expect(html).toContain("InputError: nca: time must be strictly increasing\n    at nca");
    expect(html).not.toContain("\u001b");
  });

  it("renderOutputs prefers the richest representation: HTML over plain text, JSON pretty-printed", () => {
    const env = createPageEnv();
    expect(
      renderOutputs([{ output_type: "display_data", data: { "text/html": "<b>x</b>", "text/plain": "x" } }], env),
    ).toBe('<div class="output output-html"><b>x</b></div>');
    expect(
      renderOutputs(
        [{ output_type: "execute_result", data: { "application/json": { a: 1 } }, execution_count: 1 }],
        env,
      ),
    ).toContain("{\n  &quot;a&quot;: 1\n}");
    expect(
      renderOutputs([{ output_type: "execute_result", data: { "text/plain": "2" }, execution_count: 1 }], env),
    ).toContain(">2</pre>");
    expect(
      renderOutputs(
        [{ output_type: "display_data", data: { "image/png": "iVBORw0KGgo=\n", "text/plain": "a figure" } }],
        env,
      ),
    ).toBe('<img class="output output-image" alt="a figure" src="data:image/png;base64,iVBORw0KGgo=">');
  });

  it("renderOutputs makes an HTML table a focusable, labelled region so it can scroll on a phone", () => {
    const html = renderOutputs(
      [{ output_type: "display_data", data: { "text/html": "<table><tr><td>1</td></tr></table>" } }],
      createPageEnv(),
    );
    expect(html).toContain('tabindex="0" role="region" aria-label="Table output"');
  });

  it("renderOutputs draws a vega-lite bundle as inline SVG with its description as alt text, plus the spec for the interactive chart", () => {
    const spec = { description: "Concentration over time", mark: "point", data: { values: [] } };
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" role="graphics-document" width="10"><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><path d="M0,0L1,1"/></g></svg>';
    const env = createPageEnv();
    const html = renderOutputs(
      [{ output_type: "display_data", data: { "application/vnd.vegalite.v5+json": spec, "image/svg+xml": svg } }],
      env,
    );
    expect(html).toContain('<figure class="chart" id="chart-1" tabindex="0" data-alt="Concentration over time">');
    expect(html).toContain(
      '<div class="chart-static" role="img" aria-label="Concentration over time"><svg xmlns="http://www.w3.org/2000/svg" width="10" aria-hidden="true" focusable="false"><title>Concentration over time</title>',
    );
    expect(html).toContain('<div class="chart-live" role="img" aria-label="Concentration over time" hidden></div>');
    expect(html).toContain('id="chart-1-clip1"');
    expect(html).toContain('clip-path="url(#chart-1-clip1)"');
    expect(html).not.toContain("<?xml");
    expect(html).toContain(
      '<script type="application/json" class="chart-spec">{"description":"Concentration over time"',
    );
    expect(env.charts).toBe(1);
  });

  it("stripAnsi(text) removes colour codes and keeps the text", () => {
    expect(stripAnsi("\u001b[1;31mError\u001b[0m: x")).toBe("Error: x");
  });
});

describe("charts", () => {
  it('chartAltText({ title: { text: "Plasma concentration" } }) // => "Plasma concentration"', () => {
    expect(chartAltText({ title: { text: "Plasma concentration" } })).toBe("Plasma concentration");
    expect(chartAltText({ title: "T", description: "D" })).toBe("D");
    expect(chartAltText({ title: { text: ["Two", "lines"] } })).toBe("Two lines");
    expect(chartAltText({})).toBe("Chart");
  });

  it("inlineSvg keeps two charts' ids apart on one page", () => {
    const svg = '<svg><defs><clipPath id="clip1"/></defs><use href="#clip1"/><g clip-path="url(#clip1)"/></svg>';
    const a = inlineSvg(svg, "chart-1", "A");
    const b = inlineSvg(svg, "chart-2", "B");
    expect(a).toContain('id="chart-1-clip1"');
    expect(a).toContain('href="#chart-1-clip1"');
    expect(b).toContain("url(#chart-2-clip1)");
    expect(a).not.toContain('"clip1"');
  });

  it("inlineSvg hides the drawing from assistive technology (the wrapper holds the text alternative) and escapes the tooltip", () => {
    expect(inlineSvg("<svg></svg>", "c", 'C < 5 & "x"')).toBe(
      '<svg aria-hidden="true" focusable="false"><title>C &lt; 5 &amp; &quot;x&quot;</title></svg>',
    );
  });
});

describe("chapterInfo(notebook, file)", () => {
  it('chapterInfo(nb, "notebooks/02-principles.ipynb").slug // => "02-principles"', () => {
    expect(chapterInfo(executedFixture("02-principles"), "notebooks/02-principles.ipynb").slug).toBe("02-principles");
  });

  it("chapterInfo reads the title, summary and the list under a learning-goals heading, typeset", () => {
    const info = chapterInfo(executedFixture("01-introduction"), "01-introduction.ipynb");
    expect(info.number).toBe(1);
    expect(info.title).toBe("Introduction: why microdose?");
    expect(info.summaryHtml).toContain("Microdosing gives a first look");
    expect(info.goals).toHaveLength(3);
    expect(info.goals[0]).toContain('class="katex"');
    expect(info.goals[1]).toBe("Explain why a microdose is <em>sub-pharmacologic</em>");
  });

  it("chapterInfo takes an ordered list under Objectives, and falls back to the file name and first list", () => {
    expect(chapterInfo(executedFixture("02-principles"), "02-principles.ipynb").goals).toEqual([
      "Plot a profile",
      "Check an answer",
    ]);
    const bare = chapterInfo(executedFixture("03-practice"), "03-practice.ipynb");
    expect(bare.title).toBe("Practice");
    expect(bare.goals).toEqual(["only goal"]);
  });
});

describe("renderToc(headings)", () => {
  it("renderToc nests h3 under h2 and leaves out the page title", () => {
    const h = (level: number, id: string) => ({ level, id, html: id, text: id });
    expect(renderToc([h(1, "title"), h(2, "a"), h(3, "a1"), h(3, "a2"), h(2, "b")])).toBe(
      '<ol><li><a href="#a">a</a><ol><li><a href="#a1">a1</a></li><li><a href="#a2">a2</a></li></ol></li><li><a href="#b">b</a></li></ol>',
    );
    expect(renderToc([h(1, "title")])).toBe("");
  });
});

describe("renderChapterPage(input)", () => {
  it("renders a complete, accessible page: lang, skip link, landmarks, TOC, download link", () => {
    const html = page("02-principles", "student");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(html).toContain('<header class="site-header">');
    expect(html).toContain('<nav class="toc" id="toc" aria-label="On this page">');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<footer class="site-footer">');
    expect(html).toContain('<li><a href="#concentration-over-time">Concentration over time</a></li>');
    expect(html).toContain('href="notebooks/02-principles.ipynb" download');
    expect(html).toContain('<h2 id="concentration-over-time">');
  });

  it("typesets every formula and leaves no raw TeX on the page", () => {
    const html = page("01-introduction", "student");
    expect(html.match(/class="katex"/g)?.length).toBeGreaterThanOrEqual(5);
    const visible = html
      .replace(/<annotation[\s\S]*?<\/annotation>/g, "")
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<[^>]+>/g, "");
    expect(visible).not.toMatch(/\\(frac|min|mu|left|right)|_\{|\$\$|\$[A-Za-z\\]/);
    expect(visible).toContain("costs $5 and $10 per dose");
  });

  it("highlights code cells and shows stdout, HTML tables and plain results", () => {
    const html = page("01-introduction", "student");
    expect(html).toContain('<code class="hljs language-typescript"><span class="hljs-keyword">import</span>');
    expect(html).toContain(">100 ug\n</pre>");
    expect(html).toContain("<th>conc [ng/mL]</th>");
    expect(html).toContain('output-text" tabindex="0">2</pre>');
  });

  it("shows check results, charts with marks, and errors", () => {
    const html = page("02-principles", "student");
    expect(html).toContain('<div class="check-result not-attempted">');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Concentration-time profile after an oral microdose, semi-log scale"');
    // charts.js loads vega and vega-lite itself, with the first chart that comes into view
    expect(html).toContain('<script defer src="assets/charts.js"></script>');
    expect(html).not.toContain('src="assets/vega/');
    expect(html).toContain("InputError: nca: time must be strictly increasing; received [0, 2, 1]");
  });

  it("the student edition strips solution and hidden cells with their outputs", () => {
    const html = page("02-principles", "student");
    expect(html).not.toMatch(/SECRET_SOLUTION_TEXT|SECRET_MARKDOWN_TEXT|HIDDEN_CHECK_TEXT|hidden ok|BEGIN SOLUTION/);
    expect(html).not.toContain("<details");
  });

  it("the instructor edition shows solutions and hidden checks collapsed in <details>", () => {
    const html = page("02-principles", "instructor");
    expect(html).toContain(
      '<details class="instructor-only instructor-solution"><summary>Solution (instructor edition)</summary><div class="cell cell-code">',
    );
    expect(html).toMatch(
      /<details class="instructor-only instructor-hidden"><summary>Hidden check \(instructor edition\)<\/summary>[\s\S]*HIDDEN_CHECK_TEXT[\s\S]*hidden ok/,
    );
    expect(html).toMatch(/<details class="instructor-only instructor-solution">[\s\S]*SECRET_MARKDOWN_TEXT/);
    expect(html).toContain("Instructor edition (solutions shown)");
  });

  it("links the previous and next chapters and loads no chart scripts on a page without charts", () => {
    const notebook = executedFixture("03-practice");
    const prev: ChapterInfo = {
      slug: "02-principles",
      number: 2,
      title: "P",
      titleHtml: "P",
      goals: [],
      summaryHtml: "",
    };
    const { html, charts } = renderChapterPage({
      notebook,
      chapter: chapterInfo(notebook, "03-practice"),
      previous: prev,
      next: null,
      courseTitle: "C",
      edition: "student",
      downloadHref: "notebooks/03-practice.ipynb",
    });
    expect(html).toContain('<a class="pager-prev" rel="prev" href="02-principles.html">');
    expect(html).not.toContain('rel="next"');
    expect(charts).toBe(0);
    expect(html).not.toContain("vega");
  });

  it("renderChapterPage names the bad TeX when a formula cannot be typeset", () => {
    const notebook = parseNotebook(
      {
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [{ cell_type: "markdown", metadata: {}, source: "$\\frac{1}{$" }],
      },
      "bad",
    );
    const render = () =>
      renderChapterPage({
        notebook,
        chapter: chapterInfo(notebook, "bad"),
        previous: null,
        next: null,
        courseTitle: "C",
        edition: "student",
        downloadHref: "x",
      });
    expect(render).toThrow(/must be TeX that KaTeX can typeset.*received \\frac\{1\}\{/);
  });
});

describe("renderIndexPage(input)", () => {
  it("lists every chapter with its number, link, summary and learning goals", () => {
    const chapters = ["01-introduction", "02-principles", "03-practice"].map((s) =>
      chapterInfo(executedFixture(s), `${s}.ipynb`),
    );
    const html = renderIndexPage({
      courseTitle: "The Microdosing Workbook",
      introHtml: "<p>Intro</p>",
      edition: "student",
      chapters,
    });
    expect(html).toContain("<h1>The Microdosing Workbook</h1>");
    expect(html).toContain(
      '<h2><a href="01-introduction.html"><span class="chapter-number">Chapter 1</span> Introduction: why microdose?</a></h2>',
    );
    expect(html.match(/<li class="chapter">/g)).toHaveLength(3);
    expect(html).toContain("<li>Plot a profile</li>");
    expect(html).toContain('<main id="main"');
  });
});

describe("parseNotebook(value, where)", () => {
  it("rejects what is not an nbformat 4 notebook, naming the field", () => {
    expect(() => parseNotebook([], "x.ipynb")).toThrow(
      "parseNotebook: x.ipynb must be a JSON object (an nbformat v4 notebook); received []",
    );
    expect(() => parseNotebook({ nbformat: 3, cells: [] }, "x.ipynb")).toThrow(
      "parseNotebook: x.ipynb nbformat must be 4; received 3",
    );
    expect(() =>
      parseNotebook({ nbformat: 4, cells: [{ cell_type: "code", source: "", metadata: {} }] }, "x.ipynb"),
    ).toThrow("x.ipynb cells[0].outputs must be an array for a code cell");
    expect(() => parseNotebook({ nbformat: 4, cells: [{ cell_type: "heading", source: "" }] }, "x.ipynb")).toThrow(
      /cells\[0\]\.cell_type must be "markdown", "raw" or "code"/,
    );
  });

  it('parseNotebook({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, "x").cells.length // => 0', () => {
    expect(parseNotebook({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, "x").cells.length).toBe(0);
  });
});
