// Reading and writing a wasm binary's LEB128 numbers and names, and reading its sections,
// imports and function names (shared by wasm-top.mjs, short-names.mjs, panic-abort.mjs and
// dead-slots.mjs).

/** The unsigned LEB128 number at `at` in `buf`, and the offset after it. */
export function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

/** The name (length, then UTF-8 bytes) at `at` in `buf`, and the offset after it. */
export function readName(buf, at) {
  const [len, start] = readU32(buf, at);
  return [buf.toString('utf8', start, start + len), start + len];
}

/** `value` as unsigned LEB128 bytes. */
export function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/**
 * The sections of the wasm module in `buf`, in order: `{ id, start, body, end }` (`start` at
 * the id byte, `body` after the size), and for a custom section (id 0) its `name` and where
 * its `content` starts. Null when `buf` is not a wasm module (version 1).
 */
export function sections(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100 || buf.readUInt32LE(4) !== 1) return null;
  const list = [];
  for (let at = 8; at < buf.length; ) {
    const id = buf[at];
    const [size, body] = readU32(buf, at + 1);
    const s = { id, start: at, body, end: body + size };
    if (id === 0) [s.name, s.content] = readName(buf, body);
    list.push(s);
    at = s.end;
  }
  return list;
}

/**
 * The imports of the import section `s`: `{ kind, type }` each (`type`: a function's type
 * index). Null if one is of a kind this does not read (a tag), or the section does not end
 * where its entries do.
 */
export function imports(buf, s) {
  let [count, at] = readU32(buf, s.body);
  const limits = () => {
    const flags = buf[at++];
    [, at] = readU32(buf, at);
    if (flags & 1) [, at] = readU32(buf, at);
  };
  const list = [];
  for (let i = 0; i < count; i++) {
    [, at] = readName(buf, at);
    [, at] = readName(buf, at);
    const kind = buf[at++];
    const entry = { kind };
    if (kind === 0) {
      [entry.type, at] = readU32(buf, at);
    } else if (kind === 1) {
      at++; // the element type
      limits();
    } else if (kind === 2) {
      limits();
    } else if (kind === 3) {
      at += 2; // value type, mutability
    } else {
      return null;
    }
    list.push(entry);
  }
  return at === s.end ? list : null;
}

/** The function names of the custom "name" section `s` (its subsection 1): index → name. */
export function functionNames(buf, s) {
  const names = new Map();
  for (let at = s.content; at < s.end; ) {
    const sub = buf[at];
    const [size, body] = readU32(buf, at + 1);
    if (sub === 1) {
      let [count, p] = readU32(buf, body);
      for (let i = 0; i < count; i++) {
        let index;
        let name;
        [index, p] = readU32(buf, p);
        [name, p] = readName(buf, p);
        names.set(index, name);
      }
    }
    at = body + size;
  }
  return names;
}
