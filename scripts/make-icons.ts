/**
 * Renders the two skill icons the Alexa store requires (108×108 and 512×512 PNG) into
 * skill-package/assets/images/ from the committed drawing scripts/icon.svg, with resvg.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICONS = [
  { field: 'smallIconUri', size: 108 },
  { field: 'largeIconUri', size: 512 },
] as const;

type IconField = (typeof ICONS)[number]['field'];

const ICON_SOURCE = join(__dirname, 'icon.svg');

/** The ASK CLI v2 skill-package name: assets/images/<locale>_<manifest field>.png. */
const iconPath = (locale: string, field: IconField): string => `assets/images/${locale}_${field}.png`;

/** The icon as PNG bytes, `size` pixels square. */
export function renderIcon(size: number): Buffer {
  // The drawing has no text, so no fonts are loaded.
  const svg = new Resvg(readFileSync(ICON_SOURCE), {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  return svg.render().asPng();
}

function main(): void {
  const dir = join(__dirname, '..', 'skill-package');
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  for (const { field, size } of ICONS) {
    const file = join(dir, iconPath('en-US', field));
    writeFileSync(file, renderIcon(size));
    console.log(`${file} (${size}×${size})`);
  }
}

if (require.main === module) main();
