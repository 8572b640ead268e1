/** CDK entry (cdk.json "app"): `npx cdk synth -c skillId=amzn1.ask.skill.…`. */
import { join, resolve } from 'node:path';
import { createCoachApp } from '../lib/coach-app';

const repoRoot = resolve(__dirname, '..', '..');

try {
  const { app } = createCoachApp({ lambdaCodePath: join(repoRoot, 'dist', 'lambda') });
  app.synth();
} catch (error) {
  // A short message instead of a stack trace: the usual causes are a missing -c skillId
  // or a missing build.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
