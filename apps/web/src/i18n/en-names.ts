import { icu } from './icu';
/** How catalogue codes read on the page (objective numbers, M49 regions, themes), and the smaller public-page strings. */
export const enNames = {
  names: {
    world: 'World',
    objective: icu('Objective {n} — {title}', 'n', 'title'),
    objectiveOnly: icu('Objective {n}', 'n'),
    theme: icu('Theme {n} — {title}', 'n', 'title'),
    themeOnly: icu('Theme {n}', 'n'),
    regionCode: icu('M49 area {m49}', 'm49'),
    primary: '(primary)',
    countries: 'Countries',
    regions: 'Regions',
    conventionSeparator: '(semicolon and space) between the items',
    mapCycle: 'Reporting cycle',
    ofPledges: icu('{n, plural, one {Pledges, out of the one it leads} other {Pledges, out of the # it leads}}', 'n'),
  },
  pledgeList: {
    sort: 'Sort by',
    sorts: {
      relevance: 'Best match', reference: 'Reference', title: 'Title (A–Z)', updatedAt: 'Recently updated',
      startDate: 'Start date (latest first)', targetDate: 'Target date (soonest first)',
    },
    export: 'Download these pledges',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
  },
  reportScopes: {
    objective: icu('{n}. {label}', 'n', 'label'),
    label: icu('{kind}: {name}', 'kind', 'name'),
    scopeFor: {
      state: 'State', objective: 'GCM objective', theme: 'ICMPD theme', region: 'Region', round_table: 'Round table',
    },
    cycles: 'Cycles covered',
    cyclesHint: 'One or several consecutive cycles.',
    noCycles: 'No cycle has opened yet, so there is nothing to report on.',
    selectAll: 'Select every version',
    select: icu('Select {title}', 'title'),
    publishSelected: icu('{n, plural, =0 {Publish the selected versions} one {Publish # selected version} other {Publish # selected versions}}', 'n'),
    publishedMany: icu('{n, plural, one {# version is published: everyone can download it now.} other {# versions are published: everyone can download them now.}}', 'n'),
    incomplete: 'Still rendering: not every format is ready',
  },
} as const;
