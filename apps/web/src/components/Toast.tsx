import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import styles from './Toast.module.css';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

const ToastContext = createContext<(message: string, tone?: Toast['tone']) => void>(() => undefined);

/** `const toast = useToast(); toast('Saved')`: a message read out by screen readers (a polite live region). */
export function useToast() {
  return useContext(ToastContext);
}

const SHOWN_FOR = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((message: string, tone: Toast['tone'] = 'info') => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-2), { id, message, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), SHOWN_FOR);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className={styles['region']} role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`${styles['toast']} ${styles[t.tone] ?? ''}`}>
            {t.message}
            <button type="button" className={styles['close']} aria-label="Dismiss" onClick={() => setToasts((list) => list.filter((x) => x.id !== t.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
