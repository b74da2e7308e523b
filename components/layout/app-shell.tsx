"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { Dialog } from "radix-ui";
import { useEffect, useState, type ReactNode } from "react";
import { cn } from "../ui/cn";
import { Icon } from "./icons";

type Item = { key: string; href: string; label: string };
type Labels = { app: string; openMenu: string; closeMenu: string; mainNavigation: string; signOut: string; skipToContent: string };

function NavList({ items, pathname, onNavigate }: { items: Item[]; pathname: string; onNavigate?: () => void }) {
  return (
    <ul className="space-y-1">
      {items.map((i) => {
        const active = i.href === "/" ? pathname === "/" : pathname === i.href || pathname.startsWith(i.href + "/");
        return (
          <li key={i.key}>
            <Link
              href={i.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-400",
                active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
              )}
            >
              <Icon name={i.key} />
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function AppShell({ items, user, labels, children }: { items: Item[]; user: { name: string; email: string; role: string }; labels: Labels; children: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Marks the page interactive (handlers attached), for automated checks that type at once.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);

  const brand = (
    <div className="flex items-center gap-2 px-3 py-4 text-white">
      <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-500 font-bold" aria-hidden="true">
        Q
      </span>
      <span className="text-base font-semibold">{labels.app}</span>
    </div>
  );

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {labels.skipToContent}
      </a>
      {/* Desktop sidebar */}
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col bg-slate-900 px-3 lg:flex">
        {brand}
        <nav aria-label={labels.mainNavigation} className="mt-2 flex-1">
          <NavList items={items} pathname={pathname} />
        </nav>
      </aside>
      {/* Mobile drawer: a Radix dialog, so focus moves into it, stays there, and Escape closes it */}
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 lg:hidden" />
          <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-64 flex-col bg-slate-900 px-3 focus:outline-none lg:hidden" aria-describedby={undefined}>
            <Dialog.Title className="sr-only">{labels.mainNavigation}</Dialog.Title>
            <div className="flex items-center justify-between">
              {brand}
              <Dialog.Close className="rounded p-2 text-slate-300 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400" aria-label={labels.closeMenu}>
                <Icon name="close" />
              </Dialog.Close>
            </div>
            <nav className="mt-2">
              <NavList items={items} pathname={pathname} onNavigate={() => setOpen(false)} />
            </nav>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <div className="lg:pl-60">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6">
          <button type="button" onClick={() => setOpen(true)} className="-ml-1 rounded p-2 text-slate-600 hover:bg-slate-100 lg:hidden" aria-label={labels.openMenu} aria-expanded={open}>
            <Icon name="menu" />
          </button>
          <div className="flex-1" />
          <div className="flex min-w-0 items-center gap-3">
            <div className="min-w-0 text-right" data-testid="current-user">
              <div className="truncate text-sm font-medium text-slate-900">{user.name}</div>
              <div className="truncate text-xs text-slate-500">
                <span className="hidden sm:inline">{user.email} · </span>
                <span data-testid="current-role">{user.role}</span>
              </div>
            </div>
            <button
              type="button"
              onClick={() => signOut({ callbackUrl: "/login" })}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {labels.signOut}
            </button>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
