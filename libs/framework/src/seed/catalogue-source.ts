import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ThemeCommitments, parseCommitments } from './commitments.parser';
import { Country, parseCountries } from './countries.parser';
import { FrameworkMarkdown, parseFrameworkMarkdown } from './framework-markdown.parser';
import { ParsedGuidingQuestion, parseGuidingQuestions } from './guiding-questions.parser';
import { Recommendation, parseRecommendations } from './recommendations.parser';

/** Everything the framework catalogue is seeded from, already parsed and checked. */
export interface CatalogueSource extends FrameworkMarkdown {
  /** ICMPD actionable commitments, grouped by theme number (matches `themes[].number`). */
  commitments: ThemeCommitments[];
  recommendations: Recommendation[];
  countries: Country[];
  /** The guiding questions of the round table whose background note is shipped (RT2, seed 003). */
  guidingQuestions: { roundTable: string; source: string; questions: ParsedGuidingQuestion[] };
}

/** The round table whose background note (seed 003) ships with the platform, and how its questions are credited. */
export const GUIDING_QUESTIONS_SOURCE = { roundTable: 'RT2', source: 'IMRF 2022 round table 2 background note' } as const;

/**
 * File names inside `seeds/sources/`. The hashed names are those of the archived
 * source documents; they are listed once here so nothing else hard-codes them.
 */
export const CATALOGUE_SOURCE_FILES = {
  framework: 'gcm-framework.md',
  commitments: '001_78548c2917fb0133.txt',
  recommendations: '000_d9533cfaee099a21.txt',
  countries: 'un-states.csv',
  guidingQuestions: '003_8840621ed026481f.txt',
} as const;

/**
 * The themes come from the reference Markdown and the commitments from the
 * ICMPD text; they are maintained separately, so a theme added to one and not
 * the other must stop the seed rather than produce orphaned commitments.
 */
function assertThemesAgree(themes: FrameworkMarkdown['themes'], commitments: ThemeCommitments[]): void {
  const declared = themes.map((t) => t.number).sort((a, b) => a - b);
  const found = commitments.map((c) => c.number).sort((a, b) => a - b);
  if (declared.join(',') !== found.join(',')) {
    throw new Error(
      `themes in ${CATALOGUE_SOURCE_FILES.framework} (${declared.join(',')}) do not match ` +
        `themes with commitments in ${CATALOGUE_SOURCE_FILES.commitments} (${found.join(',')})`,
    );
  }
}

/**
 * Reads and parses the five source files in `dir`. This is the only function in
 * the seed module that touches the file system; the parsers stay pure so they
 * can be tested on strings.
 */
export function loadCatalogueSource(dir: string): CatalogueSource {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const framework = parseFrameworkMarkdown(read(CATALOGUE_SOURCE_FILES.framework));
  const commitments = parseCommitments(read(CATALOGUE_SOURCE_FILES.commitments));
  assertThemesAgree(framework.themes, commitments);
  return {
    ...framework,
    commitments,
    recommendations: parseRecommendations(read(CATALOGUE_SOURCE_FILES.recommendations)),
    countries: parseCountries(read(CATALOGUE_SOURCE_FILES.countries)),
    guidingQuestions: {
      ...GUIDING_QUESTIONS_SOURCE,
      questions: parseGuidingQuestions(read(CATALOGUE_SOURCE_FILES.guidingQuestions),
        framework.roundTables.find((rt) => rt.code === GUIDING_QUESTIONS_SOURCE.roundTable)?.objectives ?? []),
    },
  };
}
