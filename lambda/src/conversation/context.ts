import type { Levels } from '../coach/blocks';
import type { Measured } from '../coach/engine';
import type { Moment, Profile } from '../progress';
import type { SpeechItem } from '../speech/plan';

/** What the reducer knows about the world for one request; built by the shell, plain data. */
export interface Context {
  /** The request's timestamp (epoch ms): barge-in positions are measured with it. */
  readonly now: number;
  /** The instant and the user's own calendar day. */
  readonly moment: Moment;
  /** The request's locale: picks the emergency numbers. */
  readonly locale: string;
  /** Stored progress with this session's unsaved changes applied (undefined: none, or unreadable). */
  readonly profile: Profile | undefined;
  /** The profile could not be read this session (store fault). */
  readonly profileUnavailable: boolean;
  readonly levels: Levels;
  /** An opaque id of this Alexa session for counting sessions (not the Alexa user id). */
  readonly sessionKey: string;
  /** Times speech as it will be spoken (the renderer's timeline), for barge-in positions. */
  readonly measure: (items: readonly SpeechItem[]) => Measured;
}
