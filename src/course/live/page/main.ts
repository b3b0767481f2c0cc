import { LiveKernel } from "../runtime/kernel";
import { COURSE_GLOBAL, PAGE_DATA_ID, type LiveCourse, type LivePage } from "./data";
import { LiveNotebook } from "./notebook";
import { createEditStore } from "./store";

/**
 * assets/live/page.js: makes a chapter page live (progressive enhancement: without
 * JavaScript the page reads as built). The page names itself in a JSON script
 * (#live-page); assets/live/course.js, loaded just before, holds the course data. The
 * kernel's worker and vega are found next to this script, so the site works from any
 * folder of any static host, and from disk.
 */
function start(script: HTMLScriptElement | null): void {
  const data = document.getElementById(PAGE_DATA_ID);
  if (!data) return;
  const page = JSON.parse(data.textContent ?? "{}") as LivePage;
  const courseData = (globalThis as Record<string, unknown>)[COURSE_GLOBAL] as LiveCourse | undefined;
  // a course without exercises has no answers to download or load
  const course = courseData && courseData.exercises.length > 0 ? courseData : null;
  const here = new URL(script?.src ?? "assets/live/page.js", document.baseURI);
  const notebook = new LiveNotebook({
    doc: document,
    page,
    course,
    kernel: new LiveKernel({ workerUrl: new URL("worker.js", here) }),
    store: createEditStore(),
    vegaBase: new URL("../vega/", here),
  });
  notebook.mount();
}

// currentScript is only set while this script runs, so it is read now
const script = document.currentScript as HTMLScriptElement | null;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(script));
else start(script);
