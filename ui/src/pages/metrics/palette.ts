// Ten line colours that stay apart for the common colour-vision deficiencies (Okabe & Ito's set,
// extended with Tol's darker tones), all with at least 3:1 contrast on white. Runs after the fifth
// also get a dash pattern, so no two lines rely on colour alone.
const COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#b07c00',
  '#332288',
  '#882255',
  '#117733',
  '#5d6b7e',
  '#000000',
] as const;
const DASHES = [undefined, '7 4', '2 3'] as const;

/** The colour and dash of the line at `index` (the run's place in the link). */
export function lineStyle(index: number): { color: string; dash: string | undefined } {
  return {
    color: COLORS[index % COLORS.length] ?? '#000000',
    dash: DASHES[Math.floor(index / 5) % DASHES.length],
  };
}
