/* global db, print -- mongosh's shell globals */
// Runs once, on MongoDB's first start (docker-entrypoint-initdb.d, as the root user, before the replica set
// exists): the account Playroute connects with may read and write its own database and nothing else.
// mongosh is Node-based, so the password comes from the environment, not from a file in the repository.
const username = process.env.MONGO_APP_USERNAME;
const password = process.env.MONGO_APP_PASSWORD;
if (!username || !password) throw new Error('MONGO_APP_USERNAME and MONGO_APP_PASSWORD must be set');
db.getSiblingDB('admin').createUser({
  user: username,
  pwd: password,
  roles: [{ role: 'readWrite', db: 'playroute' }],
});
print(`created MongoDB user ${username} (readWrite on playroute)`);
