/**
 * The Red Book prints card headings in capitals ("TEMPORARY PROTECTION FOR
 * VENEZUELAN MIGRANTS"), which hides which words are names. The report's own
 * running text does not: it writes "Venezuelan", "IOM", "Central America" and
 * "migrants". `CaseDictionary` learns from that text how each word and each
 * capitalised name is written, and `sentenceCase` rewrites a heading with it,
 * so the title reads like the report's prose.
 */

const LETTERS = /\p{L}+(?:['’]\p{L}+)?/gu;
/** Small words a capitalised name may hold: "Committee of Ministers", "Trafficking in Persons". */
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'to', 'in', 'against', 'with', 'at', 'de', 'del', 'la']);
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;
const MAX_NAME = 12;

interface Counts {
  upper: number;
  /** Capitalised mid-sentence on its own: a name by itself (Mexico, Venezuelan). */
  alone: number;
  lower: number;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
const isCapital = (w: string) => /^\p{Lu}\p{Ll}/u.test(w);
const isUpper = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);

export class CaseDictionary {
  private readonly counts = new Map<string, Counts>();
  /** Capitalised names of two or more words (and every shorter name inside them), lower-cased. */
  private readonly names = new Set<string>();

  /** Learns from lines of running text; headings and labels (mostly capitals) teach nothing. */
  static fromLines(lines: string[]): CaseDictionary {
    const dict = new CaseDictionary();
    for (const line of lines) {
      const lower = line.match(/\p{Ll}/gu)?.length ?? 0;
      const upper = line.match(/\p{Lu}/gu)?.length ?? 0;
      if (lower > upper) dict.learn(line);
    }
    return dict;
  }

  learn(text: string): void {
    let end = 0;
    const tokens = [...text.matchAll(LETTERS)].map((m) => {
      const gap = text.slice(end, m.index);
      const first = end === 0;
      end = m.index + m[0].length;
      return {
        word: m[0],
        // The first word of a line or sentence is capitalised whatever it is: its capital says nothing.
        initial: (first && /^\P{L}*$/u.test(gap)) || /[.!?:;•–—(“"]|(?:^|\s)-\s/u.test(gap),
        // A name runs over words separated by a space or a hyphen only.
        joined: !first && /^(?:\s+|-)$/.test(gap),
      };
    });
    let run: string[] = [];
    const endRun = () => {
      while (run.length > 0 && CONNECTORS.has(run[run.length - 1])) run.pop();
      for (let i = 0; i < run.length; i++) {
        for (let j = i + 1; j < Math.min(run.length, i + MAX_NAME); j++) {
          if (!CONNECTORS.has(run[i]) && !CONNECTORS.has(run[j])) this.names.add(run.slice(i, j + 1).join(' '));
        }
      }
      run = [];
    };
    tokens.forEach((t, i) => {
      const key = t.word.toLowerCase();
      const c = this.counts.get(key) ?? { upper: 0, alone: 0, lower: 0 };
      this.counts.set(key, c);
      // An acronym stands among ordinary words; a run of capitals is a heading caught in the text.
      const capsRun = (i > 0 && isUpper(tokens[i - 1].word)) || (i + 1 < tokens.length && isUpper(tokens[i + 1].word));
      if (isUpper(t.word)) c.upper += capsRun ? 0 : 1;
      else if (t.word === key) c.lower++;
      const prevCapital = i > 0 && t.joined && isCapital(tokens[i - 1].word);
      const nextCapital = i + 1 < tokens.length && tokens[i + 1].joined && isCapital(tokens[i + 1].word);
      if (isCapital(t.word) && !t.initial && !prevCapital && !nextCapital) c.alone++;
      if (isCapital(t.word) && (run.length === 0 ? !t.initial || nextCapital : t.joined)) run.push(key);
      else if (run.length > 0 && t.joined && CONNECTORS.has(t.word)) run.push(t.word);
      else endRun();
    });
    endRun();
  }

  form(word: string): 'upper' | 'capital' | 'lower' | null {
    const c = this.counts.get(word.toLowerCase());
    if (!c) return null;
    if (c.upper > c.lower + c.alone) return 'upper';
    return c.alone > c.lower ? 'capital' : 'lower';
  }

  isName(words: string[]): boolean {
    return this.names.has(words.join(' '));
  }
}

/**
 * A heading in capitals rewritten in sentence case: the first word
 * capitalised; names the running text writes with capitals ("Central
 * America", "Committee of Ministers") and acronyms as it writes them; other
 * words in lower case. Words holding digits (COVID-19, 8.7), Roman numerals
 * and a single word in parentheses (the heading's own acronym, "(PREPARE)")
 * stay as printed. A heading that already has lower-case letters is kept.
 */
export function sentenceCase(heading: string, dict: CaseDictionary): string {
  if (/\p{Ll}/u.test(heading)) return heading;
  const words = [...heading.matchAll(LETTERS)].map((m) => ({ text: m[0], at: m.index, key: m[0].toLowerCase() }));
  const inName = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    for (let j = Math.min(words.length, i + MAX_NAME) - 1; j > i; j--) {
      if (dict.isName(words.slice(i, j + 1).map((w) => w.key))) {
        for (let k = i; k <= j; k++) inName[k] = true;
        break;
      }
    }
  }
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    out += heading.slice(last, w.at);
    last = w.at + w.text.length;
    const token = heading.slice(heading.lastIndexOf(' ', w.at) + 1).split(' ')[0];
    const base = w.key.replace(/['’]\p{L}+$/u, '');
    const form = dict.form(w.key) ?? dict.form(base);
    if (/\d/.test(token) || /^\(\p{Lu}+\)[.,:;]?$/u.test(token) || ROMAN.test(w.text) || form === 'upper') out += w.text;
    else if (i === 0 || form === 'capital' || (inName[i] && !CONNECTORS.has(w.key))) out += capitalise(w.text);
    else out += w.key;
  });
  return out + heading.slice(last);
}
