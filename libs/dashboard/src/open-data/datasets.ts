import type { AnyDataset, DatasetName } from './dataset';
import { PRACTICES_DATASET } from './practices.dataset';

export const OPEN_DATA_DATASETS: Partial<Record<DatasetName, AnyDataset>> = {
  practices: PRACTICES_DATASET as AnyDataset,
};
