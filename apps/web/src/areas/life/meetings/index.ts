/** Organizational life: the meeting records, compliance, figures and rules. */
import { BarChartOutlined, CalendarOutlined, FileDoneOutlined, ProfileOutlined } from '@ant-design/icons';
import { page, type WebModule } from '../../../app/modules';

const MeetingFormPage = page(() => import('./MeetingFormPage'));
const group = { zh: '组织生活', en: 'Organizational life' };
const entry = { group, capability: 'meetings.read', order: 30 };

/** The web manifest of the meetings. */
export const meetingsWeb: WebModule = {
  area: 'life',
  module: 'meetings',
  menu: [
    { ...entry, href: '/meetings', icon: CalendarOutlined, label: { zh: '会议记录', en: 'Meetings' } },
    { ...entry, href: '/compliance', icon: FileDoneOutlined, label: { zh: '落实情况', en: 'Compliance' } },
    { ...entry, href: '/meetings/stats', icon: BarChartOutlined, label: { zh: '统计', en: 'Figures' } },
    { ...entry, href: '/meeting-rules', icon: ProfileOutlined, label: { zh: '制度要求', en: 'Rules' } },
  ],
  routes: [
    { path: 'meetings', page: page(() => import('./MeetingsPage')) },
    { path: 'meetings/new', page: MeetingFormPage },
    { path: 'meetings/stats', page: page(() => import('./StatsPage')) },
    { path: 'meetings/:id', page: page(() => import('./MeetingDetailPage')) },
    { path: 'meetings/:id/edit', page: MeetingFormPage },
    { path: 'compliance', page: page(() => import('./CompliancePage')) },
    {
      path: 'meeting-rules',
      page: page(() => import('../../core/rules/ruleSetPages').then((m) => ({ default: m.MeetingRules }))),
    },
  ],
  crumbs: {
    meetings: { zh: '会议记录', en: 'Meetings' },
    compliance: { zh: '落实情况', en: 'Compliance' },
    'meeting-rules': { zh: '制度要求', en: 'Rules' },
  },
};
