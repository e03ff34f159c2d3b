// Draws the HokenLens icon (a lens over an amber tile) at every size the manifest lists, as PNG,
// with no image library: anti-aliased by 4×4 supersampling.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// Shape in unit coordinates [0,1]: returns a colour or null.
function shape(u, v) {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const cx = 0.44;
  const cy = 0.44;
  const d = Math.hypot(u - cx, v - cy);
  if (d >= 0.2 && d <= 0.29) return [255, 255, 255];
  if (d < 0.2) return [255, 236, 179];
  const t = u - cx + (v - cy);
  const across = Math.abs(u - cx - (v - cy)) / Math.SQRT2;
  if (t > 0 && d > 0.29 && d < 0.62 && across < 0.065) return [255, 255, 255];
  return [176, 96, 0];
}
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const S = 4;
  const data = png(size, (x, y) => {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let i = 0; i < S; i += 1)
      for (let j = 0; j < S; j += 1) {
        const c = shape((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    return a
      ? [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (S * S))]
      : [0, 0, 0, 0];
  });
  writeFileSync(`public/icons/${size}.png`, data);
}
