import { check } from 'ssml-check-core';
import { plainTextOf } from '../../../lambda/src/alexa/render';
import { translateFor } from '../../../lambda/src/alexa/translate';
import { ssmlSegments, segmentsToText } from '../../../lambda/src/console/ssmlSegments';
import {
  estimateSpeechMs,
  markDigits,
  plainDigits,
  spacedDigits,
  splitDigits,
  toConsoleText,
} from '../../../lambda/src/speech';
import { digits, plan, say, type Translate } from '../../../lambda/src/speech/plan';
import { toSsml } from '../../../lambda/src/speech/ssml';
import { resolvePlan } from '../../../lambda/src/speech/timeline';

/** A translator that puts params into a template, as i18next does, through the real shell. */
const gb = translateFor('en-GB');

describe('a number said digit by digit', () => {
  test('the translator marks a digits param, keeping its zeros, and drops anything not a digit', () => {
    const text = gb('screening.emergency.callOrGo', { number: digits('000') });
    expect(splitDigits(text)).toEqual([
      { text: 'Please call ' },
      { digits: '000' },
      { text: ", that's " },
      { digits: '000' },
      { text: ", or go to an emergency department now, and don't drive yourself." },
    ]);
    expect(splitDigits(markDigits('9-9 9<x>'))).toEqual([{ digits: '999' }]);
  });

  test('SSML says it with <say-as interpret-as="digits">, twice, and Alexa accepts it', async () => {
    const ssml = toSsml(
      resolvePlan(plan(say('screening.emergency.callOrGo', { number: digits('999') })), gb),
    );
    expect(ssml).toBe(
      '<speak>Please call <say-as interpret-as="digits">999</say-as>, that\'s <say-as interpret-as="digits">999</say-as>, or go to an emergency department now, and don\'t drive yourself.</speak>',
    );
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
  });

  test('the text around it stays XML-escaped, and a stray marker never reaches the SSML', async () => {
    const odd: Translate = () => `Call ${markDigits('112')} & <go> \uE000now.`;
    const ssml = toSsml(resolvePlan(plan(say('any')), odd));
    expect(ssml).toBe('<speak>Call <say-as interpret-as="digits">112</say-as> &amp; &lt;go&gt; now.</speak>');
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
  });

  test('the console shows it as spaced digits, from the timeline and from the SSML', () => {
    const timeline = resolvePlan(plan(say('screening.ifWorse', { number: digits('999') })), gb);
    expect(toConsoleText(timeline)).toBe('If you feel very unwell, or it gets a lot worse, call 9 9 9.');
    expect(segmentsToText(ssmlSegments(toSsml(timeline)))).toBe(
      'If you feel very unwell, or it gets a lot worse, call 9 9 9.',
    );
  });

  test('the speech estimate times it as three spoken digits', () => {
    const t: Translate = () => `Call ${markDigits('999')} now.`;
    expect(resolvePlan(plan(say('any')), t).totalMs).toBe(estimateSpeechMs('Call 9 9 9 now.'));
    expect(estimateSpeechMs('Call 9 9 9 now.')).toBeGreaterThan(estimateSpeechMs('Call 999 now.'));
    expect(spacedDigits(`a ${markDigits('000')} b`)).toBe('a 0 0 0 b');
  });

  test('a card shows it as a plain number', () => {
    expect(plainDigits(`Call ${markDigits('911')}.`)).toBe('Call 911.');
    expect(
      plainTextOf(
        [say('screening.emergency.reason.injury'), say('screening.ifWorse', { number: digits('000') })],
        translateFor('en-AU'),
      ),
    ).toBe(
      'Sudden, severe pain after a fall or an injury needs checking straight away. If you feel very unwell, or it gets a lot worse, call 000.',
    );
  });
});
