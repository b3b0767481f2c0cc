/** The data/ files embedded by the live bundle (src/course/live/bundle.ts), by path inside data/. */
declare module "mdw-live:data" {
  const files: Readonly<Record<string, string>>;
  export default files;
}

/** The files tslab reads to type-check the course's cells (src/course/live/checker/type-files.ts), by path. */
declare module "mdw-live:type-files" {
  const files: Readonly<Record<string, string>>;
  export default files;
}
