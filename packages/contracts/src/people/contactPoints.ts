/**
 * The contactPoints module's contracts (area people): county leaders' contact points and the weak organizations
 * they take on (联系点, 包抓).
 */
export const CONTACT_POINTS_MODULE = 'contactPoints' as const;
