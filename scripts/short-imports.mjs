// Gives the wasm's imports short names, in the wasm and in its wasm-bindgen glue alike.
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` (and the module
// "./<crate>_bg.js"). Those hashes are random to gzip: about 9 bytes each, twice (the wasm's
// import section and the glue's import object). This renames every import to a short key
// (`a`, `b`, … `aa`, …) and the module to `w`, then checks that the glue names each new
// key exactly as often as it named the old one.
//
// Usage: node scripts/short-imports.mjs WASM GLUE   (both rewritten in place; run after
// wasm-opt, before the glue is bundled). Exits non-zero, changing nothing, on anything
// unexpected.
import { readFileSync, writeFileSync } from 'node:fs';
import { readU32, readName } from './lib/wasm-bytes.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-imports.mjs WASM GLUE');
  process.exit(2);
}
const fail = (why) => {
  console.error(`short-imports: ${why}; nothing changed`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

// LEB128 (unsigned) writing.
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const name = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);

// Short keys: a-z, A-Z, then two letters.
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const key = (i) => (i < letters.length ? letters[i] : key(Math.floor(i / letters.length) - 1) + letters[i % letters.length]);

// Finds the import section (id 2).
let at = 8;
let section = null;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = readU32(wasm, at + 1);
  if (id === 2) section = { start: at, body, end: body + size };
  at = body + size;
}
if (!section) fail('the wasm has no import section');

// Re-encodes the section with new names; the rest of each entry (kind and type) is copied.
const [count, first] = readU32(wasm, section.body);
const renamed = new Map();
let moduleName = null;
const parts = [u32(count)];
at = first;
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
const out = Buffer.concat([wasm.subarray(0, section.start), Buffer.from([2]), u32(body.length), body, wasm.subarray(section.end)]);

// The glue: the module's key, then every import's key, each a whole token.
const occurrences = (text, token) => text.split(new RegExp(`(?<![\\w$])${token.replace(/[.$]/g, '\\$&')}(?![\\w$])`)).length - 1;
const moduleKey = JSON.stringify(moduleName);
if (occurrences(glue, moduleKey) !== 1) fail(`the glue names the module ${moduleKey} ${occurrences(glue, moduleKey)} times, not once`);
glue = glue.replace(moduleKey, '"w"');
for (const [old, short] of renamed) {
  const n = occurrences(glue, old);
  if (n !== 1) fail(`the glue names ${old} ${n} times, not once`);
  glue = glue.replace(new RegExp(`(?<![\\w$])${old}(?![\\w$])`), short);
}
new WebAssembly.Module(out); // still a valid module
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed.size} imports renamed; wasm ${wasm.length} -> ${out.length} B`);
