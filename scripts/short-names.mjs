// Gives the wasm's imports and exports short names, in the wasm and in its wasm-bindgen glue
// alike.
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` (and the module
// "./<crate>_bg.js"), and its exports `widget_add`, `__wbindgen_malloc`, a closure shim with
// a hash, and so on. Random hashes are random to gzip: about 9 bytes each, twice (the wasm's
// import section and the glue's import object). This renames every import to a short key
// (`a`, `b`, … `aa`, …) and the module to `w`, then checks that the glue names each new key
// exactly as often as it named the old one; and every export the glue reads as
// `wasm.<name>` (all but `memory`) to a short key, checking that the glue names it no other way.
//
// Usage: node scripts/short-names.mjs WASM GLUE   (both rewritten in place; run after
// wasm-opt, before the glue is bundled). Exits non-zero, changing nothing, on anything
// unexpected.
import { readFileSync, writeFileSync } from 'node:fs';
import { readU32, readName, u32, sections } from './lib/wasm-bytes.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-names.mjs WASM GLUE');
  process.exit(2);
}
const fail = (why) => {
  console.error(`short-names: ${why}; nothing changed`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

const name = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);

// Short keys: a-z, A-Z, then two letters.
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const key = (i) => (i < letters.length ? letters[i] : key(Math.floor(i / letters.length) - 1) + letters[i % letters.length]);

// Finds the import (id 2) and export (id 7) sections.
const all = sections(wasm) ?? fail('not a wasm module (version 1)');
const section = all.find((s) => s.id === 2);
const exports = all.find((s) => s.id === 7);
if (!section || !exports) fail('the wasm has no import or no export section');
// `token` as a whole token (not inside a longer identifier), and how often `text` has it.
const whole = (token, flags) => new RegExp(`(?<![\\w$])${token.replace(/[.$]/g, '\\$&')}(?![\\w$])`, flags);
const occurrences = (text, token) => text.split(whole(token)).length - 1;

// Re-encodes the section with new names; the rest of each entry (kind and type) is copied.
const [count, first] = readU32(wasm, section.body);
const renamed = new Map();
let moduleName = null;
const parts = [u32(count)];
let at = first;
for (let i = 0; i < count; i++) {
  const [module, afterModule] = readName(wasm, at);
  const [field, afterField] = readName(wasm, afterModule);
  const kind = wasm[afterField];
  // wasm-bindgen imports only functions: kind 0, then the type index.
  if (kind !== 0) fail(`import ${module}.${field} is not a function (kind ${kind})`);
  const [, end] = readU32(wasm, afterField + 1);
  if (moduleName === null) moduleName = module;
  if (module !== moduleName) fail(`imports from two modules (${moduleName}, ${module})`);
  if (!/^__wb[a-z0-9_]+$/i.test(field)) fail(`unexpected import name ${field}`);
  if (renamed.has(field)) fail(`import ${field} twice`);
  renamed.set(field, key(renamed.size));
  parts.push(name('w'), name(renamed.get(field)), wasm.subarray(afterField, end));
  at = end;
}
if (at !== section.end) fail('the import section has bytes after its entries');
const body = Buffer.concat(parts);

// The exports the glue reads as `wasm.<name>` (never otherwise), each to a short key.
const [exportCount, firstExport] = readU32(wasm, exports.body);
const exported = new Map();
const exportParts = [u32(exportCount)];
at = firstExport;
for (let i = 0; i < exportCount; i++) {
  const [field, afterField] = readName(wasm, at);
  const [, end] = readU32(wasm, afterField + 1); // kind, then index
  const uses = occurrences(glue, field);
  if (field !== 'memory' && uses > 0) {
    // Read as `wasm.<name>` only: never quoted (`wasm['name']`) nor from another object
    // (`x.name`). Other uses are the glue's own identifiers (a JS shim may share the
    // name), which the minifier renames anyway.
    const quoted = ['"', "'", '`'].some((q) => glue.includes(`${q}${field}${q}`));
    const viaOther = glue.split(new RegExp(`\\.${field}(?![\\w$])`)).length - 1 - occurrences(glue, `wasm.${field}`);
    if (quoted || viaOther !== 0) fail(`the glue reads the export ${field} other than as wasm.${field}`);
    exported.set(field, key(exported.size));
  }
  exportParts.push(name(exported.get(field) ?? field), wasm.subarray(afterField, end));
  at = end;
}
if (at !== exports.end) fail('the export section has bytes after its entries');
if (!(section.end <= exports.start)) fail('the export section comes before the import section');
const exportBody = Buffer.concat(exportParts);
const out = Buffer.concat([
  wasm.subarray(0, section.start), Buffer.from([2]), u32(body.length), body,
  wasm.subarray(section.end, exports.start), Buffer.from([7]), u32(exportBody.length), exportBody,
  wasm.subarray(exports.end),
]);

// The glue: the module's key, then every import's key, each a whole token; then the exports.
const moduleKey = JSON.stringify(moduleName);
if (occurrences(glue, moduleKey) !== 1) fail(`the glue names the module ${moduleKey} ${occurrences(glue, moduleKey)} times, not once`);
glue = glue.replace(moduleKey, '"w"');
for (const [old, short] of renamed) {
  const n = occurrences(glue, old);
  if (n !== 1) fail(`the glue names ${old} ${n} times, not once`);
  glue = glue.replace(whole(old), short);
}
for (const [old, short] of exported) glue = glue.replace(whole(`wasm.${old}`, 'g'), `wasm.${short}`);
const renamedModule = new WebAssembly.Module(out); // still a valid module
const names = WebAssembly.Module.exports(renamedModule).map((e) => e.name);
for (const short of exported.values()) if (!names.includes(short)) fail(`export ${short} missing after renaming`);
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`short-names: ${renamed.size} imports and ${exported.size} exports renamed; wasm ${wasm.length} -> ${out.length} B`);
