// Makes every panic trap at once, without first formatting a message nobody can read.
//
// The widget is built with `panic = "abort"`. A panic then goes through
// `core::panicking::panic_fmt` (or, for std's own panics, `std::panicking::panic_with_hook`)
// to std's panic handler, which runs the default hook and then aborts: the wasm instruction
// `unreachable`, which the browser reports as a RuntimeError. On wasm32-unknown-unknown the
// default hook's output goes to a stderr that discards it (no import is called), and the
// widget sets no hook of its own, so all that formatting (core::fmt, the payload types, the
// panic count) has no effect anyone can see, yet it costs about 1.7 KB of wasm. Nightly Rust
// removes it with `-Cpanic=immediate-abort`; on stable this step does the same to the linked
// module: it replaces the bodies of those two functions with `unreachable`, and wasm-opt
// (run next) drops what only they called. A panic still traps at the same point, with the
// same error in JavaScript.
//
// Usage: node scripts/panic-abort.mjs WASM (rewritten in place; run on wasm-bindgen's
// output, which still has its function names, before scripts/dead-slots.mjs, which then
// also drops the table slots only the old bodies reached, and wasm-opt). Exits non-zero,
// changing nothing, unless each of the two functions is found exactly once by name.
import { readFileSync, writeFileSync } from 'node:fs';
import { readU32, u32, sections, imports, functionNames } from './lib/wasm-bytes.mjs';

const [wasmPath] = process.argv.slice(2);
if (!wasmPath) {
  console.error('usage: node scripts/panic-abort.mjs WASM');
  process.exit(2);
}
const fail = (why) => {
  console.error(`panic-abort: ${why}; nothing changed`);
  process.exit(1);
};

// The functions whose bodies become `unreachable`, by their demangled (v0 or legacy) or
// v0-mangled names (wasm-bindgen's --no-demangle output, which scripts/dead-slots.mjs reads).
const TARGETS = [
  /^(core(\[[0-9a-f]+\])?::panicking::panic_fmt(::h[0-9a-f]{16})?|_RNvNtCs[0-9A-Za-z_]+_4core9panicking9panic_fmt)$/,
  /^(std(\[[0-9a-f]+\])?::panicking::panic_with_hook(::h[0-9a-f]{16})?|_RNvNtCs[0-9A-Za-z_]+_3std9panicking15panic_with_hook)$/,
];


const wasm = readFileSync(wasmPath);
const all = sections(wasm) ?? fail('not a wasm module (version 1)');
const one = (pred, what) => {
  const found = all.filter(pred);
  if (found.length !== 1) fail(`expected one ${what} section, found ${found.length}`);
  return found[0];
};
const importSection = all.find((s) => s.id === 2);
const code = one((s) => s.id === 10, 'code');
const names = one((s) => s.id === 0 && s.name === 'name', '"name"');
// DWARF would point into the code section by offset, which this moves.
if (all.some((s) => s.id === 0 && s.name.startsWith('.debug'))) fail('the wasm has DWARF sections');

// Function indices count imported functions first.
const imported = importSection ? imports(wasm, importSection) : [];
if (!imported) fail('an import this step cannot read');
const importedFuncs = imported.filter((i) => i.kind === 0).length;

// Function names (the name section's subsection 1): which indices are the targets.
const found = TARGETS.map(() => []);
// The claim above holds only while nothing installs a panic hook: a module with std's
// set_hook (console_error_panic_hook, say) would lose its output, so it fails instead.
const HOOK_NAME = /^(std(\[[0-9a-f]+\])?::panicking::set_hook(::h[0-9a-f]{16})?|_RNvNtCs[0-9A-Za-z_]+_3std9panicking8set_hook)$/;
let hookFound = false;
for (const [index, fname] of functionNames(wasm, names)) {
  TARGETS.forEach((re, t) => re.test(fname) && found[t].push(index));
  if (HOOK_NAME.test(fname)) hookFound = true;
}
if (hookFound) fail('the module has std::panicking::set_hook: a panic hook would stop running');
found.forEach((list, t) => {
  if (list.length !== 1) fail(`${list.length} functions named like ${TARGETS[t]} (expected 1)`);
  if (list[0] < importedFuncs) fail(`${TARGETS[t]} is an import`);
});
const stub = new Set(found.map((list) => list[0] - importedFuncs));

// The code section again, with the targets' bodies replaced: no locals, `unreachable`, `end`.
const UNREACHABLE_BODY = Buffer.from([0x03, 0x00, 0x00, 0x0b]);
let [count, at] = readU32(wasm, code.body);
const parts = [u32(count)];
let saved = 0;
for (let i = 0; i < count; i++) {
  const [size, body] = readU32(wasm, at);
  if (stub.has(i)) {
    parts.push(UNREACHABLE_BODY);
    saved += body + size - at - UNREACHABLE_BODY.length;
  } else {
    parts.push(wasm.subarray(at, body + size));
  }
  at = body + size;
}
if (at !== code.end) fail('the code section was not read to its end');
const content = Buffer.concat(parts);
const out = Buffer.concat([
  wasm.subarray(0, code.start),
  Buffer.from([10]),
  u32(content.length),
  content,
  wasm.subarray(code.end),
]);
writeFileSync(wasmPath, out);
console.log(`panic-abort: panic_fmt and panic_with_hook now trap at once (-${saved} B before wasm-opt)`);
