// An outside client of Strata's gRPC API, as a Node.js team would write one: it loads the
// published .proto files (adapters-grpc/src/main/proto) with @grpc/proto-loader and calls the
// server with @grpc/grpc-js. It signs up, signs in, creates an order idempotently, reads it back,
// and checks the answers and the error details (google.rpc.Status in grpc-status-details-bin).
//
//   node strata-client.mjs 127.0.0.1:9090
//
// Exits 0 when every check holds, 1 with the failed check otherwise.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../adapters-grpc/src/main/proto');
const target = process.argv[2] ?? '127.0.0.1:9090';

const definition = protoLoader.loadSync(
  ['strata/v1/identity.proto', 'strata/v1/orders.proto', 'strata/v1/posts.proto'],
  { includeDirs: [protoRoot], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const strata = grpc.loadPackageDefinition(definition).strata.v1;

const credentials = grpc.credentials.createInsecure();
const identity = new strata.IdentityService(target, credentials);
const orders = new strata.OrderService(target, credentials);

/** Calls a unary method and resolves with its response, or rejects with the gRPC error. */
function call(client, method, request, metadata = new grpc.Metadata()) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(error) : resolve(response));
  });
}

function bearer(token) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

async function expectError(promise, code) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.code, code, `status ${error.code} (${error.details})`);
    return error;
  }
  assert.fail(`expected status ${code}, the call succeeded`);
}

async function main() {
  const email = `node-${randomUUID()}@example.com`;
  const password = 'correct horse battery staple';

  const signedUp = await call(identity, 'CreateAccount', {
    account: { email, display_name: 'Node client' }, password });
  assert.match(signedUp.account.name, /^accounts\/acct_[0-9a-z]{26}$/);
  assert.equal(signedUp.account.email, email);
  console.log(`signed up ${signedUp.account.name}`);

  const signedIn = await call(identity, 'CreateSession', { email, password });
  assert.ok(signedIn.token.length > 20, 'a bearer token');
  assert.equal(signedIn.account.name, signedUp.account.name);
  const me = bearer(signedIn.token);
  const session = await call(identity, 'GetCurrentSession', {}, me);
  assert.equal(session.session.name, signedIn.session.name);
  console.log(`signed in, session ${signedIn.session.name}`);

  const draft = {
    currency_code: 'EUR', comment: 'from node',
    items: [{ sku: 'BOOK-42', quantity: 2, unit_price: '12.50' }, { sku: 'PEN', quantity: 1, unit_price: '0.99' }],
  };
  const requestId = randomUUID();
  const created = (await call(orders, 'CreateOrder', { order: draft, request_id: requestId }, me)).order;
  assert.match(created.name, /^orders\/ord_[0-9a-z]{26}$/);
  assert.equal(created.owner, signedUp.account.name);
  assert.equal(created.state, 'ORDER_STATE_OPEN');
  assert.equal(created.amount, '25.99');
  assert.equal(created.etag, '0');
  const replayed = (await call(orders, 'CreateOrder', { order: draft, request_id: requestId }, me)).order;
  assert.deepEqual(replayed, created, 'a retry with the same request_id returns the same order');
  console.log(`created ${created.name} (amount ${created.amount} ${created.currency_code})`);

  const read = (await call(orders, 'GetOrder', { name: created.name }, me)).order;
  assert.deepEqual(read, created);
  const listed = await call(orders, 'ListOrders', { page_size: 10 }, me);
  assert.deepEqual(listed.orders.map(order => order.name), [created.name]);
  console.log(`read ${read.name} back, and listed it`);

  const missing = await expectError(call(orders, 'GetOrder', { name: 'orders/ord_00000000000000000000000000' }, me),
    grpc.status.NOT_FOUND);
  const details = missing.metadata.get('grpc-status-details-bin')[0];
  assert.ok(details, 'the error carries google.rpc.Status details');
  // A serialized google.rpc.Status: its ErrorInfo detail names Strata's code and domain.
  assert.match(details.toString('latin1'), /type\.googleapis\.com\/google\.rpc\.ErrorInfo/);
  assert.match(details.toString('latin1'), /order_not_found/);
  assert.match(details.toString('latin1'), /strata\.dev/);
  await expectError(call(orders, 'GetOrder', { name: created.name }), grpc.status.UNAUTHENTICATED);
  console.log('errors: NOT_FOUND with ErrorInfo order_not_found, UNAUTHENTICATED without a token');

  console.log('the Node.js gRPC client passed');
}

main().then(() => {
  identity.close();
  orders.close();
}, error => {
  console.error(`the Node.js gRPC client failed: ${error.stack ?? error}`);
  process.exit(1);
});
