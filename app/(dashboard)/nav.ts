import type { Permission } from "@/lib/authz";

export type NavKey = "dashboard" | "orders" | "customers" | "inventory" | "fulfilment" | "warehouse" | "purchasing" | "accounting" | "channels" | "settings";
export type NavIcon = NavKey;

/** Every area of the sidebar with the permission needed to see it. */
export const NAV: { key: NavKey; href: string; permission: Permission }[] = [
  { key: "dashboard", href: "/", permission: "dashboard.view" },
  { key: "orders", href: "/orders", permission: "orders.view" },
  { key: "customers", href: "/customers", permission: "orders.view" },
  { key: "inventory", href: "/inventory", permission: "inventory.view" },
  { key: "fulfilment", href: "/fulfilment", permission: "warehouse.view" },
  { key: "warehouse", href: "/warehouse", permission: "warehouse.view" },
  { key: "purchasing", href: "/purchasing", permission: "purchasing.view" },
  { key: "accounting", href: "/accounting", permission: "accounting.view" },
  { key: "channels", href: "/channels", permission: "channels.view" },
  { key: "settings", href: "/settings", permission: "settings.view" },
];
