// `npm start`: runs Playroute and prints where to go. In development it first builds the client when its sources are
// newer than the build; in production it serves the build `npm run build` made, and says so when there is none.
import { clientIsBuilt, clientNeedsBuild, ensureClientBuilt } from './client-build';
import { runFromCommandLine } from '../main';

if (process.env.NODE_ENV === 'production') {
  if (!clientIsBuilt()) {
    console.error('Playroute cannot start: the client is not built (client/dist is missing): run npm run build');
    process.exit(1);
  }
} else if (clientNeedsBuild()) {
  console.log('Building the Playroute client…');
  try {
    ensureClientBuilt();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

await runFromCommandLine((running, config) => {
  console.log(`\nPlayroute is running at ${running.url}`);
  if (config.demoLms) console.log(`Try it in the demo course: open ${running.url}/demo-lms and launch as teacher, student or coach.`);
  console.log(`Data: ${config.mongodbUri ? 'MongoDB (MONGODB_URI)' : config.dataDir}. Stop with Ctrl-C.\n`);
});
