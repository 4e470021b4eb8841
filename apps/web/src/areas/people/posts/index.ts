/** The web manifest of posts defined for members and who holds them (设岗定责, 党员先锋岗). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of posts. */
export const postsWeb: WebModule = {
  area: 'people',
  module: 'posts',
};
