#!/usr/bin/env node
// Contract check for the Adaptive Cards the bot renders: parses each card with the official Adaptive Cards
// JS library (npm "adaptivecards") targeting schema 1.5, the highest version Teams renders, and reports every
// parse warning, validation failure and property the library does not know (a typo the renderer would drop).
// Usage: node adaptive-card-check.js card.json [...]   -> one JSON report per file, exit 1 if any problem
//        node adaptive-card-check.js --serve           -> one card per stdin line, one JSON report per stdout line
'use strict';
const path = require('path');
const fs = require('fs');
const readline = require('readline');

const root = path.resolve(__dirname, '..', '..');
const { JSDOM } = require(path.join(root, 'node_modules', 'jsdom'));
const dom = new JSDOM('<!DOCTYPE html><body></body>');
Object.assign(global, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator, HTMLElement: dom.window.HTMLElement });
// The package's "main" is ES modules without file extensions, which Node cannot load; the UMD bundle is the same code.
const AC = require(path.join(root, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const TARGET = '1.5';
// Host-specific or JSON-schema keys the library ignores by design.
const ROOT_EXTRAS = new Set(['$schema', 'msteams']);

function check(json) {
  const problems = [];
  let card;
  try {
    card = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${e.message}`] };
  }
  if (!card || card.type !== 'AdaptiveCard') problems.push('root: type must be "AdaptiveCard"');
  if (card && card.version !== TARGET) problems.push(`root: version must be "${TARGET}" (Teams renders up to 1.5), found ${JSON.stringify(card && card.version)}`);

  // Teams' dynamic typeahead (choices.data, a Data.Query answered by the bot's application/search invoke) is a
  // Teams feature of cards from 1.2 on; the library files it under 1.6. Each one is checked on its own at 1.6,
  // where the library knows it, and the rest of the card at 1.5 as always.
  const checked = dataQueries(card, problems);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  try {
    parsed.parse(checked, context);
  } catch (e) {
    problems.push(`parse error: ${e.message}`);
    return { ok: false, problems };
  }
  for (let i = 0; i < context.eventCount; i++) {
    const ev = context.getEventAt(i);
    problems.push(`parse: ${ev.message}`);
  }
  const validation = parsed.validateProperties();
  for (const ev of validation.validationEvents) problems.push(`validation: ${ev.message}`);

  // The library silently drops properties it does not know; compare what went in with what it kept.
  const kept = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  dropped(checked, kept, '', problems, true);

  teamsMentions(card, problems);
  return { ok: problems.length === 0, problems };
}

// A copy of the card without its Data.Query inputs' choices.data, each of which is checked here with the library at
// 1.6 (type, known keys). A ChoiceSet fed by a Data.Query may start empty, as Teams' own people picker does; it gets
// a stand-in choice for the 1.5 check, which otherwise requires one.
function dataQueries(card, problems) {
  const copy = JSON.parse(JSON.stringify(card || {}));
  (function walk(node, where) {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Input.ChoiceSet' && 'choices.data' in node) {
      const query = node['choices.data'];
      const probe = { type: 'Input.ChoiceSet', id: node.id || 'probe', isMultiSelect: node.isMultiSelect, choices: [{ title: 't', value: 'v' }], 'choices.data': query };
      const context = new AC.SerializationContext(AC.Versions.v1_6);
      const parsed = new AC.AdaptiveCard();
      parsed.parse({ type: 'AdaptiveCard', version: '1.6', body: [probe] }, context);
      for (let i = 0; i < context.eventCount; i++) problems.push(`${where}.choices.data: ${context.getEventAt(i).message}`);
      const kept = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_6)).body[0]['choices.data'] || {};
      if (!query || query.type !== 'Data.Query') problems.push(`${where}.choices.data: type must be "Data.Query"`);
      if (!query || typeof query.dataset !== 'string' || !query.dataset) problems.push(`${where}.choices.data: a dataset is required`);
      for (const key of Object.keys(query || {})) if (!(key in kept)) problems.push(`unknown or misplaced property "${where}.choices.data.${key}"`);
      delete node['choices.data'];
      if (!Array.isArray(node.choices) || node.choices.length === 0) node.choices = [{ title: 'stand-in', value: 'stand-in' }];
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value, where ? `${where}.${key}` : key);
  })(copy, '');
  return copy;
}

function dropped(input, kept, where, problems, isRoot) {
  if (Array.isArray(input)) {
    // Items the parser dropped leave gaps: pair input and output items in order, by type.
    const out = Array.isArray(kept) ? kept : [];
    let j = 0;
    input.forEach((item, i) => {
      const type = item && typeof item === 'object' ? item.type : undefined;
      if (type === undefined || (out[j] && out[j].type === type)) {
        dropped(item, out[j], `${where}[${i}]`, problems, false);
        j++;
      } else {
        problems.push(`"${where}[${i}]" (${type}) was dropped by the parser`);
      }
    });
    return;
  }
  if (!input || typeof input !== 'object') return;
  // Free-form payloads (Action data) are the app's own business.
  if (/\.data$/.test(where)) return;
  for (const key of Object.keys(input)) {
    if (isRoot && ROOT_EXTRAS.has(key)) continue;
    const at = where ? `${where}.${key}` : key;
    if (key === 'fallback') {
      // The library reads a fallback only when it needs it and never writes it back: check it on its own.
      checkFallback(input[key], at, problems, input.type && input.type.startsWith('Action.') ? 'actions' : 'body');
      continue;
    }
    if (!kept || typeof kept !== 'object' || !(key in kept)) {
      problems.push(`unknown or misplaced property "${at}" (dropped by the parser)`);
      continue;
    }
    dropped(input[key], kept[key], at, problems, false);
  }
}

function checkFallback(fallback, at, problems, slot) {
  if (fallback === 'drop') return;
  if (!fallback || typeof fallback !== 'object') {
    problems.push(`"${at}" must be "drop" or an object`);
    return;
  }
  const report = check({ type: 'AdaptiveCard', version: TARGET, [slot]: [fallback] });
  for (const p of report.problems) problems.push(`${at}: ${p}`);
}

// Teams shows a mention only if its <at>…</at> text appears verbatim in the card's text.
function teamsMentions(card, problems) {
  const entities = (card && card.msteams && card.msteams.entities) || [];
  const texts = [];
  (function collect(node) {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') texts.push(node.text);
    if (typeof node.title === 'string' && typeof node.value === 'string') texts.push(node.title, node.value);
    Object.values(node).forEach(collect);
  })(card && card.body);
  for (const e of entities) {
    if (e.type !== 'mention' || !e.mentioned || !e.mentioned.id || !e.mentioned.name || typeof e.text !== 'string') {
      problems.push(`msteams.entities: malformed mention ${JSON.stringify(e)}`);
      continue;
    }
    if (!texts.some(t => t.includes(e.text))) problems.push(`msteams.entities: mention text ${e.text} does not appear in the card`);
  }
}

if (process.argv[2] === '--serve') {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  rl.on('line', line => {
    if (!line.trim()) return;
    process.stdout.write(JSON.stringify(check(line)) + '\n');
  });
} else {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    const report = check(fs.readFileSync(file, 'utf8'));
    failed = failed || !report.ok;
    console.log(JSON.stringify({ file, ...report }));
  }
  process.exit(failed ? 1 : 0);
}
