// An outside client of Strata's GraphQL API, as a Node.js team would write one with graphql-js: it
// learns the schema the server serves by introspection (buildClientSchema), validates every
// operation it sends against that schema before sending it, and runs them against the real
// packaged app: sign up, sign in, create an order (idempotently), read it back, list it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import * as app from './running-app.mjs';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

const operations = {
  signUp: `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email displayName } }`,
  signIn: `mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { token session { id account { id email } } } }`,
  createOrder: `mutation CreateOrder($input: OrderInput!, $key: String) {
    createOrder(input: $input, idempotencyKey: $key) {
      replayed order { id state currency amount version items { sku quantity unitPrice total } } } }`,
  readOrder: `query ReadOrder($id: ID!) { order(id: $id) { id state amount owner { id email } } }`,
  myOrders: `query MyOrders($filter: String) {
    viewer { account { orders(first: 10, filter: $filter) { edges { cursor node { id amount } } pageInfo { hasNextPage } } } } }`,
};

let server;
let schema;

async function post(document, variables = {}, token = undefined) {
  const headers = { 'Content-Type': 'application/json', Accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST', headers, body: JSON.stringify({ query: document, variables }),
  });
  assert.match(response.headers.get('content-type'), /^application\/graphql-response\+json/);
  return { status: response.status, body: await response.json() };
}

/** Validates {@code document} against the served schema, client-side, then runs it; fails on any error. */
async function run(name, variables, token) {
  const errors = validate(schema, parse(operations[name]));
  assert.deepEqual(errors.map(String), [], `${name} is not valid against the served schema`);
  const { status, body } = await post(operations[name], variables, token);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.errors, undefined, `${name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

before(async () => {
  server = await app.start();
  const { status, body } = await post(getIntrospectionQuery());
  assert.equal(status, 200, JSON.stringify(body));
  schema = buildClientSchema(body.data);
});

after(async () => {
  await server?.stop();
});

test('every operation of this client is valid against the served schema', () => {
  for (const [name, document] of Object.entries(operations)) {
    assert.deepEqual(validate(schema, parse(document)).map(String), [], name);
  }
});

test('client-side validation catches what the server would refuse', () => {
  const errors = validate(schema, parse('query { order(id: 1) { id colour } }'));
  assert.ok(errors.some((error) => /colour/.test(error.message)), errors.join('\n'));
});

test('sign up, sign in, create an order idempotently and read it back', async () => {
  const email = `node-${randomUUID()}@example.com`;
  const password = 'correct horse battery staple';
  const signedUp = await run('signUp', { input: { email, password, displayName: 'Node' } });
  assert.equal(signedUp.signUp.email, email);

  const { signIn } = await run('signIn', { input: { email, password } });
  assert.equal(signIn.session.account.id, signedUp.signUp.id);
  const token = signIn.token;

  const input = { currency: 'EUR', items: [{ sku: 'BOOK-1', quantity: 2, unitPrice: '12.50' }], comment: 'gift' };
  const key = randomUUID();
  const created = await run('createOrder', { input, key }, token);
  const again = await run('createOrder', { input, key }, token);
  assert.equal(created.createOrder.replayed, false);
  assert.equal(again.createOrder.replayed, true);
  assert.equal(again.createOrder.order.id, created.createOrder.order.id);
  assert.equal(created.createOrder.order.amount, '25.00');

  const { order } = await run('readOrder', { id: created.createOrder.order.id }, token);
  assert.equal(order.state, 'OPEN');
  assert.equal(order.owner.email, email);

  const mine = await run('myOrders', { filter: 'amount=gte:20.00' }, token);
  assert.deepEqual(mine.viewer.account.orders.edges.map((edge) => edge.node.id), [order.id]);

  const anonymous = await post(operations.readOrder, { id: order.id });
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.body.errors[0].extensions.code, 'authentication_required');
});
