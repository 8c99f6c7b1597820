/** How catalogue codes read on the page (objective numbers, M49 regions, themes), and the smaller public-page strings. */
export const enNames = {
  names: {
    world: 'World',
    objective: (n: number, title: string) => `Objective ${n} — ${title}`,
    objectiveOnly: (n: number) => `Objective ${n}`,
    theme: (n: number, title: string) => `Theme ${n} — ${title}`,
    themeOnly: (n: number) => `Theme ${n}`,
    regionCode: (m49: string) => `M49 area ${m49}`,
    primary: '(primary)',
    countries: 'Countries',
    regions: 'Regions',
    conventions: {
      encoding: 'Character encoding', csvListSeparator: 'Lists in a CSV cell', csvFormulaGuard: 'Text that looks like a formula',
      dates: 'Dates and times', emptyValue: 'Missing values', json: 'JSON files', licence: 'What is published',
    },
    conventionSeparator: '(semicolon and space) between the items',
    mapCycle: 'Reporting cycle',
    ofPledges: (n: number) => `Pledges, out of the ${n === 1 ? 'one' : n} it leads`,
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
} as const;
