/**
 * The console's own chrome (not Alexa's voice, which comes from i18n through the skill):
 * labels a developer sees around the transcript.
 */
export const MESSAGES = {
  banner:
    'Back & Hip Coach console. Type what you would say to Alexa: "open back hip coach", "start my stretches", "pause", … "quit" leaves.',
  usage:
    'Usage: npm start -- [--fast] [--user NAME] [--locale en-US] [--data DIR|memory]\n' +
    '  --fast    do not wait out pauses\n  --user    who is speaking (progress is kept per user)\n' +
    '  --locale  the interaction model and voice language\n  --data    where the embedded store keeps its data',
  you: 'You: ',
  alexa: 'Alexa: ',
  card: '(card in the Alexa app) ',
  sessionEnded: '(session ended; say "open back hip coach" to start again)',
  unmatched: '(not understood by the model: sent as AMAZON.FallbackIntent)',
  error: '(the skill failed: ',
  noModel: 'No interaction model in skill-package/interactionModels/custom for the locale ',
} as const;
