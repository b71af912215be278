/*
 * The kinds of document a project has and how catalogue forms map to them. No imports: the web
 * app reads the same lists (one source for the server's rules and the browser's screens).
 */

/** In the order of a project's life: feasibility, approval, revisions, execution, completion, operation. */
export const DOCUMENT_KINDS = ['pc2', 'pc1', 'pc1-revised', 'pc3a', 'pc3b', 'pc4', 'pc5'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Which kind of document each catalogue form is. */
export const KIND_OF_FORM: Record<string, DocumentKind> = {
  'pc1-infrastructure': 'pc1',
  'pc1-production': 'pc1',
  'pc1-social': 'pc1',
  'pc1-infrastructure-2005': 'pc1',
  'pc1-production-2005': 'pc1',
  'pc1-social-2005': 'pc1',
  'pc1-revised': 'pc1-revised',
  pc2: 'pc2',
  pc3a: 'pc3a',
  pc3b: 'pc3b',
  pc4: 'pc4',
  pc5: 'pc5',
};

/**
 * Forms a project can start with; the others follow an approved PC-I. A proforma's own key
 * (pc1-infrastructure) starts on the edition the province has chosen as current; an edition's
 * key (pc1-infrastructure-2005) on that edition, for documents of older projects.
 */
export const STARTING_FORMS = [
  'pc1-infrastructure',
  'pc1-production',
  'pc1-social',
  'pc2',
  'pc1-infrastructure-2005',
  'pc1-production-2005',
  'pc1-social-2005',
];

/** Kinds whose cost sends them to a forum for decision. */
export const ROUTED_KINDS: readonly DocumentKind[] = ['pc1', 'pc1-revised', 'pc2'];
