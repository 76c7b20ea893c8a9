/**
 * The native-messaging host: HTTP/1.1 on one side, the extension's native
 * port (stdio frames) on the other. Transport only; the extension decides
 * every answer. Started by the browser through build/native-host/launch.sh;
 * see options.ts for `--listen HOST:PORT` and the environment it reads,
 * log.ts for ACB_HOST_LOG, and media-folder.ts for ACB_MEDIA_DIR (the media
 * folder; files.ts does file I/O for the extension), and journals.ts for the
 * journal file that acknowledges writes before IndexedDB has them. Exits when stdin ends
 * or stdout breaks, answering 503 to every request still in flight.
 */
import type { ExtensionToHost } from '../../shared/messages.ts';
import { Binder } from './binder.ts';
import { FileHttp } from './file-http.ts';
import { FileService } from './files.ts';
import { Forwarder } from './forwarder.ts';
import { isJournalMessage, journalDirFromEnv, Journals } from './journals.ts';
import { log } from './log.ts';
import { MediaFolder, mediaDirFromEnv } from './media-folder.ts';
import { listenAtStart, settingsFromConfig } from './options.ts';
import { unsavedReply } from './replies.ts';
import { writeStatusFile } from './status-file.ts';
import { ExtensionLink } from './stdio-link.ts';

const forwarder = new Forwarder((message) => link.send(message), { get token() { return fileHttp.token; }, stashBody: (b) => fileHttp.stashBody(b), dropBody: (p) => fileHttp.dropBody(p) });
const binder = new Binder((req, res) => fileHttp.serve(req, res) || forwarder.handle(req, res), (status) => {
  const message = { type: 'status', ...status, pid: process.pid } as const;
  writeStatusFile(message);
  link.send(message);
});
const link = new ExtensionLink(process.stdin, process.stdout, { message: onMessage, closed: shutdown });
const mediaFolder = new MediaFolder(mediaDirFromEnv(), (changes) => link.send({ type: 'media-changed', ...changes }));
const fileHttp = new FileHttp(mediaFolder);
fileHttp.onReply = (id, status, headers, body, journalSeq) => {
  if (journalSeq === undefined) return forwarder.answerBytes(id, status, headers, body);
  if (!forwarder.waits(id)) return false;
  journals.whenSynced(journalSeq).then(
    () => forwarder.answerBytes(id, status, headers, body),
    (e: Error) => forwarder.answer(unsavedReply({ type: 'response', id, status, headers, body: null }, e)),
  );
  return true;
};
const files = new FileService(mediaFolder, (reply) => link.send(reply), fileHttp.token);
const journals = new Journals(journalDirFromEnv(), (message) => link.send(message));

function onMessage(message: unknown): void {
  const m = message as ExtensionToHost;
  if (m?.type === 'response') {
    if (m.journal) journals.handle(m.journal);
    // A reply that acknowledges writes IndexedDB may not hold yet waits for the journal file.
    if (m.journalSeq === undefined) forwarder.answer(m);
    else journals.whenSynced(m.journalSeq).then(() => forwarder.answer(m), (e: Error) => forwarder.answer(unsavedReply(m, e)));
  } else if (m?.type === 'file') void files.handle(m);
  else if (m && isJournalMessage(m)) journals.handle(m);
  else if (m?.type === 'config') {
    const settings = settingsFromConfig(m);
    forwarder.bodyLimitBytes = settings.bodyLimitBytes;
    forwarder.connected = true;
    binder.bind(settings);
  } else log('ignoring message of type', (m as { type?: unknown })?.type);
}

let exiting = false;
function shutdown(reason: string, code = 0): void {
  if (exiting) return;
  exiting = true;
  log('exiting:', reason);
  forwarder.connected = false;
  mediaFolder.close();
  const force = setTimeout(() => process.exit(code), 2_000);
  journals.close();
  void forwarder.failAll().then(() => {
    clearTimeout(force);
    binder.close();
    process.exit(code);
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('uncaughtException', (e) => {
  log('uncaught:', e.stack ?? e);
  shutdown('uncaught exception', 1);
});

log('started', process.argv.slice(2).join(' '));
let early: ReturnType<typeof listenAtStart> = null;
try {
  early = listenAtStart(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`anki-connect-browser host: ${(e as Error).message}\n`); // a usage error, never on stdout
  process.exit(2);
}
if (early) {
  forwarder.bodyLimitBytes = early.bodyLimitBytes;
  binder.bind(early);
}
