/**
 * Deterministic, realistic note content for fixtures: Japanese vocabulary
 * cards as Yomitan makes them (a term on the front; reading, glosses and an
 * example sentence in HTML on the back), with a few tags each.
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

const KANJI = '日月火水木金土山川田人口目耳手足力王玉石竹糸貝車雨花草森林空気天文字学校先生年本名前後左右上下中大小白赤青早正音村町';
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼ';
const GLOSSES = [
  'to look at', 'mountain', 'river', 'to study', 'teacher', 'early morning', 'forest', 'weather', 'letter; character',
  'to write', 'school', 'name', 'sky', 'strength', 'village', 'flower', 'rain', 'car', 'stone', 'right side',
];
const WORDS = ['the', 'a', 'student', 'walked', 'to', 'river', 'yesterday', 'and', 'saw', 'many', 'flowers', 'in', 'quiet', 'village', 'morning'];
export const FIXTURE_TAGS = ['vocab', 'jlpt::n3', 'jlpt::n4', 'yomitan', 'core2k', 'mined', 'reading'];

function pick<T>(rand: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(rand() * items.length)]!;
}

function run(rand: () => number, alphabet: string, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, alphabet);
  return s;
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

export interface NoteContent {
  /** Basic's Front (plain text, unique per index). */
  front: string;
  /** Basic's Back (HTML). */
  back: string;
  tags: string[];
}

/** The content of fixture note number `index`. */
export function noteContent(rand: () => number, index: number): NoteContent {
  const term = run(rand, KANJI, 1, 3) + run(rand, KANA, 0, 2) + index.toString(36);
  const reading = run(rand, KANA, 2, 6);
  const glosses = [pick(rand, GLOSSES), pick(rand, GLOSSES)];
  const example = run(rand, KANA, 6, 14) + term + run(rand, KANA, 4, 10) + '。';
  const back =
    `<div class="reading">${reading}</div>` +
    `<ol class="glosses"><li>${glosses[0]}</li><li>${glosses[1]}</li></ol>` +
    `<div class="example">${example}<br><span class="translation">${sentence(rand, 6 + Math.floor(rand() * 8))}</span></div>`;
  const tags = [...new Set([pick(rand, FIXTURE_TAGS), pick(rand, FIXTURE_TAGS)])].sort();
  return { front: term, back, tags };
}
