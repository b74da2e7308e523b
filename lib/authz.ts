/** Roles and the one permission map used by every page, server action and route handler. */
export const ROLES = ["ADMIN", "MANAGER", "WAREHOUSE", "ACCOUNTANT", "VIEWER"] as const;
export type RoleName = (typeof ROLES)[number];

const ALL: readonly RoleName[] = ROLES;

export const PERMISSIONS = {
  "dashboard.view": ALL,
  "orders.view": ALL,
  "orders.manage": ["ADMIN", "MANAGER"],
  "inventory.view": ALL,
  "inventory.manage": ["ADMIN", "MANAGER"],
  "inventory.adjust": ["ADMIN", "MANAGER", "WAREHOUSE"],
  "warehouse.view": ["ADMIN", "MANAGER", "WAREHOUSE", "VIEWER"],
  "warehouse.operate": ["ADMIN", "MANAGER", "WAREHOUSE"],
  "purchasing.view": ["ADMIN", "MANAGER", "WAREHOUSE", "ACCOUNTANT", "VIEWER"],
  "purchasing.manage": ["ADMIN", "MANAGER"],
  "accounting.view": ["ADMIN", "MANAGER", "ACCOUNTANT", "VIEWER"],
  "accounting.post": ["ADMIN", "ACCOUNTANT"],
  "channels.view": ["ADMIN", "MANAGER", "VIEWER"],
  "channels.manage": ["ADMIN"],
  "settings.view": ALL,
  "users.manage": ["ADMIN"],
  "api_keys.manage": ["ADMIN"],
  "audit.view": ["ADMIN"],
  "system.health": ["ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: RoleName, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly RoleName[]).includes(role);
}

export function isRole(v: string): v is RoleName {
  return (ROLES as readonly string[]).includes(v);
}
