/** The web manifest of the public board (公开晾晒): its page `/board` lives outside the console (see `main.tsx`). */
import type { WebModule } from '../../../app/modules';

/** The web manifest of the board: no menu entry or console route (the page is public, outside the console). */
export const boardWeb: WebModule = {
  area: 'assessment',
  module: 'board',
};
