/** The data/ files embedded by the live bundle (src/course/live/bundle.ts), by path inside data/. */
declare module "mdw-live:data" {
  const files: Readonly<Record<string, string>>;
  export default files;
}
