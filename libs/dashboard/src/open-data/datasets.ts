import type { AnyDataset, DatasetName } from './dataset';
import { PLEDGES_DATASET } from './pledges.dataset';
import { PRACTICES_DATASET } from './practices.dataset';
import { UPDATES_DATASET } from './updates.dataset';

/** The open-data files, in the order the dictionary lists them. */
export const OPEN_DATA_DATASETS: Record<DatasetName, AnyDataset> = {
  pledges: PLEDGES_DATASET as unknown as AnyDataset,
  updates: UPDATES_DATASET as unknown as AnyDataset,
  practices: PRACTICES_DATASET as unknown as AnyDataset,
};
