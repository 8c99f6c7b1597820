import { DataProvenance } from '../stats/provenance';

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

export class DataPackageField {
  name: string;
  /** Table Schema type: string | integer | number | boolean | date | datetime | array | any */
  type: string;
  description: string;
}

export class DataPackageSchema {
  fields: DataPackageField[];
  primaryKey: string;
}

export class DataPackageResource {
  /** <dataset>-<format>, e.g. pledges-csv */
  name: string;
  title: string;
  description: string;
  path: string;
  /** csv | json */
  format: string;
  mediatype: string;
  encoding: string;
  schema: DataPackageSchema;
}

/** A Frictionless Data Package describing the open-data files. */
export class DataPackage {
  /** data-package */
  profile: string;
  name: string;
  title: string;
  description: string;
  /** The snapshot's time (the same as provenance.dataAsOf). */
  created: string;
  /** The snapshot the files are served from. */
  provenance: DataProvenance;
  resources: DataPackageResource[];
}
