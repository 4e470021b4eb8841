/**
 * The training module's contracts (area life): rotation training classes and the hours members earn by attending
 * (三分五统, 学时).
 */
export const TRAINING_MODULE = 'training' as const;
