/** The part of fontkit (pdfkit's font engine) the PDF renderer uses directly: parsing a font once per thread. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}
