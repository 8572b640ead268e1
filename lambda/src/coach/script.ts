import { hold, mark, pause, say, type SpeechItem } from '../speech/plan';
import type { Block } from './blocks';
import { CATALOG } from './catalog';
import type { PaceId } from './ids';
import { scaled } from './pace';

/**
 * Rep holds up to this long are silent (the user is mid-rep; a countdown every rep would
 * be noise); longer ones are counted out loud like a stretch.
 */
const SILENT_HOLD_MAX_MS = 8000;

/** The opening of a block: the full introduction on an exercise's first block, a short header after. */
const header = (block: Block, fromStep: number, introduce: boolean, resumed: boolean): SpeechItem[] => {
  const id = block.exerciseId;
  if (fromStep > 0) return [say('coach.resumeAt', { count: fromStep + 1 })];
  // Picking an interrupted block up from its start: name it, don't explain it again.
  if (resumed) return [say(`coach.header.${block.side ?? 'plain'}`, { id })];
  const side = block.side ? [say(`coach.side.${block.side}`)] : [];
  if (!introduce) {
    // The set is named when it changes; the other side of the same set only needs its side.
    const newSet = block.side !== 'right' || !CATALOG[id].sided;
    return newSet ? [say('coach.setHeader', { set: block.set, sets: block.dose.sets }), ...side] : side;
  }
  const variant = block.dose.variant ? [say(`coach.exercise.${id}.variant.${block.dose.variant}`)] : [];
  return [
    say(`coach.header.${block.side ?? 'plain'}`, { id }),
    say(`coach.exercise.${id}.position`),
    say(`coach.exercise.${id}.movement`),
    ...variant,
    say(`coach.exercise.${id}.cue`),
  ];
};

/** A hold inside a rep: silent when short, counted when long. */
const repHold = (ms: number): SpeechItem => (ms > SILENT_HOLD_MAX_MS ? hold(ms) : pause(ms));

/**
 * The speech of one block from `fromStep` on. Each step starts with a Mark so the timeline
 * tells where every rep falls; a final Mark (step = reps) marks the block's end.
 */
export const blockScript = (
  block: Block,
  fromStep: number,
  pace: PaceId,
  introduce = block.first,
  resumed = false,
): SpeechItem[] => {
  const exercise = CATALOG[block.exerciseId];
  const items: SpeechItem[] = header(block, fromStep, introduce, resumed);
  const steps = block.dose.reps;
  if (exercise.kind === 'stretch') {
    items.push(mark(0), say(`coach.move.${exercise.move}`), hold(scaled(block.dose.holdMs, pace)));
  } else {
    for (let rep = fromStep; rep < steps; rep += 1) {
      const holdMs = scaled(block.dose.holdMs, pace);
      items.push(mark(rep), say(`coach.move.${exercise.move}`), repHold(holdMs));
      // A counted hold already ends with "and relax": the return word would repeat it.
      if (holdMs <= SILENT_HOLD_MAX_MS) items.push(say(`coach.move.${exercise.back}`));
      items.push(pause(scaled(exercise.returnMs, pace)), say('coach.count', { count: rep + 1 }));
    }
  }
  items.push(mark(steps));
  return items;
};
