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
import type { ExtensionToHost, HostToExtension } from '../../shared/messages.ts';
import type { ReplyHeader } from '../../shared/reply-frame.ts';
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
import { SocketLink } from './socket-link.ts';
import { ExtensionLink } from './stdio-link.ts';

/** ACB_NATIVE_ONLY=1 (tests): everything through native messaging, no socket. */
const nativeOnly = process.env.ACB_NATIVE_ONLY === '1';

const forwarder = new Forwarder((message) => {
  if (toExtension(message)) onSocket.add(message.id);
}, { get token() { return fileHttp.token; }, stashBody: (b) => fileHttp.stashBody(b), dropBody: (p) => fileHttp.dropBody(p) });
const binder = new Binder((req, res) => fileHttp.serve(req, res) || forwarder.handle(req, res), (status) => {
  const message = { type: 'status', ...status, pid: process.pid } as const;
  writeStatusFile(message);
  toExtension(message);
});
const link = new ExtensionLink(process.stdin, process.stdout, { message: onMessage, closed: shutdown });
const mediaFolder = new MediaFolder(mediaDirFromEnv(), (changes) => toExtension({ type: 'media-changed', ...changes }));
const fileHttp = new FileHttp(mediaFolder);
const socket = nativeOnly ? null : new SocketLink(fileHttp.secret, { message: fromSocket, reply: onReplyFrame, closed: socketClosed });
binder.upgrade = socket?.upgrade ?? null;
/** Both sides have switched to the socket (shared/messages.ts SOCKET_PATH). */
let viaSocket = false;
/** Requests sent on the socket: if it closes before their replies, they are answered 503 (a reply lost with it would never come). */
const onSocket = new Set<number>();

/** Every message to the extension: on the socket once switched (true), else through native messaging. */
function toExtension(message: HostToExtension): boolean {
  if (viaSocket && socket?.send(message)) return true;
  link.send(message);
  return false;
}

/** socket-switch counts only on the port, where it follows every earlier port message. */
function fromSocket(message: unknown): void {
  if ((message as { type?: unknown } | null)?.type !== 'socket-switch') onMessage(message);
}

function socketClosed(): void {
  for (const id of onSocket) forwarder.failOne(id);
  onSocket.clear();
  if (!viaSocket) return;
  viaSocket = false;
  log('the socket closed; native messaging carries everything again');
}
fileHttp.onReply = (id, status, headers, body, journalSeq) => {
  onSocket.delete(id);
  if (journalSeq === undefined) return forwarder.answerBytes(id, status, headers, body);
  if (!forwarder.waits(id)) return false;
  journals.whenSynced(journalSeq).then(
    () => forwarder.answerBytes(id, status, headers, body),
    (e: Error) => forwarder.answer(unsavedReply({ type: 'response', id, status, headers, body: null }, e)),
  );
  return true;
};
const files = new FileService(mediaFolder, (reply) => toExtension(reply), fileHttp.token);
const journals = new Journals(journalDirFromEnv(), (message) => toExtension(message));

/** A reply whose body came as raw bytes on the socket: written as is, after its journal entries are synced. */
function onReplyFrame(header: ReplyHeader, body: Buffer | null): void {
  const { hasBody: _, journal, ...reply } = header;
  onSocket.delete(reply.id);
  if (journal) journals.handle(journal);
  const answer = () => (body ? forwarder.answerBytes(reply.id, reply.status, reply.headers, body) : forwarder.answer({ ...reply, body: null }));
  if (reply.journalSeq === undefined) answer();
  else journals.whenSynced(reply.journalSeq).then(answer, (e: Error) => forwarder.answer(unsavedReply({ ...reply, body: null }, e)));
}

function onMessage(message: unknown): void {
  const m = message as ExtensionToHost;
  if (m?.type === 'response') {
    onSocket.delete(m.id);
    if (m.journal) journals.handle(m.journal);
    // A reply that acknowledges writes IndexedDB may not hold yet waits for the journal file.
    if (m.journalSeq === undefined) forwarder.answer(m);
    else journals.whenSynced(m.journalSeq).then(() => forwarder.answer(m), (e: Error) => forwarder.answer(unsavedReply(m, e)));
  } else if (m?.type === 'socket-switch') {
    // Said on the port: every earlier port message has been handled. Accepted on the socket, refused on the port.
    if (socket?.isOpen) {
      viaSocket = true;
      socket.send({ type: 'socket-switched' });
    } else link.send({ type: 'socket-switched' });
  } else if (m?.type === 'file') void files.handle(m);
  else if (m && isJournalMessage(m)) journals.handle(m);
  else if (m?.type === 'config') {
    const settings = settingsFromConfig(m);
    forwarder.bodyLimitBytes = settings.bodyLimitBytes;
    forwarder.connected = true;
    binder.bind(settings);
    if (socket && !socket.isOpen) link.send({ type: 'socket-offer', token: fileHttp.token });
  } else log('ignoring message of type', (m as { type?: unknown })?.type);
}

let exiting = false;
function shutdown(reason: string, code = 0): void {
  if (exiting) return;
  exiting = true;
  log('exiting:', reason);
  forwarder.connected = false;
  mediaFolder.close();
  socket?.close();
  viaSocket = false;
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
