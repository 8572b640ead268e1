/**
 * One structured JSON line per event, with no user data: callers pass only fixed event
 * names, request types, intent names, error names and figures — never slot values,
 * user ids, answers or scores.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const jsonLogger = (write: (line: string) => void = (line) => console.log(line)): Logger => {
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(JSON.stringify({ level, event, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
};

/** A logger that drops everything (the console's default, to keep the transcript clean). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
