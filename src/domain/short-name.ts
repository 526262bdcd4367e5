// A long free text as a short name for a list — the sub-goal a purchase serves, in the finance queue
// (spec: Payments): the first line, cut at a word boundary to at most `max` characters, with "…" when cut.

export function shortName(text: string, max = 40): string {
  const line = (text.split(/\r?\n/)[0] ?? '').trim().replace(/\s+/g, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A word longer than half the room is cut inside it rather than leaving almost nothing.
  const base = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,.;:–-]+$/, '')}…`;
}
