import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import type { ActionFeedback } from './action-feedback';

export interface FeedbackToastText {
  errorTitle: string;
  /** Omit when success is obvious on its own (e.g. the item changes style). */
  successMessage?: string;
}

/**
 * Shows an action's outcome as a toast, once per outcome. Pages also render failures inline, so
 * they are still seen when JavaScript is off; the toast is the enhancement.
 */
export function useFeedbackToast(feedback: ActionFeedback | undefined, text: FeedbackToastText): void {
  // Read through a ref: new text (after a language switch) must not replay an old toast.
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    if (!feedback) return;
    const { errorTitle, successMessage } = textRef.current;
    if (feedback.ok) {
      if (successMessage) notifications.show({ color: 'green', message: successMessage });
      return;
    }
    notifications.show({ color: 'red', title: errorTitle, message: feedback.error });
  }, [feedback]);
}
