// The municipality's own log-in for staff: the administrator's page, the log-in button and the refusals.
// Spread into da.ts.
export const staffSsoDa = {
  'sso.title': 'Kommunens log-in',
  'sso.link': 'Kommunens log-in',
  'sso.intro':
    'Med kommunens log-in logger medarbejderne ind med den konto, de bruger til kommunens andre systemer, fx Microsoft Entra ID. Borgerbudget opretter brugeren, første gang vedkommende logger ind, og giver rollen ud fra brugerens grupper. Brugeren har ingen adgangskode i Borgerbudget.',
  'sso.notConfigured':
    'Kommunens log-in er ikke sat op på serveren. Driftsleverandøren skal først registrere Borgerbudget hos kommunens log-in og sætte OIDC_STAFF_ISSUER (se driftsvejledningen). Indtil da kan indstillingerne ses, men ikke ændres.',
  'sso.notConfiguredLabel': 'Ikke sat op',
  'sso.claimValueShort': 'Kommunens værdi',
  'sso.server':
    'Serveren bruger udstederen {issuer}. Kommunen kendes på kravet {claim}, og grupperne læses fra kravet {groups}.',
  'sso.settings': 'Indstillinger',
  'sso.enabled': 'Medarbejdere kan logge ind med kommunens log-in',
  'sso.enabledHint':
    'Slår I kommunens log-in fra, bliver de medarbejdere, der er logget ind med det, logget ud med det samme.',
  'sso.claimValue': 'Kommunens værdi af kravet {claim}',
  'sso.claimValueHint':
    'Fx kommunens tenant-id i Microsoft Entra ID. Log-ins med en anden værdi hører ikke til kommunen og afvises.',
  'sso.save': 'Gem indstillingerne',
  'sso.saved': 'Indstillingerne er gemt.',
  'sso.on': 'Slået til',
  'sso.off': 'Slået fra',
  'sso.status': 'Status',
  'sso.noValue': 'Ingen værdi',
  'sso.mapping': 'Grupper og roller',
  'sso.mappingIntro':
    'En medarbejder får den rolle, deres grupper giver. Er de i grupper, der giver forskellige roller, bliver de afvist: én rolle pr. person holder godkendelse og betaling adskilt. Ændringer gælder med det samme: mister en bruger sin rolle, bliver vedkommende deaktiveret og logget ud, og får en bruger en anden rolle, bliver vedkommende logget ud.',
  'sso.mappingNone':
    'Ingen grupper giver en rolle endnu. Ingen kan logge ind med kommunens log-in, før en gruppe giver en rolle.',
  'sso.group': 'Gruppe',
  'sso.groupHint':
    'Gruppens id eller navn, som det står i kravet {groups}, fx gruppens objekt-id i Entra ID.',
  'sso.role': 'Rolle',
  'sso.actions': 'Handlinger',
  'sso.remove': 'Fjern',
  'sso.removeLabel': 'Fjern gruppen {group}',
  'sso.add': 'Giv en gruppe en rolle',
  'sso.addSubmit': 'Tilføj',
  'sso.mappingSaved': 'Grupperne og rollerne er gemt.',
  'sso.userBadge': 'Kommunens log-in',
  'sso.login.button': 'Log ind med kommunens log-in',
  'sso.login.or': 'Eller log ind med e-mail og adgangskode:',
  'sso.refused.title': 'Du kan ikke logge ind',
  'sso.refused.noMunicipality':
    'Din kommune bruger ikke kommunens log-in i Borgerbudget, eller det er ikke slået til. Log ind med e-mail og adgangskode, eller kontakt kommunens administrator af Borgerbudget.',
  'sso.refused.otherMunicipality':
    'Din konto hører til en anden kommune i Borgerbudget. Kontakt kommunens administrator af Borgerbudget.',
  'sso.refused.noRole':
    'Du er ikke i en gruppe, der giver adgang til Borgerbudget. Kontakt kommunens IT-afdeling eller administrator af Borgerbudget, hvis du skal have adgang.',
  'sso.refused.severalRoles':
    'Du er i grupper, der giver flere forskellige roller i Borgerbudget, men en person kan kun have én rolle. Kontakt kommunens IT-afdeling, så du kun er i én af grupperne.',
  'sso.refused.deactivated':
    'Din bruger i Borgerbudget er deaktiveret. Kontakt kommunens administrator af Borgerbudget.',
  'sso.refused.noEmail':
    'Kommunens log-in sendte ingen e-mailadresse for dig. Kontakt kommunens IT-afdeling.',
  'sso.refused.emailTaken':
    'Der findes allerede en anden bruger med din e-mailadresse i Borgerbudget. Kontakt kommunens administrator af Borgerbudget.',
  'sso.refused.failed':
    'Log-in med kommunens log-in kunne ikke gennemføres. Det kan skyldes, at det tog for lang tid, eller at log-in blev startet i en anden browser. Prøv igen.',
  'sso.refused.back': 'Tilbage til log-ind',
  'field.sso.claimValueNeeded': 'Skriv kommunens værdi af kravet, før I slår kommunens log-in til.',
  'field.sso.claimValueTaken': 'En anden kommune bruger allerede den værdi.',
  'field.sso.group': 'Skriv gruppens id eller navn.',
  'error.sso.ownRole':
    'Ændringen ville ændre din egen rolle eller logge dig ud. Bed en anden administrator om at lave den.',
  'error.sso.noPassword': 'Brugeren logger ind med kommunens log-in og har ingen adgangskode i Borgerbudget.',
  'error.sso.notConfigured': 'Kommunens log-in er ikke sat op på serveren.',
};
