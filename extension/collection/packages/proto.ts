/**
 * Just enough protobuf to read the few messages of a modern package
 * (PackageMetadata, MediaEntries, and the note type, deck and preset configs
 * of a schema-18 collection): a message is decoded into its raw fields,
 * then read with proto3's defaults (a missing scalar is 0, false or "").
 */
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import type { Int64 } from '../json.ts';

type RawValue = bigint | number | Uint8Array;

interface RawField {
  wire: WireType;
  value: RawValue;
}

const utf8 = new TextDecoder();

/** The float32 in a fixed32's bits. */
function float32FromBits(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits, true);
  return view.getFloat32(0, true);
}

/**
 * The shortest decimal that reads back as the same float32, as Anki's JSON
 * writer prints an f32 (so 1.3f becomes 1.3, not 1.2999999523162842).
 */
export function f32(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

function asSafe(v: bigint): Int64 {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

export class ProtoMessage {
  private readonly fields = new Map<number, RawField[]>();

  constructor(bytes: Uint8Array) {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [no, wire] = reader.tag();
      const value = readRaw(reader, wire, no);
      if (value === null) continue;
      const list = this.fields.get(no);
      if (list) list.push({ wire, value });
      else this.fields.set(no, [{ wire, value }]);
    }
  }

  has(no: number): boolean {
    return this.fields.has(no);
  }

  private last(no: number): RawField | undefined {
    const list = this.fields.get(no);
    return list?.[list.length - 1];
  }

  private varint(no: number): bigint {
    const f = this.last(no);
    return f && typeof f.value === 'bigint' ? f.value : 0n;
  }

  uint32(no: number): number {
    return Number(BigInt.asUintN(32, this.varint(no)));
  }

  int32(no: number): number {
    return Number(BigInt.asIntN(32, this.varint(no)));
  }

  sint32(no: number): number {
    const n = Number(BigInt.asUintN(32, this.varint(no)));
    return (n >>> 1) ^ -(n & 1);
  }

  int64(no: number): Int64 {
    return asSafe(BigInt.asIntN(64, this.varint(no)));
  }

  bool(no: number): boolean {
    return this.varint(no) !== 0n;
  }

  /** A float field as its shortest decimal. */
  float(no: number): number {
    const f = this.last(no);
    return f && typeof f.value === 'number' ? f32(float32FromBits(f.value)) : 0;
  }

  bytes(no: number): Uint8Array {
    const f = this.last(no);
    return f && f.value instanceof Uint8Array ? f.value : new Uint8Array(0);
  }

  string(no: number): string {
    return utf8.decode(this.bytes(no));
  }

  message(no: number): ProtoMessage | null {
    return this.has(no) ? new ProtoMessage(this.bytes(no)) : null;
  }

  messages(no: number): ProtoMessage[] {
    return (this.fields.get(no) ?? []).filter((f) => f.value instanceof Uint8Array).map((f) => new ProtoMessage(f.value as Uint8Array));
  }

  /** A repeated float, packed or not. */
  floats(no: number): number[] {
    const out: number[] = [];
    for (const f of this.fields.get(no) ?? []) {
      if (typeof f.value === 'number') out.push(f32(float32FromBits(f.value)));
      else if (f.value instanceof Uint8Array) {
        const view = new DataView(f.value.buffer, f.value.byteOffset, f.value.byteLength);
        for (let at = 0; at + 4 <= f.value.byteLength; at += 4) out.push(f32(view.getFloat32(at, true)));
      }
    }
    return out;
  }

  /** A repeated uint32, packed or not. */
  uint32s(no: number): number[] {
    const out: number[] = [];
    for (const f of this.fields.get(no) ?? []) {
      if (typeof f.value === 'bigint') out.push(Number(BigInt.asUintN(32, f.value)));
      else if (f.value instanceof Uint8Array) {
        const r = new BinaryReader(f.value);
        while (r.pos < r.len) out.push(r.uint32());
      }
    }
    return out;
  }
}

function readRaw(reader: BinaryReader, wire: WireType, no: number): RawValue | null {
  switch (wire) {
    case WireType.Varint:
      return BigInt(reader.uint64());
    case WireType.Bit32:
      return reader.fixed32();
    case WireType.Bit64:
      return BigInt(reader.fixed64());
    case WireType.LengthDelimited:
      return reader.bytes();
    default:
      reader.skip(wire, no);
      return null;
  }
}
