/** The settings page: reads and writes the stored config (background/config.ts). */
import { DEFAULT_CONFIG, normalizeConfig, type ExtensionConfig } from '../../background/config.ts';

const form = document.getElementById('form') as HTMLFormElement;
const saved = document.getElementById('saved')!;
const field = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const MiB = 1024 * 1024;

function show(c: ExtensionConfig): void {
  field('apiKey').value = c.apiKey === null || c.apiKey === undefined ? '' : String(c.apiKey);
  field('webCorsOriginList').value = c.webCorsOriginList.join('\n');
  field('ignoreOriginList').value = c.ignoreOriginList.join('\n');
  field('webBindAddress').value = c.webBindAddress;
  field('webBindPort').value = String(c.webBindPort);
  field('bodyLimitMiB').value = String(Math.round(c.bodyLimitBytes / MiB));
}

async function load(): Promise<void> {
  const stored = await chrome.storage.local.get('config');
  show(normalizeConfig(stored.config ?? DEFAULT_CONFIG));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const config = normalizeConfig({
    apiKey: field('apiKey').value,
    webCorsOriginList: lines(field('webCorsOriginList').value),
    ignoreOriginList: lines(field('ignoreOriginList').value),
    webBindAddress: field('webBindAddress').value.trim(),
    webBindPort: Number(field('webBindPort').value),
    bodyLimitBytes: Number(field('bodyLimitMiB').value) * MiB,
  });
  chrome.storage.local.set({ config }).then(
    () => {
      show(config);
      saved.className = '';
      saved.textContent = 'Saved.';
    },
    (e: unknown) => {
      saved.className = 'error';
      saved.textContent = String(e);
    },
  );
});

void load();
