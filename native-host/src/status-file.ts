/**
 * Where the host listens, written to the file named by ACB_STATUS_FILE (set
 * by `npm start`), so the launcher learns the real address and port even
 * when they come from the extension's stored settings.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { HostStatusMessage } from '../../shared/messages.ts';
import { log } from './log.ts';

const target = process.env.ACB_STATUS_FILE ?? '';

export function writeStatusFile(status: HostStatusMessage): void {
  if (!target) return;
  try {
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(status));
    renameSync(temp, target);
  } catch (e) {
    log('cannot write the status file:', (e as Error).message);
  }
}
