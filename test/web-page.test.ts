/**
 * The web page (web/): its answer path (web/src/app.ts → the library →
 * web/src/render.ts) on the prosecutor and judge of Kamenica and Gentzkow
 * (2011), whose answers are known: the prosecutor convicts with
 * probability 3/5, and a judge told "convict" believes guilt with
 * probability 1/2. Also: input errors are one line, never a stack; names
 * from the game are escaped; and the browser bundle builds, without any
 * Node built-in left to load. The page itself is looked at in a browser by
 * hand (docs/web.md); CI has no browser.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveBce } from '../src/bce/bce.js';
import { parseGameJson } from '../src/io/game-json.js';
import { answer, objectiveChoices, readGameText } from '../web/src/app.js';
import { escapeHtml } from '../web/src/html.js';
import { renderBce } from '../web/src/render.js';

const root = process.cwd();
const prosecutorText = readFileSync(
  join(root, 'examples', 'prosecutor.json'),
  'utf8',
);

/** The rows of the table with this caption, as lists of cell texts. */
function tableRows(html: string, caption: string): string[][] {
  const at = html.indexOf(`<caption>${escapeHtml(caption)}</caption>`);
  assert.notEqual(at, -1, `no table "${caption}"`);
  const body = html.slice(at, html.indexOf('</table>', at));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)]
    .map((row) =>
      [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]),
    )
    .filter((cells) => cells.length > 0);
}

test('renderBce shows the prosecutor answer: value 3/5, posteriors 1/2', async () => {
  const game = parseGameJson(JSON.parse(prosecutorText));
  const result = await solveBce(game, {
    objective: 'designer',
    sense: 'maximize',
  });
  const html = renderBce(game, result, {});
  assert.match(html, /<dt>value<\/dt><dd>3\/5<\/dd>/);
  assert.match(html, /<dd>exact, certified by [a-z+-]+<\/dd>/);
  assert.deepEqual(tableRows(html, 'Outcome π(θ, a)'), [
    ['guilty', 'convict', '3/10'],
    ['innocent', 'acquit', '2/5'],
    ['innocent', 'convict', '3/10'],
  ]);
  assert.deepEqual(
    tableRows(
      html,
      'Information structure: recommend a with probability π̂(a | θ)',
    ),
    [
      ['guilty', 'convict', '1'],
      ['innocent', 'acquit', '4/7'],
      ['innocent', 'convict', '3/7'],
    ],
  );
  assert.deepEqual(
    tableRows(
      html,
      'What each recommendation tells its receiver (posterior over states)',
    ),
    [
      ['judge', 'acquit', '2/5', '0', '1'],
      ['judge', 'convict', '3/5', '1/2', '1/2'],
    ],
  );
  assert.deepEqual(
    tableRows(html, 'Binding obedience constraints (with dual prices)'),
    [['judge', 'convict', 'acquit', '-1']],
  );
  // With decimals, as the CLI's --decimals 3.
  assert.match(renderBce(game, result, { decimals: 3 }), /<dd>0\.600<\/dd>/);
});

test('the page answers bce, range, check and persuade on the prosecutor', async () => {
  const base = {
    gameText: prosecutorText,
    gameFile: 'prosecutor.json',
    objective: 'designer',
  };
  const best = await answer({ ...base, command: 'bce', sense: 'max' });
  assert.equal(best.ok, true);
  assert.match(best.html, /best BCE for designer/);
  assert.match(best.html, /<dt>value<\/dt><dd>3\/5<\/dd>/);

  const range = await answer({
    ...base,
    command: 'bce',
    sense: 'range',
    objective: 'Pr(convict | innocent)',
  });
  assert.equal(range.ok, true);
  assert.match(range.html, /<dt>range<\/dt><dd>\[0, 3\/7\]<\/dd>/);

  const check = await answer({
    ...base,
    command: 'check',
    sense: 'max',
    outcomeText: JSON.stringify({
      outcome: [
        { state: 'guilty', actions: ['convict'], p: '3/10' },
        { state: 'innocent', actions: ['acquit'], p: '2/5' },
        { state: 'innocent', actions: ['convict'], p: '3/10' },
      ],
    }),
  });
  assert.equal(check.ok, true);
  assert.match(check.html, /yes: consistent/);
  assert.deepEqual(
    tableRows(
      check.html,
      'What each recommendation tells its receiver (posterior over states)',
    )[1],
    ['judge', 'convict', '3/5', '1/2', '1/2'],
  );

  const persuasion = await answer({
    ...base,
    command: 'persuade',
    sense: 'max',
  });
  assert.equal(persuasion.ok, true);
  assert.match(persuasion.html, /<dt>value<\/dt><dd>3\/5<\/dd>/);
  const posteriors = tableRows(
    persuasion.html,
    'Optimal posteriors µ_s, their probabilities τ(s), and what the receivers do',
  );
  // Signals are listed in order of posterior: µ(guilty) = 0 first.
  assert.deepEqual(
    posteriors.map((row) => row.slice(1, 4)),
    [
      ['2/5', '0', '1'],
      ['3/5', '1/2', '1/2'],
    ],
  );
});

test('input errors are shown as one line with their place, never a stack', async () => {
  const broken = prosecutorText.replace('"3/10"', '3/10');
  const syntax = await answer({
    command: 'bce',
    gameText: broken,
    gameFile: 'prosecutor.json',
    sense: 'max',
    objective: 'designer',
  });
  assert.equal(syntax.ok, false);
  assert.match(syntax.html, /role="alert"/);
  assert.match(
    syntax.html,
    /Input error\.<\/strong> prosecutor\.json:4:\d+: invalid JSON/,
  );
  assert.doesNotMatch(syntax.html, /\n\s+at /);

  const badPrior = await answer({
    command: 'bce',
    gameText: prosecutorText.replace('"7/10"', '"6/10"'),
    gameFile: 'prosecutor.json',
    sense: 'max',
    objective: 'designer',
  });
  assert.equal(badPrior.ok, false);
  assert.match(badPrior.html, /prosecutor\.json: prior/);

  const typo = await answer({
    command: 'bce',
    gameText: prosecutorText,
    sense: 'max',
    objective: 'desinger',
  });
  assert.equal(typo.ok, false);
  assert.match(typo.html, /unknown objective &quot;desinger&quot;/);

  const empty = await answer({
    command: 'check',
    gameText: prosecutorText,
    sense: 'max',
    objective: '',
    outcomeText: ' ',
  });
  assert.equal(empty.ok, false);
  assert.match(empty.html, /outcome: the outcome is empty/);
});

test('names from the game are escaped, and suggested as objectives', async () => {
  const game = JSON.parse(prosecutorText);
  game.name = '<script>alert(1)</script>';
  game.players[0].name = 'judge & jury';
  const text = JSON.stringify(game);
  assert.deepEqual(objectiveChoices(readGameText(text)), [
    'designer',
    'welfare',
    'judge & jury',
  ]);
  const result = await answer({
    command: 'bce',
    gameText: text,
    sense: 'max',
    objective: 'designer',
  });
  assert.equal(result.ok, true);
  assert.doesNotMatch(result.html, /<script>/);
  assert.match(result.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(result.html, /judge &amp; jury/);
});

test('Gambit strategic-form text is read too', async () => {
  // A coordination game written for this test, in Gambit's payoff layout
  // (player 1's action varies fastest).
  const nfg = 'NFG 1 R "Meet" { "row" "col" }\n{ 2 2 }\n1 1 0 0 0 0 1 1\n';
  assert.deepEqual(objectiveChoices(readGameText(nfg)), [
    'welfare',
    'row',
    'col',
  ]);
  const best = await answer({
    command: 'bce',
    gameText: nfg,
    sense: 'max',
    objective: 'welfare',
  });
  assert.equal(best.ok, true, best.html);
  assert.match(best.html, /<dt>value<\/dt><dd>2<\/dd>/);
});

test('the browser bundle builds with no Node built-in left to load', () => {
  const out = mkdtempSync(join(tmpdir(), 'revelation-web-'));
  try {
    const run = spawnSync(
      process.execPath,
      [join(root, 'web', 'build.mjs'), '--outdir', out],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    for (const file of ['index.html', 'style.css', 'app.js']) {
      assert.ok(existsSync(join(out, file)), `${file} was not built`);
    }
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    // A classic script, so the page also works from file://.
    assert.ok(page.includes('<script src="app.js"></script>'));
    const app = readFileSync(join(out, 'app.js'), 'utf8');
    // The library's Node built-ins are replaced by the browser stubs (or
    // shaken out); the only ones left are those of HiGHS's loader, behind
    // its Node.js check. (assert.ok, not match: the bundle is 5 MB.)
    const builtins = (text: string) =>
      new Set([...text.matchAll(/["'](node:[a-z_]+)["']/g)].map((m) => m[1]));
    const highs = builtins(
      readFileSync(
        join(root, 'node_modules', 'highs', 'build', 'highs.mjs'),
        'utf8',
      ),
    );
    for (const name of builtins(app)) {
      assert.ok(highs.has(name), `${name} is left in the bundle`);
    }
    assert.ok(app.includes('data:application/wasm;base64,'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
