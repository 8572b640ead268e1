import { translatorFor } from '../../../lambda/src/i18n';
import { hold, plan, say, type Translate } from '../../../lambda/src/speech/plan';
import { toConsoleText } from '../../../lambda/src/speech/text';
import { resolvePlan } from '../../../lambda/src/speech/timeline';

const t: Translate = translatorFor('en-US');

describe('toConsoleText', () => {
  it('shows a 30-second hold with its cues and the pauses in seconds', () => {
    const text = toConsoleText(resolvePlan(plan(say('speech.hold.start'), hold(30_000)), t));
    expect(text).toMatch(
      /^Hold\. \[pause 10s\] 20 seconds\. \[pause \d\.\ds\] 10\. \[pause \d(\.\d)?s\] 5\. /,
    );
    expect(text.endsWith('1. [pause 0.7s] And relax.')).toBe(true);
  });

  it('shows pauses with at most one decimal and never as 0 s', () => {
    const text = toConsoleText({
      segments: [{ text: 'a', ms: 1 }, { pause: 8_640 }, { text: 'b', ms: 1 }, { pause: 20 }],
    });
    expect(text).toBe('a [pause 8.6s] b [pause 0.1s]');
  });
});
