import type { Edition } from "./edition";
import { escapeHtml } from "./highlight";

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
  /** load the chart scripts (only pages with charts pay for them) */
  charts: boolean;
  /** load the live notebook (assets/live: editors, kernel, answers; see docs/live.md) */
  live?: boolean;
}

export const EDITION_LABEL: Record<Edition, string> = {
  student: "Student edition",
  instructor: "Instructor edition (solutions shown)",
};

export function pageShell(options: ShellOptions): string {
  const scripts = options.charts
    ? [
        '<script defer src="assets/vega/vega.min.js"></script>',
        '<script defer src="assets/vega/vega-lite.min.js"></script>',
        '<script defer src="assets/charts.js"></script>',
      ].join("\n")
    : "";
  // course.js (the released stubs) before page.js, which reads it; both deferred, so the
  // page is read-only until they run and stays so with JavaScript off
  const live = options.live
    ? ['<link rel="stylesheet" href="assets/live.css">', '<script defer src="assets/live/course.js"></script>', '<script defer src="assets/live/page.js"></script>'].join("\n")
    : "";
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
${scripts}
${live}
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
