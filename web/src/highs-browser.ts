/**
 * The HiGHS loader the library gets in the browser bundle (see
 * web/build.mjs). The WebAssembly binary is embedded in the bundle as a
 * `data:` URL and handed to HiGHS through `locateFile`, so the page never
 * fetches a highs.wasm file from disk or network: browsers refuse such
 * fetches on file:// pages.
 *
 * Why not `wasmBinary`: highs 1.15.3 declares `wasmBinary` and `wasmModule`
 * loader options in its README and types.d.ts, but its build/highs.mjs
 * never reads them (it then tries to fetch highs.wasm and aborts with
 * "both async and sync fetching of the wasm failed"). `locateFile`
 * returning a `data:` URL is the other route its types document.
 */

import highsModule from 'highs';
import wasmUrl from 'highs/runtime';

/**
 * The package's one declaration file makes TypeScript see the ES default
 * import as the CommonJS namespace; at run time it is the loader itself
 * (the same cast as in src/lp/highs-engine.ts).
 */
const loadHighs = highsModule as unknown as typeof highsModule.default;

type Loader = typeof loadHighs;

const load: Loader = (options = {}) =>
  loadHighs({ locateFile: () => wasmUrl, ...options });

export default load;
