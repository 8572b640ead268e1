import { gate, type GateInput } from '../../../lambda/src/screening/gate';

const base: GateInput = { today: '2026-11-26', lastClearDay: '2026-11-24', askPain: true, gentle: false };

describe('the safety gate before any exercise', () => {
  it.each(['emergency', 'urgent-today', 'urgent-days'] as const)(
    'refuses exercise after a %s answer this session',
    (o) => {
      expect(gate({ ...base, sessionOutcome: o })).toBe('refuse');
      expect(gate({ ...base, sessionOutcome: o, askPain: false, gentle: true })).toBe('refuse');
    },
  );

  it('screens a user who was never screened', () => {
    const { lastClearDay: _none, ...never } = base;
    expect(gate(never)).toBe('screen');
  });

  it('screens again when the last clear screen is more than 7 days old', () => {
    expect(gate({ ...base, lastClearDay: '2026-11-19' })).toBe('ask-pain');
    expect(gate({ ...base, lastClearDay: '2026-11-18' })).toBe('screen');
  });

  it('does not screen twice in a session once it came out clear or see-a-clinician', () => {
    expect(gate({ ...base, lastClearDay: '2026-01-01', sessionOutcome: 'clear' })).toBe('ask-pain');
    expect(gate({ ...base, lastClearDay: '2026-01-01', sessionOutcome: 'see-clinician' })).toBe('ask-pain');
  });

  it('asks about pain before a routine but not before a single exercise', () => {
    expect(gate(base)).toBe('ask-pain');
    expect(gate({ ...base, askPain: false })).toBe('go');
  });

  it('offers relief instead of strength work after high pain, but lets gentle work go ahead', () => {
    expect(gate({ ...base, painHigh: true })).toBe('offer-relief');
    expect(gate({ ...base, painHigh: true, gentle: true, askPain: false })).toBe('go');
  });
});
