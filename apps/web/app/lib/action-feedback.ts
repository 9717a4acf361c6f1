/** What actions return to their page: success, or a message plus per-field messages. */
export type ActionFeedback = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };
