import { createServer, type Server, type Socket } from 'node:net';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '@sla/event-sourcing';
import { EsdbEventStore, connectEsdbEventStore, describeAddresses } from './esdb-event-store';

/*
 * What start-up does when EventStoreDB is not there, against local sockets
 * only (127.0.0.1): nothing listening, and a peer that accepts connections
 * but never answers (the client alone would wait for minutes).
 */

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

/** Accepts connections and never says a word. */
async function silentPeer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('EventStoreDB start-up check', () => {
  it('fails within seconds, naming the address and the TLS setting, when nothing listens', async () => {
    const port = await freePort();
    const started = performance.now();
    const error = await connectEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      startupTimeoutMilliseconds: 3_000,
    }).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).toMatch(/running/);
    expect((error as Error).message).toMatch(/tls=false/);
    expect((error as Error).message).toMatch(/firewall/);
  });

  it('fails after its own timeout when the peer accepts connections but never answers', async () => {
    const peer = await silentPeer();
    try {
      const started = performance.now();
      const error = await connectEsdbEventStore({
        connectionString: `esdb://127.0.0.1:${peer.port}?tls=false`,
        startupTimeoutMilliseconds: 1_500,
      }).catch((caught: unknown) => caught);
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain(`127.0.0.1:${peer.port}`);
      expect((error as Error).message).toMatch(/did not answer within 1500 ms/);
      expect(elapsed).toBeGreaterThanOrEqual(1_400);
      expect(elapsed).toBeLessThan(1_500 + 2_000);
    } finally {
      await peer.stop();
    }
  });

  it('reports a silent server from checkHealth within the timeout', async () => {
    const peer = await silentPeer();
    const connectionString = `esdb://127.0.0.1:${peer.port}?tls=false`;
    const store = new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), {
      connectionString,
      startupTimeoutMilliseconds: 1_000,
    });
    try {
      const started = performance.now();
      await expect(store.checkHealth()).rejects.toThrow(EventStoreUnavailableError);
      expect(performance.now() - started).toBeLessThan(1_000 + 2_000);
    } finally {
      await store.close();
      await peer.stop();
    }
  });

  it('refuses a malformed connection string with a clear error', async () => {
    await expect(connectEsdbEventStore({ connectionString: 'esdb://' })).rejects.toThrow(/ESDB_CONNECTION_STRING/);
  });

  it('names every node of a cluster connection string, without credentials', () => {
    expect(describeAddresses('esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true')).toBe(
      'node1:2113, node2:2113, node3:2113',
    );
  });
});
