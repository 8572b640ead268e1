import type { HandlerInput } from 'ask-sdk-core';
import type { UserStore } from '../store/userStore';
import type { Logger } from '../util/logger';
import type { Metrics } from '../util/metrics';

/** What the skill is built with: injected so tests and the console build the same skill. */
export interface SkillDeps {
  /** Fallback clock when a request carries no timestamp (epoch ms). */
  readonly clock: () => number;
  readonly logger: Logger;
  /** Counts for operators (CloudWatch EMF on Lambda); none when absent. */
  readonly metrics?: Metrics;
  /** Where progress is kept; without one the skill coaches but remembers nothing. */
  readonly store?: UserStore;
  /** The user's IANA time zone (Alexa Settings API on a device); undefined falls back to UTC. */
  readonly timeZone?: (input: HandlerInput) => Promise<string | undefined>;
  /** When set, requests for any other skill id are rejected. */
  readonly skillId?: string;
}
