/**
 * The benchmarks' figures. How a cost grows with size: the exponent b of cost ≈ a · size^b, fitted by least squares on the
 * logarithms. b ≈ 1 is linear growth; above 1, each doubling costs more than double.
 */
export function scalingExponent(points: readonly { size: number; cost: number }[]): number {
  const usable = points.filter((p) => p.size > 0 && p.cost > 0);
  if (usable.length < 2) return Number.NaN;
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.cost));
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return Number.NaN;
  return xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / sxx;
}

/** The middle value (the mean of the two middle values of an even count): the figure reported from a benchmark's rounds. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}
