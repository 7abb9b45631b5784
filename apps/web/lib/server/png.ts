// Writing PNG files: resvg's pixels encoded here (fast, for pictures up to FAST_PNG_MAX_PIXELS), or resvg's
// own PNG given its density. No heavy imports: the render pool's admission reads the limit too.
import { crc32, deflateSync } from "node:zlib";

/** Up to this many pixels (a 2x 1200 × 675 map is 3.2 million) a PNG is encoded by `encodePng`. */
export const FAST_PNG_MAX_PIXELS = 4_000_000;

/**
 * Whether a PNG of this size asked for goes through `encodePng`: decided once, from the query's size, by
 * the pool's memory estimate, the worker's collection and the encoder alike (resvg's own height can be a
 * row off the query's).
 */
export const fastPng = (pixelWidth: number, pixelHeight: number) => pixelWidth * pixelHeight <= FAST_PNG_MAX_PIXELS;

/** The PNG with its density recorded (a pHYs chunk after the header). */
export function withDensity(png: Uint8Array, dpi: number): Buffer {
  const source = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  // Signature (8 bytes), then IHDR: length, type, 13 bytes of data, CRC.
  const afterHeader = 8 + 4 + 4 + source.readUInt32BE(8) + 4;
  return Buffer.concat([source.subarray(0, afterHeader), chunk("pHYs", density(dpi)), source.subarray(afterHeader)]);
}

function density(dpi: number): Buffer {
  const data = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  return data;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * resvg's pixels as an RGB PNG, its density recorded (a pHYs chunk, so that layout software places it at
 * the picture's size: 96 dpi at 1x, 192 at 2x, 300 when asked for print); null when the picture is not
 * opaque (every export has a background): resvg's pixels are premultiplied, and its own encoder writes
 * partly transparent ones right. Rows are unfiltered and deflated at zlib's fastest level: a chart's flat
 * fills compress well that way, and resvg's own encoder (adaptive filters, default level) took 45–55 ms of
 * a 2x map's ~230 for a larger file (map at 5,000 actors: 638 KiB there, 521 KiB here).
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, dpi: number): Buffer | null {
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return null;
  const stride = width * 3;
  const raw = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0, o = 0, p = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++, p += 4) {
      raw[o++] = pixels[p] as number;
      raw[o++] = pixels[p + 1] as number;
      raw[o++] = pixels[p + 2] as number;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bits per channel
  header.writeUInt8(2, 9); // colour type: RGB
  // compression, filter method and interlace: 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("pHYs", density(dpi)),
    chunk("IDAT", deflateSync(raw, { level: 1 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
