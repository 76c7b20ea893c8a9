/**
 * Deterministic Cloze note content for fixtures: a Japanese example
 * sentence or an English one with 1–3 deletions (`{{c1::…}}`, sometimes
 * with a hint), and a source line in Back Extra.
 */
import { GLOSSES, KANA, KANJI, pick, run, sentence } from './fixture-content.ts';

export interface ClozeContent {
  /** Cloze's Text (HTML with `{{cN::…}}` deletions). */
  text: string;
  /** Cloze's Back Extra (HTML). */
  backExtra: string;
  /** How many deletions (c1…cN): one card each. */
  clozes: number;
}

const SOURCES = ['NHK Easy', 'Tae Kim', 'Genki II', 'Tobira', 'a novel', 'a podcast', 'the news'];

function deletion(n: number, answer: string, hint: string | null): string {
  return hint ? `{{c${n}::${answer}::${hint}}}` : `{{c${n}::${answer}}}`;
}

function japaneseText(rand: () => number, clozes: number): string {
  let text = run(rand, KANA, 3, 8);
  for (let n = 1; n <= clozes; n++) {
    const answer = run(rand, KANJI, 1, 3) + run(rand, KANA, 0, 2);
    text += deletion(n, answer, rand() < 0.3 ? pick(rand, GLOSSES) : null) + run(rand, KANA, 3, 9);
  }
  return `${text}。`;
}

function englishText(rand: () => number, clozes: number): string {
  const parts = [sentence(rand, 4 + Math.floor(rand() * 5)).slice(0, -1)];
  for (let n = 1; n <= clozes; n++) {
    parts.push(deletion(n, pick(rand, GLOSSES), rand() < 0.2 ? 'meaning' : null), sentence(rand, 2 + Math.floor(rand() * 4)).toLowerCase().slice(0, -1));
  }
  return `${parts.join(' ')}.`;
}

/** The content of one Cloze note. */
export function clozeContent(rand: () => number): ClozeContent {
  const clozes = 1 + Math.floor(rand() * rand() * 3);
  const japanese = rand() < 0.6;
  const body = japanese ? japaneseText(rand, clozes) : englishText(rand, clozes);
  const text = rand() < 0.3 ? `<div>${body}</div>` : body;
  const backExtra = `<i>${pick(rand, SOURCES)}</i>, p. ${1 + Math.floor(rand() * 300)}<br>${sentence(rand, 4 + Math.floor(rand() * 6))}`;
  return { text, backExtra, clozes };
}
