/**
 * The plane rotation (cos, sin) taking (a, b) to (radius, 0), for b ≠ 0. Scaling by |a| + |b| first keeps
 * cos² + sin² = 1 even when a and b are subnormal (e.g. 5e-324 left by a covariance entry of −0): unscaled,
 * hypot(5e-324, 5e-324) rounds to 5e-324 and the "rotation" would stretch vectors by √2.
 */
export function givens(a: number, b: number): { cos: number; sin: number; radius: number } {
  const scale = Math.abs(a) + Math.abs(b);
  const x = a / scale;
  const y = b / scale;
  const unit = Math.hypot(x, y);
  return { cos: x / unit, sin: y / unit, radius: scale * unit };
}
