// Builds the web page into web/dist/ (or the folder given as --outdir DIR):
// index.html, style.css and app.js, one classic script with the HiGHS
// WebAssembly binary embedded, so the page also works opened from file://
// (browsers refuse ES modules, workers and fetch of files on file://
// pages).
//
// The library is bundled from the modules the page imports, never from
// src/index.ts. The few Node built-ins those modules import (node:fs for
// reading files, node:path for file names, node:perf_hooks for timings)
// are replaced by small browser stubs in web/src/node-stubs/, and the
// library's `import 'highs'` gets a loader (web/src/highs-browser.ts) that
// hands HiGHS the embedded binary as a data: URL instead of letting it look
// for highs.wasm beside the script.

import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--outdir');
const outdir = resolve(at > 0 ? process.argv[at + 1] : join(here, 'dist'));

const stubs = {
  'node:fs': 'fs.ts',
  'node:path': 'path.ts',
  'node:perf_hooks': 'perf-hooks.ts',
};

/** Sends Node built-ins and the library's HiGHS import to browser code. */
const browserModules = {
  name: 'browser-modules',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|path|perf_hooks)$/ }, (args) => ({
      path: join(here, 'src', 'node-stubs', stubs[args.path]),
    }));
    // Only the library's import is redirected: the loader itself imports
    // the real package.
    b.onResolve({ filter: /^highs$/ }, (args) =>
      args.importer.includes(`${join('src', 'lp')}`)
        ? { path: join(here, 'src', 'highs-browser.ts') }
        : undefined,
    );
  },
};

mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: join(outdir, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'eof',
  loader: { '.wasm': 'dataurl', '.json': 'text' },
  // HiGHS's loader has a Node.js branch that is never taken in a browser.
  external: ['node:module', 'node:crypto', 'node:url'],
  plugins: [browserModules],
  logLevel: 'warning',
  metafile: true,
});
for (const file of ['index.html', 'style.css']) {
  copyFileSync(join(here, file), join(outdir, file));
}
const bytes = Object.values(result.metafile.outputs).reduce(
  (n, o) => n + o.bytes,
  0,
);
console.log(`web page built in ${outdir} (${Math.round(bytes / 1024)} KiB)`);
