/**
 * Progressive adoption across the five ICMPD themes (seed 001: States report
 * "organised across the five themes … with the overarching goal to
 * progressively adopt measures addressing all five, and a majority of the GCM
 * actionable commitments"). The one rule, used by the report builders
 * (libs/reports) and the public country figures (libs/dashboard): both pass
 * the State's pledges of one cycle's population, each marked with whether it
 * has a validated update in that cycle.
 */
export interface AdoptionPledge {
  /** Effective theme numbers of a published pledge. */
  themes: readonly number[];
  /** Actionable commitment codes (`T2.C4`). */
  commitments: readonly string[];
  /** The pledge has a validated update in the cycle. */
  validated: boolean;
}

/** The framework's themes and actionable commitments (30 in the GCM framework). */
export interface AdoptionFramework {
  themes: readonly number[];
  commitments: readonly string[];
}

export interface AdoptionLevel {
  /** Framework themes addressed, ascending. */
  themes: number[];
  /** Framework commitments addressed. */
  commitments: number;
  /** commitments / the framework's commitments (null when the framework has none). */
  commitmentShare: number | null;
  allThemes: boolean;
  /** More than half of the framework's actionable commitments. */
  majority: boolean;
  /** All themes and a majority of the commitments: the goal seed 001 names. */
  adopted: boolean;
}

export interface ThemeAdoption {
  /** What the State's published pledges owing an update in the cycle address. */
  pledged: AdoptionLevel;
  /** What those of its pledges with a validated update in the cycle address. */
  reported: AdoptionLevel;
  totalThemes: number;
  totalCommitments: number;
}

function level(pledges: readonly AdoptionPledge[], framework: AdoptionFramework): AdoptionLevel {
  const themeSet = new Set(framework.themes);
  const commitmentSet = new Set(framework.commitments);
  const themes = new Set<number>();
  const commitments = new Set<string>();
  for (const p of pledges) {
    for (const t of p.themes) if (themeSet.has(t)) themes.add(t);
    for (const c of p.commitments) if (commitmentSet.has(c)) commitments.add(c);
  }
  const total = commitmentSet.size;
  const allThemes = themeSet.size > 0 && themes.size === themeSet.size;
  const majority = total > 0 && commitments.size * 2 > total;
  return {
    themes: [...themes].sort((a, b) => a - b),
    commitments: commitments.size,
    commitmentShare: total === 0 ? null : commitments.size / total,
    allThemes,
    majority,
    adopted: allThemes && majority,
  };
}

export function themeAdoption(pledges: readonly AdoptionPledge[], framework: AdoptionFramework): ThemeAdoption {
  return {
    pledged: level(pledges, framework),
    reported: level(pledges.filter((p) => p.validated), framework),
    totalThemes: new Set(framework.themes).size,
    totalCommitments: new Set(framework.commitments).size,
  };
}
