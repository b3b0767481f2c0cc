import { LiveKernel } from "../runtime/kernel";
import { COURSE_GLOBAL, PAGE_DATA_ID, type LiveCourse, type LivePage } from "./data";
import { LiveNotebook } from "./notebook";
import { createEditStore } from "./store";

/**
 * assets/live/page.js: makes a chapter page live (progressive enhancement: without
 * JavaScript the page reads as built). The page names itself in a JSON script
 * (#live-page); assets/live/course.js (deferred: run before the page is live) holds the course data. The
 * kernel's worker, its type checker and the site's assets/ (the chart drawer, the
 * typesetters) are found from this script's address, so the site works from any folder of
 * any static host, and from disk.
 */
function start(kernel: LiveKernel, here: URL): void {
  const data = document.getElementById(PAGE_DATA_ID);
  if (!data) {
    kernel.stop();
    return;
  }
  const page = JSON.parse(data.textContent ?? "{}") as LivePage;
  const courseData = (globalThis as Record<string, unknown>)[COURSE_GLOBAL] as LiveCourse | undefined;
  // a course without exercises has no answers to download or load
  const course = courseData && courseData.exercises.length > 0 ? courseData : null;
  const notebook = new LiveNotebook({
    doc: document,
    page,
    course,
    kernel,
    store: createEditStore(),
    assets: new URL("../", here),
  });
  notebook.mount();
}

// currentScript is only set while this script runs, so it is read now
const here = new URL(
  (document.currentScript as HTMLScriptElement | null)?.src ?? "assets/live/page.js",
  document.baseURI,
);
// The kernel's worker starts now: page.js is loaded async (site/layout.ts), so on a long
// chapter this is while the browser still parses the page, and the library is evaluated in
// the worker meanwhile. The editors go in once the page is parsed (course.js, deferred, has
// run by then).
const kernel = new LiveKernel({ workerUrl: new URL("worker.js", here), checkerUrl: new URL("checker.js", here) });
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(kernel, here));
else start(kernel, here);
