// The packaged app (java -jar app/target/strata-app.jar) on a free loopback port with a fresh data
// directory, for outside clients' tests: start() waits until it serves GET /v1, stop() ends it with
// SIGTERM and removes its data.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.STRATA_APP_JAR ?? join(here, '..', 'app', 'target', 'strata-app.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function start({ timeoutMillis = 90_000 } = {}) {
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing: build it with ./mvnw -B -pl app -am package -DskipTests`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'strata-client-'));
  const base = `http://127.0.0.1:${port}`;
  const process_ = spawn(java, ['-jar', jar, '--host', '127.0.0.1', '--port', String(port), '--admin-port', '0',
    '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  process_.stdout.on('data', (chunk) => { log += chunk; });
  process_.stderr.on('data', (chunk) => { log += chunk; });
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    if (process_.exitCode !== null) {
      throw new Error(`the app exited with ${process_.exitCode}:\n${log}`);
    }
    try {
      if ((await fetch(`${base}/v1`)).status === 200) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process_.kill('SIGKILL');
      throw new Error(`the app did not answer ${base}/v1 within ${timeoutMillis} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    log: () => log,
    async stop() {
      if (process_.exitCode === null) {
        const exited = new Promise((resolve) => process_.once('exit', resolve));
        process_.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
