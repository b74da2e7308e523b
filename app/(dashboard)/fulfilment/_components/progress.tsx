/** A progress bar with its figures for screen readers and eyes. */
export function Progress({ value, max, label, large }: { value: number; max: number; label: string; large?: boolean }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-label={label}
        className={`${large ? "h-3" : "h-2"} w-full min-w-[4rem] overflow-hidden rounded-full bg-slate-200`}
      >
        <div className={`h-full rounded-full ${pct === 100 ? "bg-emerald-500" : "bg-indigo-600"} transition-[width]`} style={{ width: `${pct}%` }} />
      </div>
      <span className="shrink-0 text-xs tabular-nums text-slate-600">{label}</span>
    </div>
  );
}
