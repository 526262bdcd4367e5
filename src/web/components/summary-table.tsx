/**
 * Label–value pairs as DKFDS's structured list: on a phone each row header sits above its value.
 * (No data-title on the cells, which would show every label twice.)
 */
export function SummaryTable({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <table class="table structured-list table--responsive-headers">
      <caption class="sr-only">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
