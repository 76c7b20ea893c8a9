/**
 * The import page: an .apkg dropped on the zone or picked (or a path given
 * by guiImportFile) goes to the service worker over the import port; the
 * page shows the progress, then what was imported or why nothing was.
 */
import { bytesToBase64 } from '../../background/base64.ts';
import { IMPORT_CHUNK_BYTES, IMPORT_PORT, type ImportPortReply, type ImportPortRequest } from '../../background/runtime-messages.ts';
import { renderSummary, STAGE_TEXT } from './summary-view.ts';

const $ = (id: string) => document.getElementById(id)!;
const drop = $('drop');
const fileInput = $('file') as HTMLInputElement;
const progress = $('progress') as HTMLProgressElement;

function show(section: 'busy' | 'error' | 'summary' | null): void {
  for (const id of ['busy', 'error', 'summary'] as const) $(id).hidden = id !== section;
  drop.classList.toggle('disabled', section === 'busy');
}

function setProgress(stage: keyof typeof STAGE_TEXT, fraction: number): void {
  $('stage').textContent = STAGE_TEXT[stage];
  progress.value = fraction;
}

function fail(message: string): void {
  $('error-text').textContent = message;
  show('error');
}

/** Opens a port, sends the requests, and follows the replies until done or failed. */
function runImport(requests: (port: chrome.runtime.Port) => void): void {
  show('busy');
  setProgress('sending', 0);
  const port = chrome.runtime.connect({ name: IMPORT_PORT });
  let finished = false;
  port.onMessage.addListener((reply: ImportPortReply) => {
    if (reply.type === 'progress') setProgress(reply.stage, reply.fraction);
    else {
      finished = true;
      port.disconnect();
      if (reply.type === 'done') {
        renderSummary(reply.summary, $('summary-title'), $('summary-counts'), $('summary-details'));
        show('summary');
      } else fail(reply.error);
    }
  });
  port.onDisconnect.addListener(() => {
    if (!finished) fail('The extension stopped before the import finished.');
  });
  requests(port);
}

function importFile(file: File): void {
  if (!/\.apkg$/i.test(file.name)) {
    fail(`"${file.name}" is not an .apkg file. Export a deck from Anki as an "Anki Deck Package (*.apkg)".`);
    return;
  }
  runImport((port) => {
    const send = (m: ImportPortRequest) => port.postMessage(m);
    void (async () => {
      send({ type: 'begin', name: file.name, size: file.size });
      for (let at = 0; at < file.size; at += IMPORT_CHUNK_BYTES) {
        const chunk = new Uint8Array(await file.slice(at, at + IMPORT_CHUNK_BYTES).arrayBuffer());
        send({ type: 'chunk', data: bytesToBase64(chunk) });
        setProgress('sending', (0.1 * Math.min(at + IMPORT_CHUNK_BYTES, file.size)) / file.size);
      }
      send({ type: 'end' });
    })().catch((e: unknown) => fail(`The file could not be read: ${String(e)}`));
  });
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (file) importFile(file);
});

drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) importFile(file);
});

const presetPath = new URLSearchParams(location.search).get('path');
if (presetPath) {
  $('preset').hidden = false;
  $('preset-path').textContent = presetPath;
  $('preset-import').addEventListener('click', () => runImport((port) => port.postMessage({ type: 'path', path: presetPath } satisfies ImportPortRequest)));
}
