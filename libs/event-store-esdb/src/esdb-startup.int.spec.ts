import { createServer, type Server, type Socket } from 'node:net';
import { EventStoreUnavailableError } from '@sla/event-sourcing';
import { connectEsdbEventStore, describeAddresses } from './esdb-event-store';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

describe('EventStoreDB start-up check', () => {
  it('fails within seconds, naming the address, when nothing listens', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const started = Date.now();
    const error = await connectEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      startupTimeoutMilliseconds: 3_000,
    }).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).toMatch(/tls=false/);
  });

  it('fails after the start-up timeout when the peer accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      // Accept and say nothing: the client would otherwise wait for minutes.
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    const port = await listen(silent);
    const started = Date.now();
    const error = await connectEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      startupTimeoutMilliseconds: 1_500,
    }).catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('refuses a malformed connection string with a clear error', async () => {
    await expect(connectEsdbEventStore({ connectionString: 'esdb://' })).rejects.toThrow(/ESDB_CONNECTION_STRING/);
  });

  it('names every node of a cluster connection string', () => {
    expect(describeAddresses('esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true')).toBe(
      'node1:2113, node2:2113, node3:2113',
    );
  });
});
