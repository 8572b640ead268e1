export interface ConsoleOptions {
  readonly fast: boolean;
  readonly user: string;
  readonly locale: string;
  /** Where the embedded store keeps its data (a folder), or 'memory'. */
  readonly data: string;
  readonly help: boolean;
}

const valueAfter = (argv: readonly string[], flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  const inline = argv.find((a) => a.startsWith(`${flag}=`));
  if (inline) return inline.slice(flag.length + 1);
  return i >= 0 ? argv[i + 1] : undefined;
};

export const parseArgs = (argv: readonly string[]): ConsoleOptions => ({
  fast: argv.includes('--fast'),
  user: valueAfter(argv, '--user') ?? 'local-user',
  locale: valueAfter(argv, '--locale') ?? 'en-US',
  data: valueAfter(argv, '--data') ?? '.local/dynamo',
  help: argv.includes('--help') || argv.includes('-h'),
});
