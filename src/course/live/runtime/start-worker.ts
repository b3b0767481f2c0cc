/**
 * Starts a worker built by bundle.ts (worker.js, checker.js). Over http(s) it is
 * `new Worker(url)`. Chromium refuses a worker from a file:// URL, so from disk the file is
 * loaded as a classic script (it then only defines the global function `global` holding the
 * whole worker) and the worker is started from a Blob of that function's source text.
 * @param url the worker file
 * @param global the function name it defines when loaded by a page (bundle.ts)
 */
export async function startWorker(url: URL, global: string): Promise<Worker> {
  if (url.protocol !== "file:") return new Worker(url);
  const scope = globalThis as unknown as Record<string, unknown>;
  if (typeof scope[global] !== "function") {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url.href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`cannot load ${url.href}`));
      document.head.append(script);
    });
  }
  const body = scope[global];
  if (typeof body !== "function") throw new Error(`${url.href} did not define the live worker`);
  const blob = new Blob([`(${String(body)})();`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(blob));
}
