import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, expandedIntents, modelFileText } from '../lambda/src/model/build';

/** Writes skill-package/interactionModels/custom/<locale>.json from lambda/src/model. */
const dir = join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');
for (const locale of LOCALES) {
  writeFileSync(join(dir, `${locale}.json`), modelFileText(locale));
  const samples = expandedIntents(locale).reduce((n, i) => n + i.samples.length, 0);
  console.log(`${locale}: ${samples} samples`);
}
