// The one rule for a link a student will open: a web address (http or https), whichever way it came in — form, import or copy.
import { z } from 'zod';

export const WEB_LINK_MESSAGE = 'must be an http(s) address';

/** Any other scheme (javascript:, data:, vbscript:, file:) could run script or reach outside the web when a student clicks it. */
export const webUrlSchema = z.url({ protocol: /^https?$/, message: WEB_LINK_MESSAGE });

export const webLinkSchema = z.object({
  title: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  url: webUrlSchema,
});
