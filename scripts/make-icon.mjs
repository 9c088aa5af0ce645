// Draws the app icon (build/icons/icon.png, 512×512): an amber ring around a red light on a dark
// tile, the war room's two mode colours. Run once when the design changes: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const pixels = Buffer.alloc(size * (size * 4 + 1));
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

for (let y = 0; y < size; y++) {
  pixels[y * (size * 4 + 1)] = 0;
  for (let x = 0; x < size; x++) {
    const i = y * (size * 4 + 1) + 1 + x * 4;
    const dx = x - size / 2 + 0.5;
    const dy = y - size / 2 + 0.5;
    const r = Math.hypot(dx, dy);
    const corner = Math.max(Math.abs(dx), Math.abs(dy)) > 240 && r > 300;
    let color = [15, 20, 25, corner ? 0 : 255];
    if (r > 150 && r < 200) color = [232, 163, 23, 255];
    if (r < 80) color = [215, 38, 61, 255];
    pixels.set(color, i);
  }
}

const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
writeFileSync(
  new URL('../build/icons/icon.png', import.meta.url),
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
