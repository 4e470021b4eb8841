/** The public board's contracts (area assessment): what anyone may read without signing in (公开晾晒). */
export const BOARD_MODULE = 'board' as const;
