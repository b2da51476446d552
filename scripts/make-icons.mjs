// `node scripts/make-icons.mjs`: draws the app icons (www/icons/*.png) for the web app
// manifest and the home screen: a tiny network (2 inputs, 3 hidden units, 1 output) in
// white on the page's accent blue, its weights in white (positive) and orange (negative).
// Run once; the PNGs are committed. No dependencies: the shapes are tested per subpixel
// (4 × 4 samples a pixel, so edges are smooth) and written as an RGBA PNG with node:zlib.

import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

const BLUE = [11, 107, 203]; // --accent in www/style.css
const WHITE = [255, 255, 255];
const ORANGE = [255, 179, 138];

const inputs = [[0.3, 0.4], [0.3, 0.6]];
const hidden = [[0.5, 0.32], [0.5, 0.5], [0.5, 0.68]];
const output = [0.7, 0.5];
// Which edges are drawn as negative weights (orange): a network that breaks symmetry.
const edges = [
  ...inputs.flatMap((a, i) => hidden.map((b, j) => [a, b, (i + j) % 3 === 1])),
  ...hidden.map((b, j) => [b, output, j === 2]),
];

/** Distance from p to the segment a–b. */
function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Inside a square of side 1 − 2·inset with corners rounded by `radius`? */
function inRoundedSquare([x, y], inset, radius) {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

/** The colour at point p of the unit square, or null outside the icon's background. */
function sample(p, maskable) {
  if (!maskable && !inRoundedSquare(p, 0.04, 0.18)) return null;
  for (const c of [...inputs, ...hidden, output]) {
    if (Math.hypot(p[0] - c[0], p[1] - c[1]) <= 0.05) return WHITE;
  }
  for (const [a, b, negative] of edges) {
    if (segmentDistance(p, a, b) <= 0.011) return negative ? ORANGE : WHITE;
  }
  return BLUE;
}

/** The icon as RGBA rows, `size` pixels a side. */
function draw(size, maskable) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < n * n; s++) {
        const colour = sample([(x + ((s % n) + 0.5) / n) / size, (y + (Math.floor(s / n) + 0.5) / n) / size], maskable);
        if (!colour) continue;
        for (let k = 0; k < 3; k++) sum[k] += colour[k];
        sum[3] += 1;
      }
      const at = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) pixels[at + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
      pixels[at + 3] = Math.round((255 * sum[3]) / (n * n));
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG of `pixels` (filter 0 on every row). */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const out = new URL("../www/icons/", import.meta.url);
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-512.png", 512, true], // full bleed: the network stays inside the 80 % safe circle
  ["apple-touch-icon.png", 180, true], // iOS shows transparency as black, so opaque
]) {
  writeFileSync(new URL(name, out), png(size, draw(size, maskable)));
  console.log(`www/icons/${name}`);
}
