/** The assessment overview (考核激励总览): a year's ratings, points, pledges, reports, selections and retraining. */
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { ASSESSMENT_GROUP, ASSESSMENT_ORDER } from '../group';

const label = { zh: '考核激励总览', en: 'Assessment overview' };

/** The web manifest of the assessment overview. */
export const assessmentOverviewWeb: WebModule = {
  area: 'assessment',
  module: 'overview',
  menu: [
    menuEntry('/assessment/overview', FundProjectionScreenOutlined, label, {
      group: ASSESSMENT_GROUP,
      capability: 'assessmentOverview.read',
      order: ASSESSMENT_ORDER,
    }),
  ],
  routes: routesOf({ 'assessment/overview': page(() => import('./AssessmentOverviewPage')) }),
  crumbs: { assessment: ASSESSMENT_GROUP, 'assessment/overview': label },
};
