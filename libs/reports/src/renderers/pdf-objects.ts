import { deflateSync } from 'node:zlib';

type Doc = PDFKit.PDFDocument;

/** pdfkit's indirect object (its internal shape, as far as this module uses it). */
interface RefLike {
  id: number;
  gen: number;
  data: Record<string, unknown>;
  offset: number;
  buffer: unknown[];
  document: DocInternals;
  finalize(): void;
  toString(): string;
}

/** pdfkit's document internals this module replaces or calls. */
interface DocInternals {
  version: number;
  _offset: number;
  _offsets: (number | null)[];
  _root: RefLike;
  _info: RefLike;
  _id: Uint8Array;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: RefLike): void;
  _finalize(): void;
  push(chunk: null): void;
}

/** Objects per object stream: a reader inflates a whole stream to reach one of them. */
const PER_STREAM = 200;

/**
 * Object streams (PDF 1.5, 7.5.7) for the objects of a tagged PDF's structure
 * tree. pdfkit writes every indirect object on its own, uncompressed, with a
 * 20-byte cross-reference entry: a structure element per cell and paragraph
 * made the tagged reports several times larger than the untagged ones. Here
 * the objects handed to `pack` are written, compactly serialised, into
 * deflated object streams of PER_STREAM objects as they are finished (pdfkit
 * finishes an element as soon as it and its children are closed, so memory
 * stays bounded), and the file ends with a compressed cross-reference stream
 * instead of the table (which cannot point into an object stream). Every
 * other object (catalog, pages, fonts, annotations, content streams) is
 * written by pdfkit as before. For a PDF 1.5 or later, not encrypted
 * (`ObjectStreams.possible`).
 */
export class ObjectStreams {
  static possible(doc: Doc): boolean {
    const d = doc as unknown as DocInternals;
    return d.version >= 1.5 && !d._security;
  }

  private readonly doc: DocInternals;
  /** Finished objects waiting for their stream: id and serialised body. */
  private pending: [number, string][] = [];
  /** Where each packed object is: its object stream's id and its index in it. */
  private readonly packedAt = new Map<number, [number, number]>();

  constructor(doc: Doc) {
    if (!ObjectStreams.possible(doc)) throw new Error('ObjectStreams: a PDF 1.5 or later, not encrypted');
    this.doc = doc as unknown as DocInternals;
    // pdfkit's own end writes a cross-reference table, which cannot point into an object stream.
    this.doc._finalize = () => {
      this.flush();
      this.writeXrefStream();
    };
  }

  /**
   * Makes a (non-stream) object go into an object stream when pdfkit
   * finishes it; `tidy` may drop what the object does not need first.
   */
  pack(ref: object, tidy?: (data: Record<string, unknown>) => void): void {
    const r = ref as RefLike;
    const own = r.finalize.bind(r);
    r.finalize = () => {
      // Anything written to it as a stream is written by pdfkit: a stream cannot be in an object stream.
      if (r.buffer.length > 0 || r.gen !== 0) return own();
      tidy?.(r.data);
      this.pending.push([r.id, serialise(r.data)]);
      if (this.pending.length >= PER_STREAM) this.flush();
      r.offset = 0;
      r.document._refEnd(r);
    };
  }

  /** Writes the pending objects as one object stream (a new indirect object of its own). */
  private flush(): void {
    if (this.pending.length === 0) return;
    const doc = this.doc;
    doc._offsets.push(null);
    const id = doc._offsets.length;
    let header = '';
    let body = '';
    this.pending.forEach(([objId, text], i) => {
      header += `${i === 0 ? '' : ' '}${objId} ${body.length}`;
      body += `${text}\n`;
      this.packedAt.set(objId, [id, i]);
    });
    header += '\n';
    const data = deflateSync(Buffer.from(header + body, 'latin1'));
    doc._offsets[id - 1] = doc._offset;
    doc._write(`${id} 0 obj`);
    doc._write(`<</Type/ObjStm/N ${this.pending.length}/First ${Buffer.byteLength(header, 'latin1')}/Filter/FlateDecode/Length ${data.length}>>`);
    doc._write('stream');
    doc._write(data);
    doc._write('\nendstream');
    doc._write('endobj');
    this.pending = [];
  }

  /**
   * The cross-reference stream (7.5.8) that ends the file: one row per
   * object (type 1: at a byte offset; type 2: in an object stream), with the
   * trailer's entries in its dictionary; rows PNG-predicted (Up) and deflated.
   */
  private writeXrefStream(): void {
    const doc = this.doc;
    doc._offsets.push(null);
    const id = doc._offsets.length;
    const offset = doc._offset;
    doc._offsets[id - 1] = offset;
    const w2 = bytesFor(offset);
    const cols = 1 + w2 + 2;
    const rows = doc._offsets.length + 1;
    const raw = Buffer.alloc(rows * cols);
    const put = (row: number, type: number, field2: number, field3: number) => {
      const at = row * cols;
      raw[at] = type;
      for (let b = 0; b < w2; b++) raw[at + 1 + b] = Math.floor(field2 / 256 ** (w2 - 1 - b)) & 0xff;
      raw[at + 1 + w2] = (field3 >> 8) & 0xff;
      raw[at + 2 + w2] = field3 & 0xff;
    };
    put(0, 0, 0, 0xffff);
    doc._offsets.forEach((o, i) => {
      const packed = this.packedAt.get(i + 1);
      if (packed) put(i + 1, 2, packed[0], packed[1]);
      else if (o === null) put(i + 1, 0, 0, 0);
      else put(i + 1, 1, o, 0);
    });
    // PNG Up predictor: each byte minus the one above it, so rising offsets become runs of small numbers.
    const predicted = Buffer.alloc(rows * (cols + 1));
    for (let r = 0; r < rows; r++) {
      predicted[r * (cols + 1)] = 2;
      for (let c = 0; c < cols; c++) predicted[r * (cols + 1) + 1 + c] = (raw[r * cols + c] - (r === 0 ? 0 : raw[(r - 1) * cols + c])) & 0xff;
    }
    const data = deflateSync(predicted);
    const fileId = `<${Buffer.from(doc._id).toString('hex')}>`;
    doc._write(`${id} 0 obj`);
    doc._write(`<</Type/XRef/Size ${rows}/W[1 ${w2} 2]/Root ${doc._root}/Info ${doc._info}/ID[${fileId}${fileId}]` +
      `/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns ${cols}>>/Length ${data.length}>>`);
    doc._write('stream');
    doc._write(data);
    doc._write('\nendstream');
    doc._write('endobj');
    doc._write('startxref');
    doc._write(`${offset}`);
    doc._write('%%EOF');
    doc.push(null);
  }
}

const bytesFor = (n: number) => Math.max(1, Math.ceil(Math.log2(n + 1) / 8));

/** A value that starts with a delimiter needs no space after the key before it. */
const DELIMITED = /^[/(<[]/;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** A text string (7.9.2.2): PDFDocEncoding when ASCII, else UTF-16BE with its byte order mark; as latin1 code units. */
function literal(s: string): string {
  // eslint-disable-next-line no-control-regex
  const bytes = /^[\x00-\x7f]*$/.test(s) ? s : `\xfe\xff${Array.from({ length: s.length }, (_, i) => {
    const c = s.charCodeAt(i);
    return String.fromCharCode(c >> 8, c & 0xff);
  }).join('')}`;
  return `(${bytes.replace(/[\n\r\t\b\f()\\]/g, (c) => ESCAPES[c])})`;
}

/**
 * The value types pdfkit puts in a structure element or the tree's root,
 * written without the whitespace PDF does not need: names, text strings,
 * numbers, arrays, dictionaries and anything that writes itself (references,
 * pdfkit's number tree).
 */
export function serialise(v: unknown): string {
  if (typeof v === 'string') return `/${v}`;
  if (v instanceof String) return literal(v.valueOf());
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) >= 1e21) throw new Error(`unsupported number: ${v}`);
    return String(Math.round(v * 1e6) / 1e6);
  }
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(serialise).join(' ')}]`;
  if (Object.getPrototypeOf(v) === Object.prototype) {
    let out = '<<';
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (val === undefined) continue;
      const s = serialise(val);
      out += DELIMITED.test(s) ? `/${k}${s}` : `/${k} ${s}`;
    }
    return `${out}>>`;
  }
  return String(v);
}
