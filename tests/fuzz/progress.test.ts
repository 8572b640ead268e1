import fc from 'fast-check';
import type { Profile } from '../../lambda/src/progress';
import { at, doExercise, regular } from '../support/progressPeople';
import { replayHint, runsFor, settings, timeoutFor } from './support/budget';
import { outputOf } from './support/checks';
import { T0, intentOf, userIdOf } from './support/envelopes';
import { FuzzSkill, Visit } from './support/harness';
import { CheckedVisit, STOP, turn, type TurnSpec } from './support/turns';

/**
 * A user with stored progress (made through a real conversation, by utterance, with the
 * conversation harness) comes back and exercises while the session attributes are damaged
 * between turns. Every turn is answered, and what is stored never shrinks: the sessions, the
 * completions and the seconds only go up, and only on days the clock has shown.
 */

const HOUR = 3_600_000;
let skill: FuzzSkill;
let seeded: Record<string, unknown>;
beforeAll(async () => {
  skill = await FuzzSkill.start();
  const person = await regular(skill.db, { tableName: skill.tableName, userId: userIdOf('progress-seed') });
  const c = person.session(at(0));
  await c.launch();
  await doExercise(c, 'bird dog');
  c.listen();
  await c.say('stop');
  const item = await skill.itemOf(person.userId);
  if (!item || (await person.profile())?.sessionsTotal !== 1)
    throw new Error('the seeded progress was not stored');
  seeded = item;
}, 60_000);
afterAll(async () => {
  await skill.close();
});

/** What may only ever go up. */
const counters = (p: Profile | undefined): Record<string, number> => {
  const out: Record<string, number> = {
    sessionsTotal: p?.sessionsTotal ?? 0,
    secondsTotal: p?.secondsTotal ?? 0,
  };
  for (const [exercise, count] of Object.entries(p?.exerciseCounts ?? {}))
    out[`completions.${exercise}`] = count ?? 0;
  return out;
};

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Exercising, mostly: the things that make progress, so there is progress to lose. */
const EXERCISING = [
  'StartExerciseIntent',
  'AMAZON.YesIntent',
  'AMAZON.YesIntent',
  'AMAZON.NextIntent',
  'PainRatingIntent',
  'SkipIntent',
  'AMAZON.ResumeIntent',
  'StartRoutineIntent',
];

const visitArb = fc.record({
  turns: fc.array(
    fc.oneof(
      { weight: 8, arbitrary: turn({ intent: intentOf({ names: EXERCISING }) }) },
      { weight: 1, arbitrary: turn() },
      { weight: 1, arbitrary: turn().map((t): TurnSpec => ({ ...t, ends: true })) },
    ),
    { minLength: 3, maxLength: 12 },
  ),
  stop: turn({ intent: STOP, damaged: 5 }),
});

const runs = runsFor(0.01);

it(
  `damaged session attributes never take stored progress down, and every turn is answered (${replayHint(runs)})`,
  async () => {
    await fc.assert(
      fc.asyncProperty(visitArb, async (v) => {
        const userId = skill.newUserId();
        await skill.putItem(userId, seeded);
        skill.now = T0 + 2 * HOUR;
        const talk = new CheckedVisit(new Visit(skill, userId, 'progress'));
        const problems: string[] = [];
        let before = counters(await skill.store.load(userId));
        const check = async (): Promise<void> => {
          const profile = await skill.store.load(userId);
          const now = counters(profile);
          for (const [name, was] of Object.entries(before)) {
            if ((now[name] ?? 0) < was) problems.push(`${name} went from ${was} to ${now[name] ?? 0}`);
          }
          const days = [...Object.keys(profile?.days ?? {}), ...(profile?.activeDays ?? [])];
          const clockDays = new Set([dayOf(T0), dayOf(skill.now)]);
          for (const day of days)
            if (!clockDays.has(day))
              problems.push(`progress recorded on ${day}, a day the clock never showed`);
          before = now;
        };
        for (const t of v.turns) {
          problems.push(...(await talk.play(t)).problems);
          await check();
        }
        const { sent, problems: last } = await talk.play(v.stop);
        problems.push(...last);
        if (outputOf(sent).response?.shouldEndSession !== true)
          problems.push('"stop" did not end the session');
        await check();
        if (problems.length > 0) throw new Error(talk.report(problems));
      }),
      settings(runs),
    );
  },
  timeoutFor(runs * 10, 15),
);
