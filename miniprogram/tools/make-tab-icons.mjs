// Draws the three tab-bar icons (首页 / 办事 / 我的) as tiny PNGs, grey and
// blue: 81×81, anti-aliased by 4× supersampling. Re-run after changing shapes:
//   node miniprogram/tools/make-tab-icons.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SS = 4;
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');

// Shapes in a 80×80 design space: inside(x, y) → boolean.
const inTri = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by), d2 = s(x, y, bx, by, cx, cy), d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

const shapes = {
  home: (x, y) =>
    (inTri(x, y, [40, 8], [4, 38], [76, 38]) || inRect(x, y, 14, 34, 66, 72)) && !inRect(x, y, 33, 50, 47, 72),
  services: (x, y) =>
    inRoundRect(x, y, 14, 6, 66, 74, 8) &&
    !inRect(x, y, 24, 20, 56, 25) &&
    !inRect(x, y, 24, 33, 56, 38) &&
    !inRect(x, y, 24, 46, 46, 51),
  mine: (x, y) => inCircle(x, y, 40, 24, 15) || (inEllipse(x, y, 40, 76, 30, 30) && y <= 72),
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(inside, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const dx = ((x + (sx + 0.5) / SS) * 80) / SIZE, dy = ((y + (sy + 0.5) / SS) * 80) / SIZE;
          if (inside(dx, dy)) hits++;
        }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREY = [0x8a, 0x90, 0x99];
const BLUE = [0x16, 0x77, 0xff];
for (const [name, inside] of Object.entries(shapes)) {
  for (const [suffix, colour] of [['', GREY], ['-active', BLUE]]) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    const data = png(inside, colour);
    writeFileSync(file, data);
    console.log(`${path.relative(process.cwd(), file)} ${data.length} B`);
  }
}
