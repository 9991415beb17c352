#!/usr/bin/env node
// Validates a Teams app manifest (and its localization files) against the official JSON schema of its
// manifestVersion, as bundled by npm "@microsoft/app-manifest" (offline: no schema is downloaded).
// Usage: node teams-manifest-check.js path/to/manifest.json   -> JSON report, exit 1 on any problem
'use strict';
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..', '..');
const pkg = path.join(root, 'node_modules', '@microsoft', 'app-manifest');
const { ManifestUtil } = require(pkg);

async function main(file) {
  const problems = [];
  const dir = path.dirname(file);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const version = manifest.manifestVersion;
  const schemaDir = path.join(pkg, 'build', 'json-schemas', 'teams', `v${version}`);
  if (!fs.existsSync(schemaDir)) {
    problems.push(`no bundled schema for manifestVersion ${version}`);
    return problems;
  }
  if (!String(manifest.$schema || '').includes(`/v${version}/`)) problems.push(`$schema does not name version ${version}`);

  const schema = readSchema(path.join(schemaDir, 'MicrosoftTeams.schema.json'));
  for (const p of await ManifestUtil.validateManifestAgainstSchema(manifest, schema)) problems.push(`manifest.json: ${p}`);

  const localization = readSchema(path.join(schemaDir, 'MicrosoftTeams.Localization.schema.json'));
  for (const lang of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []) {
    const locFile = path.join(dir, lang.file);
    if (!fs.existsSync(locFile)) {
      problems.push(`${lang.file}: missing`);
      continue;
    }
    const loc = JSON.parse(fs.readFileSync(locFile, 'utf8'));
    for (const p of validateLocalization(loc, localization)) problems.push(`${lang.file}: ${p}`);
  }
  for (const icon of [manifest.icons && manifest.icons.color, manifest.icons && manifest.icons.outline]) {
    if (!icon || !fs.existsSync(path.join(dir, icon))) problems.push(`icon ${icon}: missing`);
  }
  return problems;
}

// The localization schema's patternProperties use "]" unescaped, which JS only accepts outside unicode mode, so
// this one is compiled with the same validator as ManifestUtil (Ajv draft-04 + formats) but unicodeRegExp off.
function validateLocalization(loc, schema) {
  const Ajv = require(path.join(root, 'node_modules', 'ajv-draft-04'));
  const addFormats = require(path.join(root, 'node_modules', 'ajv-formats'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return validate(loc) ? [] : validate.errors.map(e => `${e.instancePath} ${e.message}. Details: ${JSON.stringify(e.params)}`);
}

// The same workaround Microsoft's own tools apply: some schema versions carry a "\a" escape that JS regexes reject.
function readSchema(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\x07'));
}

main(process.argv[2]).then(problems => {
  console.log(JSON.stringify({ ok: problems.length === 0, problems }));
  process.exit(problems.length === 0 ? 0 : 1);
}, e => {
  console.log(JSON.stringify({ ok: false, problems: [`check failed: ${e.message}`] }));
  process.exit(1);
});
