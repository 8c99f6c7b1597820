/** The data dictionary's shape, for the OpenAPI description. */

export class DictionaryColumn {
  name: string;
  /** string | integer | number | boolean | date | datetime | string[] | integer[] | json */
  type: string;
  description: string;
}

export class DictionaryFiles {
  csv: string;
  json: string;
}

export class DictionaryDataset {
  /** pledges | updates | practices */
  name: string;
  title: string;
  description: string;
  /** The column holding the record's stable public id. */
  idColumn: string;
  files: DictionaryFiles;
  columns: DictionaryColumn[];
}

export class DictionaryConventions {
  encoding: string;
  csvListSeparator: string;
  csvFormulaGuard: string;
  dates: string;
  emptyValue: string;
  json: string;
  licence: string;
}

export class OpenDataDictionary {
  conventions: DictionaryConventions;
  datasets: DictionaryDataset[];
}
