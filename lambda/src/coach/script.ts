import { hold, mark, pause, say, type SpeechItem } from '../speech/plan';
import type { Block } from './blocks';
import { CATALOG } from './catalog';
import type { PaceId } from './ids';
import { repHoldMs, scaled, stretchHoldMs } from './pace';

/**
 * Rep holds up to this long are silent (the user is mid-rep; a countdown every rep would
 * be noise); longer ones are counted out loud like a stretch.
 */
const SILENT_HOLD_MAX_MS = 8000;

/**
 * Time given to get into a new exercise's position when it is described in the same
 * response as its first movement. Not scaled by pace: getting down to the floor takes
 * what it takes.
 */
export const GET_IN_POSITION_MS = 6000;

/**
 * How a block opens:
 * - `full`: the exercise is new in this response: name, position (with the side by limb),
 *   a timed pause to get there, then the movement and cue;
 * - `positioned`: the position was described in the question before ("Say ready when you're
 *   there"): name, movement and cue only;
 * - `short`: a later block of the exercise: the set and/or the side by limb;
 * - `resumed`: an interrupted block picked up from its start: name and side, no explanation.
 * A block picked up mid-way (fromStep > 0) always opens with just "Rep N.".
 */
export type Opening = 'full' | 'positioned' | 'short' | 'resumed';

/** i18n key prefix of an exercise's words as coached in this block (easier version or not). */
const wordsOf = (block: Block): string =>
  `coach.exercise.${block.exerciseId}${block.easier ? '.easier' : ''}`;

/** i18n key of the side sentence of a block ("Left side down: your top knee, the right, lifts."). */
export const sideKey = (block: Block): string | undefined =>
  block.side
    ? `${wordsOf(block)}.${block.easier ? 'side' : (block.dose.sides ?? 'side')}.${block.side}`
    : undefined;

/** i18n key of the short side words of a block ("lying on your left side"), for status answers. */
export const limbKey = (block: Block): string | undefined =>
  block.side
    ? `${wordsOf(block)}.${block.easier ? 'side' : (block.dose.sides ?? 'side')}.limb.${block.side}`
    : undefined;

/** The position of a block's exercise, with its side named by the limb. */
export const positionOf = (block: Block): SpeechItem[] => {
  const side = sideKey(block);
  return [say(`${wordsOf(block)}.position`), ...(side ? [say(side)] : [])];
};

/** The movement explanation (with a harder variant's words) and the cue. */
const explanation = (block: Block): SpeechItem[] => {
  const words = wordsOf(block);
  const variant = block.dose.variant && !block.easier ? [say(`${words}.variant.${block.dose.variant}`)] : [];
  return [say(`${words}.movement`), ...variant, say(`${words}.cue`)];
};

/** The opening of a block. */
const header = (block: Block, fromStep: number, opening: Opening): SpeechItem[] => {
  const id = block.exerciseId;
  if (fromStep > 0) return [say('coach.resumeAt', { count: fromStep + 1 })];
  const side = sideKey(block);
  const sideSay = side ? [say(side)] : [];
  // The easier version has its own name ("Standing hip flexor stretch").
  const title = say(block.easier ? 'coach.header.easier' : 'coach.header.plain', { id });
  switch (opening) {
    case 'resumed':
      // Picking an interrupted block up from its start: name it, don't explain it again.
      return [title, ...sideSay];
    case 'positioned':
      return [title, ...explanation(block)];
    case 'full':
      return [
        title,
        ...positionOf(block),
        say('coach.position.getThere'),
        pause(GET_IN_POSITION_MS),
        say('coach.position.there'),
        ...explanation(block),
      ];
    case 'short': {
      const exercise = CATALOG[id];
      // Switching sides may mean rolling over or changing knees: a moment before the first movement.
      const settle = side && exercise.switchMs > 0 ? [pause(exercise.switchMs)] : [];
      // The set is named when it changes; the other side of the same set names the exercise.
      if (!exercise.sided) return [say('coach.setHeader', { set: block.set, sets: block.dose.sets })];
      const otherSide = block.easier ? 'coach.header.easierOtherSide' : 'coach.header.otherSide';
      if (block.side === 'right') return [say(otherSide, { id }), ...sideSay, ...settle];
      return [say('coach.setHeader', { set: block.set, sets: block.dose.sets }), ...sideSay, ...settle];
    }
  }
};

/** A hold inside a rep: silent when short, counted when long. */
const repHold = (ms: number): SpeechItem => (ms > SILENT_HOLD_MAX_MS ? hold(ms) : pause(ms));

/**
 * The speech of one block from `fromStep` on. Each step starts with a Mark so the timeline
 * tells where every rep falls; a final Mark (step = reps) marks the block's end.
 * Pace scales the return after each rep and short rep pauses, never a stated hold.
 */
export const blockScript = (
  block: Block,
  fromStep: number,
  pace: PaceId,
  opening: Opening = block.first ? 'full' : 'short',
): SpeechItem[] => {
  const exercise = CATALOG[block.exerciseId];
  const items: SpeechItem[] = header(block, fromStep, opening);
  const steps = block.dose.reps;
  const moves = block.dose.moves ?? [exercise.move];
  const back = block.dose.back ?? exercise.back;
  if (exercise.kind === 'stretch') {
    items.push(
      mark(0),
      say(`coach.move.${moves[0] ?? exercise.move}`),
      hold(stretchHoldMs(block.dose.holdMs)),
    );
  } else {
    for (let rep = fromStep; rep < steps; rep += 1) {
      const holdMs = repHoldMs(block.dose.holdMs, pace);
      const move = moves[rep % moves.length] ?? exercise.move;
      items.push(mark(rep), say(`coach.move.${move}`), repHold(holdMs));
      // A counted hold already ends with "and relax": the return word would repeat it.
      if (holdMs <= SILENT_HOLD_MAX_MS) items.push(say(`coach.move.${back}`));
      items.push(pause(scaled(exercise.returnMs, pace)), say('coach.count', { count: rep + 1 }));
    }
  }
  items.push(mark(steps));
  return items;
};
