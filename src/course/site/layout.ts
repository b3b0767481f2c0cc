import type { Edition } from "./edition";
import { escapeHtml } from "../../core/html";

/**
 * The shell every page shares: language, viewport, the stylesheets shipped in assets/
 * (KaTeX, highlight.js a11y theme, site), a skip link, and the header / main / footer
 * landmarks screen-reader users navigate by.
 */
export interface ShellOptions {
  /** the page's <title> (plain text) */
  title: string;
  courseTitle: string;
  edition: Edition;
  /** the page body between the header and the footer (must contain <main id="main">) */
  body: string;
  /** footer HTML (pager, notes) */
  footer: string;
  /** the page has charts: load assets/charts.js (which loads vega and vega-lite when a chart comes into view) */
  charts: boolean;
  /** load the live notebook (assets/live: editors, kernel, answers; see docs/live.md) */
  live?: boolean;
}

export const EDITION_LABEL: Record<Edition, string> = {
  student: "Student edition",
  instructor: "Instructor edition (solutions shown)",
};

export function pageShell(options: ShellOptions): string {
  // page.js is async: it starts the live kernel's worker as soon as it has loaded, while the
  // browser still parses a long chapter, and puts the editors in once the page is parsed,
  // after course.js (the released stubs, deferred) has run. The page is read-only until
  // then and stays so with JavaScript off. A live page draws the charts of its runs with
  // charts.js (4 KB; vega loads with the first chart shown), so it always has it.
  const live = options.live
    ? [
        '<link rel="stylesheet" href="assets/live.css">',
        '<script async src="assets/live/page.js"></script>',
        '<script defer src="assets/live/course.js"></script>',
      ].join("\n")
    : "";
  const scripts = options.charts || options.live ? '<script defer src="assets/charts.js"></script>' : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/hljs.css">
<link rel="stylesheet" href="assets/site.css">
${live}
${scripts}
</head>
<body class="edition-${options.edition}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="index.html">${escapeHtml(options.courseTitle)}</a>
<span class="edition-badge">${escapeHtml(EDITION_LABEL[options.edition])}</span>
</header>
${options.body}
<footer class="site-footer">
${options.footer}
</footer>
</body>
</html>
`;
}
