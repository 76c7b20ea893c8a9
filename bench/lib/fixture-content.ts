/**
 * Deterministic, realistic Basic note content for fixtures: Japanese
 * vocabulary cards as Yomitan makes them (a term on the front; reading,
 * glosses and an example sentence in HTML on the back) and English
 * vocabulary cards (a word, sometimes with its part of speech after a
 * colon, on the front).
 */

/** mulberry32: a small seeded PRNG, so every run builds the same fixture. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KANJI = '日月火水木金土山川田人口目耳手足力王玉石竹糸貝車雨花草森林空気天文字学校先生年本名前後左右上下中大小白赤青早正音村町';
export const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼ';
export const GLOSSES = [
  'to look at', 'mountain', 'river', 'to study', 'teacher', 'early morning', 'forest', 'weather', 'letter; character',
  'to write', 'school', 'name', 'sky', 'strength', 'village', 'flower', 'rain', 'car', 'stone', 'right side',
];
const WORDS = ['the', 'a', 'student', 'walked', 'to', 'river', 'yesterday', 'and', 'saw', 'many', 'flowers', 'in', 'quiet', 'village', 'morning'];

export function pick<T>(rand: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(rand() * items.length)]!;
}

export function run(rand: () => number, alphabet: string, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, alphabet);
  return s;
}

export function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

export interface BasicContent {
  /** Basic's Front (plain text). */
  front: string;
  /** Basic's Back (HTML). */
  back: string;
}

/** A Japanese term card; its Front ends in `index` in base 36, so it is unique per index. */
export function japaneseBasic(rand: () => number, index: number): BasicContent {
  const term = run(rand, KANJI, 1, 3) + run(rand, KANA, 0, 2) + index.toString(36);
  const reading = run(rand, KANA, 2, 6);
  const glosses = [pick(rand, GLOSSES), pick(rand, GLOSSES)];
  const example = run(rand, KANA, 6, 14) + term + run(rand, KANA, 4, 10) + '。';
  const back =
    `<div class="reading">${reading}</div>` +
    `<ol class="glosses"><li>${glosses[0]}</li><li>${glosses[1]}</li></ol>` +
    `<div class="example">${example}<br><span class="translation">${sentence(rand, 6 + Math.floor(rand() * 8))}</span></div>`;
  return { front: term, back };
}

const ONSETS = ['ab', 'ac', 'ad', 'al', 'am', 'an', 'ap', 'ar', 'as', 'at', 'ba', 'be', 'bo', 'ca', 'co', 'cr', 'de', 'di', 'en', 'ex', 'fa', 'fo', 'gr', 'ha', 'im', 'in', 'la', 'ma', 'mo', 'ob', 'pa', 'pr', 're', 'st', 'tr', 'un'];
const SYLLABLES = ['ban', 'don', 'ter', 'lo', 'ne', 'ta', 'ver', 'cor', 'mi', 'sul', 'ple', 'ric', 'van', 'tem', 'gi', 'por'];
const ENDINGS = ['', '', 'ity', 'ment', 'ous', 'ate', 'ive', 'ure', 'ance', 'ly', 'tion', 'al'];
const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb'];

/** An English vocabulary card; about one Front in ten reads `word: part of speech`. */
export function englishBasic(rand: () => number): BasicContent {
  let word = pick(rand, ONSETS);
  for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) word += pick(rand, SYLLABLES);
  word += pick(rand, ENDINGS);
  const pos = pick(rand, PARTS_OF_SPEECH);
  const front = rand() < 0.1 ? `${word}: ${pos}` : word;
  const back =
    `<div class="pos">${pos}</div>` +
    `<ol class="glosses"><li>${pick(rand, GLOSSES)}</li><li>${pick(rand, GLOSSES)}</li></ol>` +
    `<div class="example">${sentence(rand, 5 + Math.floor(rand() * 8))} <b>${word}</b></div>`;
  return { front, back };
}
