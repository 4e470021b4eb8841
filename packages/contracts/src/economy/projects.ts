/** The projects module's contracts (area economy): "Party branch +" industry projects (党支部+). */
export const PROJECTS_MODULE = 'projects' as const;
