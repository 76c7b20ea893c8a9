/**
 * The deck tree (decks/tree.rs): decks nested by name under a root of id 0.
 * A deck whose immediate parent is missing is left out, as Anki does until
 * a database check; the Default deck is hidden when it has no cards and no
 * children and is not the only top-level deck.
 */
import type { Collection } from '../collection.ts';
import { DEFAULT_DECK_ID } from './defaults.ts';
import { allDecks } from './list.ts';

export interface DeckTreeNode {
  deckId: number;
  /** The last component of the deck's name ("" for the root). */
  name: string;
  level: number;
  children: DeckTreeNode[];
  newCount: number;
  learnCount: number;
  reviewCount: number;
  intradayLearning: number;
  interdayLearning: number;
  /** Cards in this deck itself. */
  totalInDeck: number;
  totalIncludingChildren: number;
}

/** Protobuf refuses 100+ levels, so Anki caps the depth it reads from a name. */
const MAX_LEVEL = 99;

function newNode(deckId: number, name: string, level: number): DeckTreeNode {
  return {
    deckId,
    name,
    level,
    children: [],
    newCount: 0,
    learnCount: 0,
    reviewCount: 0,
    intradayLearning: 0,
    interdayLearning: 0,
    totalInDeck: 0,
    totalIncludingChildren: 0,
  };
}

interface NamedId {
  id: number;
  parts: string[];
}

/** Anki's `add_child_nodes`: consumes `names` from `at` while they belong below `parent`. */
function addChildNodes(names: readonly NamedId[], at: { i: number }, parent: DeckTreeNode): void {
  while (at.i < names.length) {
    const { id, parts } = names[at.i]!;
    const level = Math.min(parts.length, MAX_LEVEL);
    if (level <= parent.level) return;
    if (level === parent.level + 1) {
      parent.children.push(newNode(id, parts[parts.length - 1]!, level));
      at.i++;
    } else {
      const last = parent.children[parent.children.length - 1];
      if (last) addChildNodes(names, at, last);
      else at.i++;
    }
  }
}

function hideDefaultDeck(root: DeckTreeNode): void {
  const idx = root.children.findIndex((c) => c.deckId === DEFAULT_DECK_ID && c.children.length === 0);
  if (idx < 0) return;
  const child = root.children[idx]!;
  if (child.level === 1 && root.children.length === 1) return;
  root.children.splice(idx, 1);
}

function defaultDeckIsEmpty(col: Collection): boolean {
  return col.db.scalar('select 1 from cards where did = ? limit 1', [DEFAULT_DECK_ID]) === undefined;
}

/** The tree of every deck, without counts. */
export function deckTree(col: Collection): DeckTreeNode {
  const names = allDecks(col).map((d) => ({ id: Number(d.id), parts: d.name.split('::') }));
  const root = newNode(0, '', 0);
  addChildNodes(names, { i: 0 }, root);
  if (defaultDeckIsEmpty(col)) hideDefaultDeck(root);
  return root;
}

/** Every node of the tree, parents before children (the root first). */
export function flattenTree(root: DeckTreeNode): DeckTreeNode[] {
  const out: DeckTreeNode[] = [];
  const visit = (n: DeckTreeNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}
