// A WOFF 1.0 font unpacked to the TrueType/OpenType file it wraps (W3C WOFF 1.0, section 4): each table
// is stored zlib-compressed (or as is when that is no smaller), with its original length and checksum.
// resvg reads TTF and OTF, not WOFF; Fontsource ships Noto Sans's Latin subset as WOFF.
import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    if (offset + compLength > woff.length) throw new Error("WOFF table past the end of the file");
    const stored = woff.subarray(offset, offset + compLength);
    // Inflated no further than the length the table says it has: a hostile file cannot make it balloon.
    const data = compLength < origLength ? inflateSync(stored, { maxOutputLength: Math.max(origLength, 1) }) : stored;
    if (data.length !== origLength) throw new Error("WOFF table of the wrong length");
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data });
  }
  // The sfnt header's binary-search fields (OpenType, "Table Directory").
  let log2 = 0;
  while (2 ** (log2 + 1) <= count) log2++;
  const searchRange = 2 ** log2 * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * count + tables.reduce((n, t) => n + padded(t.data.length), 0));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(count * 16 - searchRange, 10);
  let position = 12 + 16 * count;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(position, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, position);
    position += padded(t.data.length);
  });
  return out;
}
