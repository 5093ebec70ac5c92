/**
 * Browser stand-in for `node:fs`. The page hands the library text, never a
 * path, so the library's file readers are not reachable from it; should one
 * be reached anyway, it fails with a plain message instead of a missing
 * module.
 */

/** Always throws: a browser page has no file system. */
export function readFileSync(path: string): never {
  throw new Error(`cannot read "${path}": a web page has no file system`);
}

/** Always throws: a browser page has no file system. */
export function writeFileSync(path: string): never {
  throw new Error(`cannot write "${path}": a web page has no file system`);
}
