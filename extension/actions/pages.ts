/**
 * Opening the extension's own pages from a gui action. The service worker
 * says how (a browser tab, background/import-port.ts); where no browser is
 * there to show them (the engine alone, in Node) opening fails.
 */
import { pagesUnavailable } from './errors.ts';

/** The extension's pages that actions open, by their path in the build. */
export const PAGES = {
  import: 'extension/pages/import/index.html',
} as const;

export type PageName = keyof typeof PAGES;

export interface PageOpener {
  /** Shows the page (a new tab), with these query parameters. */
  open(page: PageName, params: Record<string, string>): Promise<void>;
}

let opener: PageOpener | null = null;

export function setPageOpener(next: PageOpener | null): void {
  opener = next;
}

export async function openPage(page: PageName, params: Record<string, string> = {}): Promise<void> {
  if (!opener) throw new Error(pagesUnavailable);
  await opener.open(page, params);
}
