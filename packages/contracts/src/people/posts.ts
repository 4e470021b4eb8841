/** The posts module's contracts (area people): posts defined for members and who holds them (设岗定责, 党员先锋岗). */
export const POSTS_MODULE = 'posts' as const;
