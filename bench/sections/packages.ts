/**
 * Packages through the whole chain: a legacy .apkg of 20,000 Basic notes
 * and 500 small media files, built in Node with the project's own engine,
 * imported with `importPackage {path}` (the native host reads the file) into
 * an empty collection, then the same deck exported with `exportPackage`
 * (scheduling included) to another file, which must be a zip holding
 * `collection.anki21` and `media`. Temporary files are removed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { zipMemberNames } from '../../extension/collection/packages/zip.ts';
import { chainCall, checkIds, requestBody, resultOf, timedCall } from '../lib/chain-calls.ts';
import type { BenchEnv } from '../lib/env.ts';
import { KeepAliveClient } from '../lib/http-client.ts';
import { buildPackage, type BuiltPackage } from '../lib/package-build.ts';
import { fmt, printTable, progress } from '../lib/table.ts';
import { isMet, targetLine, type Target } from '../lib/targets.ts';
import { WrongAnswer } from '../lib/wrong-answer.ts';
import type { Section } from './section.ts';

const NOTES = 20_000;
const MEDIA = 500;
const DECK = 'Bench Package';
const IMPORT_TARGET_S = 15;
const EXPORT_TARGET_S = 10;
const TIMEOUT_MS = 300_000;

function checkExported(path: string): { members: number; bytes: number; media: number } {
  const bytes = readFileSync(path);
  const names = zipMemberNames(bytes);
  for (const need of ['collection.anki21', 'media']) {
    if (!names.includes(need)) throw new WrongAnswer(`exportPackage: the file has no ${need} (members: ${names.slice(0, 10).join(', ')}…)`);
  }
  const map = JSON.parse(strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'media' }).media!)) as Record<string, string>;
  return { members: names.length, bytes: bytes.byteLength, media: Object.keys(map).length };
}

async function chainRoundTrip(env: BenchEnv, pkg: BuiltPackage, dir: string) {
  const inPath = join(dir, 'bench-in.apkg');
  const outPath = join(dir, 'bench-out.apkg');
  writeFileSync(inPath, pkg.bytes);
  const chain = await env.chain();
  await env.loadIntoChain(await env.fixture(0));
  await env.settleChain();
  env.chainNotesChanged();
  const client = new KeepAliveClient(chain.port);
  try {
    progress(`chain: importPackage of ${(pkg.bytes.byteLength / 1048576).toFixed(1)} MiB`);
    const imp = await timedCall(client, 'importPackage', requestBody('importPackage', { path: inPath }), TIMEOUT_MS);
    if (resultOf('importPackage', imp.reply) !== true) throw new WrongAnswer(`importPackage answered ${JSON.stringify(imp.reply)}`);
    checkIds('findNotes after import', await chainCall(client, 'findNotes', { query: `"deck:${DECK}"` }), NOTES);
    await env.settleChain();
    progress('chain: exportPackage of the same deck, includeSched');
    const exp = await timedCall(client, 'exportPackage', requestBody('exportPackage', { deck: DECK, path: outPath, includeSched: true }), TIMEOUT_MS);
    if (resultOf('exportPackage', exp.reply) !== true) throw new WrongAnswer(`exportPackage answered ${JSON.stringify(exp.reply)}`);
    const out = checkExported(outPath);
    if (out.media !== MEDIA) throw new WrongAnswer(`exportPackage: ${out.media} media files in the package, not ${MEDIA}`);
    return { importMs: imp.ms, exportMs: exp.ms, out, inBytes: statSync(inPath).size };
  } finally {
    client.close();
  }
}

export const packagesSection: Section = {
  id: 'packages',
  title: `importPackage and exportPackage of ${NOTES.toLocaleString('en-US')} notes with ${MEDIA} media files`,
  async run(env: BenchEnv) {
    progress(`building a .apkg of ${NOTES.toLocaleString('en-US')} notes and ${MEDIA} media files in Node`);
    const pkg = await buildPackage(await env.sql(), DECK, NOTES, MEDIA);
    progress(`package built in ${(pkg.buildMs / 1000).toFixed(1)} s (${(pkg.bytes.byteLength / 1048576).toFixed(1)} MiB)`);
    const dir = mkdtempSync(join(tmpdir(), 'acb-bench-apkg-'));
    let r: Awaited<ReturnType<typeof chainRoundTrip>>;
    try {
      r = await chainRoundTrip(env, pkg, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const imp: Target = { label: 'importPackage', value: r.importMs / 1000, unit: 's', kind: 'max', limit: IMPORT_TARGET_S };
    const exp: Target = { label: 'exportPackage', value: r.exportMs / 1000, unit: 's', kind: 'max', limit: EXPORT_TARGET_S };
    const mib = (b: number) => fmt(b / 1048576, 1);
    printTable({
      title: `11. Packages through the chain: ${NOTES.toLocaleString('en-US')} Basic notes, ${MEDIA} media files (${mib(pkg.mediaBytes)} MiB), legacy .apkg (seconds, one run each)`,
      headers: ['Action', 'Collection before', 'File MiB', 'Time s', 'Target s', 'Met'],
      rows: [
        ['importPackage {path}', 'empty (0-note fixture)', mib(r.inBytes), fmt(r.importMs / 1000, 2), fmt(IMPORT_TARGET_S, 0), isMet(imp) ? 'yes' : 'NO'],
        ['exportPackage {deck, path, includeSched: true}', `${NOTES.toLocaleString('en-US')} notes (imported)`, mib(r.out.bytes), fmt(r.exportMs / 1000, 2), fmt(EXPORT_TARGET_S, 0), isMet(exp) ? 'yes' : 'NO'],
      ],
      notes: [
        targetLine(imp),
        targetLine(exp),
        `The package was built in Node by the engine (addNotes through the in-process handler, exportDeckPackage) in ${fmt(pkg.buildMs / 1000, 1)} s. ` +
          `The exported file is a zip of ${r.out.members} members with collection.anki21 and a media list of ${r.out.media} files. The native host reads and writes the files.`,
      ],
    });
    await env.settleChain();
  },
};
