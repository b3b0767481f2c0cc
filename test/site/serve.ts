/** The browser tests' static server is the project's one (npm run serve's), on a free port. */
export { serveDirectory } from "../../src/course/live/page/static-server";
