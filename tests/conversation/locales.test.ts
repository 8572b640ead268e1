import { Conversation } from '../support/conversation';

/** An emergency answer in each English store names that country's emergency number. */
describe.each([
  ['en-US', '911'],
  ['en-CA', '911'],
  ['en-GB', '999'],
  ['en-AU', '000'],
  ['en-IN', '112'],
] as const)('in %s', (locale, number) => {
  it(`an emergency answer says to call ${number}, and the session ends`, async () => {
    const c = new Conversation({ locale });
    expect(await c.launch()).toContain('What would you like?');
    await c.say('run a symptom check');
    const text = await c.say('yes');
    // Said digit by digit (the console shows "9 9 9"), twice.
    const spoken = number.split('').join(' ');
    expect(text).toContain(`call ${spoken}, that's ${spoken},`);
    expect(c.last.ssml).toContain(`<say-as interpret-as="digits">${number}</say-as>`);
    expect(text).toContain("don't drive yourself");
    expect(c.last.ended).toBe(true);
  });

  it('coaching works the same', async () => {
    const c = new Conversation({ locale });
    await c.launch();
    expect(await c.say('what exercises do you have')).toContain('I can coach pelvic tilts');
  });
});

it('in the UK an urgent answer also points to NHS 111', async () => {
  const c = new Conversation({ locale: 'en-GB' });
  await c.launch();
  await c.say('run a symptom check');
  for (let i = 0; i < 4; i += 1) await c.say('no');
  await c.say('yes'); // fever: see a doctor today
  for (let i = 0; i < 4; i += 1) await c.say('no');
  expect(c.text).toContain('call 1 1 1 for urgent medical advice');
  expect(c.text).toContain('call 9 9 9');
  expect(c.last.ssml).toContain('<say-as interpret-as="digits">111</say-as>');
});
