/**
 * Benchmark of the LP layer on a Bayes correlated equilibrium LP of a
 * two-bidder first-price auction, built directly as a LinearProgram.
 *
 * Values v_i and bids b_i range over {0, …, k−1}, values are independent
 * and uniform, and the variables are π(v1, v2, b1, b2) ≥ 0 with
 * Σ_b π(v, b) = 1/k² for every value profile. Obedience: for bidder i, value
 * v_i, recommended bid b and deviation b' ≠ b,
 *     Σ_{v_−i, b_−i} π(v, b) [u_i(v_i; b, b_−i) − u_i(v_i; b', b_−i)] ≥ 0,
 * with u_i = (v_i − b_i) · P(i wins), ties split evenly. The objective is
 * expected revenue, minimised. Rows: k² + 2k²(k−1); nonzeros ≈ 2k⁵.
 *
 * Usage: node dist/bench/lp-auction-bce.js [k=6] [engine=auto]
 */

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Rational, ZERO } from '../src/numbers/rational.js';
import { solveLp } from '../src/lp/solve.js';
import type { LinearProgram, LpRow, LpVariable } from '../src/lp/model.js';

function winShare(own: number, other: number): Rational {
  if (own > other) return Rational.int(1);
  if (own === other) return Rational.of(1n, 2n);
  return ZERO;
}

function utility(value: number, own: number, other: number): Rational {
  return Rational.int(value - own).mul(winShare(own, other));
}

/** The BCE LP of the first-price auction with k values and k bids. */
export function auctionBce(k: number): LinearProgram {
  const index = (v1: number, v2: number, b1: number, b2: number): number =>
    ((v1 * k + v2) * k + b1) * k + b2;
  const variables: LpVariable[] = [];
  for (let v1 = 0; v1 < k; v1++) {
    for (let v2 = 0; v2 < k; v2++) {
      for (let b1 = 0; b1 < k; b1++) {
        for (let b2 = 0; b2 < k; b2++) {
          // Revenue: the winning bid, split on ties.
          const revenue = Rational.int(b1)
            .mul(winShare(b1, b2))
            .add(Rational.int(b2).mul(winShare(b2, b1)));
          variables.push({
            name: `p${v1}_${v2}_${b1}_${b2}`,
            lower: ZERO,
            upper: null,
            cost: revenue,
          });
        }
      }
    }
  }
  const rows: LpRow[] = [];
  const prior = Rational.of(1n, BigInt(k * k));
  for (let v1 = 0; v1 < k; v1++) {
    for (let v2 = 0; v2 < k; v2++) {
      const indices: number[] = [];
      for (let b1 = 0; b1 < k; b1++) {
        for (let b2 = 0; b2 < k; b2++) indices.push(index(v1, v2, b1, b2));
      }
      rows.push({
        name: `prior${v1}_${v2}`,
        indices,
        coefficients: indices.map(() => Rational.int(1)),
        lower: prior,
        upper: prior,
      });
    }
  }
  for (const bidder of [0, 1]) {
    for (let value = 0; value < k; value++) {
      for (let bid = 0; bid < k; bid++) {
        for (let deviation = 0; deviation < k; deviation++) {
          if (deviation === bid) continue;
          const indices: number[] = [];
          const coefficients: Rational[] = [];
          for (let otherValue = 0; otherValue < k; otherValue++) {
            for (let otherBid = 0; otherBid < k; otherBid++) {
              const gain = utility(value, bid, otherBid).sub(
                utility(value, deviation, otherBid),
              );
              if (gain.isZero()) continue;
              indices.push(
                bidder === 0
                  ? index(value, otherValue, bid, otherBid)
                  : index(otherValue, value, otherBid, bid),
              );
              coefficients.push(gain);
            }
          }
          rows.push({
            name: `obey${bidder}_${value}_${bid}_${deviation}`,
            indices,
            coefficients,
            lower: ZERO,
            upper: null,
          });
        }
      }
    }
  }
  return { sense: 'minimize', variables, rows };
}

async function main(): Promise<void> {
  const k = Number(process.argv[2] ?? 6);
  const engine = (process.argv[3] ?? 'auto') as 'auto' | 'exact' | 'highs';
  let started = performance.now();
  const lp = auctionBce(k);
  const nonzeros = lp.rows.reduce((s, r) => s + r.indices.length, 0);
  const built = performance.now() - started;
  console.log(
    `k=${k}: ${lp.variables.length} variables, ${lp.rows.length} rows, ` +
      `${nonzeros} nonzeros, built in ${built.toFixed(0)} ms`,
  );
  started = performance.now();
  const s = await solveLp(lp, { engine });
  const total = performance.now() - started;
  console.log(
    `${s.status} exact=${s.exact} method=${s.method} value=${s.value}` +
      ` solve=${s.timings.solve.toFixed(0)} ms` +
      ` certify=${s.timings.certify.toFixed(0)} ms total=${total.toFixed(0)} ms`,
  );
  console.log(`residuals ${JSON.stringify(s.residuals)}`);
  for (const note of s.notes) console.log(`note: ${note}`);
}

// Run only when executed, not when imported for its LP builder.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
