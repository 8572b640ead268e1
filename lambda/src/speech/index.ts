/** The speech layer: SpeechPlan → timed timeline → SSML for Alexa / plain text for the console. */
export * from './plan';
export { estimateSpeechMs } from './estimate';
export { holdCues, MAX_SILENCE_MS, type Cue, type HoldCues, type HoldKind } from './holdCues';
export {
  resolvePlan,
  isTextSegment,
  isPauseSegment,
  type Estimate,
  type PauseSegment,
  type Segment,
  type TextSegment,
  type Timeline,
} from './timeline';
export { toSsml, escapeXml, fitsAlexa, fitTimeline, MAX_SSML_CHARS, MAX_BREAK_MS } from './ssml';
export { toConsoleText } from './text';
export { markDigits, plainDigits, spacedDigits, splitDigits, type DigitsPart } from './digits';
