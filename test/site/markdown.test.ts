import { describe, expect, it } from "vitest";
import { createPageEnv, highlightCode, renderMarkdown, slugify, typeset } from "../../src/course/site";

/** Visible text of rendered HTML with every KaTeX block removed: what would show as raw TeX. */
function textOutsideMath(html: string): string {
  return html
    .replace(/<span class="katex-display">[\s\S]*?<\/span><\/span><\/span>(?=<\/div>)/g, "")
    .replace(/<span class="katex">[\s\S]*?<\/annotation>/g, "")
    .replace(/<[^>]+>/g, "");
}

describe("math", () => {
  it("typeset(tex, false) returns KaTeX HTML with MathML for screen readers", () => {
    const html = typeset("x^2", false);
    expect(html).toContain('class="katex"');
    expect(html).toContain("<math");
    expect(typeset("x^2", false).includes('class="katex"')).toBe(true);
  });

  it("typeset(tex) throws an InputError naming the expression when KaTeX cannot parse it", () => {
    expect(() => typeset("\\frac{1}{", true)).toThrow(
      /typeset: tex must be TeX that KaTeX can typeset .*; received \\frac\{1\}\{/,
    );
  });

  it("renderMarkdown typesets $…$ inline and $$…$$ display math at build time", () => {
    const html = renderMarkdown(
      "Limit $D/100$ and\n\n$$\n\\min\\left(\\frac{D}{100}, 100\\,\\mu g\\right)\n$$\n",
      createPageEnv(),
    );
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain('<div class="math-display" tabindex="0"><span class="katex-display">');
    expect(html).not.toMatch(/\$/);
  });

  it("renderMarkdown treats $$…$$ inside a paragraph as display math", () => {
    const html = renderMarkdown("so $$x = 1$$ holds", createPageEnv());
    expect(html).toContain('class="katex-display"');
    expect(html).toMatch(/^<p>so /);
  });

  it("renderMarkdown leaves prices and escaped dollars as text", () => {
    const html = renderMarkdown("It costs $5 and $10, and \\$ is a dollar.", createPageEnv());
    expect(html).toBe("<p>It costs $5 and $10, and $ is a dollar.</p>\n");
  });

  it("renderMarkdown keeps underscores and asterisks inside math away from emphasis", () => {
    const html = renderMarkdown("$a_1 * b_2 * c_3$ and _real emphasis_", createPageEnv());
    expect(html.match(/<em>/g)).toHaveLength(1);
    expect(textOutsideMath(html)).not.toMatch(/a_1|b_2/);
  });

  it("renderMarkdown leaves no raw TeX in a chapter-like cell", () => {
    const source =
      "# Saturable clearance $CL(C)$\n\nWith $V_{max}$ and $K_m$:\n\n$$CL = \\frac{V_{max}}{K_m + C}$$\n\n- $t_{1/2} = \\ln 2 / \\lambda_z$\n";
    const visible = textOutsideMath(renderMarkdown(source, createPageEnv()));
    expect(visible).not.toMatch(/\$|\\frac|\\ln|\\lambda|V_\{max\}/);
  });
});

describe("headings", () => {
  it("slugify(text) lower-cases, drops accents and punctuation and joins words with hyphens", () => {
    expect(slugify("Clearance: $CL = k \\cdot V$ (units)")).toBe("clearance-cl-k-cdot-v-units");
    expect(slugify("Pharmacocinétique à faible dose")).toBe("pharmacocinetique-a-faible-dose");
    expect(slugify("???")).toBe("section");
  });

  it("renderMarkdown gives every heading an id and a self-link, unique across the page", () => {
    const env = createPageEnv();
    const first = renderMarkdown("## Goals\n\n### Goals", env);
    const second = renderMarkdown("## Goals\n\n## Main", env);
    expect(first).toContain(
      '<h2 id="goals">Goals <a class="heading-anchor" href="#goals" aria-label="Link to section: Goals">#</a></h2>',
    );
    expect(first).toContain('<h3 id="goals-2">');
    expect(second).toContain('<h2 id="goals-3">');
    expect(second).toContain('<h2 id="main-2">'); // "main" is the layout's landmark id
    expect(env.headings.map((h) => [h.level, h.id])).toEqual([
      [2, "goals"],
      [3, "goals-2"],
      [2, "goals-3"],
      [2, "main-2"],
    ]);
  });

  it('renderMarkdown("# Hi $x$") gives the heading the id hi-x and typesets its math for the table of contents', () => {
    const env = createPageEnv();
    expect(renderMarkdown("# Hi $x$", env).includes('id="hi-x"')).toBe(true);
    expect(env.headings[0].html).toContain('class="katex"');
    expect(env.headings[0].html).not.toContain("heading-anchor");
  });

  it("renderMarkdown highlights fenced code at build time", () => {
    const html = renderMarkdown("```ts\nconst dose = 100;\n```", createPageEnv());
    expect(html).toContain(
      '<pre class="code" tabindex="0"><code class="hljs language-ts"><span class="hljs-keyword">const</span>',
    );
  });
});

describe("highlightCode(code, language)", () => {
  it('highlightCode("const x = 1;", "ts") marks keywords for the a11y theme', () => {
    expect(highlightCode("const x = 1;", "ts").includes('class="hljs-keyword"')).toBe(true);
  });

  it("highlightCode escapes code in an unknown language instead of guessing", () => {
    expect(highlightCode("a < b && c", "cobol")).toBe("a &lt; b &amp;&amp; c");
    expect(highlightCode("<x>", undefined)).toBe("&lt;x&gt;");
  });
});
