import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormValidator } from '../../../src/forms/form-validator';
import { api, ApiError } from '../api/client';
import type { Locale } from '../i18n/i18n';
import { documentKey, fetchDocument } from './api';
import { dropErrorsAt, mergeErrors } from './errors';
import { Conditions, evaluateConditions, runCheck } from './live-check';
import { getAt, isRecord, setAt, share } from './pointer';
import { rebase } from './rebase';
import type {
  Data,
  DocumentDetail,
  FormError,
  FormVersionView,
  SaveResult,
  SaveStatus,
  StaleRevisionBody,
} from './types';

/*
 * The document being edited: the data (entered values with every figure recomputed live), its
 * errors, the revision it is based on, and saving — explicit, and automatic 2 s after the last
 * change, never two at a time. A stale revision opens the conflict instead of losing anything.
 */

export const AUTOSAVE_DELAY_MS = 2000;
/** A save that failed on the network is tried again after this long. */
const NETWORK_RETRY_MS = 10_000;

export interface DraftState {
  data: Data;
  liveErrors: FormError[];
  /** Failing warning checks as of the data on screen (empty without a live validator). */
  liveWarnings: FormError[];
  /** From the server's last answer; an edit removes those at the place it changed. */
  serverErrors: FormError[];
  conditions: Conditions;
  revision: number;
  status: SaveStatus;
  saveError: { message: string; retry: boolean } | null;
  totalCost: string | null;
  conflict: StaleRevisionBody | null;
  /** Counts edits, so a save knows whether the data changed while it was in flight. */
  edits: number;
}

export type RowOp =
  { kind: 'add'; row: Data } | { kind: 'remove'; index: number } | { kind: 'move'; index: number; by: -1 | 1 };

interface Options {
  doc: DocumentDetail;
  version: FormVersionView;
  validator: FormValidator | null;
  editable: boolean;
  locale: Locale;
}

const isStale = (body: unknown): body is StaleRevisionBody =>
  isRecord(body) && typeof body.currentRevision === 'number';

function describe(error: unknown): { message: string; retry: boolean } {
  if (error instanceof ApiError)
    return { message: error.status === 0 ? '' : error.messages.join(' '), retry: error.status === 0 };
  return { message: error instanceof Error ? error.message : String(error), retry: false };
}

/** Empty top-level fields get the version's defaults when a document is new (revision 1). */
function withDefaults(data: Data, version: FormVersionView): Data {
  let out = data;
  for (const s of version.ui.sections) {
    for (const f of s.fields) {
      if (f.default === undefined || f.type === 'table' || f.readOnly) continue;
      const current = getAt(out, f.pointer);
      if (current === undefined || current === null || current === '')
        out = setAt(out, f.pointer, structuredClone(f.default));
    }
  }
  return out;
}

let keySeed = 0;
const newRowKey = () => `r${++keySeed}`;

export function useDocumentDraft({ doc, version, validator, editable, locale }: Options) {
  const queryClient = useQueryClient();
  const definition = version.definition;
  const context = useRef({ validator, definition, locale, editable });
  context.current = { validator, definition, locale, editable };

  /** Recomputes figures, errors and conditions for new data. */
  const derive = useCallback((data: Data, previous: Data) => {
    const { validator: v, definition: d, locale: l } = context.current;
    const checked = v
      ? runCheck(v, d, data, previous, l)
      : { data: share(previous, data), errors: [] as FormError[], warnings: [] as FormError[] };
    return {
      data: checked.data,
      liveErrors: checked.errors,
      liveWarnings: checked.warnings,
      conditions: evaluateConditions(d, checked.data),
    };
  }, []);

  const fromDocument = useCallback(
    (d: DocumentDetail): DraftState => {
      const isNew = context.current.editable && d.revision === 1;
      const start = isNew ? withDefaults(d.data, version) : d.data;
      return {
        ...derive(start, d.data),
        serverErrors: d.errors,
        revision: d.revision,
        status: start === d.data ? 'saved' : 'dirty',
        saveError: null,
        totalCost: d.totalCost,
        conflict: null,
        edits: 0,
      };
    },
    [derive, version],
  );

  const [state, setState] = useState<DraftState>(() => fromDocument(doc));
  const stateRef = useRef(state);
  /** The server's data at `state.revision`: what "Keep my values" compares my edits against. */
  const baseRef = useRef<Data>(doc.data);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const rowKeys = useRef(new Map<string, string[]>());

  const apply = useCallback((next: DraftState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const commit = useCallback(
    (data: Data, touched: string) => {
      const s = stateRef.current;
      apply({
        ...s,
        ...derive(data, s.data),
        serverErrors: dropErrorsAt(s.serverErrors, touched),
        status: s.status === 'saving' ? 'saving' : 'dirty',
        edits: s.edits + 1,
      });
    },
    [apply, derive],
  );

  /** Sets one value; undefined removes it. */
  const change = useCallback(
    (pointer: string, value: unknown) => commit(setAt(stateRef.current.data, pointer, value), pointer),
    [commit],
  );

  /** Adds, removes or moves a table row, keeping each row's key with it. */
  const rowOp = useCallback(
    (tablePointer: string, op: RowOp) => {
      const table = getAt(stateRef.current.data, tablePointer);
      const rows = isRecord(table) && Array.isArray(table.rows) ? [...table.rows] : [];
      const keys = [...(rowKeys.current.get(tablePointer) ?? rows.map(newRowKey))];
      if (op.kind === 'add') {
        rows.push(op.row);
        keys.push(newRowKey());
      } else if (op.kind === 'remove') {
        rows.splice(op.index, 1);
        keys.splice(op.index, 1);
      } else {
        const to = op.index + op.by;
        if (to < 0 || to >= rows.length) return;
        [rows[op.index], rows[to]] = [rows[to], rows[op.index]];
        [keys[op.index], keys[to]] = [keys[to], keys[op.index]];
      }
      rowKeys.current.set(tablePointer, keys);
      commit(setAt(stateRef.current.data, tablePointer, { ...(isRecord(table) ? table : {}), rows }), tablePointer);
    },
    [commit],
  );

  /** Stable keys for a table's rows (React keys), created as rows appear. */
  const keysFor = useCallback((tablePointer: string, count: number): string[] => {
    let keys = rowKeys.current.get(tablePointer) ?? [];
    if (keys.length !== count) {
      keys =
        keys.length > count
          ? keys.slice(0, count)
          : [...keys, ...Array.from({ length: count - keys.length }, newRowKey)];
      rowKeys.current.set(tablePointer, keys);
    }
    return keys;
  }, []);

  /** Starts over from a document as the server has it now. */
  const reset = useCallback(
    (d: DocumentDetail) => {
      baseRef.current = d.data;
      rowKeys.current.clear();
      apply(fromDocument(d));
    },
    [apply, fromDocument],
  );

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const s = stateRef.current;
    if (!context.current.editable || s.conflict) return false;
    if (s.status === 'saved') return true;
    const snapshot = { data: s.data, edits: s.edits, revision: s.revision };
    apply({ ...s, status: 'saving', saveError: null });
    const attempt = (async () => {
      try {
        const result = await api.put<SaveResult>(
          `/api/documents/${doc.id}`,
          { revision: snapshot.revision, data: snapshot.data },
          { query: { locale: context.current.locale } },
        );
        const now = stateRef.current;
        const unchanged = now.edits === snapshot.edits;
        baseRef.current = result.data;
        apply({
          ...now,
          // The server's figures when nothing was typed meanwhile (identical to ours when the live check runs).
          ...(unchanged ? derive(result.data, now.data) : {}),
          serverErrors: unchanged ? result.errors : now.serverErrors,
          revision: result.revision,
          totalCost: result.totalCost,
          status: unchanged ? 'saved' : 'dirty',
          saveError: null,
        });
        // The header's title and the revision list follow the saved data; the editor keeps its own copy.
        void queryClient.invalidateQueries({ queryKey: documentKey(doc.id) });
        void queryClient.invalidateQueries({ queryKey: ['editor', 'revisions', doc.id] });
        return true;
      } catch (error) {
        const now = stateRef.current;
        if (error instanceof ApiError && error.status === 409 && isStale(error.body)) {
          apply({ ...now, status: 'dirty', conflict: error.body });
        } else {
          apply({ ...now, status: 'error', saveError: describe(error) });
          // Refused because the document moved on (submitted, or access changed): show it as it is now.
          if (error instanceof ApiError && (error.status === 409 || error.status === 403))
            void queryClient.invalidateQueries({ queryKey: documentKey(doc.id) });
        }
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = attempt;
    return attempt;
  }, [apply, derive, doc.id, queryClient]);

  /** Closes a conflict: take the server's version, or put my changed values on top of it. */
  const resolveConflict = useCallback(
    async (keepMine: boolean) => {
      const fresh = await fetchDocument(doc.id, context.current.locale);
      queryClient.setQueryData([...documentKey(doc.id), context.current.locale], fresh);
      if (!keepMine) {
        reset(fresh);
        return;
      }
      const s = stateRef.current;
      const rebased = rebase(baseRef.current, s.data, fresh.data);
      baseRef.current = fresh.data;
      rowKeys.current.clear();
      apply({
        ...s,
        ...derive(rebased, s.data),
        serverErrors: [],
        revision: fresh.revision,
        totalCost: fresh.totalCost,
        conflict: null,
        status: 'dirty',
        edits: s.edits + 1,
      });
    },
    [apply, derive, doc.id, queryClient, reset],
  );

  // A new language: the live messages follow it (the server's, in the old language, go).
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale || !context.current.validator) return;
    shownLocale.current = locale;
    const s = stateRef.current;
    apply({ ...s, ...derive(s.data, s.data), serverErrors: [] });
  }, [locale, apply, derive]);

  // Autosave: 2 s after the last change; a network failure is retried later.
  useEffect(() => {
    if (!editable || state.conflict) return;
    if (state.status === 'dirty') {
      const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
      return () => clearTimeout(timer);
    }
    if (state.status === 'error' && state.saveError?.retry) {
      const timer = setTimeout(() => void save(), NETWORK_RETRY_MS);
      return () => clearTimeout(timer);
    }
  }, [editable, state.status, state.edits, state.conflict, state.saveError, save]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (state.status === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.status]);

  const errors = useMemo(
    () => mergeErrors(state.liveErrors, state.serverErrors),
    [state.liveErrors, state.serverErrors],
  );
  /** The errors as of now, for code that runs after awaiting (a save before an action). */
  const currentErrors = useCallback(() => mergeErrors(stateRef.current.liveErrors, stateRef.current.serverErrors), []);

  return {
    state,
    errors,
    currentErrors,
    change,
    rowOp,
    keysFor,
    save,
    reset,
    resolveConflict,
    live: validator !== null,
  };
}

export type DocumentDraft = ReturnType<typeof useDocumentDraft>;
