/** How gui actions open the extension's pages here: a new browser tab. */
import { PAGES, setPageOpener, type PageName } from '../actions/pages.ts';

export function pageUrl(page: PageName, params: Record<string, string>): string {
  const url = new URL(chrome.runtime.getURL(PAGES[page]));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

export function installPageOpener(): void {
  setPageOpener({
    open: async (page, params) => {
      await chrome.tabs.create({ url: pageUrl(page, params) });
    },
  });
}
