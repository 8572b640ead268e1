import { T0, matchedSlot, userIdOf } from './envelopes';
import { Visit, listenedMs, speechOf, type FuzzSkill, type Sent } from './harness';
import type { Json, JsonObject } from './json';
import { SLOT_VALUES } from './model';

/**
 * Real session attributes, and a user with real stored progress, made by talking to the
 * skill under test before the fuzzing starts (plain, well-formed requests). Fuzz cases pick
 * snapshots by index, so a case stays the same whatever the library holds.
 */
export interface Library {
  /** The attributes of every response that kept its session open, across the scripts. */
  readonly snapshots: readonly Json[];
  /** A user who did a bird dog today: a stored profile with a session, seconds and completions. */
  readonly regularId: string;
  /** Their profile item as stored, to put back before a case that uses them. */
  readonly regularItem: Record<string, unknown>;
}

const slot = (name: string, type: string, id: string): JsonObject => {
  const value = SLOT_VALUES[type]?.find((v) => v.id === id);
  if (!value) throw new Error(`no ${type} value ${id}`);
  return { [name]: matchedSlot(name, type, value) };
};

/** Runs scripted turns, keeping the attributes of each response that left the session open. */
class Script {
  readonly snapshots: Json[] = [];
  /** What the skill said, for the error when a script goes wrong. */
  readonly transcript: string[] = [];
  constructor(
    private readonly skill: FuzzSkill,
    readonly visit: Visit,
  ) {}

  private keep(sent: Sent): Sent {
    if (sent.threw !== undefined) throw new Error(`the library script failed: ${String(sent.threw)}`);
    this.transcript.push(speechOf(sent).slice(0, 200));
    if (this.visit.inSession && this.visit.attributes !== undefined)
      this.snapshots.push(this.visit.attributes);
    // The user hears the whole reply, then answers.
    this.skill.now += listenedMs(sent);
    return sent;
  }

  async launch(): Promise<Sent> {
    return this.keep(await this.visit.launch());
  }

  async say(intent: string, slots: JsonObject = {}): Promise<Sent> {
    return this.keep(await this.visit.intent(intent, slots));
  }

  /** "No" to every red-flag question, until the pain question (or the routine) comes. */
  async passScreen(): Promise<void> {
    for (let i = 0; i < 10; i += 1) {
      const last = speechOf(await this.say('AMAZON.NoIntent'));
      if (!/safety questions|\?/.test(last) || /pain right now/.test(last)) return;
    }
  }
}

export const buildLibrary = async (skill: FuzzSkill): Promise<Library> => {
  const started = skill.now;
  skill.now = T0 - 10 * 60_000;
  const regularId = userIdOf('regular');

  // Someone new through a routine: the screen, the pain question, pauses, pace, pain mid-set.
  const a = new Script(skill, new Visit(skill, userIdOf('library-a'), 'library-a'));
  await a.launch();
  await a.say('StartRoutineIntent', slot('routine', 'RoutineName', 'quick-relief'));
  await a.passScreen();
  await a.say('PainRatingIntent', { score: { name: 'score', value: '2', confirmationStatus: 'NONE' } });
  for (const intent of ['AMAZON.PauseIntent', 'AMAZON.ResumeIntent']) await a.say(intent);
  await a.say('PaceIntent', slot('pace', 'PaceName', 'slower'));
  await a.say('AMAZON.NextIntent');
  await a.say('HurtsIntent');
  await a.say('PainRatingIntent', { score: { name: 'score', value: '4', confirmationStatus: 'NONE' } });
  for (const intent of [
    'EasierIntent',
    'WhereAmIIntent',
    'WhyIntent',
    'AMAZON.YesIntent',
    'AMAZON.NextIntent',
  ])
    await a.say(intent);
  await a.say('AMAZON.StopIntent');

  // Advice, offers, the delete question, an unclear symptom, pain with nothing running.
  const b = new Script(skill, new Visit(skill, userIdOf('library-b'), 'library-b'));
  await b.launch();
  await b.say('ReliefTipsIntent', slot('onset', 'PainOnset', 'recent'));
  await b.say('AMAZON.YesIntent');
  await b.say('HabitsIntent', slot('topic', 'HabitTopic', 'sleep'));
  for (const intent of ['MedicineIntent', 'ProgressIntent', 'DeleteDataIntent', 'AMAZON.NoIntent'])
    await b.say(intent);
  await b.say('SymptomReportIntent', {
    symptom: {
      name: 'symptom',
      value: 'wobbly',
      confirmationStatus: 'NONE',
      resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_NO_MATCH' } }] },
    },
  });
  for (const intent of [
    'AMAZON.NoIntent',
    'ListExercisesIntent',
    'HurtsIntent',
    'AMAZON.HelpIntent',
    'AMAZON.CancelIntent',
  ])
    await b.say(intent);

  // The regular: a whole bird dog asked for in one breath, then stop (progress is written).
  const c = new Script(skill, new Visit(skill, regularId, 'regular'));
  await c.say('StartExerciseIntent', slot('exercise', 'ExerciseName', 'bird-dog'));
  await c.passScreen();
  await c.say('PainRatingIntent', { score: { name: 'score', value: '2', confirmationStatus: 'NONE' } });
  for (let i = 0; i < 12; i += 1) {
    if (/Well done\./.test(speechOf(await c.say('AMAZON.YesIntent')))) break;
  }
  await c.say('AMAZON.StopIntent');

  const regularItem = await skill.itemOf(regularId);
  const profile = await skill.store.load(regularId);
  if (!regularItem || !profile || profile.sessionsTotal < 1 || !profile.exerciseCounts['bird-dog'])
    throw new Error(
      `the regular's progress was not stored: ${JSON.stringify(profile)}\n${c.transcript.join('\n')}`,
    );
  skill.now = started;
  return { snapshots: [...a.snapshots, ...b.snapshots, ...c.snapshots], regularId, regularItem };
};
