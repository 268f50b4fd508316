import type { ReactNode } from 'react';

/** A KERN table with a caption for screen readers and column headers; rows are the caller's. */
export function Table({ caption, headers, variant, children }: { caption: string; headers: ReactNode[]; variant?: 'striped' | 'small'; children: ReactNode }) {
  return (
    <div className="ik-table-wrap">
      <table className={`kern-table${variant ? ` kern-table--${variant}` : ''}`}>
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {headers.map((h, i) => (
              <th key={i} scope="col" className="kern-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="kern-table__row">{children}</tr>;
}

export function Cell({ children }: { children?: ReactNode }) {
  return <td className="kern-table__cell">{children}</td>;
}
