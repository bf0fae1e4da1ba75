import { activityDone } from '../../server/events';
import { payActivityDone } from './signin-credits';

/**
 * Sign-in's public surface. Sign-in sits above activities and credits: it gathers the facts
 * of an attendance and credits pays them.
 */

// An activity marked done pays the confirmed sign-ins whose rule waits for it (in the activity's transaction).
activityDone.listen(async (tx, { activityId, actorId }) => {
  await payActivityDone(tx, { activityId, actorId });
});
