/** The tasks module's contracts (area supervision): plans and prompts down the tree (双周计划, 月提示). */
export const TASKS_MODULE = 'tasks' as const;
