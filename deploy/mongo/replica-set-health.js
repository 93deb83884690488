// The mongo service's healthcheck (mongosh --nodb): on the first start it initiates the one-member replica set
// 'rs0'; afterwards it passes only while this member is the writable primary, so the apps start on a set that
// takes writes. The member is named mongo:27017, the address the apps use on the compose network.
const user = encodeURIComponent(process.env.MONGO_INITDB_ROOT_USERNAME);
const pass = encodeURIComponent(process.env.MONGO_INITDB_ROOT_PASSWORD);
const admin = connect(`mongodb://${user}:${pass}@127.0.0.1:27017/admin?directConnection=true&authSource=admin`);
try {
  admin.adminCommand({ replSetGetStatus: 1 });
} catch (error) {
  // 94 NotYetInitialized: the first start.
  if (error.code !== 94) throw error;
  admin.adminCommand({ replSetInitiate: { _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] } });
}
const hello = admin.adminCommand({ hello: 1 });
if (!hello.isWritablePrimary) {
  print('replica set rs0 not primary yet');
  quit(1);
}
