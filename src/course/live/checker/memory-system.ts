import type * as ts from "@tslab/typescript-for-tslab";
import { InputError } from "../../../core/errors";

/** Read-only files by absolute POSIX path: what the live type checker may read. */
export type TypeFiles = Readonly<Record<string, string>>;

export interface MemorySystemOptions {
  /** The folder tslab compiles cells in (the notebooks' folder). */
  currentDirectory: string;
  /** Where TypeScript believes it runs from: its lib.*.d.ts files sit beside it. */
  executingFilePath: string;
}

/**
 * A TypeScript `System` over files held in memory, for tslab's converter in a Web Worker
 * (no file system there). It answers what the converter and the watch compiler ask:
 * reads, existence, directory listings; it never writes, and watchers never fire (the
 * converter notifies its own two files itself).
 * @throws {InputError} when files is not an object of strings or a path is not absolute
 */
export function memorySystem(files: TypeFiles, options: MemorySystemOptions): ts.System {
  const fn = "memorySystem";
  if (typeof files !== "object" || files === null)
    throw new InputError(fn, "files", "must be an object of file texts by path", files);
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith("/")) throw new InputError(fn, "files", "must be keyed by absolute POSIX paths", path);
    if (typeof text !== "string") throw new InputError(fn, `files["${path}"]`, "must be a string", text);
  }
  for (const key of ["currentDirectory", "executingFilePath"] as const) {
    if (typeof options?.[key] !== "string" || !options[key].startsWith("/"))
      throw new InputError(fn, `options.${key}`, "must be an absolute POSIX path", options?.[key]);
  }
  const children = new Map<string, Set<string>>();
  for (const path of Object.keys(files)) {
    let child = path;
    for (let parent = parentOf(child); parent !== child; child = parent, parent = parentOf(parent)) {
      const names = children.get(parent) ?? new Set<string>();
      names.add(child);
      children.set(parent, names);
    }
  }
  const isDirectory = (path: string): boolean => children.has(trimSlash(path));
  const listFiles = (dir: string, depth: number): string[] =>
    [...(children.get(dir) ?? [])].flatMap((entry) =>
      isDirectory(entry) ? (depth > 0 ? listFiles(entry, depth - 1) : []) : [entry],
    );
  const never = { close: () => undefined };

  return {
    args: [],
    newLine: "\n",
    useCaseSensitiveFileNames: true,
    write: () => undefined,
    readFile: (path) => files[path],
    writeFile: (path) => {
      throw new Error(`memorySystem: the live type checker never writes files (asked to write ${path})`);
    },
    resolvePath: (path) => path,
    fileExists: (path) => Object.prototype.hasOwnProperty.call(files, path),
    directoryExists: isDirectory,
    createDirectory: () => undefined,
    getExecutingFilePath: () => options.executingFilePath,
    getCurrentDirectory: () => options.currentDirectory,
    getDirectories: (path) =>
      [...(children.get(trimSlash(path)) ?? [])].filter(isDirectory).map((dir) => dir.slice(dir.lastIndexOf("/") + 1)),
    readDirectory: (path, extensions, _exclude, _include, depth) =>
      listFiles(trimSlash(path), depth ?? Infinity).filter(
        (file) => !extensions || extensions.some((ext) => file.endsWith(ext)),
      ),
    realpath: (path) => path,
    getModifiedTime: (path) => (Object.prototype.hasOwnProperty.call(files, path) ? new Date(0) : undefined),
    watchFile: () => never,
    watchDirectory: () => never,
    setTimeout: (callback, ms, ...args) => setTimeout(callback, ms, ...args),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    exit: (code) => {
      throw new Error(`memorySystem: TypeScript asked to exit (${code ?? 0})`);
    },
  };
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}
