import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import type { ActionProblem } from './ProblemList';
import type { DocumentAction, DocumentWarning, FormError } from './types';
import type { DecisionInput } from '../approvals/decision';
import type { DocumentDraft } from './useDocumentDraft';

/*
 * Taking a workflow action: what is unsaved is saved first; a submission the live checks already
 * know to be incomplete is not sent; the server's refusal (e.g. no feasibility study from Rs 300
 * million) is kept as the problem to show. Afterwards everything the action changed is asked again.
 */
export function useDocumentActions(documentId: string, editing: boolean, draft: DocumentDraft) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  const refuse = (
    action: DocumentAction,
    message: string,
    found: FormError[] = [],
    warnings: DocumentWarning[] = [],
  ): string => {
    setProblem({
      action: action.label,
      message,
      errors: found.filter((e) => e.code !== 'feasibility'),
      needsFeasibility: found.some((e) => e.code === 'feasibility'),
      warnings,
    });
    return message;
  };

  /** Resolves to null when the action was taken, else to why not. */
  const act = async (action: DocumentAction, comment?: string, decision?: DecisionInput): Promise<string | null> => {
    setBusy(action.id);
    setProblem(null);
    try {
      if (editing && !(await draft.save())) return refuse(action, t('editor.saveFirst'));
      const known = draft.currentErrors();
      if (action.id === 'submit' && draft.live && known.length)
        return refuse(action, t('editor.submitInvalid', { n: known.length }), known);
      await api.post(
        `/api/documents/${documentId}/actions/${encodeURIComponent(action.id)}`,
        { ...(comment ? { comment } : {}), ...(decision ? { decision } : {}) },
        { query: { locale } },
      );
      notifications.show({ color: 'green', message: t('editor.actionDone', { action: action.label }) });
      // The document's state, its lists, its project and its history moved on; published form versions never change.
      await queryClient.invalidateQueries({
        predicate: (q) => !(q.queryKey[0] === 'editor' && q.queryKey[1] === 'form-version'),
      });
      return null;
    } catch (error) {
      const body = error instanceof ApiError ? (error.body as { errors?: unknown; warnings?: unknown } | null) : null;
      // A submission with open warnings: the 422 names them (each needs an answer first).
      const warnings = Array.isArray(body?.warnings)
        ? (body.warnings as DocumentWarning[]).filter((w) => !w.answer)
        : [];
      if (warnings.length) void queryClient.invalidateQueries({ queryKey: ['editor', 'document', documentId] });
      // The warnings list says it all, in the reader's language (the server's sentence is English).
      return refuse(
        action,
        warnings.length ? '' : errorText(error),
        Array.isArray(body?.errors) ? (body.errors as FormError[]) : [],
        warnings,
      );
    } finally {
      setBusy(null);
    }
  };

  // One stable callback for the memoised actions panel, always running the latest render's act.
  const latest = useRef(act);
  latest.current = act;
  const onAct = useCallback(
    (action: DocumentAction, comment?: string, decision?: DecisionInput) => latest.current(action, comment, decision),
    [],
  );
  const closeProblem = useCallback(() => setProblem(null), []);

  return { busy, problem, onAct, closeProblem };
}
