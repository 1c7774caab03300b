// Points the wasm's dead function-table slots at a stub that traps, so wasm-opt can drop
// the functions only those slots kept.
//
// Why slots die: wasm-ld gives a table slot to every function whose address the linked code
// takes, and wasm-bindgen then deletes some of that code, but never the slots. Its
// `__wbindgen_describe_*` functions take the address of a closure invoke shim for every
// js-sys/web-sys import that takes a closure (about 45 shims, used or not), and js-sys's
// `__wbg_jspi_task_poll` export reaches a `RawWakerVTable` static (its waker functions, and
// through them `Rc` drops and `RefCell` panic formatting). wasm-bindgen interprets the
// describe functions and deletes them and, in a module without JSPI exports, that export;
// the slots, and everything their functions call, stay.
//
// The proof that a slot is dead. Compiled Rust gets a function's table index only from the
// linker: an `i32.const` in code (a TABLE_INDEX_SLEB relocation) or a 32-bit word in data
// (TABLE_INDEX_I32), which the build asks wasm-ld to record (`--emit-relocs`). A
// `call_indirect` can so only reach a slot whose index one of those constants holds, in code
// that can run or in data such code can reach. The step computes, in the wasm-bindgen output:
//   - live functions: the exports and the start function, then everything they call
//     (`call`, `return_call`, `ref.func`);
//   - live slots: the TABLE_INDEX relocations in the linked code of each live function (found
//     by name; a function wasm-bindgen made, or renamed, has no linked code, so every
//     `i32.const` in it counts as a possible slot), and in live data;
//   - live data: every linker data symbol that a live function's `i32.const` or load/store
//     offset points into (all of them, relocated or not: more than the relocations say),
//     every symbol a MEMORY_ADDR relocation in a live function or in live data names or
//     points into; a data relocation outside every symbol counts as live;
//   - the function in a live slot is live; repeat until nothing changes.
// JavaScript cannot reach a slot either: the step fails unless the function table is neither
// imported nor exported and no code writes to it (table.set, table.init and the like).
// Every dead slot then points at one stub whose body is `unreachable`: nothing calls through
// a dead slot, and a call that did would trap all the same, on the stub's type (one type for
// all: 20 stubs of their functions' own types cost 116 B gzip more) or on `unreachable`.
//
// The same proof, with the linker's data symbols, also finds the panic locations (the file,
// line and column a panic would report): since scripts/panic-abort.mjs, nothing reads them,
// and the step zeroes them and their file names so that wasm-opt drops the bytes (see
// "Panic locations" below; about 0.8 KB gzip), and the data no live code or data can reach
// ("Dead data" below).
//
// Function names tie the two modules together, so the linked wasm is read beside a copy
// of the wasm-bindgen output made with `--no-demangle` (the same module but for its name
// section, which the step checks) and the stubs go into the demangled output.
//
// Usage: node scripts/dead-slots.mjs LINKED MANGLED OUT
//   LINKED   cargo's wasm, linked with --emit-relocs
//   MANGLED  wasm-bindgen's output of it with --no-demangle
//   OUT      wasm-bindgen's output of it as dist uses it; rewritten in place, without the
//            linker's `linking` and `reloc.*` sections that wasm-bindgen copied into it
// Exits non-zero, changing nothing, on anything it does not expect. DEAD_SLOTS_VERBOSE=1
// lists the dead slots' functions.
import { readFileSync, writeFileSync } from 'node:fs';
import { readU32, readName, u32, sections, imports, functionNames } from './lib/wasm-bytes.mjs';

const [linkedPath, mangledPath, outPath] = process.argv.slice(2);
if (!linkedPath || !mangledPath || !outPath) {
  console.error('usage: node scripts/dead-slots.mjs LINKED MANGLED OUT');
  process.exit(2);
}
const fail = (why) => {
  console.error(`dead-slots: ${why}; nothing changed`);
  process.exit(1);
};

/** The signed LEB128 number at `at` (up to 64 bits, as a Number), and the offset after it. */
function readS(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  if (byte & 0x40) value -= 2 ** shift;
  return [value, at];
}


/** A constant expression's i32.const value (null for another constant). */
function constExpr(buf, at) {
  const op = buf[at];
  if (op === 0x41) {
    const [v, next] = readS(buf, at + 1);
    if (buf[next] !== 0x0b) fail('a constant expression longer than one i32.const');
    return [v, next + 1];
  }
  // Anything else (global.get, ref.null, ref.func, other number types) up to its `end`.
  if (op === 0x23 || op === 0xd2) {
    const [, next] = readU32(buf, at + 1);
    if (buf[next] !== 0x0b) fail('an unexpected constant expression');
    return [null, next + 1];
  }
  if (op === 0xd0) return [null, at + 3];
  if (op === 0x42) return [null, readS(buf, at + 1)[1] + 1];
  if (op === 0x43) return [null, at + 6];
  if (op === 0x44) return [null, at + 10];
  fail(`constant expression opcode 0x${op.toString(16)}`);
}

/**
 * The parts of a module this step reads: function types, names, exports, start, the
 * function table's element segment, globals' constants, data segments, and for each body
 * its range in the code section and what it calls.
 */
function parse(buf) {
  const m = { buf, sections: sections(buf) ?? fail('not a wasm module'), funcImports: 0, types: [], names: new Map(), exports: [], start: null, globalConsts: [], data: [], bodies: [] };
  const tableTypes = [];
  for (const s of m.sections) {
    let at = s.body;
    if (s.id === 2) {
      for (const i of imports(buf, s) ?? fail('an import this step cannot read')) {
        if (i.kind === 1) fail('the module imports a table');
        if (i.kind === 0) {
          m.types.push(i.type);
          m.funcImports++;
        }
      }
    } else if (s.id === 3) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        let t;
        [t, at] = readU32(buf, at);
        m.types.push(t);
      }
    } else if (s.id === 4) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        tableTypes.push(buf[at]);
        const flags = buf[at + 1];
        at += 2;
        [, at] = readU32(buf, at);
        if (flags & 1) [, at] = readU32(buf, at);
      }
    } else if (s.id === 6) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        at += 2;
        let v;
        [v, at] = constExpr(buf, at);
        if (v !== null) m.globalConsts.push(v);
      }
    } else if (s.id === 7) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        let name, index;
        [name, at] = readName(buf, at);
        const kind = buf[at++];
        [index, at] = readU32(buf, at);
        m.exports.push({ name, kind, index });
      }
    } else if (s.id === 8) {
      m.start = readU32(buf, at)[0];
    } else if (s.id === 9) {
      let n;
      [n, at] = readU32(buf, at);
      if (n !== 1) fail(`${n} element segments, not one`);
      if (buf[at] !== 0) fail('the element segment is not an active function-index list for table 0');
      const [offset, listAt] = constExpr(buf, at + 1);
      if (offset === null) fail('the element segment has no constant offset');
      let count;
      [count, at] = readU32(buf, listAt);
      const funcs = [];
      for (let i = 0; i < count; i++) {
        let f;
        [f, at] = readU32(buf, at);
        funcs.push(f);
      }
      m.elem = { offset, funcs, listAt, end: at };
    } else if (s.id === 10) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        let size;
        [size, at] = readU32(buf, at);
        m.bodies.push({ start: at, end: at + size });
        at += size;
      }
    } else if (s.id === 11) {
      let n;
      [n, at] = readU32(buf, at);
      for (let i = 0; i < n; i++) {
        const flags = buf[at];
        if (flags !== 0) fail(`data segment flags ${flags}`);
        let base, size;
        [base, at] = constExpr(buf, at + 1);
        [size, at] = readU32(buf, at);
        m.data.push({ base, contentAt: at - s.body, size });
        at += size;
      }
    } else if (s.id === 0 && s.name === 'name') {
      m.names = functionNames(buf, s);
    }
  }
  if (tableTypes[0] !== 0x70) fail('table 0 is not the function table');
  if (!m.elem) fail('the module has no element segment');
  return m;
}

// Immediates of the instructions that carry no function index, by opcode; the others are
// decoded in `decode`. 'u' one unsigned LEB, 'uu' two, 'm' a memory argument.
const immediates = new Map();
for (const op of [0x0c, 0x0d, 0x20, 0x21, 0x22, 0x23, 0x24, 0x3f, 0x40]) immediates.set(op, 'u');
for (let op = 0x28; op <= 0x3e; op++) immediates.set(op, 'm');
for (const op of [0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1]) immediates.set(op, '');
for (let op = 0x45; op <= 0xc4; op++) immediates.set(op, '');

/**
 * What a function body does that matters here: the functions it calls or references, its
 * i32.const values and load/store offsets (possible slots and addresses), and whether it
 * writes to the function table. Fails on an instruction it does not know.
 */
function decode(buf, { start, end }) {
  const out = { calls: [], consts: [], offsets: [] };
  let [groups, at] = readU32(buf, start);
  for (let i = 0; i < groups; i++) {
    [, at] = readU32(buf, at);
    at++;
  }
  const table = (index) => {
    if (index === 0) fail('code writes to the function table');
  };
  while (at < end) {
    const op = buf[at++];
    const kind = immediates.get(op);
    if (kind === '') continue;
    if (kind === 'u') {
      [, at] = readU32(buf, at);
    } else if (kind === 'm') {
      let align, offset;
      [align, at] = readU32(buf, at);
      if (align & 0x40) [, at] = readU32(buf, at);
      [offset, at] = readU32(buf, at);
      out.offsets.push(offset);
    } else if (op === 0x02 || op === 0x03 || op === 0x04) {
      const t = buf[at];
      if (t === 0x40 || (t >= 0x6f && t <= 0x7f)) at++;
      else [, at] = readS(buf, at);
    } else if (op === 0x0e) {
      let n;
      [n, at] = readU32(buf, at);
      for (let j = 0; j <= n; j++) [, at] = readU32(buf, at);
    } else if (op === 0x10 || op === 0x12 || op === 0xd2) {
      let f;
      [f, at] = readU32(buf, at);
      out.calls.push(f);
    } else if (op === 0x11 || op === 0x13) {
      [, at] = readU32(buf, at);
      [, at] = readU32(buf, at);
    } else if (op === 0x1c) {
      let n;
      [n, at] = readU32(buf, at);
      at += n;
    } else if (op === 0x25) {
      [, at] = readU32(buf, at);
    } else if (op === 0x26) {
      let t;
      [t, at] = readU32(buf, at);
      table(t);
    } else if (op === 0x41) {
      let v;
      [v, at] = readS(buf, at);
      out.consts.push(v);
    } else if (op === 0x42) {
      [, at] = readS(buf, at);
    } else if (op === 0x43) {
      at += 4;
    } else if (op === 0x44) {
      at += 8;
    } else if (op === 0xd0) {
      at++;
    } else if (op === 0xfc) {
      let sub;
      [sub, at] = readU32(buf, at);
      if (sub <= 7) continue;
      if (sub === 8 || sub === 10 || sub === 14) {
        let a, b;
        [a, at] = readU32(buf, at);
        [b, at] = readU32(buf, at);
        if (sub === 14) table(a);
      } else if (sub === 12) {
        let t;
        [, at] = readU32(buf, at);
        [t, at] = readU32(buf, at);
        table(t);
      } else if (sub === 9 || sub === 11 || sub === 13 || sub === 16) {
        [, at] = readU32(buf, at);
      } else if (sub === 15 || sub === 17) {
        let t;
        [t, at] = readU32(buf, at);
        table(t);
      } else fail(`instruction 0xfc ${sub}`);
    } else fail(`instruction 0x${op.toString(16)}`);
  }
  return out;
}

/** The linker's symbols (kind, flags, function index or data address and size, name). */
function symbols(m) {
  const s = m.sections.find((x) => x.id === 0 && x.name === 'linking');
  if (!s) fail('the linked wasm has no `linking` section (was it linked with --emit-relocs?)');
  const { buf } = m;
  let at = s.content;
  let version;
  [version, at] = readU32(buf, at);
  if (version !== 2) fail(`linking section version ${version}`);
  const list = [];
  while (at < s.end) {
    const sub = buf[at];
    const [size, subAt] = readU32(buf, at + 1);
    if (sub === 8) {
      let [n, p] = readU32(buf, subAt);
      for (let i = 0; i < n; i++) {
        const kind = buf[p++];
        let flags;
        [flags, p] = readU32(buf, p);
        const sym = { kind, flags };
        const undefinedSym = flags & 0x10;
        if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
          [sym.index, p] = readU32(buf, p);
          if (!undefinedSym || flags & 0x40) [sym.name, p] = readName(buf, p);
        } else if (kind === 1) {
          [sym.name, p] = readName(buf, p);
          if (!undefinedSym) {
            let segment, offset, size;
            [segment, p] = readU32(buf, p);
            [offset, p] = readU32(buf, p);
            [size, p] = readU32(buf, p);
            // An absolute symbol's offset is its address.
            sym.address = flags & 0x200 ? offset : m.data[segment].base + offset;
            sym.size = size;
          }
        } else if (kind === 3) {
          [, p] = readU32(buf, p);
        } else fail(`symbol kind ${kind}`);
        list.push(sym);
      }
    }
    at = subAt + size;
  }
  return list;
}

// Relocation types (llvm BinaryFormat/WasmRelocs.def): those that write a table index, those
// that write a memory address, and those that carry an addend.
const TABLE = new Set([1, 2, 12, 18, 19, 24]);
const MEMORY = new Set([3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25]);
const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);

/** The relocations of the section with index `target`: type, offset in it, symbol, addend. */
function relocations(m, name) {
  const s = m.sections.find((x) => x.id === 0 && x.name === name);
  if (!s) fail(`the linked wasm has no \`${name}\` section`);
  const { buf } = m;
  let [, at] = readU32(buf, s.content);
  let n;
  [n, at] = readU32(buf, at);
  const list = [];
  for (let i = 0; i < n; i++) {
    const type = buf[at++];
    if (type > 26) fail(`relocation type ${type}`);
    const r = { type, addend: 0 };
    [r.offset, at] = readU32(buf, at);
    [r.symbol, at] = readU32(buf, at);
    if (ADDEND.has(type)) [r.addend, at] = readS(buf, at);
    list.push(r);
  }
  return list;
}

// ---- The linked module: which table slots and data addresses each function and each data
// ---- word refers to, by the linker's relocations.
const linked = parse(readFileSync(linkedPath));
const syms = symbols(linked);
const dataSyms = syms.filter((s) => s.kind === 1 && s.address !== undefined);
const codeSection = linked.sections.find((s) => s.id === 10);
const linkedSlot = new Map(linked.elem.funcs.map((f, i) => [f, linked.elem.offset + i]));
/** A relocation's meaning: { slot } or { address }; null for the other kinds. */
function target(r) {
  const sym = syms[r.symbol];
  if (TABLE.has(r.type)) {
    if (sym.kind !== 0) fail('a table-index relocation of a symbol that is not a function');
    const slot = linkedSlot.get(sym.index);
    if (slot === undefined) fail(`function ${sym.name} has a table index but no slot`);
    return { slot };
  }
  if (MEMORY.has(r.type)) {
    if (sym.kind !== 1) fail('a memory-address relocation of a symbol that is not data');
    // An undefined (weak) data symbol in a linked module has no bytes: nothing to reach.
    if (sym.address === undefined) return {};
    return { address: sym.address + r.addend, symbolAddress: sym.address };
  }
  return null;
}
// The table slots and data addresses each linked function's relocations refer to, keyed by
// the function's name. The addresses matter beside the scan of its constants (below): a
// relocation names its symbol even when the constant, symbol plus addend, points outside it
// (`&ARRAY[i - 1]` folded into `ARRAY - 4 + 4 * i`).
const refsByName = new Map();
const refs = (name) => {
  if (!refsByName.has(name)) refsByName.set(name, { slots: new Set(), addresses: new Set() });
  return refsByName.get(name);
};
{
  const bodyOf = (offset) => {
    // Bodies are in order: binary search for the last body starting at or before `offset`.
    let lo = 0;
    let hi = linked.bodies.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (linked.bodies[mid].start - codeSection.body <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const r of relocations(linked, 'reloc.CODE')) {
    const t = target(r);
    if (!t) continue;
    const name = linked.names.get(linked.funcImports + bodyOf(r.offset));
    if (name === undefined) fail('a linked function without a name');
    if (t.slot !== undefined) refs(name).slots.add(t.slot);
    if (t.address !== undefined) refs(name).addresses.add(t.address).add(t.symbolAddress);
  }
}
// Each defined (not imported) linked function's body, by name: an import that wasm-bindgen
// implements in wasm has no linked code, so it must not pass for one that has.
const linkedBodies = new Map();
for (const [index, name] of linked.names) {
  if (index >= linked.funcImports) linkedBodies.set(name, linked.bodies[index - linked.funcImports]);
}
// wasm-bindgen names an exported function after its export without the hash the macro gave
// it (`widget_add_4530095f01952ccf` -> `widget_add`): the short name stands for the linked one.
for (const e of linked.exports) {
  const short = /^(.+)_[0-9a-f]{16}$/.exec(e.name)?.[1];
  const name = linked.names.get(e.index);
  if (e.kind !== 0 || !short) continue;
  if ([...linked.names.values()].includes(short)) fail(`both ${short} and ${e.name} are linked functions`);
  refsByName.set(short, refs(name));
  linkedBodies.set(short, linkedBodies.get(name));
}
// Every linked function's name (code relocations are found by it).
const linkedNames = new Set(linkedBodies.keys());
// The data relocations, by the address they write.
const dataRelocs = relocations(linked, 'reloc.DATA').map((r) => {
  const seg = linked.data.find((d) => r.offset >= d.contentAt && r.offset < d.contentAt + d.size);
  if (!seg) fail('a data relocation outside every data segment');
  return { at: seg.base + (r.offset - seg.contentAt), ...target(r) };
});
/** The data symbols whose bytes hold `address` (a zero-sized one holds its own address). */
const symbolsAt = (address) =>
  dataSyms.filter((s) => address >= s.address && address < s.address + Math.max(s.size, 1));

// ---- The wasm-bindgen output, mangled names: which slots stay live.
const mangledBuf = readFileSync(mangledPath);
const mangled = parse(mangledBuf);
const outBuf = readFileSync(outPath);
const out = parse(outBuf);

// The two outputs must be one module but for names: the same exports (a closure shim's
// export name comes from its function's name), and every other section but the custom ones
// byte for byte.
{
  const plain = (m) => m.sections.filter((s) => s.id !== 0 && s.id !== 7).map((s) => m.buf.subarray(s.start, s.end));
  const a = plain(mangled);
  const b = plain(out);
  const exports = (m) => m.exports.map((e) => `${e.kind}:${e.index}`).join();
  if (a.length !== b.length || a.some((x, i) => !x.equals(b[i])) || exports(mangled) !== exports(out)) {
    fail(`${mangledPath} and ${outPath} differ in more than names`);
  }
}
if (mangled.elem.offset !== linked.elem.offset || mangled.elem.funcs.length !== linked.elem.funcs.length) {
  fail('wasm-bindgen changed the function table\'s size or offset');
}
if (mangled.exports.some((e) => e.kind === 1 && e.index === 0)) fail('the function table is exported');

const firstSlot = mangled.elem.offset;
const lastSlot = firstSlot + mangled.elem.funcs.length - 1;
const liveFuncs = new Set();
const liveSlots = new Set();
const liveData = new Set();
const work = [];
const func = (f) => {
  if (!liveFuncs.has(f)) {
    liveFuncs.add(f);
    work.push(() => visitFunc(f));
  }
};
const slot = (k) => {
  if (k >= firstSlot && k <= lastSlot && !liveSlots.has(k)) {
    liveSlots.add(k);
    func(mangled.elem.funcs[k - firstSlot]);
  }
};
const address = (a) => {
  for (const s of symbolsAt(a)) {
    if (!liveData.has(s)) {
      liveData.add(s);
      work.push(() => visitData(s));
    }
  }
};
// A body that is only `unreachable` (no locals; scripts/panic-abort.mjs makes two) runs none
// of its linked code, so it makes no constant, no slot and no address live.
const UNREACHABLE = Buffer.from([0x00, 0x00, 0x0b]);
function visitFunc(f) {
  if (f < mangled.funcImports) return;
  const { start, end } = mangled.bodies[f - mangled.funcImports];
  if (mangledBuf.subarray(start, end).equals(UNREACHABLE)) return;
  const body = decode(mangledBuf, { start, end });
  body.calls.forEach(func);
  body.consts.forEach(address);
  body.offsets.forEach(address);
  const name = mangled.names.get(f);
  if (name !== undefined && linkedNames.has(name)) {
    const { slots, addresses } = refsByName.get(name) ?? { slots: [], addresses: [] };
    slots.forEach(slot);
    addresses.forEach(address);
    // wasm-bindgen may add code to a function it keeps (an externref table's base, say): a
    // constant the linked body lacks has no relocation to say what it is, so it may be a slot.
    const linkedConsts = new Set(decode(linked.buf, linkedBodies.get(name)).consts);
    body.consts.filter((c) => !linkedConsts.has(c)).forEach(slot);
  } else {
    // Made (or renamed) by wasm-bindgen: any constant may be a table index.
    body.consts.forEach(slot);
  }
}
function visitData(s) {
  for (const r of dataRelocs) {
    if (r.at < s.address || r.at >= s.address + Math.max(s.size, 1)) continue;
    if (r.slot !== undefined) slot(r.slot);
    if (r.address !== undefined) {
      address(r.address);
      address(r.symbolAddress);
    }
  }
}
for (const e of mangled.exports) if (e.kind === 0) func(e.index);
if (mangled.start !== null) func(mangled.start);
for (const v of mangled.globalConsts) {
  slot(v);
  address(v);
}
// Data relocations in no symbol's bytes cannot be tied to code: live.
for (const r of dataRelocs) {
  if (symbolsAt(r.at).length) continue;
  if (r.slot !== undefined) slot(r.slot);
  if (r.address !== undefined) address(r.address);
}
while (work.length) work.pop()();

// ---- Panic locations, zeroed in the output's data. A `core::panic::Location` (16 bytes on
// wasm32: the file name's address and length, the line, the column) and the file name it
// points to are read only by panic formatting: `Location::caller()` elsewhere appears in
// wasm-bindgen's `unwrap_throw` only under debug_assertions, which release builds lack, and
// nowhere in this crate. scripts/panic-abort.mjs has made panics trap before any formatting,
// so those bytes are never read: zeros there change nothing but let wasm-opt's memory
// packing drop them. A record is a 16-byte data symbol whose only relocation, at its start,
// is a memory address of a symbol holding a Rust source path (`….rs` and a NUL), with the
// path's length next to it; a path is zeroed only if such records are all that name it.
const linkedData = linked.sections.find((s) => s.id === 11);
/** The linked bytes of data symbol `s` (null outside every segment). */
const bytesOf = (buf, m, section, s) => {
  const seg = m.data.find((d) => s.address >= d.base && s.address + s.size <= d.base + d.size);
  if (!seg) return null;
  const at = section.body + seg.contentAt + (s.address - seg.base);
  return buf.subarray(at, at + s.size);
};
const RUST_PATH = /^[\x20-\x7e]*\/[\x20-\x7e]*\.rs\x00$/;
const paths = new Map();
for (const s of dataSyms) {
  const bytes = s.size > 4 ? bytesOf(linked.buf, linked, linkedData, s) : null;
  if (bytes && RUST_PATH.test(bytes.toString('latin1'))) paths.set(s.address, s);
}
const locations = dataSyms.filter((s) => {
  if (s.size !== 16) return false;
  const inside = dataRelocs.filter((r) => r.at >= s.address && r.at < s.address + 16);
  const path = paths.get(inside[0]?.address);
  if (inside.length !== 1 || inside[0].at !== s.address || !path || inside[0].address !== path.address) return false;
  return bytesOf(linked.buf, linked, linkedData, s).readUInt32LE(4) === path.size - 1;
});
const atLocation = new Set(locations.map((s) => s.address));
const named = (address) =>
  [...refsByName.values()].some((r) => r.addresses.has(address)) ||
  dataRelocs.some((r) => r.symbolAddress === address && !atLocation.has(r.at));
const zeroed = [...locations, ...[...paths.values()].filter((s) => !named(s.address))];
if (!locations.length) fail('no panic location found (has core::panic::Location changed?)');
const outData = out.sections.find((s) => s.id === 11);
for (const s of zeroed) {
  const bytes = bytesOf(outBuf, out, outData, s);
  if (!bytes || !bytes.equals(bytesOf(linked.buf, linked, linkedData, s))) fail(`${s.name} moved in wasm-bindgen's output`);
  bytes.fill(0);
}
// ---- Dead data, zeroed the same way: a data symbol that no live function's constants,
// offsets or relocations and no live data's relocations reach (the proof above) is never
// read: a dead closure shim's vtable, js-sys's JSPI waker, a message only dead code wrote.
// Its bytes become zeros, which wasm-opt drops; bytes a live symbol also covers stay, and
// so does a symbol outside every segment (zeros already).
const liveSyms = [...liveData];
const deadData = dataSyms.filter(
  (s) =>
    s.size > 0 &&
    !liveData.has(s) &&
    !zeroed.includes(s) &&
    !liveSyms.some((l) => l.address < s.address + s.size && s.address < l.address + Math.max(l.size, 1)),
);
let deadBytes = 0;
for (const s of deadData) {
  const bytes = bytesOf(outBuf, out, outData, s);
  if (!bytes) continue;
  if (!bytes.equals(bytesOf(linked.buf, linked, linkedData, s))) fail(`${s.name} moved in wasm-bindgen's output`);
  bytes.fill(0);
  deadBytes += s.size;
}

// ---- Rewrite the demangled output: a stub (of the first dead slot's function's type, so
// the type section stays), appended after the last function, in every dead slot.
const dead = mangled.elem.funcs.map((_, i) => firstSlot + i).filter((k) => !liveSlots.has(k));
if (!dead.length) fail('no table slot is dead: this step has nothing to do');
const stub = out.types.length;
const stubType = out.types[out.elem.funcs[dead[0] - firstSlot]];
const newElem = out.elem.funcs.map((f, i) => (liveSlots.has(firstSlot + i) ? f : stub));
const vec = (items) => Buffer.concat([u32(items.length), ...items]);
const section = (id, content) => Buffer.concat([Buffer.from([id]), u32(content.length), content]);
const parts = [outBuf.subarray(0, 8)];
for (const s of out.sections) {
  const whole = outBuf.subarray(s.start, s.end);
  if (s.id === 0 && (s.name === 'linking' || s.name.startsWith('reloc.'))) continue;
  if (s.id === 3) {
    // The function section: the stub's type appended.
    const [n, at] = readU32(outBuf, s.body);
    parts.push(section(3, Buffer.concat([u32(n + 1), outBuf.subarray(at, s.end), u32(stubType)])));
  } else if (s.id === 9) {
    // The element segment's function list, with the stub in the dead slots.
    const head = outBuf.subarray(s.body, out.elem.listAt);
    parts.push(section(9, Buffer.concat([head, vec(newElem.map(u32))])));
  } else if (s.id === 10) {
    // The code section: the stub's body is no locals, `unreachable`, `end`.
    const [n, at] = readU32(outBuf, s.body);
    const body = Buffer.from([3, 0, 0x00, 0x0b]);
    parts.push(section(10, Buffer.concat([u32(n + 1), outBuf.subarray(at, s.end), body])));
  } else parts.push(whole);
}
writeFileSync(outPath, Buffer.concat(parts));
const deadNames = dead.map((k) => out.names.get(out.elem.funcs[k - firstSlot]) ?? '?');
console.log(
  `dead-slots: ${dead.length} of ${mangled.elem.funcs.length} table slots dead, pointed at a stub; ` +
    `${locations.length} panic locations and ${zeroed.length - locations.length} file names zeroed ` +
    `(${zeroed.reduce((n, s) => n + s.size, 0)} B); ${deadBytes} B of dead data zeroed` +
    (process.env.DEAD_SLOTS_VERBOSE ? `:\n  ${deadNames.join('\n  ')}` : ''),
);
