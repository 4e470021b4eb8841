/**
 * Toasts and confirmation dialogs without loading antd's message/modal code on the first view:
 * the host that renders them is fetched on first use and lives for the whole console.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { ModalFuncProps } from 'antd';
import type { FeedbackApi } from './FeedbackHost';

const FeedbackHost = lazy(() => import('./FeedbackHost'));

let ready: ((api: FeedbackApi) => void) | null = null;
let apiPromise: Promise<FeedbackApi> | null = null;
let requestMount: (() => void) | null = null;

function host(): Promise<FeedbackApi> {
  if (!apiPromise) {
    apiPromise = new Promise((resolve) => {
      ready = resolve;
    });
    requestMount?.();
  }
  return apiPromise;
}

type Content = ReactNode | { content: ReactNode; duration?: number };

/** The toast and confirm functions, usable from any page or handler. */
export const feedback = {
  message: {
    success: (c: Content) => void host().then((h) => h.message.success(c as never)),
    error: (c: Content) => void host().then((h) => h.message.error(c as never)),
    warning: (c: Content) => void host().then((h) => h.message.warning(c as never)),
  },
  modal: {
    confirm: (props: ModalFuncProps) =>
      void host().then((h) => {
        h.modal.confirm(props);
      }),
  },
};

/** The same functions as a hook, for symmetry with antd's App.useApp(). */
export function useFeedback() {
  return feedback;
}

/** Mounts the host once something asks for it; put it inside the ConfigProvider. */
export function FeedbackMount(): ReactNode {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    requestMount = () => setMounted(true);
    if (apiPromise) setMounted(true);
    return () => {
      requestMount = null;
    };
  }, []);
  if (!mounted) return null;
  return (
    <Suspense fallback={null}>
      <FeedbackHost onReady={(api) => ready?.(api)} />
    </Suspense>
  );
}
