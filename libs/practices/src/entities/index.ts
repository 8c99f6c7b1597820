import { Practice } from './practice.entity';
import { PracticeImport } from './practice-import.entity';
import { PracticeSession } from './practice-session.entity';
import { PracticeSessionObjective } from './practice-session-objective.entity';

export { Practice, PracticeImport, PracticeSession, PracticeSessionObjective };
export const PRACTICE_ENTITIES = [Practice, PracticeImport, PracticeSession, PracticeSessionObjective];
