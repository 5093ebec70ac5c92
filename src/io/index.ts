/**
 * The input readers: the JSON game file, the JSON outcome file and Gambit
 * strategic-form (`.nfg`) files, each validated in full before a
 * `BaseGame` or `Outcome` is returned. The formats are described in
 * docs/game-format.md. Everything a caller needs is exported here.
 */

export { InputError } from './input-error.js';
export { readNumber, readProbability, NUMBER_FORMS } from './numbers.js';
export { parseJsonText, readInputFile } from './json-text.js';
export { parseGameJson, readGameFile, GAME_FIELDS } from './game-json.js';
export {
  parseOutcomeJson,
  readOutcomeFile,
  OUTCOME_FIELDS,
  type Outcome,
} from './outcome-json.js';
export { parseGambitNfg, MAX_NFG_PROFILES } from './gambit-nfg.js';
