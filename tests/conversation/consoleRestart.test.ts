import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The real console (`npm start -- --fast --user NAME --data DIR`) as a child process, run
 * more than once on the same data folder: progress kept on disk outlives the process.
 */

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'lambda', 'src', 'console', 'main.ts');

interface Run {
  /** What Alexa said, one entry per reply, in order. */
  readonly alexa: string[];
  readonly stdout: string;
}

/** Types `lines` into the console (one utterance per line); the console exits at the end of input. */
const runConsole = (user: string, data: string, lines: readonly string[]): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      TSX,
      [MAIN, '--fast', '--user', user, '--data', data],
      { cwd: ROOT, timeout: 20_000 },
      (error, stdout) => {
        if (error) return reject(error);
        const alexa = stdout
          .split('\n')
          .filter((l) => l.startsWith('Alexa: '))
          .map((l) => l.slice('Alexa: '.length));
        resolve({ alexa, stdout });
      },
    );
    child.stdin?.end(`${lines.join('\n')}\n`);
  });

const SCREEN_ALL_NO = Array.from({ length: 9 }, () => 'no');

let data: string;
let first: Run;
let again: Run;
let someoneElse: Run;
beforeAll(async () => {
  data = mkdtempSync(path.join(tmpdir(), 'coach-console-'));
  // Ann passes the screen, skips the pain question, finishes the pelvic tilts and stops
  // after the first side of the hip flexor stretch.
  first = await runConsole('ann', data, [
    'open back hip coach',
    'start my stretches',
    ...SCREEN_ALL_NO,
    'skip',
    'yes',
    'stop',
  ]);
  again = await runConsole('ann', data, ['open back hip coach', 'yes', 'skip']);
  someoneElse = await runConsole('bob', data, ['open back hip coach', 'how am I doing']);
}, 60_000);
afterAll(() => {
  rmSync(data, { recursive: true, force: true });
});

describe('the console keeps progress between runs (--data)', () => {
  it('the first run is a first launch and coaches the routine', () => {
    expect(first.alexa[0]).toMatch(/^Hi, I'm your back and hip coach\./);
    expect(first.stdout).toContain('None of those warning signs');
    expect(first.stdout).toContain('Pelvic tilts.');
    expect(first.alexa.at(-2)).toContain('Kneeling hip flexor stretch.');
    expect(first.alexa.at(-1)).toContain('Take care of your back.');
  });

  it('run again with the same --user, it welcomes back and offers to pick up the unfinished routine', () => {
    expect(again.alexa[0]).toBe(
      'Welcome back. Last time you stopped at the kneeling hip flexor stretch. Pick up there?',
    );
    // The screen passed in the first run still counts: straight to the pain question.
    expect(again.alexa[1]).toMatch(/^How's your pain right now/);
    expect(again.alexa[2]).toMatch(
      /^Okay\. .*Picking up where you left off\. Kneeling hip flexor stretch\. Kneel on one knee.* Left knee down, right foot in front/,
    );
    expect(again.stdout).not.toContain('Pelvic tilts.');
  });

  it('a different --user on the same data gets a first-launch welcome and no progress', () => {
    expect(someoneElse.alexa[0]).toMatch(/^Hi, I'm your back and hip coach\./);
    expect(someoneElse.alexa[0]).toContain('not a substitute for medical advice');
    expect(someoneElse.alexa[1]).toMatch(/^You haven't done a session with me yet\./);
  });
});
