import type { Logger } from '../util/logger';

/** What the skill is built with: injected so tests and the console build the same skill. */
export interface SkillDeps {
  /** Fallback clock when a request carries no timestamp (epoch ms). */
  readonly clock: () => number;
  readonly logger: Logger;
  /** When set, requests for any other skill id are rejected. */
  readonly skillId?: string;
}
