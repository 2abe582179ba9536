// The comparison point for the fan-out benchmark: a socket.io 4 broadcast relay built the way the reveal.js
// multiplex plugin's server is. The presenter ("master") emits its state with a secret; the server checks
// that the secret hashes to the id the followers listen on and broadcasts the state to every other socket
// with socket.broadcast.emit. No storage, no authentication beyond the secret, no acknowledgements.
//
//   node --expose-gc server.js --port 5099
//
// GET /healthz answers once the server listens; GET /gc runs a full garbage collection (with --expose-gc) so
// that the harness can read a settled resident memory, as it does for the .NET server.
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');
const { Server } = require('socket.io');

const portAt = process.argv.indexOf('--port');
const port = Number(portAt >= 0 ? process.argv[portAt + 1] : process.env.PORT ?? 5099);

/** The id followers listen on: a hash of the presenter's secret, as in reveal.js multiplex. */
const idOf = (secret) => crypto.createHash('sha256').update(String(secret)).digest('hex').slice(0, 16);

const server = http.createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  } else if (request.url === '/gc') {
    global.gc?.();
    response.writeHead(200, { 'content-type': 'text/plain' }).end(String(process.memoryUsage().rss));
  } else if (request.url?.startsWith('/id/')) {
    // The presenter's page in reveal.js gets its id from the server's /token; here: the id of a given secret.
    response.writeHead(200, { 'content-type': 'text/plain' }).end(idOf(decodeURIComponent(request.url.slice(4))));
  } else if (!request.url?.startsWith('/socket.io/')) {
    response.writeHead(404).end();
  }
});

// socket.io's defaults (no per-message deflate, 25 s ping interval), as reveal.js multiplex runs it.
const io = new Server(server, { serveClient: false });

io.on('connection', (socket) => {
  socket.on('multiplex-statechanged', (data) => {
    if (!data || typeof data.secret !== 'string' || data.secret === '') return;
    if (idOf(data.secret) !== data.socketId) return;
    data.secret = null;
    socket.broadcast.emit(data.socketId, data);
  });
});

server.listen(port, '127.0.0.1');
