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
 *
 * Then the real thing at every pace (CONTENT.md: "a 30 s stretch lasts 30 s at every pace"):
 * the routine engine speaks the first block of each stretch (the kneeling hip flexor
 * stretch, the lying hamstring stretch) at slower, normal and faster pace, and again after
 * that pace is asked for in the middle of the hold; the response is rendered as the SSML
 * Alexa gets (`ssmlOf`, the skill's renderer) and its hold measured the same way: the
 * block's one hold item replaced by a 1 s break and "And relax." gives B. Each must last
 * 30 s within ±1 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measurer, ssmlOf } from '../lambda/src/alexa/render';
import { coach, type CoachContext } from '../lambda/src/coach/engine';
import { PACE_IDS, type ExerciseId, type PaceId } from '../lambda/src/coach/ids';
import { initialCoachState } from '../lambda/src/coach/state';
import { translatorFor } from '../lambda/src/i18n';
import {
  hold,
  isHold,
  isMark,
  pause,
  plan,
  resolvePlan,
  say,
  toSsml,
  type SpeechItem,
  type SpeechPlan,
  type Translate,
} from '../lambda/src/speech';

const TARGETS_S = [10, 30, 60];
const TOLERANCE_S = 1.5;
/** The stretches coached by the engine, at every pace: 30 s within ±1 s. */
const STRETCHES: readonly ExerciseId[] = ['hip-flexor-stretch', 'hamstring-stretch'];
const STRETCH_S = 30;
const STRETCH_TOLERANCE_S = 1;
const BREAK_TOLERANCE_S = 0.1;
const ESPEAK = existsSync('/usr/bin/espeak-ng') ? '/usr/bin/espeak-ng' : 'espeak-ng';

const translator = translatorFor('en-US');
const t: Translate = (key, params) => String(translator(key, params ?? {}));
const dir = mkdtempSync(join(tmpdir(), 'check-audio-'));

/** Seconds espeak-ng takes to speak an SSML document. */
const ssmlSeconds = (ssml: string, name: string): number => {
  const wav = join(dir, `${name}.wav`);
  execFileSync(ESPEAK, ['-m', '-w', wav, ssml]);
  return Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim());
};

/** Seconds espeak-ng takes to speak the plan's SSML. */
const spokenSeconds = (p: SpeechPlan, name: string): number => ssmlSeconds(toSsml(resolvePlan(p, t)), name);

const ctxAt = (now: number): CoachContext => ({ now, measure: measurer(t) });
const START = Date.UTC(2026, 10, 26, 9, 0, 0);

/**
 * The engine's response holding `exercise`'s first stretch: started at `pace`, or (`midHold`)
 * started at normal pace with `pace` asked for 10 s into the hold, as a user would say it.
 */
const stretchResponse = (exercise: ExerciseId, pace: PaceId, midHold: boolean): readonly SpeechItem[] => {
  const started = coach(
    initialCoachState(midHold ? 'normal' : pace),
    { type: 'startExercise', exercise, levels: {} },
    ctxAt(START),
  );
  if (!midHold) return started.speech;
  const holdAt = started.state.run?.marks?.[0];
  if (typeof holdAt !== 'number') throw new Error(`no hold mark in the ${exercise} block`);
  const paced = coach(started.state, { type: 'pace', pace }, ctxAt(START + holdAt + 10_000));
  if (paced.state.pace !== pace) throw new Error(`asking for ${pace} at normal gave ${paced.state.pace}`);
  return paced.speech;
};

/** The hold inside a real response, in seconds: A (the response) − (B − 1 s), B with a 1 s break for the hold. */
const holdSecondsIn = (items: readonly SpeechItem[], name: string): number => {
  const holds = items.filter(isHold);
  const only = holds[0];
  if (holds.length !== 1 || !only) throw new Error(`${name}: expected one hold, found ${holds.length}`);
  const spoken = items.filter((i) => !isMark(i));
  const known = spoken.flatMap((i) => (i === only ? [pause(1000), say('speech.hold.done')] : [i]));
  const a = ssmlSeconds(ssmlOf(spoken, t), `${name}-a`);
  const b = ssmlSeconds(ssmlOf(known, t), `${name}-b`);
  return a - (b - 1);
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
  console.log(
    `\n${results.every(Boolean) ? 'All holds' : 'NOT all holds'} within ±${TOLERANCE_S} s of target.`,
  );

  console.log(
    `\nReal stretch blocks from the routine engine, rendered as Alexa's SSML: ${STRETCH_S} s at every pace (±${STRETCH_TOLERANCE_S} s)\n`,
  );
  console.log('exercise           | pace   | when                 | measured (s) | delta (s) | result');
  console.log('-------------------|--------|----------------------|--------------|-----------|-------');
  const stretchResults = STRETCHES.flatMap((exercise) =>
    [false, true].flatMap((midHold) =>
      PACE_IDS.map((pace) => {
        const when = midHold ? `said 10 s into hold` : `block started at it`;
        const name = `${exercise}-${pace}-${midHold ? 'mid' : 'start'}`;
        const measured = holdSecondsIn(stretchResponse(exercise, pace, midHold), name);
        const delta = measured - STRETCH_S;
        const ok = Math.abs(delta) <= STRETCH_TOLERANCE_S;
        const sign = delta >= 0 ? '+' : '';
        console.log(
          `${exercise.padEnd(18)} | ${pace.padEnd(6)} | ${when.padEnd(20)} | ${measured.toFixed(3).padStart(12)} | ${(sign + delta.toFixed(3)).padStart(9)} | ${ok ? 'ok' : 'FAIL'}`,
        );
        return ok;
      }),
    ),
  );
  console.log(
    `\n${stretchResults.every(Boolean) ? 'All stretches' : 'NOT all stretches'} last ${STRETCH_S} s ±${STRETCH_TOLERANCE_S} s at slower, normal and faster pace.`,
  );
  const allOk = breaksHonoured && results.every(Boolean) && stretchResults.every(Boolean);
  process.exitCode = allOk ? 0 : 1;
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? 'espeak-ng or soxi not found: apt-get install espeak-ng sox' : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
