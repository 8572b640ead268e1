import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { v1 } from 'ask-smapi-model';
import { REPO_ROOT } from '../../scripts/build';
import {
  cdkDeployArgs,
  parseDeployOptions,
  SKILL_PACKAGE_OUT,
  SKILL_PACKAGE_SOURCE,
} from '../../scripts/deploy';
import {
  ASK_STATES_FILE,
  packageFileReferences,
  readPackageFiles,
  readStackOutput,
  withLambdaEndpoint,
  withPrivacyPolicyUrl,
  writeAskStates,
  writeDeployPackage,
  type JsonObject,
} from '../../scripts/deploy-manifest';
import {
  deploySkillPackage,
  importIdFromHeaders,
  importOutcome,
  readSmapiCredentials,
  uploadPackage,
  waitUntilDone,
  type SkillPackageApi,
  type UpdateOutcome,
} from '../../scripts/deploy-smapi';
import { zipFiles } from '../../scripts/zip';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:BackAndHipCoach-SkillFunction63F28660-AbC123';
const PRIVACY_URL = 'https://coach.example.org/privacy';
const SETTINGS = { functionArn: ARN, privacyPolicyUrl: PRIVACY_URL };
const PRIVACY_ENV = { PRIVACY_POLICY_URL: PRIVACY_URL };

const skillJson = (): JsonObject => ({
  manifest: {
    publishingInformation: {
      locales: {
        'en-US': { name: 'Back and Hip Coach', examplePhrases: ['Alexa, open back hip coach'] },
      },
      category: 'HEALTH_AND_FITNESS',
    },
    privacyAndCompliance: { usesPersonalInfo: true, containsAds: false },
    apis: { custom: { endpoint: { uri: 'arn:aws:lambda:us-east-1:000000000000:function:placeholder' } } },
    events: {
      endpoint: { uri: 'arn:aws:lambda:us-east-1:000000000000:function:placeholder' },
      subscriptions: [{ eventName: 'SKILL_DISABLED' }],
    },
    manifestVersion: '1.0',
  },
});

/** A temporary folder for the duration of `use`. */
function inTempDir<T>(use: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'coach-deploy-'));
  try {
    return use(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function withoutEndpoints(json: JsonObject): JsonObject {
  const copy = structuredClone(json) as { manifest: { apis: { custom: JsonObject }; events?: JsonObject } };
  delete copy.manifest.apis.custom.endpoint;
  delete copy.manifest.events?.endpoint;
  return copy as unknown as JsonObject;
}

describe('deploy manifest', () => {
  it('points the custom API and the events at the function and changes nothing else', () => {
    const source = skillJson();
    const deployed = withLambdaEndpoint(source, ARN) as {
      manifest: { apis: { custom: { endpoint: unknown } }; events: { endpoint: unknown } };
    };
    expect(deployed.manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(deployed.manifest.events.endpoint).toEqual({ uri: ARN });
    expect(withoutEndpoints(deployed as unknown as JsonObject)).toEqual(withoutEndpoints(source));
    expect(source).toEqual(skillJson());
  });

  it('adds no events section to a skill that subscribes to none', () => {
    const source = skillJson() as { manifest: JsonObject };
    delete source.manifest.events;
    const deployed = withLambdaEndpoint(source, ARN) as { manifest: JsonObject };
    expect(deployed.manifest.events).toBeUndefined();
  });

  it('refuses something that is not a Lambda ARN or not a custom skill', () => {
    expect(() => withLambdaEndpoint(skillJson(), 'https://example.com/skill')).toThrow(
      /not a Lambda function ARN/,
    );
    expect(() => withLambdaEndpoint({ manifest: { apis: {} } }, ARN)).toThrow(/apis\.custom/);
  });

  it('writes the deploy copy to its own folder, leaving skill-package/skill.json untouched', () => {
    inTempDir((root) => {
      const source = join(root, 'skill-package');
      mkdirSync(join(source, 'interactionModels', 'custom'), { recursive: true });
      mkdirSync(join(source, 'assets', 'images'), { recursive: true });
      const original = `${JSON.stringify(skillJson(), null, 2)}\n`;
      writeFileSync(join(source, 'skill.json'), original);
      const model = JSON.stringify({
        interactionModel: { languageModel: { invocationName: 'back hip coach' } },
      });
      writeFileSync(join(source, 'interactionModels', 'custom', 'en-US.json'), model);
      writeFileSync(join(source, 'interactionModels', 'custom', 'README.md'), 'not a model');
      writeFileSync(join(source, 'assets', 'images', 'en-US_smallIconUri.png'), 'icon bytes');

      const pkg = writeDeployPackage(source, join(root, 'dist', 'skill-package'), SETTINGS);

      expect(readFileSync(join(source, 'skill.json'), 'utf8')).toBe(original);
      const written = JSON.parse(readFileSync(join(pkg.dir, 'skill.json'), 'utf8')) as JsonObject;
      expect(written).toEqual(withPrivacyPolicyUrl(withLambdaEndpoint(skillJson(), ARN), PRIVACY_URL));
      expect(written.manifest).toMatchObject({
        apis: { custom: { endpoint: { uri: ARN } } },
        privacyAndCompliance: { locales: { 'en-US': { privacyPolicyUrl: PRIVACY_URL } } },
      });
      expect([...pkg.models.entries()]).toEqual([
        ['en-US', join(root, 'dist', 'skill-package', 'interactionModels', 'custom', 'en-US.json')],
      ]);
      expect(readFileSync(join(pkg.dir, 'interactionModels', 'custom', 'en-US.json'), 'utf8')).toBe(model);
      expect(readPackageFiles(pkg.dir).map((entry) => entry.path)).toEqual([
        'assets/images/en-US_smallIconUri.png',
        'interactionModels/custom/en-US.json',
        'skill.json',
      ]);
    });
  });

  it('gives every published locale the privacy policy URL, keeping a terms-of-use link already there', () => {
    const json = skillJson() as {
      manifest: {
        publishingInformation: { locales: Record<string, JsonObject> };
        privacyAndCompliance: JsonObject;
      };
    };
    json.manifest.publishingInformation.locales['en-GB'] = { name: 'Back and Hip Coach' };
    json.manifest.privacyAndCompliance.locales = {
      'en-GB': { termsOfUseUrl: 'https://coach.example.org/terms' },
    };
    const withUrl = withPrivacyPolicyUrl(json as unknown as JsonObject, PRIVACY_URL);
    expect(withUrl.manifest).toMatchObject({
      privacyAndCompliance: {
        usesPersonalInfo: true,
        containsAds: false,
        locales: {
          'en-US': { privacyPolicyUrl: PRIVACY_URL },
          'en-GB': { privacyPolicyUrl: PRIVACY_URL, termsOfUseUrl: 'https://coach.example.org/terms' },
        },
      },
    });
    expect(json.manifest.privacyAndCompliance.locales).toEqual({
      'en-GB': { termsOfUseUrl: 'https://coach.example.org/terms' },
    });
  });

  it('refuses a privacy policy address that is not https, and a manifest with no privacy section', () => {
    for (const url of [
      'http://coach.example.org/privacy',
      'coach.example.org/privacy',
      'docs/PRIVACY.md',
      '',
    ]) {
      expect(() => withPrivacyPolicyUrl(skillJson(), url)).toThrow(/https:\/\//);
    }
    expect(() => withPrivacyPolicyUrl({ manifest: { publishingInformation: {} } }, PRIVACY_URL)).toThrow(
      /privacyAndCompliance/,
    );
  });

  it('refuses a manifest that points at a package file that is not there', () => {
    inTempDir((root) => {
      const source = join(root, 'skill-package');
      mkdirSync(join(source, 'interactionModels', 'custom'), { recursive: true });
      const json = skillJson() as {
        manifest: { publishingInformation: { locales: { 'en-US': JsonObject } } };
      };
      json.manifest.publishingInformation.locales['en-US'].largeIconUri = 'file://assets/images/missing.png';
      writeFileSync(join(source, 'skill.json'), JSON.stringify(json));
      writeFileSync(join(source, 'interactionModels', 'custom', 'en-US.json'), '{}');
      expect(() => writeDeployPackage(source, join(root, 'out'), SETTINGS)).toThrow(
        /assets\/images\/missing\.png/,
      );
    });
  });

  it('finds the file:// references of a manifest, once each', () => {
    const json: JsonObject = {
      a: 'file://assets/images/a.png',
      b: ['https://example.com/b.png', { c: 'file://assets/images/a.png', d: 'file://x/y.png' }],
      e: 3,
    };
    expect(packageFileReferences(json)).toEqual(['assets/images/a.png', 'x/y.png']);
  });

  it('reads the function ARN from the cdk deploy outputs', () => {
    const outputs = { BackAndHipCoach: { FunctionArn: ARN, TableName: 'BackAndHipCoach-UserTable' } };
    expect(readStackOutput(outputs, 'BackAndHipCoach', 'FunctionArn')).toBe(ARN);
    expect(() => readStackOutput({}, 'BackAndHipCoach', 'FunctionArn')).toThrow(/did `cdk deploy` succeed/);
  });
});

describe('deploy options', () => {
  it('take the skill id from SKILL_ID, falling back to cdk.json context', () => {
    expect(
      parseDeployOptions(
        [],
        { SKILL_ID: 'amzn1.ask.skill.env', ...PRIVACY_ENV },
        { skillId: 'amzn1.ask.skill.ctx' },
      ).skillId,
    ).toBe('amzn1.ask.skill.env');
    expect(parseDeployOptions([], PRIVACY_ENV, { skillId: 'amzn1.ask.skill.ctx' }).skillId).toBe(
      'amzn1.ask.skill.ctx',
    );
    expect(() => parseDeployOptions([], {})).toThrow(/SKILL_ID/);
  });

  it('pass the skill id to cdk deploy and collect the outputs', () => {
    const options = parseDeployOptions(['--yes'], {
      SKILL_ID: 'amzn1.ask.skill.abc',
      ...PRIVACY_ENV,
      ALARM_EMAIL: 'ops@example.com',
    });
    expect(cdkDeployArgs(options, '/out.json')).toEqual([
      'deploy',
      'BackAndHipCoach',
      '-c',
      'skillId=amzn1.ask.skill.abc',
      '-c',
      'alarmEmail=ops@example.com',
      '--outputs-file',
      '/out.json',
      '--require-approval',
      'never',
    ]);
  });

  it('upload the package through SMAPI unless told to leave that to the ASK CLI', () => {
    const env = { SKILL_ID: 'amzn1.ask.skill.abc', ...PRIVACY_ENV };
    expect(parseDeployOptions([], env)).toMatchObject({ infra: true, skill: true, upload: true });
    expect(parseDeployOptions(['--skip-infra', '--no-upload'], env)).toMatchObject({
      infra: false,
      skill: true,
      upload: false,
    });
    expect(parseDeployOptions(['--skip-skill'], env)).toMatchObject({ skill: false, upload: false });
  });

  it('need the privacy policy URL to write the skill package, from PRIVACY_POLICY_URL or cdk.json context', () => {
    const env = { SKILL_ID: 'amzn1.ask.skill.abc' };
    expect(() => parseDeployOptions([], env)).toThrow(/PRIVACY_POLICY_URL/);
    expect(() => parseDeployOptions(['--skip-infra', '--no-upload'], env)).toThrow(/PRIVACY_POLICY_URL/);
    expect(parseDeployOptions(['--skip-skill'], env).privacyPolicyUrl).toBeUndefined();
    const context = { privacyPolicyUrl: 'https://context.example.org/privacy' };
    expect(parseDeployOptions([], env, context).privacyPolicyUrl).toBe('https://context.example.org/privacy');
    expect(parseDeployOptions([], { ...env, ...PRIVACY_ENV }, context).privacyPolicyUrl).toBe(PRIVACY_URL);
    expect(() => parseDeployOptions([], { ...env, PRIVACY_POLICY_URL: 'http://coach.example.org' })).toThrow(
      /https:\/\//,
    );
  });

  it('reject unknown flags and a run with nothing to do', () => {
    const env = { SKILL_ID: 'amzn1.ask.skill.abc', ...PRIVACY_ENV };
    expect(() => parseDeployOptions(['--force'], env)).toThrow(/--force/);
    expect(() => parseDeployOptions(['--skip-infra', '--skip-skill'], env)).toThrow(/nothing to do/);
  });
});

describe('ASK CLI project', () => {
  const askResources = JSON.parse(readFileSync(join(REPO_ROOT, 'ask-resources.json'), 'utf8')) as {
    askcliResourcesVersion?: unknown;
    profiles?: Record<string, Record<string, { src?: unknown } | undefined>>;
  };
  const profile = askResources.profiles?.default;
  const src = String(profile?.skillMetadata?.src);

  it('has an ask-resources.json in the v2 format whose default profile deploys skill metadata only', () => {
    expect(askResources.askcliResourcesVersion).toBe('2020-03-31');
    // No code or skillInfrastructure: the CDK stack is the backend, `ask deploy` must not make another.
    expect(Object.keys(profile ?? {})).toEqual(['skillMetadata']);
    expect(src).toMatch(/^\.\//);
  });

  it('points `ask deploy` at the package the deploy writes, with skill.json and the models at its root', () => {
    expect(resolve(REPO_ROOT, src)).toBe(SKILL_PACKAGE_OUT);
    inTempDir((root) => {
      const dir = resolve(root, src);
      writeDeployPackage(SKILL_PACKAGE_SOURCE, dir, SETTINGS);
      const manifest = JSON.parse(readFileSync(join(dir, 'skill.json'), 'utf8')) as {
        manifest: { apis: { custom: { endpoint: { uri: string } } } };
      };
      expect(manifest.manifest.apis.custom.endpoint.uri).toBe(ARN);
      expect(readdirSync(join(dir, 'interactionModels', 'custom'))).toContain('en-US.json');
    });
  });

  it('names the skill in .ask/ask-states.json, keeps what the CLI stored there, and refuses another skill', () => {
    inTempDir((root) => {
      const file = writeAskStates(root, 'amzn1.ask.skill.abc');
      expect(file).toBe(join(root, ASK_STATES_FILE));
      const states = () => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      expect(states()).toEqual({
        askcliStatesVersion: '2020-03-31',
        profiles: { default: { skillId: 'amzn1.ask.skill.abc' } },
      });

      const afterCliDeploy = structuredClone(states());
      const profiles = afterCliDeploy.profiles as Record<string, JsonObject>;
      profiles.default = { ...profiles.default, skillMetadata: { lastDeployHash: 'hash==' } };
      writeFileSync(file, JSON.stringify(afterCliDeploy));
      writeAskStates(root, 'amzn1.ask.skill.abc');
      expect(states()).toEqual(afterCliDeploy);

      expect(() => writeAskStates(root, 'amzn1.ask.skill.other')).toThrow(/amzn1\.ask\.skill\.abc/);
      expect(states()).toEqual(afterCliDeploy);
    });
  });
});

describe('skill management API', () => {
  it('names every missing credential', () => {
    expect(() => readSmapiCredentials({ ASK_CLIENT_ID: 'id' })).toThrow(
      /ASK_CLIENT_SECRET, ASK_REFRESH_TOKEN/,
    );
    expect(
      readSmapiCredentials({ ASK_CLIENT_ID: 'id', ASK_CLIENT_SECRET: 's', ASK_REFRESH_TOKEN: 'r' }),
    ).toEqual({
      clientId: 'id',
      clientSecret: 's',
      refreshToken: 'r',
    });
  });

  const status = (over: Partial<v1.skill.ImportResponse>): v1.skill.ImportResponse => ({ ...over });

  it('reads import progress, warnings and per-resource failures from the import status', () => {
    expect(importOutcome(status({ status: 'IN_PROGRESS' })).state).toBe('IN_PROGRESS');
    expect(importOutcome(status({})).state).toBe('IN_PROGRESS');
    expect(
      importOutcome(
        status({
          status: 'SUCCEEDED',
          skill: {
            resources: [{ name: 'manifest', status: 'SUCCEEDED', warnings: [{ message: 'icon is small' }] }],
          },
        }),
      ),
    ).toEqual({ state: 'SUCCEEDED', errors: [], warnings: ['manifest: icon is small'] });
    expect(
      importOutcome(
        status({
          status: 'FAILED',
          errors: [{ message: 'import failed' }],
          skill: {
            resources: [
              { name: 'manifest', status: 'SUCCEEDED' },
              { name: 'interactionModels.en_US', status: 'FAILED', errors: [{ message: 'bad slot' }] },
            ],
          },
        }),
      ),
    ).toEqual({
      state: 'FAILED',
      errors: ['import failed', 'interactionModels.en_US: bad slot'],
      warnings: [],
    });
    expect(importOutcome(status({ status: 'ROLLBACK_SUCCEEDED' }))).toMatchObject({
      state: 'FAILED',
      errors: ['import ended ROLLBACK_SUCCEEDED'],
    });
  });

  it('follows the import by the id at the end of its Location header', () => {
    expect(
      importIdFromHeaders([
        { key: 'content-type', value: 'application/json' },
        { key: 'location', value: '/v1/skills/imports/amzn1.ask-package.import.abc-123' },
      ]),
    ).toBe('amzn1.ask-package.import.abc-123');
    expect(() => importIdFromHeaders([])).toThrow(/Location/);
  });
});

describe('waiting for an import', () => {
  const answers = (...states: UpdateOutcome['state'][]) => {
    const queue = states.map((state) => ({
      state,
      errors: state === 'FAILED' ? ['bad slot'] : [],
      warnings: [],
    }));
    let polls = 0;
    return {
      poll: async () => queue[Math.min(polls++, queue.length - 1)] as UpdateOutcome,
      polls: () => polls,
    };
  };
  const noWait = { sleep: async () => undefined };

  it('polls until the import succeeds', async () => {
    const fake = answers('IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED');
    await expect(waitUntilDone('Import', fake.poll, noWait)).resolves.toMatchObject({ state: 'SUCCEEDED' });
    expect(fake.polls()).toBe(3);
  });

  it('stops at a failure and reports its errors', async () => {
    const fake = answers('IN_PROGRESS', 'FAILED', 'SUCCEEDED');
    await expect(waitUntilDone('Import', fake.poll, noWait)).rejects.toThrow('Import failed:\n  bad slot');
    expect(fake.polls()).toBe(2);
  });

  it('gives up after the last attempt', async () => {
    const fake = answers('IN_PROGRESS');
    await expect(waitUntilDone('Import', fake.poll, { ...noWait, attempts: 4 })).rejects.toThrow(
      /did not finish in time/,
    );
    expect(fake.polls()).toBe(4);
  });
});

/** A local stand-in for the pre-signed S3 upload URL: records each PUT, answers `statusCode`. */
async function withUploadServer<T>(
  statusCode: number,
  use: (url: string, received: () => { method: string; body: Buffer }[]) => Promise<T>,
): Promise<T> {
  const requests: { method: string; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', body: Buffer.concat(chunks) });
      res.writeHead(statusCode).end(statusCode < 300 ? '' : 'AccessDenied');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await use(`http://127.0.0.1:${port}/upload?X-Amz-Signature=abc`, () => requests);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('skill package import', () => {
  const zip = zipFiles([{ path: 'skill.json', data: Buffer.from('{"manifest":{}}') }]);

  function fakeSmapi(uploadUrl: string, statuses: v1.skill.ImportResponse[]) {
    const calls: string[] = [];
    const api: SkillPackageApi = {
      createUploadUrlV1: async () => {
        calls.push('createUploadUrl');
        return { uploadUrl, expiresAt: '2030-01-01T00:00:00Z' };
      },
      callImportSkillPackageV1: async (request, skillId) => {
        calls.push(`import ${skillId} from ${request.location}`);
        return { headers: [{ key: 'location', value: '/v1/skills/imports/import-7' }] };
      },
      getImportStatusV1: async (importId) => {
        calls.push(`status ${importId}`);
        return statuses.shift() ?? { status: 'IN_PROGRESS' };
      },
    };
    return { api, calls };
  }

  it('uploads the zip, imports it from the upload URL and waits for the import', async () => {
    await withUploadServer(200, async (url, received) => {
      const { api, calls } = fakeSmapi(url, [
        { status: 'IN_PROGRESS' },
        { status: 'SUCCEEDED', warnings: [{ message: 'consider a longer description' }] },
      ]);
      const log: string[] = [];
      await deploySkillPackage('amzn1.ask.skill.abc', zip, api, {
        log: (line) => log.push(line),
        sleep: async () => undefined,
      });
      expect(received()).toEqual([{ method: 'PUT', body: zip }]);
      expect(calls).toEqual([
        'createUploadUrl',
        `import amzn1.ask.skill.abc from ${url}`,
        'status import-7',
        'status import-7',
      ]);
      expect(log).toContain('  warning: consider a longer description');
      expect(log.at(-1)).toBe('Skill package deployed.');
    });
  });

  it('reports what SMAPI says when the import fails', async () => {
    await withUploadServer(200, async (url) => {
      const { api } = fakeSmapi(url, [
        {
          status: 'FAILED',
          skill: {
            resources: [{ name: 'manifest', status: 'FAILED', errors: [{ message: 'icon too small' }] }],
          },
        },
      ]);
      await expect(
        deploySkillPackage('amzn1.ask.skill.abc', zip, api, {
          log: () => undefined,
          sleep: async () => undefined,
        }),
      ).rejects.toThrow('The skill package import failed:\n  manifest: icon too small');
    });
  });

  it('stops before importing when the upload is refused', async () => {
    await withUploadServer(403, async (url) => {
      await expect(uploadPackage(url, zip)).rejects.toThrow(/HTTP 403 AccessDenied/);
      const { api, calls } = fakeSmapi(url, []);
      await expect(
        deploySkillPackage('amzn1.ask.skill.abc', zip, api, { log: () => undefined }),
      ).rejects.toThrow(/HTTP 403/);
      expect(calls).toEqual(['createUploadUrl']);
    });
  });

  it('passes on the SMAPI error body when a call is rejected', async () => {
    const rejected = Object.assign(new Error('Server cannot process the request'), {
      statusCode: 400,
      response: { message: 'Skill manifest is not valid.' },
    });
    const api: SkillPackageApi = {
      createUploadUrlV1: async () => Promise.reject(rejected),
      callImportSkillPackageV1: async () => ({ headers: [] }),
      getImportStatusV1: async () => ({}),
    };
    await expect(
      deploySkillPackage('amzn1.ask.skill.abc', zip, api, { log: () => undefined }),
    ).rejects.toThrow('SMAPI 400 {"message":"Skill manifest is not valid."}');
  });
});

/** Runs an independent zip reader (Info-ZIP unzip, Python's zipfile); fails the test if it does. */
function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is needed for this test: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

describe('skill package zip', () => {
  it('holds the deploy package (manifest with the function ARN, model, icons) as unzip and Python read it', () => {
    inTempDir((root) => {
      const pkg = writeDeployPackage(SKILL_PACKAGE_SOURCE, join(root, 'skill-package'), SETTINGS);
      const file = join(root, 'skill-package.zip');
      writeFileSync(file, zipFiles(readPackageFiles(pkg.dir)));

      const models = readdirSync(join(SKILL_PACKAGE_SOURCE, 'interactionModels', 'custom'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `interactionModels/custom/${name}`);
      const expected = [
        'assets/images/en-US_largeIconUri.png',
        'assets/images/en-US_smallIconUri.png',
        ...models.sort(),
        'skill.json',
      ];
      expect(run('unzip', ['-Z1', file]).trim().split('\n')).toEqual(expected);
      expect(run('unzip', ['-t', file])).toMatch(/No errors detected/);
      expect(run('python3', ['-m', 'zipfile', '-t', file])).toMatch(/Done testing/);
      expect(run('python3', ['-m', 'zipfile', '-l', file])).toEqual(
        expect.stringContaining('assets/images/en-US_largeIconUri.png'),
      );

      const manifest = JSON.parse(run('unzip', ['-p', file, 'skill.json'])) as {
        manifest: {
          apis: { custom: { endpoint: { uri: string } } };
          events: { endpoint: { uri: string } };
          publishingInformation: { locales: Record<string, unknown> };
          privacyAndCompliance: { locales?: Record<string, { privacyPolicyUrl?: string }> };
        };
      };
      expect(manifest.manifest.apis.custom.endpoint.uri).toBe(ARN);
      expect(manifest.manifest.events.endpoint.uri).toBe(ARN);
      const published = Object.keys(manifest.manifest.publishingInformation.locales);
      expect(published.length).toBeGreaterThan(0);
      for (const locale of published) {
        expect(manifest.manifest.privacyAndCompliance.locales?.[locale]?.privacyPolicyUrl).toBe(PRIVACY_URL);
      }
      // Every icon the manifest names is in the zip, so the import can resolve it.
      expect(
        packageFileReferences(manifest as unknown as JsonObject).filter((p) => !expected.includes(p)),
      ).toEqual([]);

      const out = join(root, 'extracted');
      run('python3', ['-m', 'zipfile', '-e', file, out]);
      for (const path of expected) {
        expect(readFileSync(join(out, path)).equals(readFileSync(join(pkg.dir, path)))).toBe(true);
      }
    });
  });

  it('round-trips empty, incompressible and non-ASCII-named files', () => {
    inTempDir((root) => {
      // Hash output does not deflate: its entry grows a little and must still read back.
      const noise = Buffer.concat(
        Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest()),
      );
      const entries = [
        { path: 'empty.txt', data: new Uint8Array(0) },
        { path: 'noise.bin', data: noise },
        { path: 'notes/caf\u00e9.txt', data: Buffer.from('r\u00e9sum\u00e9 '.repeat(50)) },
      ];
      const file = join(root, 'cases.zip');
      writeFileSync(file, zipFiles(entries));
      expect(run('python3', ['-m', 'zipfile', '-t', file])).toMatch(/Done testing/);
      run('python3', ['-m', 'zipfile', '-e', file, join(root, 'out')]);
      for (const { path, data } of entries) {
        expect(readFileSync(join(root, 'out', path)).equals(Buffer.from(data))).toBe(true);
      }
    });
  });

  it('refuses entry paths that would escape or be ambiguous', () => {
    for (const path of ['', '/etc/passwd', '../outside', 'a//b', 'a\\b']) {
      expect(() => zipFiles([{ path, data: new Uint8Array(1) }])).toThrow(/relative/);
    }
    const twice = [
      { path: 'skill.json', data: new Uint8Array(1) },
      { path: 'skill.json', data: new Uint8Array(2) },
    ];
    expect(() => zipFiles(twice)).toThrow(/twice/);
  });

  it('stamps every entry as a plain Unix file of 1980-01-01, so the same package gives the same zip', () => {
    inTempDir((root) => {
      const files = readPackageFiles(SKILL_PACKAGE_SOURCE);
      const file = join(root, 'package.zip');
      writeFileSync(file, zipFiles(files));
      const listing = run('unzip', ['-Z', '-l', file])
        .split('\n')
        .filter((line) => / (stor|def[NXFS]) /.test(line));
      expect(listing).toHaveLength(files.length);
      expect(listing.filter((line) => !/^-rw-r--r-- .* unx .* 80-Jan-01 00:00 /.test(line))).toEqual([]);
      expect(zipFiles(files).equals(readFileSync(file))).toBe(true);
    });
  });
});
