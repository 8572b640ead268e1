/**
 * The scripted conversations the bench replays. Each turn says what the person says and
 * how long after the previous reply they say it: after hearing all of it ("listen"), or
 * barging in a number of ms into it. `saves` is what the product rules say the turn must
 * write to the store, and why; a turn without it must write nothing.
 */
export interface Turn {
  readonly say: string;
  /** 'listen': the whole reply was heard, then a 1.5 s gap; a number: barge-in after that many ms. */
  readonly after: 'listen' | number;
  /** Why this turn must write (a block or routine finished, pace changed, screen cleared). */
  readonly saves?: string;
}

const no = (saves?: string): Turn => ({ say: 'no', after: 'listen', ...(saves ? { saves } : {}) });

/**
 * A first-time user's session: looks around, starts the quick relief routine (the first
 * exercise ever opens the red-flag screen: 9 × "no"), rates their pain, and is coached
 * through the whole routine with a pause, a pace change and a question for help in the
 * middle of a stretch, then asks how they are doing and leaves.
 */
export const SCRIPTED_SESSION: readonly Turn[] = [
  { say: 'open back hip coach', after: 'listen' },
  { say: 'what exercises do you have', after: 'listen' },
  { say: 'start my stretches', after: 'listen' },
  no(),
  no(),
  no(),
  no(),
  no(),
  no(),
  no(),
  no(),
  no('screen cleared (its date is kept; the answers never are)'),
  { say: "it's a two", after: 'listen' },
  { say: 'yes', after: 'listen', saves: 'block finished: pelvic tilts completed' },
  { say: 'pause', after: 20_000 },
  { say: 'resume', after: 15_000 },
  { say: 'slower', after: 5_000, saves: 'pace changed' },
  { say: 'help', after: 10_000 },
  { say: 'yes', after: 'listen' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  // The hip flexor stretch's last block named the hamstring stretch: "ready" starts it.
  { say: 'ready', after: 'listen', saves: 'block finished: hip flexor stretch completed' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  { say: 'yes', after: 'listen', saves: 'block finished: resume point moves on' },
  // The last block was heard to its end: the report counts it, so the finished routine is saved here.
  {
    say: 'how am I doing',
    after: 'listen',
    saves: 'routine finished: last block heard, resume point cleared',
  },
  { say: 'stop', after: 'listen' },
];

/**
 * A short first-time session for the fault figure: open the skill, ask for the bird dog
 * (two blocks, one per side), pass the red-flag screen (9 × "no"), rate the pain, hear both
 * sides to the end, then "stop": the goodbye is the turn that saves the second side. Without
 * its last turn it ends in silence instead.
 */
export const FAULT_SESSION: readonly Turn[] = [
  { say: 'open back hip coach', after: 'listen' },
  { say: 'coach me through a bird dog', after: 'listen' },
  ...Array.from({ length: 9 }, () => no()),
  { say: "it's a two", after: 'listen' },
  { say: 'yes', after: 'listen' },
  { say: 'stop', after: 'listen' },
];

/** Commands mixed into the long session, in turn, every few turns while a routine runs. */
const LONG_SESSION_EXTRAS: readonly Turn[] = [
  { say: 'how am I doing', after: 'listen' },
  { say: 'repeat', after: 8_000 },
  { say: 'slower', after: 8_000 },
  { say: 'pause', after: 8_000 },
  { say: 'resume', after: 20_000 },
  { say: 'normal speed', after: 8_000 },
  { say: 'what helps right now', after: 'listen' },
  { say: 'next', after: 8_000 },
];

/**
 * The next turn of the long (memory) session, from what the skill just said: the screen
 * answered "no", a pain rating when asked, a new routine when one is done, and otherwise
 * "yes" through routine after routine with a command from LONG_SESSION_EXTRAS every 4th turn.
 */
export const longSessionTurn = (index: number, lastText: string, ended: boolean): Turn => {
  if (index === 0 || ended) return { say: 'open back hip coach', after: 'listen' };
  if (
    /safety questions|Any |Have you|Did the|Do you|Is the pain|Has this pain/.test(lastText) &&
    /\?$/.test(lastText)
  )
    return { say: 'no', after: 'listen' };
  if (/How's your pain/.test(lastText)) return { say: "it's a three", after: 'listen' };
  if (/What would you like|Which would you like|no exercise going/.test(lastText))
    return { say: index % 2 === 0 ? 'do the strength routine' : 'start the full routine', after: 'listen' };
  if (/resume when you're ready/.test(lastText)) return { say: 'resume', after: 20_000 };
  if (index % 4 === 0)
    return LONG_SESSION_EXTRAS[(index / 4) % LONG_SESSION_EXTRAS.length] ?? { say: 'yes', after: 'listen' };
  return { say: 'yes', after: 'listen' };
};

export const LONG_SESSION_TURNS = 50;
