/**
 * What a province's roles may do. Endpoints declare one permission each (@RequirePermission);
 * roles grant sets of them. GET /api/roles lists this matrix with the endpoints it guards. It sits
 * in the tenancy core beside the principal that carries the roles, so every module can declare its
 * permissions without depending on auth (docs/ARCHITECTURE.md, "Layers").
 */
export const PERMISSIONS = {
  'profile.self': 'See and manage one’s own account',
  'departments.read': 'See the province’s departments',
  'departments.manage': 'Add and change departments',
  'users.manage': 'Create, invite, disable users and assign roles',
  'audit.read': 'Read the province’s audit log',
  'settings.manage': 'Change the province’s settings',
  'webhooks.manage': 'Manage the province’s webhook subscriptions and read their delivery log',
  'forms.read': 'See the province’s forms, their versions and master data; validate data against a form',
  'forms.customise': 'Customise forms (overlays), preview and publish form versions',
  'master-data.manage': 'Keep the province’s master data (districts, sectors, funding sources …)',
  'projects.read': 'See projects and their documents',
  'projects.prepare': 'Create and edit own department’s drafts',
  'projects.review': 'Department and P&D scrutiny',
  'projects.decide': 'Record forum decisions',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES = ['tenant_admin', 'preparer', 'reviewer', 'approver', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const EVERYONE: Permission[] = ['profile.self', 'departments.read', 'projects.read', 'forms.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  tenant_admin: [
    ...EVERYONE,
    'departments.manage',
    'users.manage',
    'audit.read',
    'settings.manage',
    'forms.customise',
    'master-data.manage',
    'webhooks.manage',
  ],
  preparer: [...EVERYONE, 'projects.prepare'],
  reviewer: [...EVERYONE, 'projects.review'],
  approver: [...EVERYONE, 'projects.decide'],
  viewer: EVERYONE,
};

/** Operators act on the platform host; their endpoints declare this one. */
export const PLATFORM_PERMISSION = 'platform.operate';
export type DeclaredPermission = Permission | typeof PLATFORM_PERMISSION;

export function rolesGrant(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) =>
    (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[r]?.includes(permission),
  );
}
