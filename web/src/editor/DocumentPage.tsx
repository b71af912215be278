import './editor.css';
import { useParams } from 'react-router';
import { ErrorAlert, Loading } from '../components/QueryState';
import { useDocument, useFormVersion } from './api';
import { DocumentEditor } from './DocumentEditor';

/*
 * /documents/:documentId — the document and the form version it is pinned to, both in the user's
 * language. The editor starts afresh when the document moves to another state (after an action)
 * and keeps what is typed when only the language changes.
 */
export default function DocumentPage() {
  const { documentId = '' } = useParams();
  const doc = useDocument(documentId);
  const version = useFormVersion(doc.data?.formKey, doc.data?.formVersion.number);
  if (doc.error) return <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />;
  if (version.error) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  if (
    !doc.data ||
    !version.data ||
    version.data.formKey !== doc.data.formKey ||
    version.data.number !== doc.data.formVersion.number
  )
    return <Loading />;
  const d = doc.data;
  return <DocumentEditor key={`${d.id}|${d.state}|${d.editable}|${d.formVersion.id}`} doc={d} version={version.data} />;
}
