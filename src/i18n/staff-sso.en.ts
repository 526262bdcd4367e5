import type { staffSsoDa } from './staff-sso.da.ts';

// The municipality's own log-in for staff, in English (spread into en.ts).
export const staffSsoEn: Record<keyof typeof staffSsoDa, string> = {
  'sso.title': "The municipality's log-in",
  'sso.link': "The municipality's log-in",
  'sso.intro':
    "With the municipality's log-in, staff log in with the account they use for the municipality's other systems, such as Microsoft Entra ID. Borgerbudget creates the user the first time they log in and gives them a role from their groups. The user has no password in Borgerbudget.",
  'sso.notConfigured':
    "The municipality's log-in is not set up on the server. The operator must first register Borgerbudget with the municipality's log-in and set OIDC_STAFF_ISSUER (see the operations guide). Until then the settings can be seen but not changed.",
  'sso.notConfiguredLabel': 'Not set up',
  'sso.claimValueShort': "The municipality's value",
  'sso.server':
    'The server uses the issuer {issuer}. The municipality is known by the claim {claim}, and the groups are read from the claim {groups}.',
  'sso.settings': 'Settings',
  'sso.enabled': "Staff can log in with the municipality's log-in",
  'sso.enabledHint':
    "If you switch the municipality's log-in off, the staff logged in with it are logged out at once.",
  'sso.claimValue': "The municipality's value of the claim {claim}",
  'sso.claimValueHint':
    "E.g. the municipality's tenant id in Microsoft Entra ID. Log-ins with another value are not the municipality's and are refused.",
  'sso.save': 'Save the settings',
  'sso.saved': 'The settings are saved.',
  'sso.on': 'On',
  'sso.off': 'Off',
  'sso.status': 'Status',
  'sso.noValue': 'No value',
  'sso.mapping': 'Groups and roles',
  'sso.mappingIntro':
    'Staff get the role their groups give. If they are in groups that give different roles, they are refused: one role per person keeps approval and payment apart. Changes apply at once: a user who loses their role is deactivated and logged out, and a user whose role changes is logged out.',
  'sso.mappingNone':
    "No group gives a role yet. Nobody can log in with the municipality's log-in until a group gives a role.",
  'sso.group': 'Group',
  'sso.groupHint':
    "The group's id or name as it appears in the claim {groups}, e.g. the group's object id in Entra ID.",
  'sso.role': 'Role',
  'sso.actions': 'Actions',
  'sso.remove': 'Remove',
  'sso.removeLabel': 'Remove the group {group}',
  'sso.add': 'Give a group a role',
  'sso.addSubmit': 'Add',
  'sso.mappingSaved': 'The groups and roles are saved.',
  'sso.userBadge': "Municipality's log-in",
  'sso.login.button': "Log in with the municipality's log-in",
  'sso.login.or': 'Or log in with e-mail and password:',
  'sso.refused.title': 'You cannot log in',
  'sso.refused.noMunicipality':
    "Your municipality does not use its own log-in in Borgerbudget, or it is switched off. Log in with e-mail and password, or contact the municipality's Borgerbudget administrator.",
  'sso.refused.otherMunicipality':
    "Your account belongs to another municipality in Borgerbudget. Contact the municipality's Borgerbudget administrator.",
  'sso.refused.noRole':
    "You are not in a group that gives access to Borgerbudget. Contact the municipality's IT department or Borgerbudget administrator if you need access.",
  'sso.refused.severalRoles':
    "You are in groups that give several different roles in Borgerbudget, but a person can only have one role. Contact the municipality's IT department so that you are in only one of the groups.",
  'sso.refused.deactivated':
    "Your user in Borgerbudget is deactivated. Contact the municipality's Borgerbudget administrator.",
  'sso.refused.noEmail':
    "The municipality's log-in sent no e-mail address for you. Contact the municipality's IT department.",
  'sso.refused.emailTaken':
    "Another user in Borgerbudget already has your e-mail address. Contact the municipality's Borgerbudget administrator.",
  'sso.refused.failed':
    "The log-in with the municipality's log-in could not be completed. It may have taken too long, or been started in another browser. Try again.",
  'sso.refused.back': 'Back to log-in',
  'field.sso.claimValueNeeded':
    "Write the municipality's value of the claim before you switch the municipality's log-in on.",
  'field.sso.claimValueTaken': 'Another municipality already uses that value.',
  'field.sso.group': "Write the group's id or name.",
  'error.sso.ownRole':
    'The change would change your own role or log you out. Ask another administrator to make it.',
  'error.sso.noPassword':
    "The user logs in with the municipality's log-in and has no password in Borgerbudget.",
  'error.sso.notConfigured': "The municipality's log-in is not set up on the server.",
};
