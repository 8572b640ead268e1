/**
 * Draws the two skill icons the Alexa store requires (108×108 and 512×512 PNG) into
 * skill-package/assets/images/: a teal disc with a white figure holding a glute bridge.
 * Shapes are signed distance fields sampled per pixel, so every edge is anti-aliased at
 * either size without an image library.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png';

export const ICONS = [
  { field: 'smallIconUri', size: 108 },
  { field: 'largeIconUri', size: 512 },
] as const;

export type IconField = (typeof ICONS)[number]['field'];

/** The ASK CLI v2 skill-package name: assets/images/<locale>_<manifest field>.png. */
export const iconPath = (locale: string, field: IconField): string => `assets/images/${locale}_${field}.png`;

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

/** A shape in unit coordinates (0..1 across the icon): its signed distance, negative inside. */
type Shape = (x: number, y: number) => number;

// This runs per pixel per shape: sqrt rather than the slower Math.hypot, and Math's functions
// held locally, because a global lookup is slow inside jest's vm context (20× here).
const { min, max, sqrt, round } = Math;
const length = (dx: number, dy: number) => sqrt(dx * dx + dy * dy);

const circle =
  ([cx, cy]: Point, r: number): Shape =>
  (x, y) =>
    length(x - cx, y - cy) - r;

/** A stroke with round caps from a to b (a limb, the floor line). */
const capsule = ([ax, ay]: Point, [bx, by]: Point, r: number): Shape => {
  const dx = bx - ax;
  const dy = by - ay;
  const squared = dx * dx + dy * dy;
  return (x, y) => {
    const t = min(1, max(0, ((x - ax) * dx + (y - ay) * dy) / squared));
    return length(x - (ax + t * dx), y - (ay + t * dy)) - r;
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) => {
    let nearest = Number.MAX_VALUE;
    for (const shape of shapes) nearest = min(nearest, shape(x, y));
    return nearest;
  };

// The figure lies on its back, head and shoulders on the floor, arms along it, hips lifted
// with the knees just above them and the feet planted: the bridge, the skill's signature
// exercise. The thigh bends a little off the torso's line so the pose reads at 108 px.
const FLOOR_Y = 0.684;
const SHOULDER: Point = [0.3, 0.615];
const HIP: Point = [0.5, 0.44];
const KNEE: Point = [0.665, 0.385];
const FOOT: Point = [0.715, 0.615];

const FIGURE = union(
  circle([0.205, 0.585], 0.062),
  capsule(SHOULDER, HIP, 0.046),
  capsule(HIP, KNEE, 0.046),
  capsule(KNEE, FOOT, 0.04),
  capsule(FOOT, [0.765, 0.625], 0.03),
  capsule([0.31, 0.63], [0.47, 0.632], 0.026),
);
const FLOOR = capsule([0.14, FLOOR_Y], [0.86, FLOOR_Y], 0.016);
const DISC_TOP: Rgb = [42, 168, 156];
const DISC_BOTTOM: Rgb = [18, 108, 106];
const WHITE: Rgb = [255, 255, 255];

/** How much of a pixel a shape covers, from its distance in pixels (a one-pixel ramp). */
const coverage = (distancePx: number): number => min(1, max(0, 0.5 - distancePx));

const mix = (from: number, to: number, amount: number) => from + (to - from) * amount;

export function drawIcon(size: number): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  // The disc stops a pixel short of the edge so its anti-aliased rim is not clipped.
  const disc = circle([0.5, 0.5], 0.5 - 1 / size);
  for (let py = 0; py < size; py += 1) {
    const y = (py + 0.5) / size;
    const background = DISC_TOP.map((top, i) => mix(top, DISC_BOTTOM[i] ?? top, y));
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) / size;
      const floor = 0.45 * coverage(FLOOR(x, y) * size);
      const figure = coverage(FIGURE(x, y) * size);
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i += 1) {
        const white = WHITE[i] ?? 255;
        pixels[offset + i] = round(mix(mix(background[i] ?? 0, white, floor), white, figure));
      }
      // The figure stays inside the disc, so the disc's edge alone sets the transparency.
      pixels[offset + 3] = round(coverage(disc(x, y) * size) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

function main(): void {
  const dir = join(__dirname, '..', 'skill-package');
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  for (const { field, size } of ICONS) {
    const file = join(dir, iconPath('en-US', field));
    writeFileSync(file, encodePng(drawIcon(size)));
    console.log(`${file} (${size}×${size})`);
  }
}

if (require.main === module) main();
