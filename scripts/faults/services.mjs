// Private MariaDB and Redis servers for the fault scripts, which must be free to kill them: never the shared ones on
// 3306/6379. Each runs on a free port of 127.0.0.1 with its data (MariaDB) under a temporary directory, and can be
// stopped (SIGTERM), killed (SIGKILL: a crash) and started again on the same port and data directory.
//
//   const db = await startMariaDb();          // {host, port, user: 'root', password: ''} as db.conn
//   await db.kill();  await db.start();        // crash, then start again (same port, same datadir: crash recovery)
//   const rd = await startRedis();             // rd.conn = {host, port}
//   await rd.stop();  await rd.start();
//   await db.destroy();  await rd.destroy();   // stop and remove the temporary directory
//
// Needs mariadbd, mariadb-install-db and redis-server on PATH (Debian: apt-get install mariadb-server redis-server);
// checkBinaries() names what is missing. Run as root, mariadbd is started with --user=root.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The programs the fault scripts need; returns a message naming the missing ones, or null. */
export function checkBinaries(names = ['mariadbd', 'mariadb-install-db', 'redis-server', 'mysql', 'redis-cli']) {
  const missing = names.filter((n) => {
    try {
      execFileSync('sh', ['-c', `command -v ${n}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return missing.length
    ? `missing on PATH: ${missing.join(', ')} (Debian: apt-get install mariadb-server mariadb-client redis-server redis-tools)`
    : null;
}

/**
 * Stops the run with one failed check when a program the outage scripts need, or the jar, is missing: the RESULT line
 * and the Markdown fragment then say why.
 */
export function preflight(report, jar) {
  const missing = checkBinaries();
  if (missing) report.check('the programs the script needs are installed', false, missing);
  else if (!fs.existsSync(jar)) {
    report.check('the jar is built', false, `${jar} not found: mvn -B -ntp clean install -pl bot-app -am -DskipTests`);
  } else return;
  report.finish();
  process.exit(1);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
  });
}

/** A child process with its exit awaited; output appended to logFile. */
function launch(cmd, args, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out], detached: false });
  fs.closeSync(out);
  const proc = { child, exitInfo: null };
  proc.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    proc.exitInfo = signal ?? code;
    resolve(proc.exitInfo);
  }));
  return proc;
}

async function waitFor(pred, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await pred()) return;
    await sleep(200);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

/** Common control of one server process: start (again), stop (SIGTERM), kill (SIGKILL), destroy. */
function server(name, dir, argv, readyCheck, port) {
  const logFile = path.join(dir, `${name}.log`);
  let proc = null;
  const s = {
    dir, logFile, port,
    alive: () => !!proc && proc.exitInfo === null,
    async start(timeoutMs = 60_000) {
      if (s.alive()) throw new Error(`${name} is running`);
      fs.appendFileSync(logFile, `\n===== start ${new Date().toISOString()} =====\n`);
      proc = launch(argv[0], argv.slice(1), logFile);
      await waitFor(async () => {
        if (proc.exitInfo !== null) throw new Error(`${name} exited (${proc.exitInfo}); see ${logFile}`);
        return readyCheck();
      }, timeoutMs, name);
      s.startedAt = Date.now();
    },
    /** Sends signal and waits until the process is gone; resolves to the time it was sent. */
    async signal(sig, timeoutMs = 60_000) {
      if (!s.alive()) return Date.now();
      const at = Date.now();
      proc.child.kill(sig);
      const t = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
      await proc.exited;
      clearTimeout(t);
      return at;
    },
    stop: () => s.signal('SIGTERM'),
    kill: () => s.signal('SIGKILL'),
    async destroy({ keep = false } = {}) {
      await s.signal('SIGTERM', 20_000);
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return s;
}

/**
 * A private mariadbd: a fresh datadir from mariadb-install-db (root, no password, socket and TCP on 127.0.0.1 only),
 * started on a free port and ready when `mysql -e 'SELECT 1'` answers. s.conn = {host, port, user, password}.
 */
export async function startMariaDb({ port = null } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-mariadb-'));
  const datadir = path.join(dir, 'data');
  port ??= await freePort();
  const asRoot = process.getuid?.() === 0;
  execFileSync('mariadb-install-db', [
    '--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db',
    ...(asRoot ? ['--user=root'] : []),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const conn = { host: '127.0.0.1', port: String(port), user: 'root', password: '' };
  const argv = [
    'mariadbd', '--no-defaults', `--datadir=${datadir}`, `--port=${port}`, `--socket=${path.join(dir, 'mysqld.sock')}`,
    '--bind-address=127.0.0.1', `--pid-file=${path.join(dir, 'mysqld.pid')}`, '--skip-name-resolve',
    '--innodb-buffer-pool-size=128M', '--max-connections=200', '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci', '--log-error=' + path.join(dir, 'error.log'),
    ...(asRoot ? ['--user=root'] : []),
  ];
  const ready = async () => {
    if (!(await portOpen(port))) return false;
    try {
      execFileSync('mysql', ['-h', '127.0.0.1', '-P', String(port), '-u', 'root', '-N', '-B', '--connect-timeout=2', '-e', 'SELECT 1'],
        { stdio: 'ignore', env: { ...process.env, MYSQL_PWD: '' }, timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  };
  const s = server('mariadb', dir, argv, ready, port);
  s.conn = conn;
  await s.start(120_000);
  return s;
}

/** A private redis-server without persistence on a free port, ready when it answers PING. s.conn = {host, port}. */
export async function startRedis({ port = null } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-redis-'));
  port ??= await freePort();
  const argv = [
    'redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes',
  ];
  const ready = async () => {
    try {
      return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'PING'], { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG';
    } catch {
      return false;
    }
  };
  const s = server('redis', dir, argv, ready, port);
  s.conn = { host: '127.0.0.1', port: String(port) };
  await s.start(30_000);
  return s;
}

// node scripts/faults/services.mjs: a self-check (start both, crash and restart each, stop)
if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = checkBinaries();
  if (missing) {
    console.log(`not ok - ${missing}`);
    process.exit(1);
  }
  const db = await startMariaDb();
  console.log(`ok - mariadbd on ${db.port} (${db.dir})`);
  await db.kill();
  await db.start();
  console.log('ok - mariadbd killed (SIGKILL) and started again on the same port and datadir');
  const rd = await startRedis();
  console.log(`ok - redis-server on ${rd.port}`);
  await rd.stop();
  await rd.start();
  console.log('ok - redis-server stopped and started again on the same port');
  await db.destroy();
  await rd.destroy();
  console.log('ok - both stopped and removed');
}
