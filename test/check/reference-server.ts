import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reference implementation of the notes API contract (notes-api-project in data/areas/10-web-frameworks.yaml), in
 * plain Node. `broken` names faults to put in, each breaking exactly one rule of the contract.
 */
export type Fault = 'no-location' | 'unknown-200' | 'other-user-200' | 'delete-200';

export const TOKENS = { alice: 'alice-token', bob: 'bob-token' } as const;

interface Note {
  id: number;
  owner: string;
  title: string;
  body: string;
}

export async function startReferenceServer(
  faults: readonly Fault[] = [],
): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const notes = new Map<number, Note>();
  let nextId = 1;
  const broken = new Set(faults);
  const users = new Map<string, string>([
    [TOKENS.alice, 'alice'],
    [TOKENS.bob, 'bob'],
  ]);

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { error: message }, headers);
  const view = (n: Note) => ({ id: n.id, title: n.title, body: n.body });

  const readJson = async (req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
    } catch {
      return { ok: false };
    }
  };
  const validNote = (v: unknown): v is { title: string; body?: string } =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { title?: unknown }).title === 'string' &&
    (v as { title: string }).title.trim() !== '' &&
    ((v as { body?: unknown }).body === undefined || typeof (v as { body?: unknown }).body === 'string');

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const collection = url.pathname === '/notes';
    const item = /^\/notes\/(\d+)$/.exec(url.pathname);
    if (!collection && !item) return error(res, 404, 'no such route');
    const allowed = collection ? ['GET', 'POST'] : ['GET', 'PUT', 'DELETE'];
    if (!allowed.includes(req.method ?? ''))
      return error(res, 405, 'method not allowed', { Allow: allowed.join(', ') });
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const user = auth ? users.get(auth[1]!) : undefined;
    if (!user) return error(res, 401, 'sign in with a bearer token', { 'WWW-Authenticate': 'Bearer' });

    if (collection && req.method === 'GET') {
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
      const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
      const mine = [...notes.values()].filter((n) => n.owner === user);
      return send(res, 200, { items: mine.slice(offset, offset + limit).map(view), total: mine.length, limit, offset });
    }
    if (collection) {
      const body = await readJson(req);
      if (!body.ok) return error(res, 400, 'the body is not JSON');
      if (!validNote(body.value)) return error(res, 422, 'title must be a non-empty string; body a string');
      const note = { id: nextId++, owner: user, title: body.value.title, body: body.value.body ?? '' };
      notes.set(note.id, note);
      return send(res, 201, view(note), broken.has('no-location') ? {} : { Location: `/notes/${note.id}` });
    }
    const note = notes.get(Number(item![1]));
    if (!note)
      return broken.has('unknown-200') ? send(res, 200, { error: 'not found' }) : error(res, 404, 'no such note');
    if (note.owner !== user && !broken.has('other-user-200')) return error(res, 403, 'not your note');
    if (req.method === 'GET') return send(res, 200, view(note));
    if (req.method === 'PUT') {
      const body = await readJson(req);
      if (!body.ok) return error(res, 400, 'the body is not JSON');
      if (!validNote(body.value)) return error(res, 422, 'title must be a non-empty string; body a string');
      note.title = body.value.title;
      note.body = body.value.body ?? '';
      return send(res, 200, view(note));
    }
    notes.delete(note.id);
    return broken.has('delete-200') ? send(res, 200, { deleted: true }) : send(res, 204);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, 'internal error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
