/**
 * Draws the Teams app icons (committed as PNGs):
 *   color.png   192×192, full colour: white group of three on the accent colour
 *   outline.png  32×32, white on transparent (Teams requires a white outline, transparent rest)
 *
 *   npx tsx appPackage/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;

/** Three people: a centre figure in front of two smaller ones; coordinates in the unit square. */
function person(cx: number, headY: number, r: number): Shape {
  return (x, y) => {
    const head = (x - cx) ** 2 + (y - headY) ** 2 <= r * r;
    // Shoulders: upper half of an ellipse under the head.
    const sy = headY + r * 2.9;
    const body = y <= sy && ((x - cx) / (r * 1.8)) ** 2 + ((y - sy) / (r * 1.7)) ** 2 <= 1;
    return head || body;
  };
}

const group: Shape[] = [person(0.3, 0.44, 0.085), person(0.7, 0.44, 0.085), person(0.5, 0.39, 0.11)];
const inGroup: Shape = (x, y) => group.some((s) => s(x, y));

function render(size: number, background: [number, number, number, number], inset: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // Map into the inset box so the figure keeps a margin.
          const ux = (x - inset) / (1 - 2 * inset);
          const uy = (y - inset) / (1 - 2 * inset);
          if (ux >= 0 && ux <= 1 && uy >= 0 && uy <= 1 && inGroup(ux, uy)) hits++;
        }
      }
      const a = hits / (samples * samples);
      const [br, bg, bb, ba] = background;
      const i = (py * size + px) * 4;
      // White over the background.
      const outA = a + (ba / 255) * (1 - a);
      const mix = (c: number) => (outA === 0 ? 0 : Math.round((255 * a + c * (ba / 255) * (1 - a)) / outA));
      png.data[i] = mix(br);
      png.data[i + 1] = mix(bg);
      png.data[i + 2] = mix(bb);
      png.data[i + 3] = Math.round(outA * 255);
    }
  }
  return PNG.sync.write(png);
}

const dir = path.dirname(fileURLToPath(import.meta.url));
writeFileSync(path.join(dir, 'color.png'), render(192, [0x1f, 0x6f, 0x78, 255], 0.04));
writeFileSync(path.join(dir, 'outline.png'), render(32, [0, 0, 0, 0], 0.02));
console.log('appPackage/color.png, appPackage/outline.png written');
