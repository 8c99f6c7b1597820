import { CatalogueTranslation } from './catalogue-translation.entity';
import { Commitment } from './commitment.entity';
import { Consideration } from './consideration.entity';
import { Country } from './country.entity';
import { FrameworkVersion } from './framework-version.entity';
import { GuidingQuestion } from './guiding-question.entity';
import { Objective } from './objective.entity';
import { ObjectiveTheme } from './objective-theme.entity';
import { Principle } from './principle.entity';
import { Recommendation } from './recommendation.entity';
import { RoundTable } from './round-table.entity';
import { Theme } from './theme.entity';

export { CatalogueTranslation, Commitment, Consideration, Country, FrameworkVersion, GuidingQuestion, Objective, ObjectiveTheme, Principle, Recommendation, RoundTable, Theme };

export const FRAMEWORK_ENTITIES = [
  CatalogueTranslation, Commitment, Consideration, Country, FrameworkVersion, GuidingQuestion, Objective, ObjectiveTheme, Principle, Recommendation, RoundTable, Theme,
];
export { TRANSLATION_SOURCES, type TranslationSource } from './catalogue-translation.entity';
