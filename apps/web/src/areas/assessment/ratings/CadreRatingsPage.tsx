/** The assessments of cadres (`/ratings/cadres`: 村干部"5+1"考核, 年终考评): the results list with a person as subject. */
import { RatingList } from './RatingsPage';

/** The assessments of cadres. */
export default function CadreRatingsPage() {
  return <RatingList subject="cadre" />;
}
