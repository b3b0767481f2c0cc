import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serveDirectory, serveSite } from "../../src/course/live/page/static-server";
import { tempDir } from "../site/helpers";

describe("serveSite(dir) behind npm run serve", () => {
  it("serves the site's files with their types, 404 for missing ones, nothing outside the folder", async () => {
    const dir = tempDir("serve-");
    mkdirSync(join(dir, "assets", "live"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>x</title>");
    writeFileSync(join(dir, "assets", "live", "page.js"), "1");
    const site = await serveSite(dir, { port: 0 });
    try {
      const index = await fetch(site.url);
      expect(index.status).toBe(200);
      expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect((await fetch(`${site.url}assets/live/page.js`)).headers.get("content-type")).toBe(
        "text/javascript; charset=utf-8",
      );
      expect((await fetch(`${site.url}missing.html`)).status).toBe(404);
      expect((await fetch(`${site.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    } finally {
      await site.close();
    }
  });

  it("serveDirectory (the browser tests' and benchmarks' server) serves any folder the same way, on a free port", async () => {
    const dir = tempDir("serve-any-");
    writeFileSync(join(dir, "page.html"), "<!doctype html><title>x</title>");
    const served = await serveDirectory(dir);
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(`${served.url}page.html`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect((await fetch(served.url)).status).toBe(404);
      expect((await fetch(`${served.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    } finally {
      await served.close();
    }
  });

  it("refuses a folder that is not a built site, and a bad port", async () => {
    await expect(serveSite(tempDir("serve-empty-"))).rejects.toThrow(/serveSite.*dir.*index\.html/);
    const dir = tempDir("serve-");
    writeFileSync(join(dir, "index.html"), "x");
    await expect(serveSite(dir, { port: 70000 })).rejects.toThrow(/serveSite.*options\.port.*70000/);
  });
});
