import { plan, say } from '../speech/plan';
import type { AdviceTurn } from './turn';

/** Daily habits (CONTENT.md): a few plain sentences per topic, then what else is on offer. */

export const HABIT_TOPICS = ['sitting', 'breaks', 'lifting', 'sleep'] as const;
/** HabitTopic slot ids. */
export type HabitTopic = (typeof HABIT_TOPICS)[number];

export const isHabitTopic = (v: unknown): v is HabitTopic => HABIT_TOPICS.includes(v as HabitTopic);

export const habitPlan = (topic: HabitTopic): AdviceTurn => ({
  plan: plan(say(`advice.habits.${topic}.tips`)),
  offer: say(`advice.habits.${topic}.offer`),
  reprompt: plan(say('advice.habits.offerReprompt')),
  awaiting: 'topic-or-routine',
});

/** When the user asks for habit tips without saying which. */
export const habitMenu = (): AdviceTurn => ({
  plan: plan(say('advice.habits.menu')),
  reprompt: plan(say('advice.habits.menuReprompt')),
  awaiting: 'topic',
});
