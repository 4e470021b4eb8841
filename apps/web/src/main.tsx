/** Entry of the web app: the console at `/` and the phone pages at `/m/`, each loaded on demand. */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LocaleProvider } from './app/i18n';
import { ApiError, request } from './api/client';
import { ME_KEY } from './app/session';
import { Boot } from './components/Boot';

const ConsoleApp = lazy(() => import('./app/ConsoleApp'));
const MobileApp = lazy(() => import('./app/mobile/MobileApp'));
// The wall screen (大屏) is its own page outside the console shell, in its own chunk.
const ScreenApp = lazy(() => import('./areas/core/screen/ScreenApp'));
// The public board (公开晾晒): anyone, without signing in.
const BoardApp = lazy(() => import('./areas/assessment/board/BoardApp'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// Ask who is signed in while the rest of the app downloads (the answer decides what loads next).
if (!/^\/((m\/)?login|screen|board)/.test(window.location.pathname)) {
  void queryClient.prefetchQuery({
    queryKey: ME_KEY,
    queryFn: () => request('GET', '/api/auth/me', { quiet401: true }),
  });
  // The console home is the most visited page: fetch its code alongside.
  if (window.location.pathname === '/') void import('./areas/core/home/HomePage');
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <Suspense fallback={<Boot />}>
            <Routes>
              <Route path="/m/*" element={<MobileApp />} />
              <Route path="/screen" element={<ScreenApp />} />
              <Route path="/board" element={<BoardApp />} />
              <Route path="/*" element={<ConsoleApp />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
