// PGlite in its own thread, spoken to over the PostgreSQL wire protocol on a Unix socket.
//
// PGlite executes SQL synchronously in WebAssembly: on the server's main thread a long write
// (a 100,000-row import) stopped every request for seconds. Here it runs beside the event
// loop; the main thread talks to it with node-postgres, exactly as it talks to a PostgreSQL
// server. PGlite has one session, so the main thread keeps one connection (pool of 1) and
// every message is executed in arrival order.
//
// workerData: { pgdata: string | null (null = in memory), startParams: string[],
//               socketPath: string, progress: SharedArrayBuffer (Int32Array[1]) }
// Messages: posts { ready: true } or { error }; on 'close' closes PGlite and posts { closed: true }.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'

const { pgdata, startParams, socketPath } = workerData;
/** Counts executed message batches: the main thread reads it to tell "busy" from "stuck". */
const progress = new Int32Array(workerData.progress);

let pg;
try {
  pg = pgdata ? new PGlite(pgdata, { startParams }) : new PGlite({ startParams });
  await pg.waitReady;
} catch (err) {
  parentPort.postMessage({ error: String(err?.stack ?? err) });
  process.exit(1);
}

/** One queue for every connection: PGlite runs one thing at a time. */
let queue = Promise.resolve();
const run = (message, socket) => {
  queue = queue.then(async () => {
    try {
      await pg.execProtocolRawStream(message, {
        onRawData: (data) => {
          // A view into PGlite's memory, reused by the next call: copy before the socket queues it.
          if (socket.writable) socket.write(Buffer.from(data));
        },
      });
    } catch (err) {
      socket.destroy(err);
    } finally {
      Atomics.add(progress, 0, 1);
    }
  });
};

const server = net.createServer((socket) => {
  let buf = Buffer.alloc(0);
  let started = false;
  socket.on('data', (data) => {
    buf = buf.length ? Buffer.concat([buf, data]) : data;
    let off = 0;
    const typed = [];
    while (buf.length - off >= 5) {
      if (!started) {
        // Untyped: Int32 length, Int32 code (SSL request, cancel request or startup message).
        if (buf.length - off < 8) break;
        const len = buf.readInt32BE(off);
        if (buf.length - off < len) break;
        const code = buf.readInt32BE(off + 4);
        const message = buf.subarray(off, off + len);
        off += len;
        if (code === SSL_REQUEST) socket.write('N');
        else if (code === CANCEL_REQUEST)
          continue; // nothing to cancel: PGlite has no other backend
        else {
          started = true;
          run(new Uint8Array(message), socket);
        }
        continue;
      }
      const len = buf.readInt32BE(off + 1) + 1;
      if (buf.length - off < len) break;
      if (buf[off] === TERMINATE) {
        off += len;
        socket.end();
        continue;
      }
      typed.push(buf.subarray(off, off + len));
      off += len;
    }
    // Every complete message of this read goes to PGlite in one call (Parse/Bind/Execute/Sync).
    if (typed.length) run(new Uint8Array(typed.length === 1 ? typed[0] : Buffer.concat(typed)), socket);
    buf = off === buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(off));
  });
  socket.on('error', () => socket.destroy());
});

server.listen(socketPath, () => parentPort.postMessage({ ready: true }));
server.on('error', (err) => parentPort.postMessage({ error: String(err?.stack ?? err) }));

parentPort.on('message', async (m) => {
  if (m !== 'close') return;
  server.close();
  await queue;
  await pg.close();
  parentPort.postMessage({ closed: true });
});
