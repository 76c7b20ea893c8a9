/**
 * Which kind of package this is (package/meta.rs): the `meta` member holds a
 * protobuf PackageMetadata{version=1}; without it, `collection.anki21` means
 * a legacy-2 package and `collection.anki2` alone a legacy-1 one.
 */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { PackageError, tooNew } from './errors.ts';
import { ProtoMessage } from './proto.ts';
import type { ZipReader } from './zip.ts';

export const enum PackageVersion {
  /** `collection.anki2`, JSON media list, raw media files. */
  Legacy1 = 1,
  /** `collection.anki21`, JSON media list, raw media files. */
  Legacy2 = 2,
  /** `collection.anki21b` (zstd, schema 18), protobuf media list, zstd media files. */
  Latest = 3,
}

export function readPackageVersion(zip: ZipReader): PackageVersion {
  if (!zip.has('meta')) return zip.has('collection.anki21') ? PackageVersion.Legacy2 : PackageVersion.Legacy1;
  let version: number;
  try {
    version = new ProtoMessage(zip.read('meta')).int32(1);
  } catch {
    throw new PackageError(tooNew);
  }
  if (version < PackageVersion.Legacy1 || version > PackageVersion.Latest) throw new PackageError(tooNew);
  return version as PackageVersion;
}

export function collectionMemberName(version: PackageVersion): string {
  if (version === PackageVersion.Legacy1) return 'collection.anki2';
  return version === PackageVersion.Legacy2 ? 'collection.anki21' : 'collection.anki21b';
}

/** Modern packages compress the collection, the media list and every media file with zstd. */
export function isZstdCompressed(version: PackageVersion): boolean {
  return version === PackageVersion.Latest;
}

/** The bytes of a `meta` member. */
export function encodeMeta(version: PackageVersion): Uint8Array {
  return new BinaryWriter().tag(1, WireType.Varint).int32(version).finish();
}
