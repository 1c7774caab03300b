// Reading and writing a wasm binary's LEB128 numbers and names (shared by wasm-top.mjs,
// short-names.mjs, panic-abort.mjs and dead-slots.mjs).

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
