/* global connect, print, quit -- mongosh's shell globals */
// The mongo service's healthcheck (mongosh --nodb): on the first start it initiates the one-member replica set
// 'rs0'; afterwards it passes only while this member is the writable primary, so the apps start on a set that
// takes writes. The member is named mongo:27017, the address the apps use on the compose network.
const user = encodeURIComponent(process.env.MONGO_INITDB_ROOT_USERNAME);
const pass = encodeURIComponent(process.env.MONGO_INITDB_ROOT_PASSWORD);
const admin = connect(`mongodb://${user}:${pass}@127.0.0.1:27017/admin?directConnection=true&authSource=admin`);

// mongosh throws on a command that fails (ok: 0); read both ways alike, as an answer with ok and code.
function command(doc) {
  try {
    return admin.adminCommand(doc);
  } catch (error) {
    return { ok: 0, code: error.code, errmsg: error.message };
  }
}

const status = command({ replSetGetStatus: 1 });
if (status.ok !== 1) {
  // 94 NotYetInitialized: the first start. Anything else (the first start's temporary server without --replSet,
  // a wrong password) is a failed check, tried again at the next interval.
  if (status.code !== 94) throw new Error(`replica set status: ${status.errmsg}`);
  const initiated = command({ replSetInitiate: { _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] } });
  if (initiated.ok !== 1) throw new Error(`replica set initiation: ${initiated.errmsg}`);
  print('replica set rs0 initiated');
}
const hello = command({ hello: 1 });
if (!hello.isWritablePrimary) {
  print('replica set rs0 has no writable primary yet');
  quit(1);
}
