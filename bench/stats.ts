/**
 * Small numeric helpers for the bench: percentiles, medians, and a verdict line that says
 * PASS or MISS against a target and by how much, so every figure reads the same way.
 */

/** The p-th percentile (0–100) by the nearest-rank method: a value that was measured. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const ms = (value: number, digits = 2): string => `${value.toFixed(digits)} ms`;

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export interface Verdict {
  readonly figure: string;
  readonly pass: boolean;
  /** e.g. "PASS — 1.8 ms under the 5 ms target" */
  readonly line: string;
}

/**
 * PASS when `value` is at most `target` (every target here is an upper bound), with the
 * margin in the figure's own unit and as a percentage of the target.
 */
export const atMost = (
  figure: string,
  value: number,
  target: number,
  format: (v: number) => string,
  /** How to show the margin, when not in the figure's own format (e.g. a ratio's difference). */
  formatMargin: (v: number) => string = format,
): Verdict => {
  const pass = value <= target;
  const margin = Math.abs(target - value);
  const pct = target === 0 ? '' : ` (${((margin / target) * 100).toFixed(0)}% of it)`;
  const line = pass
    ? `PASS: ${format(value)}, ${formatMargin(margin)}${pct} under the target of ${format(target)}`
    : `MISS: ${format(value)}, ${formatMargin(margin)}${pct} over the target of ${format(target)}`;
  return { figure, pass, line };
};

/** A verdict for a yes/no goal (e.g. "1 read per session"). */
export const holds = (figure: string, pass: boolean, detail: string): Verdict => ({
  figure,
  pass,
  line: `${pass ? 'PASS' : 'MISS'}: ${detail}`,
});

/** Renders rows as a left-aligned text table (numbers right-aligned). */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,% ×x]*$/.test(r[i] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
