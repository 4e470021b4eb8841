/** The reports module's contracts (area assessment): secretaries' annual reports and their grading (书记述职评议). */
export const REPORTS_MODULE = 'reports' as const;
