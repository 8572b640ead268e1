import { HABIT_TOPICS, habitMenu, habitPlan } from '../../../lambda/src/advice/habits';
import { translatorFor } from '../../../lambda/src/i18n';
import { words } from '../screening/render';

const t = translatorFor('en-US');
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);

describe('daily habits', () => {
  test.each(HABIT_TOPICS)('%s: two or three sentences of tips', (topic) => {
    const tips = t(`advice.habits.${topic}.tips`);
    expect(sentences(tips).length).toBeGreaterThanOrEqual(2);
    expect(sentences(tips).length).toBeLessThanOrEqual(3);
    expect(words(habitPlan(topic).plan).startsWith(tips)).toBe(true);
  });

  test.each(HABIT_TOPICS)('%s: then offers the other topics or a routine', (topic) => {
    const turn = habitPlan(topic);
    const offer = words({ items: turn.offer ? [turn.offer] : [] });
    for (const other of HABIT_TOPICS.filter((x) => x !== topic)) expect(offer).toContain(other);
    expect(offer).not.toContain(topic);
    expect(offer).toContain('routine');
    expect(turn.awaiting).toBe('topic-or-routine');
  });

  test.each([
    ['sitting', ['feet flat', 'a little below', 'lumbar support']],
    ['breaks', ['30 to 60 minutes', 'stand', 'stretch']],
    ['lifting', ['bend your knees and hips', 'close to your body', 'legs']],
    ['sleep', ['pillow between your knees', 'pillow under your knees']],
  ] as const)('%s covers the points of CONTENT.md', (topic, points) => {
    const text = words(habitPlan(topic).plan);
    for (const p of points) expect(text).toContain(p);
  });

  test('asked without a topic, it lists the four', () => {
    const text = words(habitMenu().plan);
    for (const topic of HABIT_TOPICS) expect(text).toContain(topic);
  });
});
