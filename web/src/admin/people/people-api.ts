import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/* The province administration's reads (users, roles, departments, audit) and their shapes. */

export type UserStatus = 'invited' | 'active' | 'disabled';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: UserStatus;
  locale: 'en' | 'ur';
  departmentId: string | null;
  designation: string | null;
  phone: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OneTimeLink {
  link: string;
  expiresAt: string;
}

export interface AdminDepartment {
  id: string;
  code: string;
  name: string;
  nameUr: string | null;
  active: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface UserFilters {
  q?: string;
  role?: string | null;
  departmentId?: string | null;
  status?: string | null;
  page: number;
}

export const PAGE_SIZE = 25;
/** The user picker's search answers: enough to find someone by a few letters. */
const PICKER_SIZE = 20;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['admin-users', filters],
    queryFn: () => api.get<Page<AdminUser>>('/api/users', { query: { ...filters, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** Users whose name or email holds the text (the user picker). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: ['admin-users', 'search', q],
    queryFn: () => api.get<Page<AdminUser>>('/api/users', { query: { q: q || undefined, pageSize: PICKER_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

/** The role names the server knows (GET /api/roles), in its order. */
export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ roles: Record<string, string[]> }>('/api/roles'),
    staleTime: Infinity,
    select: (data) => Object.keys(data.roles),
  });
}

/** Every department, deactivated ones too (the administrator sees them all). */
export function useAllDepartments() {
  return useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => api.get<AdminDepartment[]>('/api/departments', { query: { includeInactive: true } }),
  });
}

/** A role's name in the current language (an unknown role shows its code). */
export function useRoleLabel() {
  const { t } = useI18n();
  return (role: string) => {
    const key = `usersAdmin.role.${role}`;
    const label = t(key);
    return label === key ? role : label;
  };
}

/** A department's name in the current language. */
export function useDepartmentName() {
  const { locale } = useI18n();
  return (d: Pick<AdminDepartment, 'name' | 'nameUr'> | undefined) =>
    d ? (locale === 'ur' && d.nameUr ? d.nameUr : d.name) : '';
}
