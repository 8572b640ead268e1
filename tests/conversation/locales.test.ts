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
    expect(text).toContain(`call ${number}`);
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
  for (let i = 0; i < 3; i += 1) await c.say('no');
  expect(c.text).toContain('111');
  expect(c.text).toContain('999');
});
