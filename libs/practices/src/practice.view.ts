/** Response shapes of the practices API (read by the Swagger plugin; the SQL in practices.service.ts returns them). */

export class PracticeView {
  /** Practice number such as 2.1.9 (session.part.item). */
  code: string;
  sessionNumber: number;
  sessionCode: string;
  sessionTitle: string;
  title: string;
  brieflyReferred: boolean;
  organisation: string | null;
  period: string | null;
  geographicalScope: string | null;
  description: string | null;
  impacts: string | null;
  lessonsLearned: string | null;
  resources: string | null;
  /** Only when the secretariat made it public. */
  contact: string | null;
  /** GCM objectives quoted by the practice's dialogue session. */
  objectives: number[];
}

export class PracticePage {
  items: PracticeView[];
  total: number;
  limit: number;
  offset: number;
}

export class SessionObjective {
  number: number;
  /** The objective's title as the session quotes it. */
  quotedTitle: string;
}

export class PracticeSessionView {
  number: number;
  code: string;
  part: number;
  title: string;
  objectives: SessionObjective[];
  /** Practice cards in the session. */
  practices: number;
}
