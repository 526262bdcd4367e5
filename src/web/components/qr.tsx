import { encode } from 'uqr';

// A QR code as inline SVG, drawn on the server: no script, no image to fetch, nothing the strict CSP
// has to allow. Black on white with the standard's quiet zone of four modules, so a cheap phone's
// camera finds it on a screen or on paper; error correction M (about 15 % may be lost to a crease, a
// smudge or a cracked screen). The size comes from CSS (`class`): the SVG fills the width it is given.

/** The light border around the code, in modules (ISO/IEC 18004 asks for at least four). */
const QUIET_ZONE = 4;

/** One path of unit squares, a row's neighbouring dark modules joined into one run. */
function darkModules(data: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

export function QrCode({
  text,
  label,
  class: className,
}: {
  /** What the code holds (a link). */
  text: string;
  /** What a screen reader says instead of the picture. */
  label: string;
  /** The CSS class that gives the code its width (see app.css, `.qr`). */
  class?: string;
}) {
  const qr = encode(text, { ecc: 'M', border: QUIET_ZONE });
  return (
    <svg
      class={className ? `qr ${className}` : 'qr'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      width="100%"
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={darkModules(qr.data)} fill="#000" />
    </svg>
  );
}
