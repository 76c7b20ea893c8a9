/**
 * The ruby filters (template_filters.rs): text written `漢字[かんじ]` becomes
 * `<ruby><rb>漢字</rb><rt>かんじ</rt></ruby>` (`furigana`), `かんじ` (`kana`)
 * or `漢字` (`kanji`). The base runs back to the previous space or `>`; one
 * space before it is dropped. `&nbsp;` counts as a space. `x[sound:y.mp3]`
 * is a sound tag and stays as written.
 */

/** ` ?([^ >]+?)\[(.+?)\]` as Anki's regex reads it (`.` is anything but a newline). */
const FURIGANA = / ?([^ >]+?)\[([^\n]+?)\]/gu;

type Part = (base: string, reading: string) => string;

function rubyReplace(text: string, part: Part): string {
  const spaced = text.replaceAll('&nbsp;', ' ');
  return spaced.replace(FURIGANA, (whole: string, base: string, reading: string) =>
    reading.startsWith('sound:') ? whole : part(base, reading),
  );
}

export function furiganaFilter(text: string): string {
  return rubyReplace(text, (base, reading) => `<ruby><rb>${base}</rb><rt>${reading}</rt></ruby>`);
}

export function kanaFilter(text: string): string {
  return rubyReplace(text, (_base, reading) => reading);
}

export function kanjiFilter(text: string): string {
  return rubyReplace(text, (base) => base);
}
