import type { Resource } from 'i18next';
import common from './en/common.json';
import coach from './en/coach.json';
import speech from './en/speech.json';
import screening from './en/screening.json';
import advice from './en/advice.json';
import progress from './en/progress.json';
import conversation from './en/conversation.json';

/**
 * Every spoken word lives in these files, one per conversation area, merged under the
 * area's name (`coach.intro.bridge`, `screening.q1`…). A new language adds a folder.
 */
export const resources: Resource = {
  en: { translation: { common, coach, speech, screening, advice, progress, conversation } },
};
