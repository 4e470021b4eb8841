/**
 * The dispatches module's contracts (area people): dispatched cadres: first secretaries, work teams,
 * instructors, science envoys (派驻).
 */
export const DISPATCHES_MODULE = 'dispatches' as const;
