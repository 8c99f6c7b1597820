import { StatsPledge } from './stats-pledge.entity';
import { StatsUpdate } from './stats-update.entity';

export { StatsPledge, StatsUpdate };
export const DASHBOARD_ENTITIES = [StatsPledge, StatsUpdate];
