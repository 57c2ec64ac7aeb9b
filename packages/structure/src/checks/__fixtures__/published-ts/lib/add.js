const registry = new Map();
export function add(a, b) {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  registry.set(a.currency, (registry.get(a.currency) ?? 0) + 1);
  return { minor: a.minor + b.minor, currency: a.currency };
}
