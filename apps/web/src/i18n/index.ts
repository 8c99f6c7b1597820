import { en, type Messages } from './en';

/** The one message catalogue in use; a language switch would choose among catalogues here. */
export const t: Messages = en;
