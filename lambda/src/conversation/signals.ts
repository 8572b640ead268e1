import type { ConversationState } from './state';

/** What happened in one turn that operators count (metrics): counts only, never who or what was said. */
export type Signal = 'emergencyAdvised' | 'routineCompleted';

/** Read off the state before and after a turn, so no path through the reducer can miss one. */
export const signalsOf = (before: ConversationState, after: ConversationState): Signal[] => [
  ...(after.safety === 'emergency' && before.safety !== 'emergency' ? (['emergencyAdvised'] as const) : []),
  ...((after.routinesDone ?? 0) > (before.routinesDone ?? 0) ? (['routineCompleted'] as const) : []),
];
