import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { InputError } from "../../../core/errors";

/**
 * The one static file server of the project: `npm run serve` (serveSite) and the browser
 * tests and benchmarks (serveDirectory) serve a folder over http on this machine as any
 * static host would (no directory listings, 404 for anything missing, nothing outside the
 * folder). The live pages need no server of their own; this is for trying a build locally.
 */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".ipynb": "application/x-ipynb+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".zip": "application/zip",
};

export interface ServeOptions {
  /** 0 picks a free port */
  port?: number;
  host?: string;
}

/** A served folder: its URL (ending in "/") and how to stop serving it. */
export interface ServedFolder {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a site folder.
 * @param dir the built site (holding index.html)
 * @returns the URL and a close function
 * @throws {InputError} when dir has no index.html or the port is not an integer in [0, 65535]
 */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<ServedFolder> {
  if (!existsSync(join(resolve(dir), "index.html")))
    throw new InputError("serveSite", "dir", "must be a built site holding index.html (run npm run build)", dir);
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError("serveSite", "options.port", "must be an integer in [0, 65535]", port);
  return serveFolder(dir, port, options.host ?? "127.0.0.1");
}

/**
 * Serves any folder (a site being built, a test page) on 127.0.0.1 and a free port, for
 * tests and benchmarks.
 * @param dir the folder
 */
export function serveDirectory(dir: string): Promise<ServedFolder> {
  return serveFolder(dir, 0, "127.0.0.1");
}

async function serveFolder(dir: string, port: number, host: string): Promise<ServedFolder> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host}:${bound}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
