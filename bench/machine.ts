import { cpus, totalmem, platform, release } from 'node:os';
import { mib } from './stats';

/** One line about the machine, so figures from different machines are not compared blindly. */
export const describeMachine = (): string => {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  return [
    `CPU: ${model}, ${list.length} core(s)`,
    `Memory: ${mib(totalmem())}`,
    `OS: ${platform()} ${release()}`,
    `Node: ${process.version} (V8 ${process.versions.v8})`,
  ].join(' | ');
};
