/**
 * Bounds on what an uploaded XLSX (a ZIP file) may expand to, read from its
 * central directory before any decompression, so a zip bomb is refused
 * without inflating a byte.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest declared expansion ratio of one entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 400, maxUncompressedBytes: 80 * 1024 * 1024, maxRatio: 200 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** null when the file is a ZIP within the limits; otherwise why not, in words. */
export function zipProblem(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return 'This file is not an Excel workbook (.xlsx); save it from Excel or LibreOffice as .xlsx and upload it again';
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'This file is damaged or not an .xlsx workbook (its ZIP directory is missing)';
  const entries = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return 'This workbook uses ZIP64, which is not accepted; save it again as a normal .xlsx';
  if (entries > limits.maxEntries) return `This workbook has ${entries} parts; at most ${limits.maxEntries} are accepted`;
  if (offset + size > buf.length) return 'This file is damaged or not an .xlsx workbook (its ZIP directory points outside the file)';
  let total = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return 'This file is damaged or not an .xlsx workbook';
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'This workbook uses ZIP64, which is not accepted; save it again as a normal .xlsx';
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) {
      return `This workbook expands to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB; split it or remove unused sheets`;
    }
    if (uncompressed > 1_000_000 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      return 'This workbook expands suspiciously (a compressed part is far larger than its file); it was refused';
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return null;
}
