/**
 * The PDF uses the 14 standard PDF fonts, which need no font file but only
 * cover Windows-1252 ("WinAnsi"). Text outside it is folded to its base
 * letters where Unicode allows (ő → o) and otherwise replaced by "?"; the
 * renderer then says so on the first page. The HTML and JSON editions keep
 * the full text.
 */
const WIN_ANSI_EXTRA = new Set(
  [0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
    0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178],
);

function encodable(code: number): boolean {
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
}

export class PdfTextFolder {
  /** Characters that could not be shown at all. */
  replaced = 0;

  fold(text: string): string {
    let out = '';
    for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
      const code = ch.codePointAt(0) as number;
      if (encodable(code)) {
        out += ch;
        continue;
      }
      if (code === 0x2212) {
        out += '-';
        continue;
      }
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      if (base !== '' && [...base].every((c) => encodable(c.codePointAt(0) as number))) {
        out += base;
      } else if (/\p{M}/u.test(ch) || /[\u200b-\u200f\ufeff]/.test(ch)) {
        // a lone combining mark or an invisible format character: nothing to show
      } else {
        out += '?';
        this.replaced++;
      }
    }
    return out;
  }
}
