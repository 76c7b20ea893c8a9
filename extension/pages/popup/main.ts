/** The toolbar popup: where the API listens and what the collection holds. */
import type { StatusReply } from '../../background/runtime-messages.ts';

const api = document.getElementById('api')!;
const counts = document.getElementById('counts')!;
const error = document.getElementById('error')!;

function render(s: StatusReply): void {
  const host = s.host;
  if (host?.listening) {
    api.textContent = `AnkiConnect API listening on http://${host.address}:${host.port}`;
    api.className = 'state ok';
  } else {
    api.textContent = s.hostConnected ? `Native host connected, not listening: ${host?.error ?? 'starting'}` : `Native host not connected: ${s.hostError ?? 'connecting'}`;
    api.className = 'state bad';
  }
  counts.replaceChildren();
  for (const [label, value] of [['Decks', s.decks], ['Notes', s.notes], ['Cards', s.cards]] as const) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value === null ? '–' : value.toLocaleString();
    counts.append(dt, dd);
  }
}

document.getElementById('settings')!.addEventListener('click', (event) => {
  event.preventDefault();
  void chrome.runtime.openOptionsPage();
});

chrome.runtime.sendMessage({ type: 'status' }).then(
  (s: StatusReply) => render(s),
  (e: unknown) => {
    error.hidden = false;
    error.textContent = String(e);
  },
);
