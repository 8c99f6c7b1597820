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
  reportScopes: {
    objective: (n: number, label: string) => `${n}. ${label}`,
    label: (kind: string, name: string) => `${kind}: ${name}`,
    scopeFor: {
      state: 'State', objective: 'GCM objective', theme: 'ICMPD theme', region: 'Region', round_table: 'Round table',
    },
    cycles: 'Cycles covered',
    cyclesHint: 'One or several consecutive cycles.',
    noCycles: 'No cycle has opened yet, so there is nothing to report on.',
    selectAll: 'Select every version',
    select: (title: string) => `Select ${title}`,
    publishSelected: (n: number) => (n === 0 ? 'Publish the selected versions' : `Publish ${n} selected version${n === 1 ? '' : 's'}`),
    publishedMany: (n: number) => `${n} version${n === 1 ? ' is' : 's are'} published: everyone can download them now.`,
    incomplete: 'Still rendering: not every format is ready',
  },
} as const;
