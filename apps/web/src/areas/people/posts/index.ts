/** The web manifest of posts for members (设岗定责): the posts, a post with its holders, the coverage. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { menuEntry, page, routesOf, type WebModule } from '../../../app/modules';
import { PEOPLE_GROUP } from '../mobility/group';

const label = { zh: '设岗定责', en: 'Posts for members' };

/** The web manifest of posts. */
export const postsWeb: WebModule = {
  area: 'people',
  module: 'posts',
  menu: [
    menuEntry('/posts', SafetyCertificateOutlined, label, { group: PEOPLE_GROUP, capability: 'posts.read', order: 25 }),
  ],
  routes: routesOf({
    posts: page(() => import('./PostsPage')),
    'posts/coverage': page(() => import('./PostCoveragePage')),
    'posts/:id': page(() => import('./PostDetailPage')),
  }),
  crumbs: { posts: label, 'posts/coverage': { zh: '岗位覆盖情况', en: 'Coverage' } },
};
