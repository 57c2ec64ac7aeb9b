// A self-hosted Nx remote cache for the e2e suites: Nx's HTTP remote cache protocol (GET and PUT
// /v1/cache/{hash}, a bearer token, 404 for a miss, 409 for a hash already stored), served from
// memory on the loopback address. Nx talks to it when NX_SELF_HOSTED_REMOTE_CACHE_SERVER names it:
// the same path as any Nx remote cache a team runs (a shared server, a bucket behind one), with
// nothing of Nx Cloud. `const cache = await startRemoteCache()`, `cache.env` into the commands,
// `await cache.stop()` in afterAll.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RemoteCacheRequest {
  method: string;
  hash: string;
  status: number;
}

export interface RemoteCache {
  url: string;
  /** The variables that point Nx at this cache. */
  env: Record<string, string>;
  /** The artifacts stored, by task hash. */
  artifacts: Map<string, Buffer>;
  /** Every cache request, in order. */
  requests: RemoteCacheRequest[];
  stop(): Promise<void>;
}

const PATH = /^\/v1\/cache\/([A-Za-z0-9_.-]+)$/;

export async function startRemoteCache(): Promise<RemoteCache> {
  const token = randomBytes(16).toString('hex');
  const artifacts = new Map<string, Buffer>();
  const requests: RemoteCacheRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    const reply = (status: number, body?: Buffer) => {
      if (match) requests.push({ method: req.method ?? '', hash: match[1], status });
      res.writeHead(status, body ? { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length } : {});
      res.end(body);
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!match) return reply(404);
    if (req.headers.authorization !== `Bearer ${token}`) return reply(req.headers.authorization ? 403 : 401);
    const hash = match[1];
    if (req.method === 'GET') {
      const artifact = artifacts.get(hash);
      return artifact ? reply(200, artifact) : reply(404);
    }
    if (req.method === 'PUT') {
      if (artifacts.has(hash)) return reply(409);
      artifacts.set(hash, Buffer.concat(chunks));
      return reply(200);
    }
    return reply(405);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token },
    artifacts,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
