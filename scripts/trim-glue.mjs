// Drops from the wasm-bindgen glue what the widget never runs, before esbuild bundles it.
//
// wasm-bindgen's `--target web` glue serves every page: it fetches or compiles the wasm
// itself, has a synchronous `initSync`, warns about old call styles, and carries a fallback
// for browsers without `FinalizationRegistry`. The loader (www/meeting-search.js) always
// passes the module it compiled, and every browser that can run this wasm at all (it needs
// reference types: Chrome 96, Firefox 79, Safari 15) has FinalizationRegistry (Chrome 84,
// Firefox 79, Safari 14.1; scripts/dist.sh asks wasm-bindgen for `--encode-into always`
// on the same grounds). So:
//   - the init path becomes `default(module)`: instantiate the compiled module, then the
//     glue's own `__wbg_finalize_init` (kept as wasm-bindgen wrote it);
//   - the `FinalizationRegistry` fallback goes;
//   - `passStringToWasm0`'s branch for a call without `realloc` goes (every call passes one);
//   - the import object's `name: function (…) {…}` entries become methods `name(…) {…}`
//     (the wasm calls them as plain functions; none is a constructor), which esbuild keeps;
//   - `Widget.prototype[Symbol.dispose]` goes: the Widget class is private to the loader,
//     which frees a widget by calling `free()` and never disposes of one with `using`;
//   - the cached DataView is renewed when the memory's buffer is not the one it views (the
//     test wasm-bindgen uses where `ArrayBuffer#detached` is missing), without the
//     `detached` branch;
//   - `wasmModule` and `wasmInstance` go: the glue keeps them for APIs it no longer has
//     (`initSync`, threads) and nothing reads them.
// Each change replaces text that must be found exactly as expected, so a glue of another
// shape (a new wasm-bindgen) fails the build instead of being trimmed wrongly.
//
// Usage: node scripts/trim-glue.mjs GLUE   (rewritten in place; exits non-zero, changing
// nothing, on anything unexpected).
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath] = process.argv.slice(2);
if (!gluePath) {
  console.error('usage: node scripts/trim-glue.mjs GLUE');
  process.exit(2);
}
const fail = (why) => {
  console.error(`trim-glue: ${why}; nothing changed`);
  process.exit(1);
};
let glue = readFileSync(gluePath, 'utf8');
const before = glue.length;

// Replaces `old`, which must occur exactly `times` times.
function replace(what, old, now, times = 1) {
  const n = glue.split(old).length - 1;
  if (n !== times) fail(`${what}: found ${n} times, not ${times}`);
  glue = glue.replaceAll(old, now);
}

// The init path: from `__wbg_load` to the end, wasm-bindgen defines exactly these and
// exports `initSync` and `default`; all of it becomes one small `default`.
const tailStart = glue.indexOf('\nasync function __wbg_load(module, imports) {\n');
if (tailStart < 0) fail('no `async function __wbg_load(module, imports)`');
const tail = glue.slice(tailStart);
const declared = [...tail.matchAll(/^(?:async function|function|let|const|var|class) ([\w$]+)/gm)].map((m) => m[1]);
const expected = ['__wbg_load', 'initSync', '__wbg_init_promise', '__wbg_init', '__wbg_init_once'];
if (declared.join() !== expected.join()) fail(`the init path declares ${declared.join(', ')}, not ${expected.join(', ')}`);
if (!tail.endsWith('\nexport { initSync, __wbg_init as default };\n')) fail('the glue does not end by exporting initSync and __wbg_init');
if (!glue.includes('\nfunction __wbg_finalize_init(instance, module) {\n')) fail('no `function __wbg_finalize_init(instance, module)`');
glue = glue.slice(0, tailStart) + `
// Trimmed by scripts/trim-glue.mjs: the loader passes the module it compiled.
async function __wbg_init(module) {
    return __wbg_finalize_init(await WebAssembly.instantiate(module, __wbg_get_imports()), module);
}

export { __wbg_init as default };
`;

replace('the FinalizationRegistry fallback', `(typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(`, 'new FinalizationRegistry(', 2);

// Every call passes wasm-bindgen's malloc and realloc exports.
const calls = glue.split('passStringToWasm0(').length - 1;
const withRealloc = glue.split(/passStringToWasm0\([\w$]+, wasm\.[\w$]+, wasm\.[\w$]+\)/).length - 1;
if (calls !== withRealloc + 1) fail(`passStringToWasm0 is called ${calls - 1} times, ${withRealloc} with realloc`);
replace('passStringToWasm0 without realloc', `
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`, '');

// A grown memory has a new buffer (the old one detached): comparing the two is the test
// wasm-bindgen itself falls back to, and holds in every browser.
replace('the detached-buffer test', 'cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)', 'cachedDataViewMemory0.buffer !== wasm.memory.buffer');

replace('Symbol.dispose', 'if (Symbol.dispose) Widget.prototype[Symbol.dispose] = Widget.prototype.free;\n', '');

// Declared, and set by __wbg_finalize_init, once each; read nowhere.
for (const name of ['wasmModule', 'wasmInstance']) {
  const n = glue.split(name).length - 1;
  if (n !== 2) fail(`${name} occurs ${n} times, not twice (declared and set)`);
}
replace('the unread module and instance', 'let wasmModule, wasmInstance, wasm;\n', 'let wasm;\n');
replace('the unread instance', '    wasmInstance = instance;\n', '');
replace('the unread module', '    wasmModule = module;\n', '');

// The import object: `const import0 = { __proto__: null, <entries> };`, one entry a line.
const importsStart = glue.indexOf('\n    const import0 = {\n        __proto__: null,\n');
const importsEnd = glue.indexOf('\n    };\n', importsStart);
if (importsStart < 0 || importsEnd < 0) fail('no `const import0 = { __proto__: null, ... };`');
const entries = glue.slice(importsStart, importsEnd);
const methods = entries.replace(/^( {8}[\w$]+): function\(/gm, '$1(');
if (methods === entries || /^ {8}[\w$]+: (?!null,)/m.test(methods)) fail('an import is not `name: function(...)`');
glue = glue.slice(0, importsStart) + methods + glue.slice(importsEnd);

writeFileSync(gluePath, glue);
console.log(`trim-glue: ${before} -> ${glue.length} chars`);
