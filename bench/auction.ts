/**
 * Benchmark: the BCE of a common-value first-price auction.
 *
 * Two bidders; a common value v uniform on K levels {0, 1/(K−1), …, 1};
 * bids on B levels {0, 1/(B−1), …, 1}; the high bid wins and pays its bid,
 * ties are split (each wins with probability 1/2). Bidder i's payoff is
 * Pr(i wins) · (v − b_i); the designer's payoff is revenue, the winning bid.
 * The BCE LP has K·B² columns, K martingale rows and 2·B·(B−1) obedience
 * rows of up to K·B nonzeros each: about 2·K·B³ nonzeros. Minimum revenue
 * over BCE is Bergemann, Brooks and Morris's (2017) revenue guarantee.
 *
 * For each size the run prints the LP dimensions and the time split:
 * build (formulation), solve (HiGHS in WebAssembly), certify (exact
 * rational certificate), verify (independent exact BCE check of the
 * outcome). Where Python with SciPy is installed (Debian's python3-scipy),
 * the identical LP is written to a temporary file and solved by SciPy's
 * native HiGHS in the same run, and the ratio of our end-to-end time to the
 * native solve time is printed.
 *
 *   npm run bench [-- --sizes 10x10,20x20 --native off --max-all]
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bceProgram, solveBce } from '../src/bce/bce.js';
import { resolveObjective } from '../src/bce/objective.js';
import type { BaseGame } from '../src/game/game.js';
import type { LinearProgram } from '../src/lp/model.js';
import { Rational, ONE, ZERO } from '../src/numbers/rational.js';

/** The auction as a base game with K value levels and B bid levels. */
export function firstPriceAuction(K: number, B: number): BaseGame {
  const value = (k: number) =>
    Rational.of(BigInt(k), BigInt(Math.max(1, K - 1)));
  const bid = (j: number) => Rational.of(BigInt(j), BigInt(Math.max(1, B - 1)));
  const half = Rational.of(1n, 2n);
  const states = Array.from({ length: K }, (_, k) => `v${k}`);
  const actions = Array.from({ length: B }, (_, j) => `b${j}`);
  const payoffs = states.map((_, k) => {
    const table: Rational[][] = [];
    for (let b1 = 0; b1 < B; b1++) {
      for (let b2 = 0; b2 < B; b2++) {
        const share1 = b1 > b2 ? ONE : b1 === b2 ? half : ZERO;
        const share2 = b2 > b1 ? ONE : b1 === b2 ? half : ZERO;
        table.push([
          share1.mul(value(k).sub(bid(b1))),
          share2.mul(value(k).sub(bid(b2))),
        ]);
      }
    }
    return table;
  });
  const designer = states.map(() => {
    const row: Rational[] = [];
    for (let b1 = 0; b1 < B; b1++) {
      for (let b2 = 0; b2 < B; b2++) row.push(bid(Math.max(b1, b2)));
    }
    return row;
  });
  return {
    name: `first-price auction K=${K} B=${B}`,
    states,
    prior: states.map(() => Rational.of(1n, BigInt(K))),
    players: [
      { name: 'bidder1', actions, types: [''] },
      { name: 'bidder2', actions, types: [''] },
    ],
    payoffs,
    designer,
    signal: states.map(() => [{ types: [0, 0], p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
}

/** Writes the LP as JSON arrays (CSR, floats) for the native solver. */
function writeNative(lp: LinearProgram, file: string): void {
  const starts = [0];
  const index: number[] = [];
  const value: number[] = [];
  for (const row of lp.rows) {
    for (let n = 0; n < row.indices.length; n++) {
      index.push(row.indices[n]);
      value.push(row.coefficients[n].toNumber());
    }
    starts.push(index.length);
  }
  const bound = (q: Rational | null) => (q === null ? null : q.toNumber());
  writeFileSync(
    file,
    JSON.stringify({
      maximize: lp.sense === 'maximize',
      cost: lp.variables.map((v) => v.cost.toNumber()),
      starts,
      index,
      value,
      rowLower: lp.rows.map((r) => bound(r.lower)),
      rowUpper: lp.rows.map((r) => bound(r.upper)),
    }),
  );
}

const NATIVE = `
import json, sys, time
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
d = json.load(open(sys.argv[1]))
A = csr_matrix((d['value'], d['index'], d['starts']), shape=(len(d['starts']) - 1, len(d['cost'])))
c = np.array(d['cost']) * (-1 if d['maximize'] else 1)
lo = np.array([-np.inf if x is None else x for x in d['rowLower']])
up = np.array([np.inf if x is None else x for x in d['rowUpper']])
eq = lo == up
t = time.perf_counter()
r = linprog(c, A_ub=-A[~eq], b_ub=-lo[~eq], A_eq=A[eq], b_eq=lo[eq], bounds=(0, None), method='highs')
t = time.perf_counter() - t
print(json.dumps({'seconds': t, 'status': int(r.status), 'value': float(-r.fun if d['maximize'] else r.fun)}))
`;

function nativeAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import scipy.optimize, numpy'], {
    encoding: 'utf8',
  });
  return r.status === 0;
}

function nativeSolve(
  lp: LinearProgram,
): { seconds: number; value: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-bench-'));
  try {
    const file = join(dir, 'lp.json');
    writeNative(lp, file);
    const r = spawnSync('python3', ['-c', NATIVE, file], { encoding: 'utf8' });
    if (r.status !== 0) return null;
    return JSON.parse(r.stdout) as { seconds: number; value: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizeArg = argv[argv.indexOf('--sizes') + 1];
  const sizes = (argv.includes('--sizes') ? sizeArg : '10x10,20x20,30x30,42x42')
    .split(',')
    .map((s) => s.split('x').map(Number) as [number, number]);
  const useNative =
    !(
      argv.includes('--native') && argv[argv.indexOf('--native') + 1] === 'off'
    ) && nativeAvailable();
  console.log(
    `BCE of a common-value first-price auction, 2 bidders (times in ms; native: ${
      useNative
        ? 'SciPy linprog, native HiGHS'
        : 'not available (python3-scipy)'
    })`,
  );
  console.log(
    [
      'K',
      'B',
      'sense',
      'cols',
      'rows',
      'nonzeros',
      'build',
      'solve',
      'certify',
      'verify',
      'total',
      'method',
      'value',
      'native',
      'ratio',
    ].join('\t'),
  );
  for (const [K, B] of sizes) {
    const game = firstPriceAuction(K, B);
    // Maximum revenue is a far more degenerate LP (native HiGHS needs about
    // 20 s at 30x30 and over a minute at 36x36), so by default it is run
    // only up to 30x30; --max-all runs it at every size.
    const senses =
      K * B <= 900 || argv.includes('--max-all')
        ? (['minimize', 'maximize'] as const)
        : (['minimize'] as const);
    for (const sense of senses) {
      const started = performance.now();
      const result = await solveBce(game, { objective: 'designer', sense });
      const total = performance.now() - started;
      let native = '-';
      let ratio = '-';
      if (useNative) {
        const lp = bceProgram(
          game,
          resolveObjective(game, 'designer'),
          sense,
        ).lp;
        const n = nativeSolve(lp);
        if (n) {
          native = (n.seconds * 1000).toFixed(0);
          ratio = (total / (n.seconds * 1000)).toFixed(2);
        }
      }
      const t = result.timings;
      console.log(
        [
          K,
          B,
          sense === 'minimize' ? 'min' : 'max',
          result.size.variables,
          result.size.rows,
          result.size.nonzeros,
          t.build.toFixed(0),
          t.solve.toFixed(0),
          t.certify.toFixed(0),
          t.verify.toFixed(0),
          total.toFixed(0),
          result.certificate.method,
          result.value?.toDecimal(6) ?? result.status,
          native,
          ratio,
        ].join('\t'),
      );
    }
  }
}

await main();
