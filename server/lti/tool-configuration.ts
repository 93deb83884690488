// The one description of Playroute as an LTI tool, and each LMS's form of it: the Dynamic Registration request, Canvas's developer key JSON, Moodle's and Brightspace's settings.
import { MessageType, RegistrationKey, Scope } from './claims';
import { toolUrls, type ToolUrls } from './tool-urls';

export const TOOL_NAME = 'Playroute';
export const TOOL_DESCRIPTION = 'Personal learning routes: students choose their route through a playbook of activities, teachers grade on learning outcomes.';
/** Lets Canvas recognise Playroute across its deployments. */
export const TOOL_ID = 'playroute';

const CANVAS_PLATFORM = 'canvas.instructure.com';
/** The custom parameter in which the LMS names the courses this one was copied from. */
export const CONTEXT_HISTORY_PARAMETER = 'context_id_history';
export const CanvasKey = {
  privacyLevel: 'https://canvas.instructure.com/lti/privacy_level',
  toolId: 'https://canvas.instructure.com/lti/tool_id',
  courseNavigationDefaultEnabled: 'https://canvas.instructure.com/lti/course_navigation/default_enabled',
  visibility: 'https://canvas.instructure.com/lti/visibility',
} as const;

export interface ToolConfiguration {
  urls: ToolUrls;
  name: string;
  description: string;
  /** Host (and port) the LMS matches links against. */
  domain: string;
  scopes: string[];
  /** Claims the tool wants in every launch. */
  claims: string[];
  customParameters: Record<string, string>;
  /** Where deep linking (the activity picker) lands; Playroute takes both messages at one launch URL. */
  deepLinkingUrl: string;
}

export function toolConfiguration(publicUrl: string): ToolConfiguration {
  const urls = toolUrls(publicUrl);
  return {
    urls,
    name: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    domain: new URL(urls.base).host,
    scopes: [Scope.lineItem, Scope.lineItemReadOnly, Scope.resultReadOnly, Scope.score, Scope.nrpsMembership],
    claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
    customParameters: {
      // The student number lets a teacher match Playroute's grade exports with the student administration.
      student_number: '$Person.sourcedId',
      // The courses this course was copied from (Canvas: lib/lti/variable_expander.rb; newer Moodle's core_ltix too),
      // so a copied link only brings its playbook along when the LMS says the course is a copy.
      [CONTEXT_HISTORY_PARAMETER]: '$Context.id.history',
    },
    deepLinkingUrl: urls.launch,
  };
}

/** The LTI Dynamic Registration client registration request; Canvas gets its privacy level and placements on top of the spec's fields. */
export function registrationRequest(tool: ToolConfiguration, productFamily?: string): Record<string, unknown> {
  const canvas = productFamily === 'canvas';
  const deepLinking: Record<string, unknown> = {
    type: MessageType.deepLinkingRequest,
    target_link_uri: tool.deepLinkingUrl,
    label: tool.name,
    icon_uri: tool.urls.icon,
    ...(canvas ? { placements: ['link_selection', 'assignment_selection'] } : {}),
  };
  const messages: Record<string, unknown>[] = [{ type: MessageType.resourceLink, target_link_uri: tool.urls.launch, label: tool.name }, deepLinking];
  if (canvas) {
    messages.push({
      type: MessageType.resourceLink,
      target_link_uri: tool.urls.launch,
      label: tool.name,
      placements: ['course_navigation'],
      // Teachers switch the course menu item on where they want it; students reach Playroute through its links.
      [CanvasKey.courseNavigationDefaultEnabled]: false,
      [CanvasKey.visibility]: 'admins',
    });
  }
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: tool.urls.login,
    redirect_uris: [tool.urls.launch],
    client_name: tool.name,
    client_uri: tool.urls.base,
    jwks_uri: tool.urls.jwks,
    logo_uri: tool.urls.icon,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: tool.scopes.join(' '),
    [RegistrationKey.toolConfiguration]: {
      domain: tool.domain,
      target_link_uri: tool.urls.launch,
      description: tool.description,
      custom_parameters: tool.customParameters,
      claims: tool.claims,
      messages,
      // Without "public" Canvas leaves out name and email, which teachers grading evidence need.
      ...(canvas ? { [CanvasKey.privacyLevel]: 'public', [CanvasKey.toolId]: TOOL_ID } : {}),
    },
  };
}

/** Canvas's LTI 1.3 developer key configuration, for "Paste JSON". */
export function canvasDeveloperKey(tool: ToolConfiguration): Record<string, unknown> {
  const picker = (placement: string) => ({
    placement,
    message_type: MessageType.deepLinkingRequest,
    target_link_uri: tool.deepLinkingUrl,
    text: tool.name,
    icon_url: tool.urls.icon,
    selection_width: 1000,
    selection_height: 700,
  });
  return {
    title: tool.name,
    description: tool.description,
    oidc_initiation_url: tool.urls.login,
    target_link_uri: tool.urls.launch,
    public_jwk_url: tool.urls.jwks,
    scopes: tool.scopes,
    custom_fields: tool.customParameters,
    extensions: [
      {
        domain: tool.domain,
        tool_id: TOOL_ID,
        platform: CANVAS_PLATFORM,
        privacy_level: 'public',
        settings: {
          text: tool.name,
          icon_url: tool.urls.icon,
          placements: [
            picker('link_selection'),
            picker('assignment_selection'),
            {
              placement: 'course_navigation',
              message_type: MessageType.resourceLink,
              target_link_uri: tool.urls.launch,
              text: tool.name,
              icon_url: tool.urls.icon,
              visibility: 'admins',
              default: 'disabled',
            },
          ],
        },
      },
    ],
  };
}

export interface Setting {
  field: string;
  value: string;
}

/** Moodle: Site administration → Plugins → Activity modules → External tool → Manage tools → configure a tool manually. */
export function moodleSettings(tool: ToolConfiguration): { section: string; settings: Setting[] }[] {
  return [
    {
      section: 'Tool settings',
      settings: [
        { field: 'Tool name', value: tool.name },
        { field: 'Tool URL', value: tool.urls.launch },
        { field: 'Tool description', value: tool.description },
        { field: 'LTI version', value: 'LTI 1.3' },
        { field: 'Public key type', value: 'Keyset URL' },
        { field: 'Public keyset', value: tool.urls.jwks },
        { field: 'Initiate login URL', value: tool.urls.login },
        { field: 'Redirection URI(s)', value: tool.urls.launch },
        { field: 'Custom parameters (one per line)', value: Object.entries(tool.customParameters).map(([name, value]) => `${name}=${value}`).join(' ') },
        { field: 'Tool configuration usage', value: 'Show in activity chooser and as a preconfigured tool' },
        // Moodle offers no LTI Platform Storage, so inside an iframe a browser that blocks third-party cookies cannot launch.
        { field: 'Default launch container', value: 'New window' },
        { field: 'Supports Deep Linking (Content-Item Message)', value: 'Yes (ticked)' },
        { field: 'Content Selection URL', value: tool.deepLinkingUrl },
        { field: 'Icon URL', value: tool.urls.icon },
      ],
    },
    {
      section: 'Services',
      settings: [
        { field: 'IMS LTI Assignment and Grade Services', value: 'Use this service for grade sync and column management' },
        { field: 'IMS LTI Names and Role Provisioning', value: "Use this service to retrieve members' information as per privacy settings" },
        { field: 'Tool Settings', value: 'Do not use this service' },
      ],
    },
    {
      section: 'Privacy',
      settings: [
        { field: "Share launcher's name with tool", value: 'Always' },
        { field: "Share launcher's email with tool", value: 'Always' },
        { field: 'Accept grades from the tool', value: 'Always' },
      ],
    },
  ];
}

/** Brightspace's three steps: register the tool, deploy it to org units, create the link teachers pick. */
export function brightspaceSteps(tool: ToolConfiguration): { step: string; where: string; settings: Setting[] }[] {
  const extensions = 'Assignment and Grade Services; Deep Linking; Names and Role Provisioning Services';
  return [
    {
      step: 'Register the tool',
      where: 'Admin Tools → Manage Extensibility → LTI Advantage → Register Tool → Standard',
      settings: [
        { field: 'Name', value: tool.name },
        { field: 'Description', value: tool.description },
        { field: 'Domain', value: tool.urls.base },
        { field: 'Redirect URLs', value: tool.urls.launch },
        { field: 'OpenID Connect Login URL', value: tool.urls.login },
        { field: 'Target Link URI', value: tool.urls.launch },
        { field: 'Keyset URL', value: tool.urls.jwks },
        { field: 'Extensions', value: extensions },
        { field: 'Roles', value: 'Send Institution Role (ticked)' },
        { field: 'Substitution parameters', value: 'none needed' },
        { field: 'Custom parameters', value: Object.entries(tool.customParameters).map(([name, value]) => `${name}=${value}`).join(' ') },
      ],
    },
    {
      step: 'Create a deployment',
      where: 'Admin Tools → External Learning Tools → LTI Advantage → New Deployment',
      settings: [
        { field: 'Tool', value: tool.name },
        { field: 'Name', value: tool.name },
        { field: 'Extensions', value: extensions },
        { field: 'Security Settings', value: 'Org Unit Information; Link Information; User Information: Name, First name, Last name, Email, Org Defined Id; Classlist including users not known to this deployment' },
        { field: 'Org Units', value: 'Add Org Units: the faculties or courses that may use Playroute' },
      ],
    },
    {
      step: 'Create the link',
      where: 'the deployment → View Links → New Link',
      settings: [
        { field: 'Name', value: tool.name },
        { field: 'URL', value: tool.deepLinkingUrl },
        { field: 'Type', value: 'Deep Linking Quicklink' },
      ],
    },
  ];
}
