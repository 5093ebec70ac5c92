// What the bundler (web/build.mjs) hands the page for non-code imports.

/** Example files are bundled as their text. */
declare module '*.json' {
  const text: string;
  export default text;
}

/** HiGHS's WebAssembly binary, embedded as a data: URL (application/wasm). */
declare module 'highs/runtime' {
  const url: string;
  export default url;
}
