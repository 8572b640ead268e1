/**
 * `npm run check:audio`: proves holds are truly timed by speaking them.
 *
 * For 10, 30 and 60-second holds it renders the real SSML (real speech renderer, real en-US
 * resources), speaks it with espeak-ng in SSML mode, measures the audio with `soxi -D`, and
 * checks the hold lasts its target within ±1.5 s. Exits non-zero otherwise.
 *
 * What is measured: the time from the end of the words before the hold ("Hold.") to the
 * start of the closing cue ("And relax."), i.e. exactly the hold. Two renders are compared:
 *   A = "Hold." + hold(N)                          (the hold speaks its own "And relax.")
 *   B = "Hold." + <break 1000ms> + "And relax."    (same words, a known 1 s gap instead)
 *   hold = duration(A) − (duration(B) − 1000 ms)
 * The lead-in words matter: espeak-ng ignores a <break> at the very start of <speak>.
 * Before that, it checks espeak-ng honours <break time> at all (B with 1 s vs 5 s).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translatorFor } from '../lambda/src/i18n';
import { hold, pause, plan, resolvePlan, say, toSsml, type SpeechPlan } from '../lambda/src/speech';

const TARGETS_S = [10, 30, 60];
const TOLERANCE_S = 1.5;
const BREAK_TOLERANCE_S = 0.1;
const ESPEAK = existsSync('/usr/bin/espeak-ng') ? '/usr/bin/espeak-ng' : 'espeak-ng';

const t = translatorFor('en-US');
const dir = mkdtempSync(join(tmpdir(), 'check-audio-'));

/** Seconds espeak-ng takes to speak the plan's SSML. */
const spokenSeconds = (p: SpeechPlan, name: string): number => {
  const wav = join(dir, `${name}.wav`);
  execFileSync(ESPEAK, ['-m', '-w', wav, toSsml(resolvePlan(p, t))]);
  return Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim());
};

const start = say('speech.hold.start');
const done = say('speech.hold.done');
const gapOf = (ms: number, name: string): number => spokenSeconds(plan(start, pause(ms), done), name);

try {
  console.log(`espeak-ng: ${execFileSync(ESPEAK, ['--version'], { encoding: 'utf8' }).trim()}`);
  const oneSecond = gapOf(1000, 'gap-1s');
  const breakDelta = gapOf(5000, 'gap-5s') - oneSecond;
  const breaksHonoured = Math.abs(breakDelta - 4) <= BREAK_TOLERANCE_S;
  console.log(
    `<break time> honoured in -m mode: 5000ms vs 1000ms break adds ${breakDelta.toFixed(3)} s (expected 4.000) ${breaksHonoured ? 'ok' : 'FAIL'}`,
  );
  console.log(`measured: end of "${t('speech.hold.start')}" → start of "${t('speech.hold.done')}"\n`);
  console.log('target (s) | measured (s) | delta (s) | result');
  console.log('-----------|--------------|-----------|-------');
  const results = TARGETS_S.map((target) => {
    const measured = spokenSeconds(plan(start, hold(target * 1000)), `hold-${target}s`) - (oneSecond - 1);
    const delta = measured - target;
    const ok = Math.abs(delta) <= TOLERANCE_S;
    const sign = delta >= 0 ? '+' : '';
    console.log(
      `${String(target).padStart(10)} | ${measured.toFixed(3).padStart(12)} | ${(sign + delta.toFixed(3)).padStart(9)} | ${ok ? 'ok' : 'FAIL'}`,
    );
    return ok;
  });
  const allOk = breaksHonoured && results.every(Boolean);
  console.log(`\n${allOk ? 'All holds' : 'NOT all holds'} within ±${TOLERANCE_S} s of target.`);
  process.exitCode = allOk ? 0 : 1;
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? 'espeak-ng or soxi not found: apt-get install espeak-ng sox' : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
