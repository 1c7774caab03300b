// Where the wasm's bytes go: `node scripts/wasm-top.mjs FILE.wasm [N]` lists the N largest
// functions (body bytes, from the name section) and the totals per crate / module path, plus
// the data segments. Use it on a wasm that still has names: `make wasm-top` makes one with
// the same wasm-opt flags as dist plus -g (keep names).
import { readFileSync } from 'node:fs';
import { readU32, readName } from './lib/wasm-bytes.mjs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-top.mjs FILE.wasm [N]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const buf = readFileSync(file);
let pos = 8;

function leb() {
  let value;
  [value, pos] = readU32(buf, pos);
  return value;
}
function name() {
  let text;
  [text, pos] = readName(buf, pos);
  return text;
}

let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
const sections = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const start = pos;
  const end = start + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `#${id}`;
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      name();
      name();
      const kind = buf[pos++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const len = leb();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const cname = name();
    label = `custom "${cname}"`;
    if (cname === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb();
            names.set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
  }
  sections.push({ label, size });
  pos = end;
}

/** A readable, short form of a Rust symbol: legacy-mangled names demangled roughly, hashes cut. */
function pretty(s) {
  if (!s) return '?';
  let t = s;
  if (/^_ZN/.test(t)) {
    const parts = [];
    let i = 3;
    while (i < t.length && t[i] !== 'E') {
      const m = /^\d+/.exec(t.slice(i));
      if (!m) break;
      const len = Number(m[0]);
      i += m[0].length;
      parts.push(t.slice(i, i + len));
      i += len;
    }
    t = parts.filter((p) => !/^h[0-9a-f]{16}$/.test(p)).join('::');
  }
  return t
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$C\$/g, ',')
    .replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\.\./g, '::').replace(/::h[0-9a-f]{16}$/, '');
}
function crateOf(p) {
  let inner = p.replace(/\[[0-9a-f]{16}\]/g, '');
  // `<Type as Trait>::f`: the type's crate, or the trait's for a primitive type.
  const m = /^<+&?(?:mut )?(.*?) as (.*?)>/.exec(inner);
  if (m) inner = m[1].includes('::') ? m[1] : m[2];
  else if (/^<[a-z0-9]+>::/.test(inner)) return 'core'; // `<char>::f`: a primitive's inherent method
  inner = inner.replace(/^<+/, '').replace(/^&(mut )?/, '');
  const parts = inner.split('::');
  if (parts[0] === 'meeting_search' && parts.length > 2) return `meeting_search::${parts[1]}`;
  if (parts.length === 1) return `(exports and shims) ${parts[0].split(' ')[0]}`;
  return parts[0] || '?';
}

const funcs = bodies.map((size, i) => ({ size, name: pretty(names.get(imported + i)).replace(/\[[0-9a-f]{16}\]/g, '') }));
const code = bodies.reduce((a, b) => a + b, 0);
const n = (x) => x.toLocaleString('en-US').padStart(9);
console.log(`${file}: ${n(buf.length)} bytes; code ${n(code)} in ${funcs.length} functions; data ${n(dataBytes)}`);
console.log('\nsections:');
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`${n(s.size)}  ${s.label}`);
if (names.size === 0) console.log('\n(no name section: build with names, e.g. `make wasm-top`)');
const byCrate = new Map();
for (const f of funcs) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
console.log('\ncode by crate / module:');
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${n(s)}  ${c}`);
console.log(`\nlargest ${top} functions:`);
for (const f of funcs.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${n(f.size)}  ${f.name.slice(0, 150)}`);
