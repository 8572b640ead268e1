'use strict';
/**
 * dynalite in a process of its own, for the load and fault figures: its work (parsing,
 * conditions, the in-memory store) then runs beside the skill's sessions, not on their
 * event loop, as DynamoDB would. Plain JavaScript so that it starts with dynalite alone.
 *
 * On start it sends { type: 'ready', port } over the IPC channel of fork(); { type: 'cpu' }
 * is answered with { type: 'cpu', ms } (its CPU time so far, user + system). It exits when
 * the parent disconnects.
 */
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
process.on('message', (message) => {
  if (message.type !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send({ type: 'cpu', ms: (user + system) / 1000 });
});
process.on('disconnect', () => process.exit(0));
