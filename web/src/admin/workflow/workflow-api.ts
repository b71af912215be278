import { useQuery } from '@tanstack/react-query';
import type { WorkflowConfig } from '../../../../src/workflow/workflow-config';
import { api } from '../../api/client';

/* The workflow endpoints the editor uses (GET/PUT /api/workflow, its versions). */

export interface WorkflowVersionSummary {
  version: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  notes: string | null;
  inForce: boolean;
}

export const VERSIONS_KEY = ['workflow-versions'] as const;

/** The workflow in force, fetched afresh for the editor (other screens keep a cached copy under the same key). */
export function useWorkflowInForce() {
  return useQuery({
    queryKey: ['workflow'],
    queryFn: () => api.get<{ version: number; config: WorkflowConfig }>('/api/workflow'),
    staleTime: 0,
  });
}

export function useWorkflowVersions() {
  return useQuery({
    queryKey: VERSIONS_KEY,
    queryFn: () => api.get<WorkflowVersionSummary[]>('/api/workflow/versions'),
  });
}

export function fetchWorkflowVersion(version: number) {
  return api.get<WorkflowVersionSummary & { config: WorkflowConfig }>(`/api/workflow/versions/${version}`);
}

export function saveWorkflow(config: WorkflowConfig, notes: string, baseVersion: number) {
  const body = { ...config, notes: notes.trim() || undefined, baseVersion };
  return api.put<{ version: number; config: WorkflowConfig }>('/api/workflow', body);
}
