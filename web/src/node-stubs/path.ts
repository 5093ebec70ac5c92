/**
 * Browser stand-in for the two `node:path` functions the library uses to
 * name a game after its file (POSIX behaviour, which is what a file name
 * from a browser's file picker needs: no folders, `/` as separator).
 */

/** The extension of the last path segment, dot included, or ''. */
export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/** The last path segment, without `suffix` when it ends with it. */
export function basename(path: string, suffix?: string): string {
  const name = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return suffix && name.endsWith(suffix) && name !== suffix
    ? name.slice(0, -suffix.length)
    : name;
}
