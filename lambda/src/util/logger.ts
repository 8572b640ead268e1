import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One structured JSON line per event, with no user data: callers pass only fixed event
 * names, request types, intent names, error names and figures — never slot values,
 * user ids, answers or scores. Every line carries the request it belongs to (see
 * `inRequest`), and no field can grow a line past a few hundred characters.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** What every line of one invocation says about it: ids from Lambda and Alexa, never the user's. */
export interface RequestContext {
  readonly requestId?: string;
  readonly coldStart: boolean;
}

// Per invocation, even when invocations overlap in one process (tests, the bench).
const current = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with every log line inside it stamped with `context`. */
export const inRequest = <T>(context: RequestContext, fn: () => T): T => current.run(context, fn);

/** The longest value a field may hold: all are from fixed lists, so this only guards against a slip. */
export const FIELD_LIMIT = 64;

const bounded = (fields: LogFields): LogFields => {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [name, value] of Object.entries(fields).slice(0, 12)) {
    out[name.slice(0, FIELD_LIMIT)] = typeof value === 'string' ? value.slice(0, FIELD_LIMIT) : value;
  }
  return out;
};

export const jsonLogger = (write: (line: string) => void = (line) => console.log(line)): Logger => {
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(
        JSON.stringify({
          level,
          event: event.slice(0, FIELD_LIMIT),
          ...current.getStore(),
          ...bounded(fields),
        }),
      );
  return { info: log('info'), warn: log('warn'), error: log('error') };
};

/**
 * A JSON line written elsewhere (the store logs its own) with the invocation's context added,
 * so it carries the request id and cold start like every other line.
 */
export const withRequestContext = (line: string): string => {
  const context = current.getStore();
  if (!context) return line;
  const { level, event, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify({ level, event, ...context, ...rest });
};

/** A logger that drops everything (the console's default, to keep the transcript clean). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
