import { endpointMapText } from '../../../../electron/core/recover/endpoint-map';
import type { EndpointMapping } from '../../../../electron/core/recover/types';
import { CopyButton } from './copy-button';

/** The endpoint map (old → new) for updating connection strings, copyable as tab-separated text. */
export function EndpointMapTable({ rows }: { rows: EndpointMapping[] }) {
  return (
    <section className="panel recover-endpoints" aria-labelledby="endpoint-map-heading">
      <h2 id="endpoint-map-heading">Endpoint map</h2>
      {rows.length === 0 ? (
        <p className="muted">Appears as chains finish.</p>
      ) : (
        <>
          <CopyButton text={endpointMapText(rows)} label="Copy the endpoint map" />
          <table className="recover-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Source (old)</th>
                <th scope="col">Target (new)</th>
                <th scope="col">Endpoint / detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.resourceId}>
                  <td>
                    {r.service} {r.kind}
                  </td>
                  <td>
                    <code>{r.source}</code>
                  </td>
                  <td>
                    <code>{r.target}</code>
                  </td>
                  <td>{r.detail ? <code>{r.detail}</code> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
