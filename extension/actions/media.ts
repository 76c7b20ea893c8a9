/** Media actions: storing, reading, listing and deleting the collection's media files, and the media folder's path. */
import { bytesToBase64 } from '../../shared/base64.ts';
import { globNames } from '../collection/media/glob.ts';
import { pyBasename, stripIllegalLegacy } from '../collection/media/names.ts';
import { action, opt, req } from './define.ts';
import * as E from './errors.ts';
import { deleteMedia, storeMedia } from './media-files.ts';
import { pyRepr, pyTypeName } from './python.ts';

export const storeMediaFile = action(
  {
    filename: req<unknown>(),
    data: opt<unknown>(null),
    path: opt<unknown>(null),
    url: opt<unknown>(null),
    skipHash: opt<unknown>(null),
    deleteExisting: opt<unknown>(true),
  },
  (ctx, p) => storeMedia(ctx, p),
);

export const retrieveMediaFile = action({ filename: req<unknown>() }, async (ctx, { filename }) => {
  if (typeof filename !== 'string') throw new Error(E.pathLikeExpected(pyTypeName(filename)));
  const name = stripIllegalLegacy(pyBasename(filename).normalize('NFC'));
  if (name === '' || name === '.' || name === '..') {
    // upstream: the folder itself exists, and open() refuses it.
    const dir = await ctx.files.mediaDirPath();
    throw new Error(E.osError(21, 'Is a directory', pyRepr(`${dir}/${name}`)));
  }
  const bytes = await ctx.media.read(name);
  // upstream: false, not null, when there is no such file.
  return bytes ? bytesToBase64(bytes) : false;
});

export const getMediaFilesNames = action({ pattern: opt<unknown>('*') }, async (ctx, { pattern }) => {
  if (typeof pattern !== 'string') throw new Error(E.joinArgumentType(pyTypeName(pattern)));
  return globNames(await ctx.media.list(), pattern);
});

export const deleteMediaFile = action({ filename: req<unknown>() }, async (ctx, { filename }) => {
  await deleteMedia(ctx, filename);
  return null;
});

export const getMediaDirPath = action({}, (ctx) => ctx.files.mediaDirPath());
