import pg from 'pg';

/**
 * Tells every app node's in-process caches what changed in the database.
 *
 * The database announces it: triggers on org_nodes, users, role_assignments, sessions and
 * settings call `pg_notify('cedu_cache', …)` in the writing transaction (migration
 * 0011_multi_node), so a message goes out only when the change commits, whoever made it: a
 * service on any node, an import, a script, psql. Each node LISTENs: on PostgreSQL on a
 * connection of its own (`listenOnServer`), on PGlite on its one session (`listenOnSession`;
 * there the message arrives before the COMMIT's answer). The services still forget their own
 * writes at once as well, so a node reads its own writes without waiting for the round trip.
 *
 * Messages: `tree`, `settings`, `sessions` (all of them), `user:<id>`, `session:<id hash>`, and
 * `*`: this node may have missed messages (the connection was lost or is new), drop everything.
 * A cache keeps what it read only if `keeps(generation taken before the read)`: the node is
 * listening and no message arrived meanwhile. While it is not listening, nothing is kept.
 */
export const CACHE_CHANNEL = 'cedu_cache';

export type CacheBus = {
  /** Whether this node hears every change now (false while the LISTEN connection is down). */
  readonly listening: boolean;
  /** Counts messages: a read that began at another generation may predate a change. */
  readonly generation: number;
  keeps(generation: number): boolean;
  /** Registers the handler of one cache (by name; registering the same name again is a no-op). */
  on(name: string, handler: (message: string) => void): void;
  /** Hands a message to this node's caches. */
  deliver(message: string): void;
  /** The transport's state: a change of either kind drops everything cached. */
  setListening(listening: boolean): void;
  /** What close() must also stop (the transport). */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
};

export function createCacheBus(): CacheBus {
  const handlers = new Map<string, (message: string) => void>();
  let listening = false;
  let generation = 0;
  let stop: () => Promise<void> = async () => {};
  const bus: CacheBus = {
    get listening() {
      return listening;
    },
    get generation() {
      return generation;
    },
    keeps: (g) => listening && g === generation,
    on(name, handler) {
      if (!handlers.has(name)) handlers.set(name, handler);
    },
    deliver(message) {
      generation++;
      for (const h of handlers.values()) h(message);
    },
    setListening(value) {
      if (value === listening) return;
      // Lost: what is cached may miss changes from now on. Back: it may have missed some.
      listening = value;
      bus.deliver('*');
    },
    onClose(fn) {
      stop = fn;
    },
    async close() {
      bus.setListening(false);
      await stop();
    },
  };
  return bus;
}

const buses = new WeakMap<object, CacheBus>();

/** Ties a bus to a Drizzle handle, so services that receive `db` find it. */
export function registerCacheBus(db: object, bus: CacheBus): void {
  buses.set(db, bus);
}

/** The bus of a database handle (one that is never listening if none was registered: no caching). */
export function cacheBusOf(db: object): CacheBus {
  let bus = buses.get(db);
  if (!bus) buses.set(db, (bus = createCacheBus()));
  return bus;
}

export type ListenOptions = {
  /** Delay before connecting again after a loss. */
  retryMs?: number;
  /** How often the connection is checked with `select 1` (a dead peer that sent no FIN). */
  pingMs?: number;
  log?: (message: string) => void;
};

/**
 * PostgreSQL: LISTEN on a dedicated connection. A lost connection (error, end, or a ping
 * unanswered within `pingMs`) stops all caching at once; the node connects again every
 * `retryMs` and, once listening, starts from empty caches.
 */
export function listenOnServer(bus: CacheBus, connectionString: string, opts: ListenOptions = {}): void {
  const retryMs = opts.retryMs ?? 1000;
  const pingMs = opts.pingMs ?? 2000;
  const log = opts.log ?? ((m: string) => console.error(m));
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let pinging = false;

  const drop = (c: pg.Client, why: string) => {
    if (c !== current) return;
    current = null;
    bus.setListening(false);
    if (!stopped) log(`cache bus: LISTEN connection lost (${why}); nothing is cached until it is back`);
    // A peer that no longer answers may never acknowledge the Terminate message.
    (c as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    c.end().catch(() => {});
    schedule();
  };
  const schedule = () => {
    if (!stopped && !retry) retry = setTimeout(() => void connect(), retryMs).unref();
  };
  const connect = async () => {
    retry = undefined;
    const c = new pg.Client({ connectionString, application_name: 'cedu-cache-bus', keepAlive: true });
    c.on('notification', (n) => {
      if (c === current && n.channel === CACHE_CHANNEL) bus.deliver(n.payload || '*');
    });
    c.on('error', (err) => drop(c, err.message));
    c.on('end', () => drop(c, 'closed'));
    try {
      await c.connect();
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch {
      c.end().catch(() => {});
      schedule();
      return;
    }
    if (stopped) return void c.end().catch(() => {});
    current = c;
    bus.setListening(true);
  };
  const ping = setInterval(() => {
    const c = current;
    if (!c || pinging) return;
    pinging = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error('no answer to a ping')), pingMs)),
    );
    Promise.race([c.query('select 1'), late])
      .catch((err: Error) => drop(c, err.message))
      .finally(() => {
        clearTimeout(timer);
        pinging = false;
      });
  }, pingMs);
  ping.unref();
  bus.onClose(async () => {
    stopped = true;
    clearInterval(ping);
    clearTimeout(retry);
    const c = current;
    current = null;
    await c?.end().catch(() => {});
  });
  void connect();
}

/**
 * PGlite: one process and one session, so the pool's connection itself LISTENs (node-postgres
 * hands a message over before the COMMIT that sent it resolves). Pass the result as the pool's
 * `Client`: LISTEN runs before the connection is handed out; a new connection starts empty.
 */
export function sessionListener(bus: CacheBus): typeof pg.Client {
  return class ListeningClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('notification', (n) => {
        if (n.channel === CACHE_CHANNEL) bus.deliver(n.payload || '*');
      });
      this.on('end', () => bus.setListening(false));
      this.on('error', () => bus.setListening(false));
    }

    // pg-pool calls connect(callback); everyone else awaits it.
    override connect(): Promise<pg.Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
    override connect(callback?: (...args: never[]) => unknown): Promise<pg.Client> | void {
      const ready = super.connect().then(async () => {
        await this.query(`LISTEN ${CACHE_CHANNEL}`);
        bus.setListening(true);
        return this as pg.Client;
      });
      if (!callback) return ready;
      const done = callback as (err: Error | null, c?: pg.Client) => void;
      ready.then(
        (c) => done(null, c),
        (err: Error) => done(err),
      );
    }
  };
}
