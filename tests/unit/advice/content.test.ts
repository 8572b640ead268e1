import advice from '../../../lambda/src/i18n/en/advice.json';
import screening from '../../../lambda/src/i18n/en/screening.json';

/** Every spoken string of both areas: the guards below hold for anything the coach can say. */
const strings = (node: unknown, path = ''): [string, string][] =>
  typeof node === 'string'
    ? [[path, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
        strings(v, path ? `${path}.${k}` : k),
      );

const all = [...strings(screening, 'screening'), ...strings(advice, 'advice')];

describe('what the coach never says', () => {
  test.each([
    /nothing serious/i,
    /nothing to worry/i,
    /not serious/i,
    /you'?re (fine|ok|okay)/i,
    /you are (fine|ok|okay)/i,
    /don'?t worry/i,
    /\bnormal\b/i,
    /\bcure/i,
  ])('no reassurance or promise matching %p', (pattern) => {
    expect(all.filter(([, text]) => pattern.test(text))).toEqual([]);
  });

  test.each([
    /\d+\s*(mg|milligrams?|ml|tablets?|pills?|capsules?)\b/i,
    /\bdose|\bdosage/i,
    /ibuprofen|naproxen|aspirin|paracetamol|acetaminophen|diclofenac|codeine|nsaid/i,
    /advil|motrin|aleve|nurofen|tylenol|voltaren|panadol|deep heat|tiger balm/i,
    /anti-?inflammator/i,
  ])('no dose, drug or brand words matching %p', (pattern) => {
    expect(all.filter(([, text]) => pattern.test(text))).toEqual([]);
  });

  test('no emergency number is written into the words: it always comes from the locale', () => {
    const calls = all.filter(([, text]) => /\b(911|999|000|112|111)\b/.test(text));
    expect(calls).toEqual([]);
  });
});
