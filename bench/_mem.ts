import { startLocalDynamo, ensureTable } from '../lambda/src/store/local';
import { startHost } from './host';
import { cleanEnv } from './coldStart';
import { Person } from './person';
import { longSessionTurn } from './script';
import { startSettingsStub, useStub } from './settingsStub';
(async () => {
  const local = await startLocalDynamo(); const stub = await startSettingsStub();
  await ensureTable(local.endpoint, 'mem-table');
  for (const opts of [process.argv[2] ?? '']) {
    const env = cleanEnv({ TABLE_NAME: 'mem-table', AWS_ENDPOINT_URL_DYNAMODB: local.endpoint, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', ...(opts ? { NODE_OPTIONS: opts } : {}) });
    const host = await startHost({ node: process.execPath, bundle: '/work/main/dist/lambda/index.js', env });
    const M = (b: number) => Math.round(b / 1048576);
    let p = new Person({ userId: 'u0', onRequest: (r) => useStub(r, stub), handler: async (r) => (await host.invoke(r)).response });
    for (let i = 0; i < 300; i++) {
      if (i % 60 === 0) p = new Person({ userId: 'u' + i, onRequest: (r) => useStub(r, stub), handler: async (r) => (await host.invoke(r)).response });
      await p.take(longSessionTurn(i % 60, p.text, p.reply?.ended ?? false));
      if (i % 20 === 0) { const s = await host.stats(); console.log(i, 'rss', M(s.rss), 'heapTotal', M(s.heapTotal), 'used', M(s.heapUsed), 'ext', M(s.external)); }
    }
    await host.close();
  }
  await stub.close(); await local.close();
})();
