/** Browser stand-in for `node:perf_hooks`: browsers have the same clock. */
export const performance = globalThis.performance;
