/**
 * The web page's wiring: form ↔ `answer` (app.ts). Reads the form, shows
 * the HTML answer, offers the presets, and reads the address for
 * `?preset=NAME&command=…&sense=…&objective=…&run=1`, so an answer can be
 * linked to (and tested with a headless browser). No maths here.
 */

import {
  COMMANDS,
  TIE_RULES,
  answer,
  objectiveChoices,
  readGameText,
  type PageCommand,
  type PageRequest,
} from './app.js';
import { escapeHtml } from './html.js';
import { PRESETS, type Preset } from './presets.js';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const form = element<HTMLFormElement>('form');
const gameBox = element<HTMLTextAreaElement>('game');
const gameFile = element<HTMLInputElement>('game-file');
const gameInfo = element<HTMLParagraphElement>('game-info');
const sense = element<HTMLSelectElement>('sense');
const objective = element<HTMLInputElement>('objective');
const objectives = element<HTMLDataListElement>('objectives');
const outcomePart = element<HTMLDivElement>('outcome-part');
const outcomeBox = element<HTMLTextAreaElement>('outcome');
const outcomeFile = element<HTMLInputElement>('outcome-file');
const persuadePart = element<HTMLDivElement>('persuade-part');
const tie = element<HTMLSelectElement>('tie');
const publicSignal = element<HTMLInputElement>('public');
const engine = element<HTMLSelectElement>('engine');
const decimals = element<HTMLInputElement>('decimals');
const run = element<HTMLButtonElement>('run');
const busy = element<HTMLSpanElement>('busy');
const output = element<HTMLDivElement>('answer');

/** The file name the game text came from, until the user edits it. */
let gameFileName: string | undefined;

function command(): PageCommand {
  const checked = form.querySelector<HTMLInputElement>(
    'input[name="command"]:checked',
  );
  return (checked?.value as PageCommand | undefined) ?? 'bce';
}

function setCommand(value: PageCommand): void {
  for (const input of form.querySelectorAll<HTMLInputElement>(
    'input[name="command"]',
  )) {
    input.checked = input.value === value;
  }
  showParts();
}

/** Shows the controls that belong to the chosen command. */
function showParts(): void {
  const c = command();
  outcomePart.hidden = c !== 'check';
  persuadePart.hidden = c !== 'persuade';
  element('objective-row').hidden = c === 'check';
  element('objective-help').hidden = c === 'check';
  const range = sense.querySelector<HTMLOptionElement>('option[value=range]');
  if (range) range.disabled = c === 'persuade';
  if (c === 'persuade' && sense.value === 'range') sense.value = 'max';
}

/** Suggests the objectives of the game in the box, when it reads. */
function refreshGameInfo(): void {
  try {
    const game = readGameText(gameBox.value, gameFileName);
    objectives.innerHTML = objectiveChoices(game)
      .map((o) => `<option value="${escapeHtml(o)}"></option>`)
      .join('');
    gameInfo.textContent =
      `${game.name || 'Game'}: ${game.states.length} states, ` +
      `players ${game.players.map((p) => p.name).join(', ')}.`;
  } catch {
    // Errors are shown when the user runs; while typing, stay quiet.
    gameInfo.textContent = '';
  }
}

function loadPreset(preset: Preset): void {
  gameBox.value = preset.game;
  gameFileName = preset.file;
  outcomeBox.value = preset.outcome ?? '';
  sense.value = preset.sense;
  objective.value = preset.objective;
  publicSignal.checked = preset.public ?? false;
  setCommand(preset.command);
  refreshGameInfo();
}

function request(): PageRequest {
  const places = decimals.value.trim();
  return {
    command: command(),
    gameText: gameBox.value,
    gameFile: gameFileName,
    sense: sense.value as PageRequest['sense'],
    objective: objective.value,
    outcomeText: outcomeBox.value,
    engine: engine.value === 'exact' ? 'exact' : 'auto',
    tie: tie.value as PageRequest['tie'],
    public: publicSignal.checked,
    display: places === '' ? {} : { decimals: clampDecimals(places) },
  };
}

function clampDecimals(text: string): number {
  const n = Math.trunc(Number(text));
  return Number.isFinite(n) ? Math.min(30, Math.max(0, n)) : 6;
}

async function runNow(): Promise<void> {
  run.disabled = true;
  busy.textContent = 'Solving…';
  output.setAttribute('aria-busy', 'true');
  // Let the browser paint "Solving…" before the solver takes the thread.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const result = await answer(request());
  output.innerHTML = result.html;
  output.dataset.status = result.ok ? 'answered' : 'error';
  output.removeAttribute('aria-busy');
  busy.textContent = result.ok
    ? `Answered in ${Math.round(performance.now() - started)} ms.`
    : 'Stopped at an input error.';
  run.disabled = false;
}

function chosenFile(input: HTMLInputElement): File | null {
  return input.files && input.files.length > 0 ? input.files[0] : null;
}

function setUp(): void {
  const presets = element<HTMLSpanElement>('presets');
  for (const preset of PRESETS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = preset.label;
    button.addEventListener('click', () => loadPreset(preset));
    presets.append(button);
  }
  tie.innerHTML = TIE_RULES.map(
    (t) => `<option value="${escapeHtml(t)}">${escapeHtml(t)}</option>`,
  ).join('');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runNow();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'command') showParts();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!run.disabled) void runNow();
    }
  });
  gameBox.addEventListener('input', () => {
    gameFileName = undefined;
    refreshGameInfo();
  });
  gameFile.addEventListener('change', async () => {
    const file = chosenFile(gameFile);
    if (!file) return;
    gameBox.value = await file.text();
    gameFileName = file.name;
    refreshGameInfo();
  });
  outcomeFile.addEventListener('change', async () => {
    const file = chosenFile(outcomeFile);
    if (file) outcomeBox.value = await file.text();
  });

  // The address may pick a preset and a question, and run it.
  const params = new URLSearchParams(location.search);
  const preset = PRESETS.find((p) => p.key === params.get('preset'));
  if (preset) loadPreset(preset);
  const asked = params.get('command');
  if (asked && (COMMANDS as readonly string[]).includes(asked)) {
    setCommand(asked as PageCommand);
  }
  const askedSense = params.get('sense');
  if (askedSense && ['max', 'min', 'range'].includes(askedSense)) {
    sense.value = askedSense;
  }
  const askedObjective = params.get('objective');
  if (askedObjective !== null) objective.value = askedObjective;
  const askedDecimals = params.get('decimals');
  if (askedDecimals !== null) decimals.value = askedDecimals;
  if (params.get('engine') === 'exact') engine.value = 'exact';
  showParts();
  if (params.get('run') === '1') void runNow();
}

setUp();
