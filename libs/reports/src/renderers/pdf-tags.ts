import { ObjectStreams } from './pdf-objects';

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;
/** What pdfkit 0.20 has and @types/pdfkit does not declare. */
interface DocMore {
  getStructTreeRoot(): object;
  continueOnNewPage(): Doc;
}

/** The standard structure types the report PDF uses (PDF 1.7, 14.8.4). */
export type StructType = 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'TR' | 'TH' | 'TD' | 'Caption' | 'Note' | 'Link' | 'Figure';

/** Options pdfkit 0.20 reads on a structure element; @types/pdfkit knows only the first five. */
export interface StructOptions {
  lang?: string;
  alt?: string;
  actual?: string;
  title?: string;
  /** TH: whose header the cell is. */
  scope?: 'Column' | 'Row' | 'Both';
  /** Figure: its box in page coordinates (left, top, right, bottom), as pdfkit takes it. */
  bbox?: [number, number, number, number];
}

/** What a page's furniture is, for a reader that skips artifacts (14.8.2.2.2). */
export type ArtifactKind = 'Pagination' | 'Layout';

/**
 * The structure tree of a tagged report PDF, built while the page is drawn.
 * Elements nest like a stack (open, draw, close); every piece of drawing is
 * either marked as content of the element open at the time (`mark`) or as
 * an artifact (`artifact`: running footers, page numbers, rules, bars,
 * repeated table headers). What one element draws in a row (a paragraph's
 * lines, a cell's lines) is one marked sequence; a page break inside it
 * (`newPage`) ends it on the old page and continues it on the new one, and
 * the element collects its sequences across pages (pdfkit writes the MCRs).
 * pdfkit writes the catalog's /MarkInfo, /StructTreeRoot and parent tree, and
 * each element as soon as it and its children are closed; the tree's objects
 * go into compressed object streams (ObjectStreams), each element with only
 * the keys it needs.
 */
export class PdfTags {
  private readonly stack: Element[];
  /** Null in a PDF older than 1.5, which has no object streams: pdfkit writes the tree as it does. */
  private readonly objects: ObjectStreams | null;

  constructor(private readonly doc: Doc) {
    this.objects = ObjectStreams.possible(doc) ? new ObjectStreams(doc) : null;
    this.objects?.pack((doc as unknown as DocMore).getStructTreeRoot());
    const root = this.struct('Document', {});
    doc.addStructure(root);
    this.stack = [root];
  }

  private struct(type: StructType, options: StructOptions): Element {
    const el = this.doc.struct(type, options as Parameters<Doc['struct']>[1]);
    this.objects?.pack((el as unknown as { dictionary: object }).dictionary, tidyElement);
    return el;
  }

  private get current(): Element {
    return this.stack[this.stack.length - 1];
  }

  /** A new element as the last child of the open one, not opened: content goes in with `mark(draw, el)`, `el.end()` closes it. */
  child(type: StructType, options: StructOptions = {}): Element {
    const el = this.struct(type, options);
    this.current.add(el);
    return el;
  }

  /** Opens an element as the last child of the open one. */
  open(type: StructType, options: StructOptions = {}): Element {
    const el = this.child(type, options);
    this.stack.push(el);
    return el;
  }

  close(): void {
    if (this.stack.length === 1) throw new Error('PdfTags: close() without open()');
    this.stack.pop()!.end();
  }

  /** `draw` inside a new element: what it marks (and the elements it opens) belong to that element. */
  within<T>(type: StructType, options: StructOptions, draw: () => T): T {
    this.open(type, options);
    try {
      return draw();
    } finally {
      this.close();
    }
  }

  /**
   * Marks what `draw` puts on the page as one sequence of content of the open
   * element (or of `el`, e.g. a cell continued on a new page). `draw` may
   * break the page with `newPage`, never with doc.addPage.
   */
  mark(draw: () => void, el: Element = this.current): void {
    const content = this.doc.markStructureContent((el as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  /** A new page; an open marked sequence (or artifact) ends on the old page and continues on the new one. */
  newPage(): void {
    (this.doc as unknown as DocMore).continueOnNewPage();
  }

  /** One element holding what `draw` puts on the page: a label, a figure. */
  leaf(type: StructType, options: StructOptions, draw: () => void): void {
    this.within(type, options, () => this.mark(draw));
  }

  /** Drawing that is not content: a reader skips it. */
  artifact(kind: ArtifactKind, draw: () => void): void {
    this.doc.markContent('Artifact', { type: kind });
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * A link annotation over a box of the page, tied to the open element (a
   * Link) so assistive technology reaches it from the tree (OBJR).
   */
  link(x: number, y: number, w: number, h: number, url: string): void {
    (this.doc.link as (x: number, y: number, w: number, h: number, url: string, o: object) => Doc)(x, y, w, h, url, { structParent: this.current });
  }

  /**
   * A figure (a chart): `draw` paints it on the current page inside a Figure
   * element whose alternative text is what a screen reader says instead. The
   * seam for vector charts (renderers/pdf-chart.ts): a chart is drawn
   * through this, its box given so the Figure carries a layout BBox.
   */
  figure(alt: string, box: [number, number, number, number] | undefined, draw: () => void): void {
    this.leaf('Figure', { alt, ...(box ? { bbox: box } : {}) }, draw);
  }

  /** Closes every element still open; the Document element is ended by pdfkit when the document ends. */
  end(): void {
    while (this.stack.length > 1) this.close();
  }
}

/**
 * Drops what a structure element does not need before it is written: an
 * empty /K (a table cell with nothing printed) and the array around a single
 * kid. (A marked-content reference keeps its optional /Type /MCR: poppler
 * tells it from an element by it.)
 */
function tidyElement(data: Record<string, unknown>): void {
  const k = data.K;
  if (!Array.isArray(k)) return;
  if (k.length === 0) delete data.K;
  else if (k.length === 1) data.K = k[0];
}
