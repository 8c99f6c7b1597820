import { PledgeCommitment } from './pledge-commitment.entity';
import { PledgeCountry } from './pledge-country.entity';
import { PledgeIndicator } from './pledge-indicator.entity';
import { PledgeObjective } from './pledge-objective.entity';
import { PledgePartner } from './pledge-partner.entity';
import { PledgePrinciple } from './pledge-principle.entity';
import { PledgeRecommendation } from './pledge-recommendation.entity';
import { PledgeRegion } from './pledge-region.entity';
import { PledgeReview } from './pledge-review.entity';
import { PledgeTheme } from './pledge-theme.entity';
import { PledgeVersion } from './pledge-version.entity';
import { Pledge } from './pledge.entity';

export {
  Pledge, PledgeCommitment, PledgeCountry, PledgeIndicator, PledgeObjective, PledgePartner, PledgePrinciple,
  PledgeRecommendation, PledgeRegion, PledgeReview, PledgeTheme, PledgeVersion,
};

export const PLEDGE_ENTITIES = [
  Pledge, PledgeCommitment, PledgeCountry, PledgeIndicator, PledgeObjective, PledgePartner, PledgePrinciple,
  PledgeRecommendation, PledgeRegion, PledgeReview, PledgeTheme, PledgeVersion,
];
