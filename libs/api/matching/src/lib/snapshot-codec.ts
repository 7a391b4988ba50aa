/**
 * A small binary container for index snapshots: `XKXS`, a format number, a JSON header, then typed-array
 * sections each aligned to 8 bytes. Plain bytes in, plain bytes out (compression and storage are the caller's).
 * The same content always gives the same bytes: sections are written in the order they were added, and the
 * header is JSON of plain values built in a fixed key order.
 */
const MAGIC = 0x53_4b_58_58; // 'XXKS' read little-endian: the bytes spell XKXS
export const SNAPSHOT_FORMAT = 1;

type Section = Int32Array | Uint32Array | Float32Array | Uint8Array;
type SectionType = 'i32' | 'u32' | 'f32' | 'u8';

interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  length: number;
}

const typeOf = (a: Section): SectionType =>
  a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : a instanceof Float32Array ? 'f32' : 'u8';

const align8 = (n: number): number => (n + 7) & ~7;

export class SnapshotWriter {
  private readonly sections: Array<{ name: string; data: Section }> = [];

  add(name: string, data: Section): void {
    this.sections.push({ name, data });
  }

  /** Text (JSON of listings, word lists) as a UTF-8 section. */
  addText(name: string, text: string): void {
    this.add(name, new TextEncoder().encode(text));
  }

  finish(meta: Record<string, unknown>): Uint8Array {
    const entries: SectionEntry[] = [];
    let offset = 0;
    for (const { name, data } of this.sections) {
      entries.push({ name, type: typeOf(data), offset, length: data.length });
      offset = align8(offset + data.byteLength);
    }
    const header = new TextEncoder().encode(JSON.stringify({ meta, sections: entries }));
    const start = align8(12 + header.byteLength);
    const out = new Uint8Array(start + offset);
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, SNAPSHOT_FORMAT, true);
    view.setUint32(8, header.byteLength, true);
    out.set(header, 12);
    this.sections.forEach(({ data }, i) => {
      out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), start + (entries[i] as SectionEntry).offset);
    });
    return out;
  }
}

export class SnapshotReader {
  readonly meta: Record<string, unknown>;
  private readonly entries = new Map<string, SectionEntry>();
  private readonly start: number;

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not an index snapshot');
    const format = view.getUint32(4, true);
    if (format !== SNAPSHOT_FORMAT) throw new Error(`index snapshot format ${format}, expected ${SNAPSHOT_FORMAT}`);
    const headerLength = view.getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { meta: Record<string, unknown>; sections: SectionEntry[] };
    this.meta = header.meta;
    for (const entry of header.sections) this.entries.set(entry.name, entry);
    this.start = align8(12 + headerLength);
  }

  private raw(name: string, type: SectionType, width: number): ArrayBuffer {
    const entry = this.entries.get(name);
    if (!entry || entry.type !== type) throw new Error(`index snapshot has no ${type} section ${name}`);
    const from = this.bytes.byteOffset + this.start + entry.offset;
    // A copy: aligned for the typed array, and independent of the (large) decompressed buffer.
    return this.bytes.buffer.slice(from, from + entry.length * width) as ArrayBuffer;
  }

  i32(name: string): Int32Array<ArrayBuffer> {
    return new Int32Array(this.raw(name, 'i32', 4));
  }

  u32(name: string): Uint32Array<ArrayBuffer> {
    return new Uint32Array(this.raw(name, 'u32', 4));
  }

  f32(name: string): Float32Array<ArrayBuffer> {
    return new Float32Array(this.raw(name, 'f32', 4));
  }

  u8(name: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.raw(name, 'u8', 1));
  }

  text(name: string): string {
    return new TextDecoder().decode(this.u8(name));
  }
}
