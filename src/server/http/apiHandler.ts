import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from './httpJson';

/** One API: handles its paths and returns true, or returns false to let the next one try. */
export type ApiRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Chains API routes into one node HTTP handler. A route's HttpError becomes its status with
 * `{error}`; anything else is logged on the server and answered 500 with no detail (no stack, no
 * path reaches the client); no route: 404.
 */
export function apiHandler(routes: readonly ApiRoute[], log: (msg: string) => void = (m) => console.error(m)): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      try {
        for (const route of routes) if (await route(req, res)) return;
        sendJson(res, 404, { error: 'not found' });
      } catch (err) {
        if (res.headersSent) { res.destroy(); return; }
        if (err instanceof HttpError) sendJson(res, err.status, { error: err.message }, err.headers);
        else {
          log(`api ${req.method} ${(req.url ?? '').split('?')[0]}: ${(err as Error).stack ?? err}`);
          sendJson(res, 500, { error: 'internal error' });
        }
      }
    })();
  };
}
