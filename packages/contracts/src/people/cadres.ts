/**
 * The cadres module's contracts (area people): the two village committees' people, their posts and terms,
 * elections analytics, filing and joint review (村两委, 换届).
 */
export const CADRES_MODULE = 'cadres' as const;
