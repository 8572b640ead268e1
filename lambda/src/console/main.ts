import { existsSync } from 'node:fs';
import * as readline from 'node:readline';
import { buildHandler } from '../skill';
import { createDocumentClient } from '../store/client';
import { DynamoUserStore } from '../store/dynamoUserStore';
import { startLocalDynamo } from '../store/local';
import { silentLogger } from '../util/logger';
import { machineTimeZone } from '../util/timeZone';
import { parseArgs } from './args';
import { Device, modelPath, type DeviceReply } from './device';
import { MESSAGES } from './messages';
import { durationOf, playRealtime } from './player';
import { segmentsToText, ssmlSegments } from './ssmlSegments';

/** The time a listener takes to answer after the speech ends, in simulated time. */
const REPLY_GAP_MS = 1000;

/** Leaves the console. "bye" and "goodbye" are said to the skill, as to a device. */
const QUIT = /^(quit|exit)$/i;

/**
 * `npm start`: the skill as a terminal conversation. On a terminal it speaks in real time
 * (pauses waited out, typing interrupts like a barge-in); with --fast, or when input is a
 * script, it prints at once and advances a simulated clock by what was "spoken".
 */
const main = async (): Promise<void> => {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(MESSAGES.usage);
    return;
  }
  if (!existsSync(modelPath(options.locale))) {
    console.error(`${MESSAGES.noModel}${options.locale}`);
    process.exitCode = 2;
    return;
  }
  const interactive = Boolean(process.stdin.isTTY) && !options.fast;
  // Real time on a terminal; otherwise a clock that moves by what was spoken.
  let simulated = Date.now();
  const clock = interactive ? Date.now : () => simulated;

  // The embedded store: dynalite in this process, data on disk so progress outlives the console.
  const local = await startLocalDynamo(options.data === 'memory' ? {} : { path: options.data });
  const store = new DynamoUserStore({
    client: createDocumentClient({ endpoint: local.endpoint }),
    tableName: local.tableName,
    log: () => undefined,
  });
  const handler = buildHandler({ clock, logger: silentLogger, store, timeZone: machineTimeZone });
  const device = new Device({
    handler,
    locale: options.locale,
    userId: `amzn1.ask.account.console.${options.user}`,
    clock,
  });

  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
  });
  const out = { write: (text: string) => process.stdout.write(text) };
  if (interactive) console.log(MESSAGES.banner);

  let playing: AbortController | undefined;
  const queue: string[] = [];
  let busy = false;
  let closed = false;

  const show = async (reply: DeviceReply): Promise<void> => {
    const segments = ssmlSegments(reply.ssml);
    if (reply.unmatched) console.log(MESSAGES.unmatched);
    if (!interactive) {
      console.log(`${MESSAGES.alexa}${segmentsToText(segments)}`);
      simulated += durationOf(segments) + REPLY_GAP_MS;
    } else {
      out.write(MESSAGES.alexa);
      playing = new AbortController();
      await playRealtime(segments, out, playing.signal);
      playing = undefined;
    }
    if (reply.card) console.log(`${MESSAGES.card}${reply.card.title}: ${reply.card.content}`);
    if (reply.ended) console.log(MESSAGES.sessionEnded);
  };

  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (!text) return true;
    if (!interactive) console.log(`${MESSAGES.you}${text}`);
    if (QUIT.test(text)) {
      await device.endSession();
      return false;
    }
    try {
      await show(await device.say(text));
    } catch (error) {
      console.log(`${MESSAGES.error}${String(error)})`);
    }
    return true;
  };

  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      const keepGoing = await handle(queue.shift() ?? '');
      if (!keepGoing) {
        // Whatever was typed after "quit" is not said: the console is leaving.
        queue.length = 0;
        rl.close();
        break;
      }
      if (interactive && queue.length === 0) rl.prompt();
    }
    busy = false;
    if (closed && queue.length === 0) {
      await device.endSession();
      await local.close();
    }
  };

  rl.setPrompt(MESSAGES.you);
  rl.on('line', (line) => {
    // A line typed while Alexa speaks interrupts her, as "Alexa, …" does on a device.
    playing?.abort();
    queue.push(line);
    void drain();
  });
  rl.on('close', () => {
    closed = true;
    void drain();
  });
  if (interactive) rl.prompt();
};

void main();
