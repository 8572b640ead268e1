import fc from 'fast-check';
import { HABIT_TOPICS } from '../../lambda/src/advice/habits';
import { ONSET_IDS } from '../../lambda/src/advice/relief';
import { measurer, ssmlOf } from '../../lambda/src/alexa/render';
import { translateFor } from '../../lambda/src/alexa/translate';
import { levelsOf } from '../../lambda/src/alexa/user';
import { EXERCISE_IDS, PACE_IDS, ROUTINE_IDS } from '../../lambda/src/coach/ids';
import type { Context } from '../../lambda/src/conversation/context';
import type { Command, Event } from '../../lambda/src/conversation/event';
import type { StepResult } from '../../lambda/src/conversation/reply';
import { initialState, type ConversationState } from '../../lambda/src/conversation/state';
import { step } from '../../lambda/src/conversation/step';
import {
  addToPending,
  applyDeltas,
  emptyProfile,
  momentIn,
  type PendingProgress,
  type Profile,
} from '../../lambda/src/progress';
import { SYMPTOM_IDS } from '../../lambda/src/screening/symptoms';
import { say } from '../../lambda/src/speech/plan';
import { replayHint, runsFor, settings, timeoutFor } from './support/budget';
import { LOCALES, T0 } from './support/envelopes';
import { ssmlProblems } from './support/ssml';

/**
 * Random walks of events through the pure reducer, each reply rendered to SSML the way the
 * skill renders it (alexa/render.ts), the reprompt too, with the context built as
 * alexa/conversationHandler.ts builds it: every SSML within Alexa's 8000 characters, every
 * break at most 10 s, never two breaks side by side, the text escaped, valid for Alexa.
 */

const COMMANDS: readonly Command[] = ['next', 'previous', 'repeat', 'pause', 'resume', 'startOver', 'skip'];

/** Every event the reducer can get from the shell, with the values parsing can produce. */
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom<Event>({ kind: 'launch' }, { kind: 'sessionEnded' }, { kind: 'stop' }),
  },
  {
    weight: 6,
    arbitrary: fc.constantFrom('yes', 'no', 'unsure').map((answer): Event => ({ kind: 'answer', answer })),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(...COMMANDS).map((command): Event => ({ kind: 'command', command })),
  },
  {
    weight: 2,
    arbitrary: fc
      .option(fc.constantFrom(...PACE_IDS), { nil: undefined })
      .map((pace): Event => (pace ? { kind: 'pace', pace } : { kind: 'pace' })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        routine: fc.option(fc.constantFrom(...ROUTINE_IDS), { nil: undefined }),
        heard: fc.boolean(),
      })
      .map(({ routine, heard }): Event =>
        routine ? { kind: 'startRoutine', routine } : { kind: 'startRoutine', heard },
      ),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        exercise: fc.option(fc.constantFrom(...EXERCISE_IDS), { nil: undefined }),
        heard: fc.boolean(),
      })
      .map(({ exercise, heard }): Event =>
        exercise ? { kind: 'startExercise', exercise } : { kind: 'startExercise', heard },
      ),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(...SYMPTOM_IDS).map((symptom): Event => ({ kind: 'symptom', symptom })),
      fc.constantFrom<Event>(
        { kind: 'symptom' },
        { kind: 'symptom', unclear: true },
        { kind: 'symptomCheck' },
      ),
    ),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(2.5, 1e9, -0), fc.constant(undefined))
      .map((score): Event => (score === undefined ? { kind: 'painScore' } : { kind: 'painScore', score })),
  },
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.constantFrom<Event>(
        { kind: 'help' },
        { kind: 'hurts' },
        { kind: 'listExercises' },
        { kind: 'medicine' },
        { kind: 'progress' },
        { kind: 'deleteData' },
        { kind: 'whereAmI' },
        { kind: 'easier' },
        { kind: 'why' },
        { kind: 'unknown' },
        { kind: 'relief' },
        { kind: 'habit' },
      ),
      fc.constantFrom(...ONSET_IDS).map((onset): Event => ({ kind: 'relief', onset })),
      fc.constantFrom(...HABIT_TOPICS).map((topic): Event => ({ kind: 'habit', topic })),
    ),
  },
);

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Who is talking: someone new, someone screened today, someone with levels, a resume point and weeks of history. */
const screenedToday: Profile = {
  ...emptyProfile(dayOf(T0 - 3 * DAY)),
  lastClearScreenDay: dayOf(T0),
  disclaimerHeard: true,
};
const profile: fc.Arbitrary<Profile | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constant(screenedToday) },
  {
    weight: 2,
    arbitrary: fc.constant<Profile>({
      ...emptyProfile(dayOf(T0 - 60 * DAY)),
      disclaimerHeard: true,
      lastClearScreenDay: dayOf(T0 - 2 * DAY),
      sessionsTotal: 30,
      secondsTotal: 9000,
      activeDays: [dayOf(T0 - 2 * DAY), dayOf(T0 - DAY)],
      exerciseCounts: { bridge: 12, 'bird-dog': 9 },
      exerciseLevels: { bridge: { level: 1, updatedAt: T0 - 10 * DAY } },
      practice: {
        'bird-dog': { 0: { countFrom: 0, clean: { a: T0 - 3 * DAY, b: T0 - 2 * DAY, c: T0 - DAY } } },
      },
      pace: { value: 'slower', updatedAt: T0 - DAY },
      resume: { routine: 'full', blockIndex: 4, exerciseId: 'clamshell', at: T0 - DAY },
      resumeUpdatedAt: T0 - DAY,
    }),
  },
);

/**
 * Most walks get into exercise first (a routine or an exercise, a low pain score, maybe a
 * pace), since the blocks are where the long SSML and the pauses are.
 */
const goOn = fc.constantFrom<Event>({ kind: 'answer', answer: 'yes' }, { kind: 'command', command: 'next' });
const opening: fc.Arbitrary<Event[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Event[]>([]) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...ROUTINE_IDS).map((routine): Event => ({ kind: 'startRoutine', routine })),
          fc.constantFrom(...EXERCISE_IDS).map((exercise): Event => ({ kind: 'startExercise', exercise })),
        ),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.constantFrom(...PACE_IDS), { nil: undefined }),
        fc.array(goOn, { maxLength: 8 }),
      )
      .map(([start, score, pace, more]): Event[] => [
        ...(pace ? [{ kind: 'pace', pace } as const] : []),
        start,
        { kind: 'painScore', score },
        ...more,
      ]),
  },
);

interface Walk {
  readonly locale: string;
  readonly timeZone: string;
  readonly profile: Profile | undefined;
  readonly unavailable: boolean;
  /** Each event, after the user heard `heard` of the last reply (over 1: then waited). */
  readonly steps: readonly { readonly event: Event; readonly heard: number }[];
}

const walk: fc.Arbitrary<Walk> = fc.record({
  locale: fc.constantFrom(...LOCALES),
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'),
  profile,
  unavailable: fc.boolean(),
  steps: fc
    .tuple(
      opening,
      fc.array(
        fc.record({ event, heard: fc.oneof(fc.constant(1.02), fc.double({ min: 0, max: 3, noNaN: true })) }),
        { minLength: 10, maxLength: 30 },
      ),
    )
    .map(([first, rest]) => [...first.map((e) => ({ event: e, heard: 1.02 })), ...rest]),
});

const runs = runsFor(0.05);

it(
  `every reply and reprompt of a random walk through the reducer is SSML Alexa takes (${replayHint(runs)})`,
  async () => {
    await fc.assert(
      fc.asyncProperty(walk, async (w) => {
        const t = translateFor(w.locale);
        const measure = measurer(t);
        let base = w.profile;
        let pending: PendingProgress = [];
        let state: ConversationState = initialState(base?.pace?.value);
        let now = T0;
        let last: StepResult | undefined;
        const said: string[] = [];
        for (const [i, s] of w.steps.entries()) {
          if (last) now += Math.round(measure(last.reply.speech).totalMs * s.heard) + 800;
          // The shell's context (conversationHandler.ts): the profile with this session's changes applied.
          const current = applyDeltas(base, pending);
          const ctx: Context = {
            now,
            moment: momentIn(now, w.timeZone),
            locale: w.locale,
            profile: current,
            profileUnavailable: w.unavailable,
            levels: levelsOf(current),
            sessionKey: 'walk-session',
            measure,
          };
          let r = step(state, s.event, ctx);
          for (const change of r.changes) pending = addToPending(pending, change, `request-${i}`);
          if (r.effect === 'removeUser') {
            base = undefined;
            pending = [];
            r = step(r.state, { kind: 'removed', ok: true }, { ...ctx, profile: undefined });
          }
          const speech = r.reply.speech.length > 0 ? ssmlOf(r.reply.speech, t) : '';
          const reprompt = r.reply.end ? '' : ssmlOf(r.reply.reprompt ?? [say('common.reprompt')], t);
          said.push(`${i + 1}. ${JSON.stringify(s.event)} → ${speech.slice(7, 80)}`);
          const problems = [
            ...(speech ? await ssmlProblems(speech) : []).map((p) => `speech: ${p}\n${speech}`),
            ...(reprompt ? await ssmlProblems(reprompt) : []).map((p) => `reprompt: ${p}\n${reprompt}`),
          ];
          if (problems.length > 0) throw new Error(`${problems.join('\n')}\nsteps:\n${said.join('\n')}`);
          last = r;
          state = r.state;
          // A session that ended: its changes are stored, the next request opens a new session.
          if (r.reply.end || s.event.kind === 'sessionEnded') {
            base = applyDeltas(base, pending);
            pending = [];
            state = initialState(base?.pace?.value);
          }
        }
      }),
      settings(runs),
    );
  },
  timeoutFor(runs * 20, 1),
);
