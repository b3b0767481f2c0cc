/**
 * `npm run serve`: serves the built site (default site/) on http://127.0.0.1:8080/ for
 * trying the live course locally. Options: --dir <folder>, --port <n>, --host <address>.
 */
import { Command } from "commander";
import { serveSite } from "../course/live/page/static-server";

const program = new Command()
  .name("serve")
  .description("Serve the built course site locally")
  .option("--dir <folder>", "the built site", "site")
  .option("--port <n>", "the port (0: any free one)", "8080")
  .option("--host <address>", "the address to listen on", "127.0.0.1")
  .parse();
const options = program.opts<{ dir: string; port: string; host: string }>();

serveSite(options.dir, { port: Number(options.port), host: options.host }).then(
  ({ url }) => console.log(`Serving ${options.dir}/ at ${url} (Ctrl+C to stop)`),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
