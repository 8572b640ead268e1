import type { Conversation } from './conversation';

/** Answers the red-flag screen "no" to every question, as someone with no warning signs. */
export const passScreen = async (c: Conversation): Promise<void> => {
  expect(c.text).toContain('Before we move, a few quick safety questions');
  for (let i = 0; i < 9 && !/None of those warning signs/.test(c.text); i += 1) {
    await c.say('no');
  }
  expect(c.text).toContain('None of those warning signs');
};

/** The rep counts a block said out loud, in order: each count follows the pause of the return. */
export const countsIn = (text: string): number[] =>
  [...text.matchAll(/\] (\d+)\./g)].map((m) => Number(m[1]));

/** Rates the pain (2 by default) when the coach asks before exercise; does nothing otherwise. */
export const ratePainIfAsked = async (c: Conversation, answer = "it's a two"): Promise<void> => {
  if (/How's your pain right now/.test(c.text)) await c.say(answer);
};

/** A user who asked for exercise gets to the first movement: the screen and the pain question. */
export const readyToExercise = async (c: Conversation): Promise<void> => {
  if (/a few quick safety questions/.test(c.text)) await passScreen(c);
  await ratePainIfAsked(c);
};
