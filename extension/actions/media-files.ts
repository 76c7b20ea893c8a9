/**
 * What storeMediaFile and deleteMediaFile do, shared with the media that
 * notes carry (note-media.ts): the bytes from `data` (base64), `path` (a
 * file the host reads) or `url` (downloaded here), the `skipHash` check,
 * the optional removal of the old file, and Anki's choice of name.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { addMediaFile } from '../collection/media/add.ts';
import { isPlainMediaName, pyBasename } from '../collection/media/names.ts';
import type { ActionContext } from './define.ts';
import { download } from './download.ts';
import * as E from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyB64decode } from './python-base64.ts';
import { pyTruthy } from './python-values.ts';

/** AnkiConnect's webTimeout default, in milliseconds. */
export const DEFAULT_WEB_TIMEOUT_MS = 10_000;

export interface StoreMediaParams {
  filename: unknown;
  data: unknown;
  path: unknown;
  url: unknown;
  skipHash: unknown;
  deleteExisting: unknown;
}

/** `open(path, 'rb').read()` through the host. */
async function readPath(ctx: ActionContext, path: unknown): Promise<Uint8Array> {
  // upstream: Python would take an int as a file descriptor; we refuse it.
  if (typeof path !== 'string') throw new Error(E.pathLikeExpected(pyTypeName(path)));
  return ctx.files.read(path);
}

async function mediaBytes(ctx: ActionContext, p: StoreMediaParams): Promise<Uint8Array> {
  if (pyTruthy(p.data)) return pyB64decode(p.data);
  if (pyTruthy(p.path)) return readPath(ctx, p.path);
  return download(p.url, ctx.settings.webTimeout ?? DEFAULT_WEB_TIMEOUT_MS);
}

/** `media.trash_files([filename])`: the file goes; a missing one is no error. */
export async function deleteMedia(ctx: ActionContext, filename: unknown): Promise<void> {
  if (typeof filename !== 'string') throw new Error(E.badArgumentType);
  // upstream: Anki joins the name to the folder's path as it is, so '', '..' or
  // 'a/../../x' would move things outside the media folder; only plain names are files here.
  if (isPlainMediaName(filename)) await ctx.media.remove(filename);
}

/** storeMediaFile: the name the file was stored under, or null when skipHash matched. */
export async function storeMedia(ctx: ActionContext, p: StoreMediaParams): Promise<string | null> {
  if (!(pyTruthy(p.data) || pyTruthy(p.path) || pyTruthy(p.url))) throw new Error(E.mediaSourceRequired);
  const bytes = await mediaBytes(ctx, p);
  if (p.skipHash !== null && p.skipHash !== undefined && p.skipHash === bytesToHex(md5(bytes))) return null;
  const { filename } = p;
  const replace = pyTruthy(p.deleteExisting);
  if (replace && typeof filename !== 'string') throw new Error(E.badArgumentType);
  // `MediaManager.writeData`: the base name, then Anki's add_file.
  if (typeof filename !== 'string') throw new Error(E.pathLikeExpected(pyTypeName(filename)));
  if (!replace) return addMediaFile(ctx.media, pyBasename(filename), bytes);
  // upstream removes `filename` first; a write under that same name replaces it in one step.
  const name = await addMediaFile(ctx.media, pyBasename(filename), bytes, filename);
  if (name !== filename) await deleteMedia(ctx, filename);
  return name;
}
