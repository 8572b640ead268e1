import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoachApp } from '../../infrastructure/lib/coach-app';

export const TEST_SKILL_ID = 'amzn1.ask.skill.test';

/**
 * The app exactly as `cdk synth` builds it, with a stand-in bundle so the stack tests do not
 * depend on the skill code (the bundle itself is tested in build.test.ts).
 */
export function createTestApp(context: Record<string, unknown> = {}) {
  const codeDir = mkdtempSync(join(tmpdir(), 'coach-lambda-'));
  writeFileSync(join(codeDir, 'index.js'), 'exports.handler = async () => ({});\n');
  const outdir = mkdtempSync(join(tmpdir(), 'coach-cdk-out-'));
  const created = createCoachApp({
    lambdaCodePath: codeDir,
    outdir,
    context: { skillId: TEST_SKILL_ID, ...context },
    env: {},
  });
  const cleanup = () => {
    rmSync(codeDir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  };
  return { ...created, cleanup };
}
