import type { ReactNode } from "react";

export function EmptyState({ title, body, icon, action }: { title: string; body?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border-2 border-dashed border-slate-200 bg-white px-6 py-12 text-center" data-testid="empty-state">
      {icon && <div className="mb-3 text-slate-400" aria-hidden="true">{icon}</div>}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {body && <p className="mt-1 max-w-md text-sm text-slate-600">{body}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
