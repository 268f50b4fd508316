// A real IMAP server for tests: Debian's Dovecot (package dovecot-imapd, /usr/sbin/dovecot) run as
// a child process with a configuration of its own in a temporary directory: its own port on
// loopback, users from a passwd-file, maildirs under the directory, no TLS, no system services.
// Mail is delivered with IMAP APPEND (imapflow), as a delivering server would put it there.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

export interface StoredMessage {
  uid: number;
  flags: string[];
  source: string;
}

export class Dovecot {
  private child: ChildProcess | null = null;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    /** The implicit-TLS port (self-signed certificate) when started with `tls`; else null. */
    readonly tlsPort: number | null,
    readonly user: string,
    readonly password: string,
  ) {}

  /** IMAP_URL for the hub (plain IMAP on loopback). */
  url(mailbox = 'INBOX', tls = false): string {
    const scheme = tls ? 'imaps' : 'imap';
    const port = tls ? this.tlsPort : this.port;
    if (!port) throw new Error('started without tls');
    return `${scheme}://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${port}/${encodeURIComponent(mailbox)}`;
  }

  /** `tls`: also implicit TLS (imaps) on a port of its own, with a self-signed certificate made by openssl. */
  static async start(opts: { tls?: boolean } = {}, user = 'interkom', password = 'geheim-imap'): Promise<Dovecot> {
    if (!existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing: apt-get install dovecot-imapd`);
    const dir = mkdtempSync(join(tmpdir(), 'interkom-dovecot-'));
    // Dovecot's login and mail processes do not run as root: they need to reach the directory.
    chmodSync(dir, 0o755);
    const root = process.getuid?.() === 0;
    const me = userInfo();
    const ids = root ? { uid: 65534, gid: 65534, internal: 'dovecot', login: 'dovenull' } : { uid: me.uid, gid: me.gid, internal: me.username, login: me.username };
    for (const sub of ['run', 'state']) mkdirSync(join(dir, sub));
    for (const sub of ['mail', 'home']) {
      mkdirSync(join(dir, sub));
      if (root) chownSync(join(dir, sub), ids.uid, ids.gid);
    }
    const port = await freePort();
    const tlsPort = opts.tls ? await freePort() : null;
    if (opts.tls) {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=imap.example.org', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    }
    writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
    const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = interkom-test-${port}
protocols = imap
listen = 127.0.0.1
${opts.tls ? `ssl = yes\nssl_cert = <${dir}/cert.pem\nssl_key = <${dir}/key.pem` : 'ssl = no'}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${ids.internal}
default_internal_group = ${root ? 'dovecot' : me.username}
default_login_user = ${ids.login}
mail_location = maildir:${dir}/mail/%u
mail_uid = ${ids.uid}
mail_gid = ${ids.gid}
first_valid_uid = 1
first_valid_gid = 1
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort ?? 0}
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
`;
    writeFileSync(join(dir, 'dovecot.conf'), config);
    const server = new Dovecot(dir, port, tlsPort, user, password);
    await server.spawn();
    return server;
  }

  /** Starts the server process and waits for its greeting. */
  private async spawn(): Promise<void> {
    const child = spawn(DOVECOT, ['-F', '-c', join(this.dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const deadline = Date.now() + 20_000;
    while (!(await greets(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = this.log();
        await this.stop();
        throw new Error(`Dovecot did not start: ${output}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops the server process (mail stays), as a server going down for maintenance. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  /** Starts it again on the same port with the same mail. */
  async revive(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** A client of the test's own (not the hub's), connected and signed in. */
  private async client<T>(use: (client: ImapFlow) => Promise<T>): Promise<T> {
    // The test's client takes the self-signed certificate (STARTTLS on the plain port when started with tls).
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: this.user, pass: this.password }, logger: false, tls: { rejectUnauthorized: false } });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  createMailbox(name: string): Promise<void> {
    return this.client(async (c) => {
      await c.mailboxCreate(name);
    });
  }

  /** Puts a message into a mailbox (IMAP APPEND); returns its UID. */
  deliver(raw: Buffer | string, mailbox = 'INBOX'): Promise<number> {
    return this.client(async (c) => {
      const result = await c.append(mailbox, raw, []);
      if (!result || !result.uid) throw new Error(`APPEND to ${mailbox} failed`);
      return result.uid;
    });
  }

  /** The messages of a mailbox with their flags ([] when the mailbox does not exist). */
  messages(mailbox = 'INBOX'): Promise<StoredMessage[]> {
    return this.client(async (c) => {
      const boxes = await c.list();
      if (!boxes.some((b) => b.path === mailbox)) return [];
      const lock = await c.getMailboxLock(mailbox, { readOnly: true });
      try {
        const out: StoredMessage[] = [];
        if (!c.mailbox || c.mailbox.exists === 0) return out;
        for await (const m of c.fetch('1:*', { uid: true, flags: true, source: true })) {
          out.push({ uid: m.uid, flags: [...(m.flags ?? [])], source: m.source?.toString('utf8') ?? '' });
        }
        return out;
      } finally {
        lock.release();
      }
    });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True when an IMAP greeting (`* OK`) comes from the port. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('* OK')));
    socket.connect(port, '127.0.0.1');
  });
}
