import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrontDoor } from './front-door.ts';

describe('the front door of the HTTP server', () => {
  const errors: unknown[] = [];
  const observed: string[] = [];
  const frontDoor = new FrontDoor({ address: (request) => request.socket.remoteAddress }, (error) =>
    errors.push(error),
  );
  const app = Fastify({ serverFactory: frontDoor.serverFactory, keepAliveTimeout: 1234 });
  let origin = '';

  frontDoor.observe((method, route, status, seconds) =>
    observed.push(`${method} ${route} ${status} ${seconds >= 0.05}`),
  );

  beforeAll(async () => {
    frontDoor.add('/later', (request, response) => {
      if (request.url !== '/later') return false;
      setTimeout(() => response.writeHead(302, ['location', '/elsewhere']).end(), 60);
      return true;
    });
    frontDoor.add('/fast', (request, response) => {
      if (request.url !== '/fast') return false;
      response.writeHead(200, ['content-type', 'text/plain']).end('front door');
      return true;
    });
    frontDoor.add('/broken', (request) => {
      if (request.url !== '/broken') return false;
      throw new Error('handler bug');
    });
    app.get('/fast', async () => 'application');
    app.get('/broken', async () => 'answered by the application');
    app.get('/other', async () => 'application');
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('answers what a handler takes and passes the rest to the application', async () => {
    expect(await (await fetch(`${origin}/fast`)).text()).toBe('front door');
    expect(await (await fetch(`${origin}/other`)).text()).toBe('application');
  });

  it('measures an answer sent later when it leaves, with its real status', async () => {
    const before = observed.length;
    const response = await fetch(`${origin}/later`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(observed.slice(before)).toEqual(['GET /later 302 true']);
  });

  it('keeps the server options Fastify would have applied', () => {
    expect(app.server.keepAliveTimeout).toBe(1234);
  });

  it('lets the application answer when a handler throws before sending anything', async () => {
    const response = await fetch(`${origin}/broken`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('answered by the application');
    expect(errors).toHaveLength(1);
  });

  it('sends everything to the application once closed', async () => {
    frontDoor.close();
    expect(await (await fetch(`${origin}/fast`)).text()).toBe('application');
  });
});
