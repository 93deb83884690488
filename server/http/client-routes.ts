// Serves the built React client, and its index.html for any page path the client's router handles.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Paths that belong to the server; the client never answers them. */
const SERVER_PREFIXES = ['/api', '/lti', '/health', '/metrics', '/demo-lms'];

export function clientRoutes(clientDir: string): Router {
  const router = Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (SERVER_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) return next();
    // A file name the static files above did not have (an icon, an old bundle) is a 404: the app page there would be a broken image or script.
    if (path.posix.extname(req.path) !== '') return next();
    if (!fs.existsSync(indexFile)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
