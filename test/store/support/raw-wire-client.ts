// A bare MongoDB wire-protocol client for tests that must see exact reply bytes (error shapes, int64 cursor ids).
import { connect, type Socket } from 'node:net';
import { deserialize, serialize, type Document } from 'bson';

const OP_QUERY = 2004;
const OP_MSG = 2013;

export interface RawReply {
  opCode: number;
  doc: Document;
}

export class RawWireClient {
  private buffered = Buffer.alloc(0);
  private waiting: ((reply: RawReply) => void) | undefined;
  private requestId = 1;

  /** Settles when the server closes (or resets) the connection. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.deliver();
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  /** Connects to a TCP port on loopback, or to the Unix socket (path or mongodb:// URI) the store listens on. */
  static open(target: number | string): Promise<RawWireClient> {
    return new Promise((resolve, reject) => {
      const onConnect = () => resolve(new RawWireClient(socket));
      const socket = connect(typeof target === 'number' ? { host: '127.0.0.1', port: target } : addressOf(target), onConnect);
      socket.once('error', reject);
    });
  }

  /** Writes bytes as they are, for tests of malformed messages. */
  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /**
   * Sends an OP_MSG; `sequences` go as kind-1 document sequences (a Buffer is sent as already-encoded BSON,
   * for documents beyond what bson's serializer can write); `checksum` appends a (dummy) CRC.
   */
  command(doc: Document, options: { sequences?: Record<string, (Document | Buffer)[]>; checksum?: boolean } = {}): Promise<RawReply> {
    const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(doc))];
    for (const [name, docs] of Object.entries(options.sequences ?? {})) {
      const body = Buffer.concat([Buffer.from(`${name}\0`), ...docs.map((d) => (Buffer.isBuffer(d) ? d : Buffer.from(serialize(d))))]);
      const size = Buffer.alloc(4);
      size.writeInt32LE(body.length + 4);
      parts.push(Buffer.from([1]), size, body);
    }
    const flags = Buffer.alloc(4);
    flags.writeUInt32LE(options.checksum ? 1 : 0);
    const trailer = options.checksum ? [Buffer.alloc(4)] : [];
    return this.send(OP_MSG, [flags, ...parts, ...trailer]);
  }

  /** Sends a legacy OP_QUERY command to `<db>.$cmd`. */
  legacyCommand(db: string, doc: Document): Promise<RawReply> {
    const head = Buffer.alloc(4);
    const counts = Buffer.alloc(8);
    counts.writeInt32LE(-1, 4);
    return this.send(OP_QUERY, [head, Buffer.from(`${db}.$cmd\0`), counts, Buffer.from(serialize(doc))]);
  }

  private send(opCode: number, parts: Buffer[]): Promise<RawReply> {
    const body = Buffer.concat(parts);
    const header = Buffer.alloc(16);
    header.writeInt32LE(16 + body.length, 0);
    header.writeInt32LE(this.requestId++, 4);
    header.writeInt32LE(opCode, 12);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(Buffer.concat([header, body]));
    });
  }

  private deliver(): void {
    if (this.buffered.length < 4) return;
    const length = this.buffered.readInt32LE(0);
    if (this.buffered.length < length) return;
    const message = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    const opCode = message.readInt32LE(12);
    const docStart = opCode === OP_MSG ? 21 : 36;
    // promoteLongs off: an int64 stays a Long, so tests can tell it from an int32.
    const doc = deserialize(message.subarray(docStart), { promoteLongs: false });
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ opCode, doc });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** `mongodb://%2Fpath%2Fto.sock/?…` or a bare path is a Unix socket; `mongodb://host:port/…` is TCP. */
function addressOf(target: string): { path: string } | { host: string; port: number } {
  const match = /^mongodb:\/\/([^/?]+)/.exec(target);
  if (!match) return { path: target };
  const host = decodeURIComponent(match[1] as string);
  if (host.startsWith('/')) return { path: host };
  const tcp = /^\[?([^\]]+?)\]?:(\d+)$/.exec(host);
  if (!tcp) throw new Error(`cannot tell where ${target} points`);
  return { host: tcp[1] as string, port: Number(tcp[2]) };
}
