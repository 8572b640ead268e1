import fc from 'fast-check';
import { replayHint, runsFor, settings, timeoutFor } from './support/budget';
import { GENERIC_ERROR, outputOf } from './support/checks';
import { T0, matchedSlot } from './support/envelopes';
import { FuzzSkill, Visit, speechOf } from './support/harness';
import { buildLibrary, type Library } from './support/library';
import { CheckedVisit, STOP, turn } from './support/turns';
import { damage } from './support/attributes';

/**
 * Whole sessions through the real handler, the attributes of each response carried into the
 * next request as Alexa does, damaged between turns now and then (an older skill version's
 * shape, a bug). Every turn must be answered (never the generic error: once a session keeps
 * getting it, it is stuck), and "stop" or "cancel" must end it.
 */

let skill: FuzzSkill;
let library: Library;
beforeAll(async () => {
  skill = await FuzzSkill.start();
  library = await buildLibrary(skill);
}, 60_000);
afterAll(async () => {
  await skill.close();
});

const session = fc.record({
  opener: fc.oneof(fc.constant(undefined), turn({ damaged: 0 })),
  turns: fc.array(turn(), { minLength: 1, maxLength: 8 }),
  stop: turn({ intent: STOP, damaged: 5 }),
  regular: fc.boolean(),
});

const runs = runsFor(0.05);

it(
  `every turn of a session is answered, whatever happens to its attributes, and "stop" ends it (${replayHint(runs)})`,
  async () => {
    await fc.assert(
      fc.asyncProperty(session, async (s) => {
        skill.now = T0;
        const userId = s.regular ? library.regularId : skill.newUserId();
        if (s.regular) await skill.putItem(library.regularId, library.regularItem);
        const talk = new CheckedVisit(new Visit(skill, userId, 'session'));
        const problems: string[] = [];
        if (s.opener) problems.push(...(await talk.play(s.opener)).problems);
        else {
          const sent = await talk.visit.launch();
          talk.last = sent;
          talk.transcript.push(`launch → ${speechOf(sent).slice(7, 90)}`);
        }
        for (const t of s.turns) problems.push(...(await talk.play(t)).problems);
        const { sent, problems: last } = await talk.play(s.stop);
        problems.push(...last);
        if (outputOf(sent).response?.shouldEndSession !== true)
          problems.push('"stop" did not end the session');
        if (speechOf(sent).includes(GENERIC_ERROR)) problems.push('"stop" got the generic error');
        if (problems.length > 0) throw new Error(talk.report(problems));
      }),
      settings(runs),
    );
  },
  timeoutFor(runs * 6, 10),
);

const onceRuns = runsFor(0.02);

it(
  `a session whose attributes are damaged once goes on answering: the damage is not carried forward (${replayHint(onceRuns)})`,
  async () => {
    // The plainest stuck session: damage once, mid-screen, then only clean turns.
    await fc.assert(
      fc.asyncProperty(
        damage,
        fc.array(turn({ damaged: 0 }), { minLength: 2, maxLength: 4 }),
        async (d, later) => {
          skill.now = T0;
          const talk = new CheckedVisit(new Visit(skill, skill.newUserId(), 'once'));
          const routine = matchedSlot('routine', 'RoutineName', { id: 'quick-relief', name: 'quick relief' });
          await talk.play({
            intent: { name: 'StartRoutineIntent', confirmationStatus: 'NONE', slots: { routine } },
            heard: 1,
            damage: { kind: 'none' },
          });
          const problems: string[] = [];
          const no = { name: 'AMAZON.NoIntent', confirmationStatus: 'NONE' };
          problems.push(...(await talk.play({ intent: no, heard: 1.05, damage: d })).problems);
          for (const t of later) problems.push(...(await talk.play(t)).problems);
          if (problems.length > 0) throw new Error(talk.report(problems));
        },
      ),
      settings(onceRuns),
    );
  },
  timeoutFor(onceRuns * 6, 10),
);
